// SIGHUP reloads the API key file.
import Dispatch
import Foundation
import Logging
import ServiceLifecycle

/// Reloads the API keys whenever the process gets SIGHUP; a file that no longer reads is
/// logged and the keys in use stay.
struct KeyReloader: Service {
    let keys: APIKeys
    let logger: Logger

    func run() async throws {
        signal(SIGHUP, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGHUP)
        source.setEventHandler { [keys, logger] in
            do throws(APIKeys.FileError) {
                try keys.reload()
                logger.notice("API keys reloaded", metadata: ["keys": "\(keys.count)"])
            } catch {
                logger.error("API keys not reloaded: \(error.description); the previous keys stay in use")
            }
        }
        source.resume()
        try? await gracefulShutdown()
        source.cancel()
    }
}

// `capacity-planner serve` as a child process: started on a free port, killed with SIGKILL.
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#endif
import TestSupport
import Testing

/// A `capacity-planner serve` process of the test's own.
final class ServerProcess: @unchecked Sendable {
    let process = Process()
    let port: Int
    let log: URL
    var client: LiveService { LiveService(base: URL(string: "http://127.0.0.1:\(port)")!, shutDown: {}) }

    /// Starts `serve` with `arguments` on a free loopback port and waits until `/healthz` answers.
    init(_ arguments: [String], folder: URL) async throws {
        let executable = try #require(CommandRunner.executable(named: "capacity-planner", environmentVariable: "CAPACITY_PLANNER"),
                                      "the capacity-planner executable is built with the tests")
        port = try Self.freePort()
        log = folder.appendingPathComponent("serve-\(port).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.executableURL = executable
        process.arguments = ["serve", "--port", "\(port)"] + arguments
        process.currentDirectoryURL = folder
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        // At least 180 s and 100 tries: on a loaded 2-core machine the tests' own tasks can
        // wait long for a thread, and a deadline alone would then expire between two tries.
        let deadline = ContinuousClock.now + .seconds(180)
        var tries = 0
        while ContinuousClock.now < deadline || tries < 100 {
            tries += 1
            if let reply = try? await client.call("GET", "/healthz"), reply.status == 200 { return }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        kill()
        throw ServerProcessError(message: "serve did not answer /healthz (\(tries) tries, 60 s or more):\n\(logText)")
    }

    /// Ends the process with SIGKILL (no shutdown handler runs) and waits for it.
    func kill() {
        guard process.isRunning else { return }
        Glibc.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Ends the process with SIGTERM (graceful shutdown) and waits for it.
    func terminate() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    var logText: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    deinit { kill() }

    /// A loopback port no one listens on now.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServerProcessError(message: "socket() failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0 else { throw ServerProcessError(message: "bind() failed") }
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else { throw ServerProcessError(message: "getsockname() failed") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

struct ServerProcessError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

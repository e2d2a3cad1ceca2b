// `--store postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=…&sslrootcert=…]`, read into a
// client configuration, with libpq's meaning of `sslmode`.
import Foundation
import NIOSSL
import PostgresNIO

/// Where the shared store is and how to reach it.
struct PostgresLocation: Sendable, Equatable {
    /// libpq's `sslmode` values this service takes.
    enum TLSMode: String, Sendable, CaseIterable {
        /// No TLS.
        case disable
        /// TLS when the server offers it, without checking its certificate.
        case prefer
        /// TLS or no connection; the certificate is not checked (libpq's meaning).
        case require
        /// TLS, the certificate signed by the CA (`sslrootcert`, or the system's roots); any host name.
        case verifyCA = "verify-ca"
        /// TLS, the certificate signed by the CA and issued to the host connected to.
        case verifyFull = "verify-full"
    }

    var user: String
    var password: String?
    var host: String
    var port: Int
    var database: String?
    var tls: TLSMode
    /// A PEM file of the CA certificates to trust (`sslrootcert`).
    var rootCertificate: String?

    /// Reads `url`; throws naming what is wrong, never repeating a password.
    init(url: String) throws(JobStoreError) {
        guard let parts = URLComponents(string: url), ["postgres", "postgresql"].contains(parts.scheme ?? ""),
              let host = parts.host, !host.isEmpty, let user = parts.user, !user.isEmpty
        else {
            throw JobStoreError(message: "--store: '\(Self.redacted(url))' is not postgres://USER@HOST:PORT/DATABASE")
        }
        self.user = user
        password = parts.password ?? ProcessInfo.processInfo.environment["PGPASSWORD"]
        self.host = host
        port = parts.port ?? 5432
        let name = String(parts.path.drop { $0 == "/" })
        database = name.isEmpty ? nil : name
        tls = .disable
        for item in parts.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                guard let mode = item.value.flatMap(TLSMode.init(rawValue:)) else {
                    throw JobStoreError(message: "--store: sslmode '\(item.value ?? "")' is not one of "
                                        + TLSMode.allCases.map(\.rawValue).joined(separator: ", "))
                }
                tls = mode
            case "sslrootcert":
                guard let path = item.value, !path.isEmpty else { throw JobStoreError(message: "--store: sslrootcert needs a file path") }
                guard FileManager.default.isReadableFile(atPath: path) else {
                    throw JobStoreError(message: "--store: sslrootcert '\(path)' cannot be read")
                }
                rootCertificate = path
            default:
                throw JobStoreError(message: "--store: unknown parameter '\(item.name)' (sslmode, sslrootcert)")
            }
        }
        if rootCertificate != nil, ![.verifyCA, .verifyFull].contains(tls) {
            throw JobStoreError(message: "--store: sslrootcert needs sslmode=verify-ca or verify-full (with \(tls.rawValue) the certificate is not checked)")
        }
    }

    /// One connection's configuration, the same as the client's (a probe that reports why the
    /// server cannot be reached: the client's pool only retries).
    func connectionConfiguration() throws(JobStoreError) -> PostgresConnection.Configuration {
        let mode: PostgresConnection.Configuration.TLS
        do {
            switch tls {
            case .disable: mode = .disable
            case .prefer: mode = .prefer(try NIOSSLContext(configuration: tlsConfiguration))
            case .require, .verifyCA, .verifyFull: mode = .require(try NIOSSLContext(configuration: tlsConfiguration))
            }
        } catch {
            throw JobStoreError(message: "--store: the TLS settings cannot be used: \(error)")
        }
        return PostgresConnection.Configuration(host: host, port: port, username: user, password: password, database: database, tls: mode)
    }

    /// The client's configuration: TLS as `tls` says, at most `connections` connections.
    func configuration(connections: Int) -> PostgresClient.Configuration {
        let mode: PostgresClient.Configuration.TLS
        switch tls {
        case .disable: mode = .disable
        case .prefer: mode = .prefer(tlsConfiguration)
        case .require, .verifyCA, .verifyFull: mode = .require(tlsConfiguration)
        }
        var configuration = PostgresClient.Configuration(host: host, port: port, username: user, password: password,
                                                         database: database, tls: mode)
        configuration.options.maximumConnections = connections
        return configuration
    }

    /// How the server's certificate is checked.
    private var tlsConfiguration: TLSConfiguration {
        var tlsConfiguration = TLSConfiguration.makeClientConfiguration()
        switch tls {
        case .disable, .prefer, .require: tlsConfiguration.certificateVerification = .none
        case .verifyCA: tlsConfiguration.certificateVerification = .noHostnameVerification
        case .verifyFull: tlsConfiguration.certificateVerification = .fullVerification
        }
        if let rootCertificate { tlsConfiguration.trustRoots = .file(rootCertificate) }
        return tlsConfiguration
    }

    /// `url` with its password replaced by `***`, for messages and logs.
    static func redacted(_ url: String) -> String {
        guard var parts = URLComponents(string: url), parts.password != nil else { return url }
        parts.password = "***"
        return parts.string ?? "postgres://…"
    }
}

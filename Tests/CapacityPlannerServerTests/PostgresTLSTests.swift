// The shared store over TLS: `?sslmode=…&sslrootcert=…` against a PostgreSQL that takes TLS
// connections only, with a self-signed certificate (scripts/start-postgres tls).
@testable import CapacityPlannerServer
import Foundation
import Logging
import TestSupport
import Testing

@Suite("PostgreSQL over TLS")
struct PostgresTLSTests {
    /// The TLS-only server's URL and its certificate (the CA to trust), when scripts/test started it.
    static let server: (url: String, ca: String)? = {
        guard let value = ProcessInfo.processInfo.environment["CAPACITY_PLANNER_TEST_POSTGRES_TLS"],
              let space = value.firstIndex(of: " ") else { return nil }
        return (String(value[..<space]), String(value[value.index(after: space)...]))
    }()

    @Test("a store URL's TLS settings are read as libpq reads them; a bad one is refused naming it; a password is never repeated")
    func locations() throws {
        let plain = try PostgresLocation(url: "postgres://planner@db:6543/jobs")
        #expect(plain.tls == .disable && plain.port == 6543 && plain.database == "jobs" && plain.rootCertificate == nil)
        #expect(try PostgresLocation(url: "postgres://planner@db/jobs?sslmode=require").tls == .require)
        let ca = try CommandRunner.temporaryDirectory(prefix: "tls").appendingPathComponent("ca.pem")
        try Data("-----BEGIN CERTIFICATE-----\n".utf8).write(to: ca)
        let full = try PostgresLocation(url: "postgresql://planner@db/jobs?sslmode=verify-full&sslrootcert=\(ca.path)")
        #expect(full.tls == .verifyFull && full.rootCertificate == ca.path)
        for (url, says) in [("postgres://planner@db/jobs?sslmode=maybe", "sslmode 'maybe' is not one of disable, prefer, require"),
                            ("postgres://planner@db/jobs?sslmode=require&sslrootcert=\(ca.path)", "sslrootcert needs sslmode=verify-ca or verify-full"),
                            ("postgres://planner@db/jobs?sslmode=verify-full&sslrootcert=/nowhere/ca.pem", "sslrootcert '/nowhere/ca.pem' cannot be read"),
                            ("postgres://planner@db/jobs?timeout=3", "unknown parameter 'timeout'"),
                            ("postgres://planner:s3cret@/jobs", "postgres://planner:***@/jobs")] {
            #expect {
                _ = try PostgresLocation(url: url)
            } throws: { error in
                let message = "\(error)"
                return message.contains(says) && !message.contains("s3cret")
            }
        }
    }

    @Test("TLS to a PostgreSQL that takes TLS only: require and verify-full with its CA work, a job runs; without TLS, or without trusting its certificate, no connection",
          .enabled(if: server != nil, "CAPACITY_PLANNER_TEST_POSTGRES_TLS is not set (scripts/test sets it with scripts/start-postgres tls)"))
    func tlsOnlyServer() async throws {
        let (url, ca) = try #require(Self.server)
        for good in ["\(url)?sslmode=require", "\(url)?sslmode=verify-full&sslrootcert=\(ca)", "\(url)?sslmode=verify-ca&sslrootcert=\(ca)"] {
            let store = try await StoreLocation.open(good, logger: Logger(label: "test"))
            try await store.prepare()
            try await store.insert([JobStoreTests.newJob()])
            #expect(try await store.activeJobs(tenant: "acme") >= 1, "\(good)")
            await store.close()
        }
        // Refused at once, with the reason: the server's (no encryption) or the handshake's.
        for (bad, says) in [(url, "no encryption"), ("\(url)?sslmode=disable", "no encryption"),
                            ("\(url)?sslmode=verify-full", "CERTIFICATE_VERIFY_FAILED")] {
            let store = try await StoreLocation.open(bad, logger: Logger(label: "test"))
            await #expect {
                try await withTimeout(seconds: 60) { try await store.prepare() }
            } throws: { error in
                (error as? JobStoreError)?.message.contains(says) == true
            }
            await store.close()
        }
        // The service on the TLS store: a job runs to its end.
        let small = try Repository.example("small-team.json")
        try await withService({ $0.store = "\(url)?sslmode=verify-full&sslrootcert=\(ca)" }) { client in
            let created = try await client.call("POST", "/v1/jobs?solver=greedy&timeLimit=5", body: small)
            #expect(created.status == 202)
            let done = try await client.poll(try #require(created.header("Location"))) { ["succeeded", "failed", "cancelled"].contains($0) }
            #expect(done["state"] == .string("succeeded"))
        }
    }
}

/// An operation that did not end in time.
struct TimedOut: Error {}

/// Runs `operation`, throwing `TimedOut` when it takes longer than `seconds` (so a hang fails a
/// test that expects another error).
func withTimeout<T: Sendable>(seconds: Double, _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(for: .seconds(seconds))
            throw TimedOut()
        }
        defer { group.cancelAll() }
        guard let first = try await group.next() else { throw TimedOut() }
        return first
    }
}

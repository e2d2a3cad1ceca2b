// The stores the tests run against: memory, a fresh SQLite file, and a fresh PostgreSQL
// database when `scripts/start-postgres` gave one (CAPACITY_PLANNER_TEST_POSTGRES).
@testable import CapacityPlannerServer
import Foundation
import Logging
import PostgresNIO
import TestSupport

enum TestStores {
    /// The PostgreSQL server the test script started, if any.
    static let postgresURL = ProcessInfo.processInfo.environment["CAPACITY_PLANNER_TEST_POSTGRES"]

    /// Why the PostgreSQL tests are skipped (printed once), or `nil` when they run.
    static let postgresSkipReason: String? = {
        guard postgresURL == nil else { return nil }
        let reason = "CAPACITY_PLANNER_TEST_POSTGRES is not set (scripts/test sets it when scripts/start-postgres can start PostgreSQL): the PostgreSQL store tests are skipped"
        FileHandle.standardError.write(Data("note: \(reason)\n".utf8))
        return reason
    }()

    /// The store kinds to test: always memory and SQLite, PostgreSQL when it runs.
    static var kinds: [String] { ["memory", "sqlite"] + (postgresSkipReason == nil ? ["postgres"] : []) }

    /// A `--store` value for a new, empty store of `kind`.
    static func location(_ kind: String) async throws -> String {
        switch kind {
        case "memory": return "memory"
        case "sqlite": return "sqlite:" + (try CommandRunner.temporaryDirectory(prefix: "store")).appendingPathComponent("jobs.sqlite").path
        default: return try await freshPostgresDatabase()
        }
    }

    /// Opens and prepares a new, empty store of `kind`.
    static func make(_ kind: String) async throws -> any JobStore {
        let store = try await StoreLocation.open(try await location(kind), logger: Logger(label: "test"))
        try await store.prepare()
        return store
    }

    /// Creates a database of its own for one test on the test server and returns its URL.
    static func freshPostgresDatabase() async throws -> String {
        guard let url = postgresURL, var parts = URLComponents(string: url) else {
            throw JobStoreError(message: "no PostgreSQL for the tests")
        }
        let name = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        let configuration = PostgresClient.Configuration(host: parts.host ?? "127.0.0.1", port: parts.port ?? 5432,
                                                         username: parts.user ?? "planner", password: nil,
                                                         database: String(parts.path.dropFirst()), tls: .disable)
        let client = PostgresClient(configuration: configuration, backgroundLogger: Logger(label: "test"))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            try await Task.sleep(for: .milliseconds(50))
            try await client.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"))
            group.cancelAll()
        }
        parts.path = "/" + name
        return parts.string ?? url
    }
}

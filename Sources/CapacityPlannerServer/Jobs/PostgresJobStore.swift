// The shared store: jobs in PostgreSQL (postgres-nio), for several replicas.
import CapacityPlanning
import Foundation
import Logging
import PostgresNIO

/// Jobs in PostgreSQL, shared by every replica that names the same database. A queued job is
/// claimed by exactly one replica (`FOR UPDATE SKIP LOCKED`), under a lease its runner renews;
/// when a replica dies, its jobs' leases run out and another replica claims them again.
final class PostgresJobStore: JobStore {
    let kind = "postgres"
    private let sql = JobSQL(dialect: .postgres)
    private let client: PostgresClient
    private let runner: Task<Void, Never>
    private let logger: Logger
    private let location: PostgresLocation

    /// Connects to `url` (`postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE`, the password also from
    /// `PGPASSWORD`; `?sslmode=require|verify-ca|verify-full&sslrootcert=CA.pem` for TLS,
    /// `PostgresLocation`).
    init(url: String, logger: Logger) throws(JobStoreError) {
        let location = try PostgresLocation(url: url)
        let client = PostgresClient(configuration: location.configuration(connections: 8), backgroundLogger: logger)
        self.location = location
        self.client = client
        self.logger = logger
        runner = Task { await client.run() }
    }

    /// The longest one statement may take, waiting for a connection included: the client's pool
    /// retries a server that is away without end, and a request must be answered (503) instead.
    static let statementTimeout: Duration = .seconds(10)

    /// `operation`, or a `JobStoreError` after `statementTimeout` (the operation is cancelled).
    private func withDeadline<T: Sendable>(_ what: String,
                                           _ operation: @escaping @Sendable () async throws -> T) async throws(JobStoreError) -> T {
        do {
            return try await withThrowingTaskGroup(of: T.self) { group in
                group.addTask { try await operation() }
                group.addTask {
                    try await Task.sleep(for: Self.statementTimeout)
                    throw JobStoreError(message: "PostgreSQL did not answer \(what) within \(Self.statementTimeout)")
                }
                defer { group.cancelAll() }
                guard let first = try await group.next() else { throw JobStoreError(message: "PostgreSQL: \(what) ended without an answer") }
                return first
            }
        } catch let error as JobStoreError {
            throw error
        } catch {
            throw JobStoreError(message: "PostgreSQL: \(String(reflecting: error))")
        }
    }

    /// Runs one statement, turning the library's error into the store's.
    private func run(_ query: PostgresQuery) async throws(JobStoreError) -> [PostgresRow] {
        let (client, logger) = (self.client, self.logger)
        return try await withDeadline("a statement") {
            var rows: [PostgresRow] = []
            for try await row in try await client.query(query, logger: logger) { rows.append(row) }
            return rows
        }
    }

    func run(_ sql: String, _ values: [PostgresValue]) async throws(JobStoreError) -> [PostgresRow] {
        var binds = PostgresBindings(capacity: values.count)
        for value in values { value.bind(into: &binds) }
        return try await run(PostgresQuery(unsafeSQL: sql, binds: binds))
    }

    func prepare() async throws(JobStoreError) {
        // One connection of its own first: it fails with the reason (refused, no TLS, a certificate
        // not trusted, a password wrong), where the client's pool would only retry.
        let (configuration, logger) = (try location.connectionConfiguration(), self.logger)
        do {
            let probe = try await withDeadline("a connection") {
                try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger)
            }
            try? await probe.close()
        } catch {
            throw JobStoreError(message: "PostgreSQL at \(location.host):\(location.port) cannot be reached: \(error.message)")
        }
        // Let the client's run loop start before the first query (postgres-nio warns otherwise).
        try? await Task.sleep(for: .milliseconds(50))
        do {
            try await client.withTransaction(logger: logger) { connection in
                // One replica migrates at a time; the others wait, then find the work done.
                try await connection.query("SELECT pg_advisory_xact_lock(727274)", logger: logger)
                try await connection.query("CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL)", logger: logger)
                var found = 0
                for try await (version) in try await connection.query("SELECT COALESCE(MAX(version), 0) FROM schema_version", logger: logger)
                    .decode(Int.self) { found = version }
                if found > JobSchema.version {
                    throw JobStoreError(message: "the job store's schema is version \(found), newer than this service's \(JobSchema.version)")
                }
                var version = found + 1
                while version <= JobSchema.version {
                    for statement in JobSchema.migration(to: version, dialect: .postgres) {
                        try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                    }
                    try await connection.query("INSERT INTO schema_version (version) VALUES (\(version))", logger: logger)
                    version += 1
                }
            }
        } catch let error as JobStoreError {
            throw error
        } catch {
            throw JobStoreError(message: "PostgreSQL: cannot prepare the job store: \(String(reflecting: error))")
        }
    }

    func insert(_ jobs: [NewJob]) async throws(JobStoreError) {
        guard !jobs.isEmpty else { return }
        var values: [PostgresValue] = []
        for entry in jobs {
            let row = JobRow(entry.job, sweepVariant: entry.variant, change: entry.change)
            values += [.text(row.id), .text(row.tenant), .text(row.state), .text(row.solver), .real(row.timeLimit),
                       .real(row.createdAt), .text(entry.scenario), .text(row.sweep), .integer(row.variant), .text(row.change),
                       .text(row.scenarioRef)]
        }
        _ = try await run(sql.insert(rows: jobs.count), values)
    }

    func job(_ id: String, tenant: String) async throws(JobStoreError) -> Job? {
        try await run(sql.job, [.text(id), .text(tenant)])
            .first.map { Self.row($0).job }
    }

    func scenarioText(of id: String, tenant: String) async throws(JobStoreError) -> String? {
        try await run(sql.scenarioText, [.text(id), .text(tenant)]).first.flatMap { try? $0.makeRandomAccess()["scenario"].decode(String.self) }
    }

    func sweep(_ id: String, tenant: String) async throws(JobStoreError) -> [SweepVariant] {
        try await run(sql.sweep, [.text(id), .text(tenant)])
            .map { let row = Self.row($0); return SweepVariant(job: row.job, change: row.change) }
    }

    func claim(owner: String, now: Date, leaseUntil: Date, excluding: [String]) async throws(JobStoreError) -> JobClaim? {
        let time = PostgresValue.real(now.timeIntervalSince1970)
        _ = try await run(sql.cancelAbandoned, [time])
        _ = try await run(sql.failAbandoned, [time, .text(JobRow.interruptedReason), .integer(JobRow.maxAttempts)])
        let rows = try await run(sql.claim(excluding: excluding.count),
                                 [time, .text(owner), .real(leaseUntil.timeIntervalSince1970)] + excluding.map { .text($0) })
        guard let first = rows.first else { return nil }
        let scenario = (try? first.makeRandomAccess()["scenario"].decode(String.self)) ?? ""
        return JobClaim(job: Self.row(first).job, scenario: scenario)
    }

    func runningByTenant(now: Date) async throws(JobStoreError) -> [String: Int] {
        var out: [String: Int] = [:]
        for row in try await run(sql.runningByTenant, [.real(now.timeIntervalSince1970)]) {
            let cells = row.makeRandomAccess()
            if let tenant = try? cells["tenant"].decode(String.self) { out[tenant] = (try? cells["n"].decode(Int.self)) ?? 0 }
        }
        return out
    }

    func activeJobs(tenant: String) async throws(JobStoreError) -> Int {
        try await run(sql.activeJobs, [.text(tenant)]).first.flatMap { try? $0.makeRandomAccess()["n"].decode(Int.self) } ?? 0
    }

    func tenantCounts() async throws(JobStoreError) -> [String: [Job.State: Int]] {
        var out: [String: [Job.State: Int]] = [:]
        for row in try await run(sql.tenantCounts, []) {
            let cells = row.makeRandomAccess()
            if let tenant = try? cells["tenant"].decode(String.self),
               let state = (try? cells["state"].decode(String.self)).flatMap(Job.State.init(rawValue:)) {
                out[tenant, default: [:]][state] = (try? cells["n"].decode(Int.self)) ?? 0
            }
        }
        return out
    }

    func heartbeat(_ id: String, owner: String, leaseUntil: Date, progress: Job.Progress?,
                   plan: Plan?) async throws(JobStoreError) -> Heartbeat {
        let rows = try await run(sql.heartbeat, [.text(id), .text(owner), .real(leaseUntil.timeIntervalSince1970),
                  .text(progress.flatMap(JobRow.text)), .text(plan.flatMap(JobRow.text))])
        guard let row = rows.first else { return Heartbeat(holdsLease: false, cancelRequested: false) }
        let cancel = (try? row.makeRandomAccess()["cancel_requested"].decode(Int.self)) ?? 0
        return Heartbeat(holdsLease: true, cancelRequested: cancel != 0)
    }

    func finish(_ id: String, owner: String, state: Job.State, plan: Plan?, error: String?,
                at: Date) async throws(JobStoreError) -> Bool {
        !(try await run(sql.finish, [.text(id), .text(owner), .text(state.rawValue), .text(plan.flatMap(JobRow.text)), .text(error),
                  .real(at.timeIntervalSince1970)])).isEmpty
    }

    func release(_ id: String, owner: String) async throws(JobStoreError) {
        _ = try await run(sql.release, [.text(id), .text(owner)])
    }

    func cancel(_ id: String, tenant: String, at: Date) async throws(JobStoreError) -> Job? {
        try await run(sql.cancel, [.text(id), .text(tenant), .real(at.timeIntervalSince1970)]).first.map { Self.row($0).job }
    }

    func prune(finishedBefore: Date, keep: Int) async throws(JobStoreError) {
        _ = try await run(sql.prune, [.real(finishedBefore.timeIntervalSince1970), .integer(max(0, keep))])
    }

    func counts() async throws(JobStoreError) -> [Job.State: Int] {
        var out: [Job.State: Int] = [:]
        for row in try await run(sql.counts, []) {
            let cells = row.makeRandomAccess()
            if let state = (try? cells["state"].decode(String.self)).flatMap(Job.State.init(rawValue:)) {
                out[state] = (try? cells["n"].decode(Int.self)) ?? 0
            }
        }
        return out
    }

    func close() async {
        runner.cancel()
    }

    // MARK: Rows

    private static func row(_ row: PostgresRow) -> JobRow {
        let c = row.makeRandomAccess()
        func text(_ name: String) -> String? { try? c[name].decode(String?.self) }
        func real(_ name: String) -> Double? { try? c[name].decode(Double?.self) }
        func integer(_ name: String) -> Int? { try? c[name].decode(Int?.self) }
        return JobRow(id: text("id") ?? "", tenant: text("tenant") ?? "", state: text("state") ?? "",
                      solver: text("solver") ?? "", timeLimit: real("time_limit") ?? 0, createdAt: real("created_at") ?? 0,
                      startedAt: real("started_at"), finishedAt: real("finished_at"), progress: text("progress"),
                      plan: text("plan"), error: text("error"), cancelRequested: (integer("cancel_requested") ?? 0) != 0,
                      attempts: integer("attempts") ?? 0, sweep: text("sweep"), variant: integer("variant"),
                      change: text("change_json"), scenarioRef: text("scenario_ref"))
    }
}

/// A statement's parameter: text, a number or NULL, bound in order as `$1`, `$2`, ….
enum PostgresValue {
    case text(String?)
    case real(Double?)
    case integer(Int?)

    func bind(into binds: inout PostgresBindings) {
        switch self {
        case .text(let value): binds.append(value)
        case .real(let value): binds.append(value)
        case .integer(let value): binds.append(value)
        }
    }
}

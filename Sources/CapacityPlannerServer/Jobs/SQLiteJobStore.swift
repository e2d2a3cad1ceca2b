// The embedded store: jobs in one SQLite file (sqlite-nio), or in memory.
import CapacityPlanning
import Foundation
import SQLiteNIO

/// Jobs in SQLite: `sqlite:PATH` (durable: WAL, synchronous commits, so a job survives a
/// SIGKILL of the service) or `memory` (an in-memory database: the same behaviour, gone with
/// the process). Several processes may share one file; each statement that changes a job is a
/// single atomic `UPDATE … RETURNING`, so a job is claimed by one of them only.
final class SQLiteJobStore: JobStore {
    let kind: String
    private let connection: SQLiteConnection
    private let sql = JobSQL(dialect: .sqlite)

    /// Opens (creating if needed) the database at `path`, or an in-memory one when `path` is `nil`.
    static func open(path: String?) async throws(JobStoreError) -> SQLiteJobStore {
        do {
            let connection = try await SQLiteConnection.open(storage: path.map { .file(path: $0) } ?? .memory)
            return SQLiteJobStore(connection: connection, kind: path == nil ? "memory" : "sqlite")
        } catch {
            throw JobStoreError(message: "cannot open the SQLite job store \(path ?? ":memory:"): \(error)")
        }
    }

    private init(connection: SQLiteConnection, kind: String) {
        self.connection = connection
        self.kind = kind
    }

    /// Runs one statement, turning the library's error into the store's.
    @discardableResult
    func run(_ sql: String, _ binds: [SQLiteData] = []) async throws(JobStoreError) -> [SQLiteRow] {
        do {
            return try await connection.query(sql, binds)
        } catch {
            throw JobStoreError(message: "SQLite: \(error)")
        }
    }

    func prepare() async throws(JobStoreError) {
        if kind == "sqlite" {
            try await run("PRAGMA journal_mode=WAL")
            try await run("PRAGMA synchronous=FULL")
        }
        try await run("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        try await run("BEGIN IMMEDIATE")
        do throws(JobStoreError) {
            let found = try await run("SELECT MAX(version) AS version FROM schema_version").first?.column("version")?.integer ?? 0
            if found > JobSchema.version {
                throw JobStoreError(message: "the job store's schema is version \(found), newer than this service's \(JobSchema.version)")
            }
            var version = found + 1
            while version <= JobSchema.version {
                for statement in JobSchema.migration(to: version, dialect: .sqlite) { try await run(statement) }
                try await run("INSERT INTO schema_version (version) VALUES (?1)", [.integer(version)])
                version += 1
            }
            try await run("COMMIT")
        } catch {
            try? await run("ROLLBACK")
            throw error
        }
    }

    func insert(_ jobs: [NewJob]) async throws(JobStoreError) {
        guard !jobs.isEmpty else { return }
        var binds: [SQLiteData] = []
        for entry in jobs {
            let row = JobRow(entry.job, sweepVariant: entry.variant, change: entry.change)
            binds += [.text(row.id), .text(row.tenant), .text(row.state), .text(row.solver), .float(row.timeLimit),
                      .float(row.createdAt), .text(entry.scenario), Self.data(row.sweep), Self.data(row.variant), Self.data(row.change),
                      Self.data(row.scenarioRef)]
        }
        try await run(sql.insert(rows: jobs.count), binds)
    }

    func job(_ id: String, tenant: String) async throws(JobStoreError) -> Job? {
        try await run(sql.job, [.text(id), .text(tenant)])
            .first.map { Self.row($0).job }
    }

    func scenarioText(of id: String, tenant: String) async throws(JobStoreError) -> String? {
        try await run(sql.scenarioText, [.text(id), .text(tenant)]).first?.column("scenario")?.string
    }

    func sweep(_ id: String, tenant: String) async throws(JobStoreError) -> [SweepVariant] {
        try await run(sql.sweep, [.text(id), .text(tenant)])
            .map { let row = Self.row($0); return SweepVariant(job: row.job, change: row.change) }
    }

    func claim(owner: String, now: Date, leaseUntil: Date, excluding: [String]) async throws(JobStoreError) -> JobClaim? {
        let time = SQLiteData.float(now.timeIntervalSince1970)
        // Jobs whose replica died: cancelled if that was asked for, failed after too many tries.
        try await run(sql.cancelAbandoned, [time])
        try await run(sql.failAbandoned, [time, .text(JobRow.interruptedReason), .integer(JobRow.maxAttempts)])
        let rows = try await run(sql.claim(excluding: excluding.count),
                                 [time, .text(owner), .float(leaseUntil.timeIntervalSince1970)] + excluding.map { .text($0) })
        guard let first = rows.first else { return nil }
        return JobClaim(job: Self.row(first).job, scenario: first.column("scenario")?.string ?? "")
    }

    func runningByTenant(now: Date) async throws(JobStoreError) -> [String: Int] {
        var out: [String: Int] = [:]
        for row in try await run(sql.runningByTenant, [.float(now.timeIntervalSince1970)]) {
            if let tenant = row.column("tenant")?.string { out[tenant] = row.column("n")?.integer ?? 0 }
        }
        return out
    }

    func activeJobs(tenant: String) async throws(JobStoreError) -> Int {
        try await run(sql.activeJobs, [.text(tenant)]).first?.column("n")?.integer ?? 0
    }

    func tenantCounts() async throws(JobStoreError) -> [String: [Job.State: Int]] {
        var out: [String: [Job.State: Int]] = [:]
        for row in try await run(sql.tenantCounts) {
            if let tenant = row.column("tenant")?.string, let state = row.column("state")?.string.flatMap(Job.State.init(rawValue:)) {
                out[tenant, default: [:]][state] = row.column("n")?.integer ?? 0
            }
        }
        return out
    }

    func heartbeat(_ id: String, owner: String, leaseUntil: Date, progress: Job.Progress?,
                   plan: Plan?) async throws(JobStoreError) -> Heartbeat {
        let rows = try await run(sql.heartbeat, [.text(id), .text(owner), .float(leaseUntil.timeIntervalSince1970),
                  Self.data(progress.flatMap(JobRow.text)), Self.data(plan.flatMap(JobRow.text))])
        guard let row = rows.first else { return Heartbeat(holdsLease: false, cancelRequested: false) }
        return Heartbeat(holdsLease: true, cancelRequested: (row.column("cancel_requested")?.integer ?? 0) != 0)
    }

    func finish(_ id: String, owner: String, state: Job.State, plan: Plan?, error: String?,
                at: Date) async throws(JobStoreError) -> Bool {
        let rows = try await run(sql.finish, [.text(id), .text(owner), .text(state.rawValue), Self.data(plan.flatMap(JobRow.text)), Self.data(error),
                  .float(at.timeIntervalSince1970)])
        return !rows.isEmpty
    }

    func release(_ id: String, owner: String) async throws(JobStoreError) {
        try await run(sql.release, [.text(id), .text(owner)])
    }

    func cancel(_ id: String, tenant: String, at: Date) async throws(JobStoreError) -> Job? {
        try await run(sql.cancel, [.text(id), .text(tenant), .float(at.timeIntervalSince1970)]).first.map { Self.row($0).job }
    }

    func prune(finishedBefore: Date, keep: Int) async throws(JobStoreError) {
        try await run(sql.prune, [.float(finishedBefore.timeIntervalSince1970), .integer(max(0, keep))])
    }

    func counts() async throws(JobStoreError) -> [Job.State: Int] {
        var out: [Job.State: Int] = [:]
        for row in try await run(sql.counts) {
            if let state = row.column("state")?.string.flatMap(Job.State.init(rawValue:)) {
                out[state] = row.column("n")?.integer ?? 0
            }
        }
        return out
    }

    /// Closes the connection, also when the calling task is cancelled (a service group torn down
    /// by cancellation): SQLiteNIO's async `close()` gives up on a cancelled task and would leave the
    /// connection open, which its deinit asserts against.
    func close() async {
        try? await connection.close().get()
    }

    // MARK: Rows

    private static func data(_ text: String?) -> SQLiteData { text.map { .text($0) } ?? .null }
    private static func data(_ number: Int?) -> SQLiteData { number.map { .integer($0) } ?? .null }

    private static func row(_ r: SQLiteRow) -> JobRow {
        JobRow(id: r.column("id")?.string ?? "", tenant: r.column("tenant")?.string ?? "",
               state: r.column("state")?.string ?? "", solver: r.column("solver")?.string ?? "",
               timeLimit: r.column("time_limit")?.double ?? 0, createdAt: r.column("created_at")?.double ?? 0,
               startedAt: r.column("started_at")?.double, finishedAt: r.column("finished_at")?.double,
               progress: r.column("progress")?.string, plan: r.column("plan")?.string, error: r.column("error")?.string,
               cancelRequested: (r.column("cancel_requested")?.integer ?? 0) != 0, attempts: r.column("attempts")?.integer ?? 0,
               sweep: r.column("sweep")?.string, variant: r.column("variant")?.integer, change: r.column("change_json")?.string,
               scenarioRef: r.column("scenario_ref")?.string)
    }
}

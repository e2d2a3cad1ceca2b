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
    private func run(_ sql: String, _ binds: [SQLiteData] = []) async throws(JobStoreError) -> [SQLiteRow] {
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
        var rows: [String] = []
        for entry in jobs {
            let row = JobRow(entry.job, sweepVariant: entry.variant, change: entry.change)
            let values: [SQLiteData] = [
                .text(row.id), .text(row.tenant), .text(row.state), .text(row.solver), .float(row.timeLimit),
                .float(row.createdAt), .text(entry.scenario), Self.data(row.sweep), Self.data(row.variant), Self.data(row.change),
            ]
            let first = binds.count
            rows.append("(" + values.indices.map { "?\(first + $0 + 1)" }.joined(separator: ", ") + ")")
            binds += values
        }
        try await run("INSERT INTO jobs (id, tenant, state, solver, time_limit, created_at, scenario, sweep, variant, change_json) VALUES "
                      + rows.joined(separator: ", "), binds)
    }

    func job(_ id: String, tenant: String) async throws(JobStoreError) -> Job? {
        try await run("SELECT \(JobRow.columns) FROM jobs WHERE id = ?1 AND tenant = ?2", [.text(id), .text(tenant)])
            .first.map { Self.row($0).job }
    }

    func sweep(_ id: String, tenant: String) async throws(JobStoreError) -> [SweepVariant] {
        try await run("SELECT \(JobRow.columns) FROM jobs WHERE sweep = ?1 AND tenant = ?2 ORDER BY variant", [.text(id), .text(tenant)])
            .map { let row = Self.row($0); return SweepVariant(job: row.job, change: row.change) }
    }

    func claim(owner: String, now: Date, leaseUntil: Date) async throws(JobStoreError) -> JobClaim? {
        let time = SQLiteData.float(now.timeIntervalSince1970)
        // Jobs whose replica died: cancelled if that was asked for, failed after too many tries.
        try await run("UPDATE jobs SET state = 'cancelled', finished_at = ?1, owner = NULL WHERE state = 'running' AND lease_until < ?1 AND cancel_requested = 1", [time])
        try await run("UPDATE jobs SET state = 'failed', finished_at = ?1, error = ?2, owner = NULL WHERE state = 'running' AND lease_until < ?1 AND attempts >= ?3",
                      [time, .text(JobRow.interruptedReason), .integer(JobRow.maxAttempts)])
        let rows = try await run("""
            UPDATE jobs SET state = 'running', owner = ?2, lease_until = ?3, attempts = attempts + 1, started_at = COALESCE(started_at, ?1)
            WHERE id = (SELECT id FROM jobs WHERE state = 'queued' OR (state = 'running' AND lease_until < ?1)
                        ORDER BY created_at, variant LIMIT 1)
            RETURNING \(JobRow.columns), scenario
            """, [time, .text(owner), .float(leaseUntil.timeIntervalSince1970)])
        guard let first = rows.first else { return nil }
        return JobClaim(job: Self.row(first).job, scenario: first.column("scenario")?.string ?? "")
    }

    func heartbeat(_ id: String, owner: String, leaseUntil: Date, progress: Job.Progress?,
                   plan: Plan?) async throws(JobStoreError) -> Heartbeat {
        let rows = try await run("""
            UPDATE jobs SET lease_until = ?3, progress = COALESCE(?4, progress), plan = COALESCE(?5, plan)
            WHERE id = ?1 AND owner = ?2 AND state = 'running' RETURNING cancel_requested
            """, [.text(id), .text(owner), .float(leaseUntil.timeIntervalSince1970),
                  Self.data(progress.flatMap(JobRow.text)), Self.data(plan.flatMap(JobRow.text))])
        guard let row = rows.first else { return Heartbeat(holdsLease: false, cancelRequested: false) }
        return Heartbeat(holdsLease: true, cancelRequested: (row.column("cancel_requested")?.integer ?? 0) != 0)
    }

    func finish(_ id: String, owner: String, state: Job.State, plan: Plan?, error: String?,
                at: Date) async throws(JobStoreError) -> Bool {
        let rows = try await run("""
            UPDATE jobs SET state = ?3, plan = COALESCE(?4, plan), error = ?5, finished_at = ?6, owner = NULL, lease_until = NULL
            WHERE id = ?1 AND owner = ?2 AND state = 'running' RETURNING id
            """, [.text(id), .text(owner), .text(state.rawValue), Self.data(plan.flatMap(JobRow.text)), Self.data(error),
                  .float(at.timeIntervalSince1970)])
        return !rows.isEmpty
    }

    func release(_ id: String, owner: String) async throws(JobStoreError) {
        try await run("""
            UPDATE jobs SET state = 'queued', owner = NULL, lease_until = NULL, attempts = MAX(0, attempts - 1)
            WHERE id = ?1 AND owner = ?2 AND state = 'running'
            """, [.text(id), .text(owner)])
    }

    func cancel(_ id: String, tenant: String, at: Date) async throws(JobStoreError) -> Job? {
        try await run("""
            UPDATE jobs SET
              finished_at = CASE WHEN state = 'queued' THEN ?3 ELSE finished_at END,
              cancel_requested = CASE WHEN state IN ('queued', 'running') THEN 1 ELSE cancel_requested END,
              state = CASE WHEN state = 'queued' THEN 'cancelled' ELSE state END
            WHERE id = ?1 AND tenant = ?2 RETURNING \(JobRow.columns)
            """, [.text(id), .text(tenant), .float(at.timeIntervalSince1970)]).first.map { Self.row($0).job }
    }

    func prune(finishedBefore: Date, keep: Int) async throws(JobStoreError) {
        try await run("""
            DELETE FROM jobs WHERE finished_at IS NOT NULL AND (finished_at < ?1 OR id IN
              (SELECT id FROM jobs WHERE finished_at IS NOT NULL ORDER BY finished_at DESC LIMIT -1 OFFSET ?2))
            """, [.float(finishedBefore.timeIntervalSince1970), .integer(max(0, keep))])
    }

    func counts() async throws(JobStoreError) -> [Job.State: Int] {
        var out: [Job.State: Int] = [:]
        for row in try await run("SELECT state, COUNT(*) AS n FROM jobs GROUP BY state") {
            if let state = row.column("state")?.string.flatMap(Job.State.init(rawValue:)) {
                out[state] = row.column("n")?.integer ?? 0
            }
        }
        return out
    }

    func close() async {
        try? await connection.close()
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
               sweep: r.column("sweep")?.string, variant: r.column("variant")?.integer, change: r.column("change_json")?.string)
    }
}

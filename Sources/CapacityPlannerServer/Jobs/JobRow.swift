// A job as a database row: the columns both SQL stores share, and their JSON.
import CapacityPlanning
import Foundation

/// The `jobs` table's columns (schema version 1), as both SQL stores read and write them.
/// Times are seconds since 1970; progress and plan are JSON text.
struct JobRow: Sendable {
    var id: String
    var tenant: String
    var state: String
    var solver: String
    var timeLimit: Double
    var createdAt: Double
    var startedAt: Double?
    var finishedAt: Double?
    var progress: String?
    var plan: String?
    var error: String?
    var cancelRequested: Bool
    var attempts: Int
    var sweep: String?
    var variant: Int?
    var change: String?
    /// JSON text of the kept scenario version the job solves.
    var scenarioRef: String?

    /// The columns, in the order every `SELECT` and `RETURNING` of the stores lists them.
    static let columns = "id, tenant, state, solver, time_limit, created_at, started_at, finished_at, progress, plan, error, cancel_requested, attempts, sweep, variant, change_json, scenario_ref"

    /// The row of a new job.
    init(_ job: Job, sweepVariant: Int? = nil, change: String? = nil) {
        id = job.id
        tenant = job.tenant
        state = job.state.rawValue
        solver = job.solver
        timeLimit = job.timeLimit
        createdAt = job.createdAt.timeIntervalSince1970
        startedAt = job.startedAt?.timeIntervalSince1970
        finishedAt = job.finishedAt?.timeIntervalSince1970
        progress = job.progress.flatMap(Self.text)
        plan = job.plan.flatMap(Self.text)
        error = job.error
        cancelRequested = job.cancelRequested ?? false
        attempts = job.attempts ?? 0
        sweep = job.sweep
        variant = sweepVariant
        self.change = change
        scenarioRef = job.scenarioVersion.flatMap(Self.text)
    }

    /// A row read from the database.
    init(id: String, tenant: String, state: String, solver: String, timeLimit: Double, createdAt: Double,
         startedAt: Double?, finishedAt: Double?, progress: String?, plan: String?, error: String?,
         cancelRequested: Bool, attempts: Int, sweep: String?, variant: Int?, change: String?, scenarioRef: String? = nil) {
        self.id = id
        self.tenant = tenant
        self.state = state
        self.solver = solver
        self.timeLimit = timeLimit
        self.createdAt = createdAt
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.progress = progress
        self.plan = plan
        self.error = error
        self.cancelRequested = cancelRequested
        self.attempts = attempts
        self.sweep = sweep
        self.variant = variant
        self.change = change
        self.scenarioRef = scenarioRef
    }

    /// The job the row holds. A row this version cannot read (a state it does not know, JSON it
    /// cannot decode) becomes a failed job that says so, never a crash.
    var job: Job {
        var job = Job(id: id, state: Job.State(rawValue: state) ?? .failed, solver: solver, timeLimit: timeLimit,
                      createdAt: Date(timeIntervalSince1970: createdAt), tenant: tenant)
        if Job.State(rawValue: state) == nil { job.error = "the store holds an unknown state '\(state)'" }
        job.startedAt = startedAt.map(Date.init(timeIntervalSince1970:))
        job.finishedAt = finishedAt.map(Date.init(timeIntervalSince1970:))
        job.progress = progress.flatMap { Self.value(Job.Progress.self, $0) }
        job.plan = plan.flatMap { Self.value(Plan.self, $0) }
        job.error = error ?? job.error
        job.cancelRequested = cancelRequested ? true : nil
        job.attempts = attempts
        job.sweep = sweep
        job.scenarioVersion = scenarioRef.flatMap { Self.value(Job.VersionRef.self, $0) }
        return job
    }

    /// JSON text of a stored value.
    static func text(_ value: some Encodable) -> String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return (try? encoder.encode(value)).flatMap { String(data: $0, encoding: .utf8) }
    }

    /// A stored value from its JSON text.
    static func value<T: Decodable>(_ type: T.Type, _ text: String) -> T? {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try? decoder.decode(type, from: Data(text.utf8))
    }

    /// After how many interrupted runs a job is failed rather than claimed again.
    static let maxAttempts = 3

    /// The reason stored on a job whose replica died too often.
    static let interruptedReason = "the solve was interrupted \(maxAttempts) times (its replica stopped or lost the database each time); not run again"
}

// Long solves as jobs: state, progress and result, kept for a bounded time and count.
import CapacityPlanners
import CapacityPlanning
import Foundation
import Synchronization

/// A solve run in the background (`POST /v1/jobs`), as `GET /v1/jobs/{id}` shows it.
struct Job: Sendable, Codable {
    /// Where a job is in its life.
    enum State: String, Sendable, Codable {
        /// Waiting for a solve slot.
        case queued
        /// Solving.
        case running
        /// Finished with a plan (which may say `infeasible`).
        case succeeded
        /// Finished without a plan (the planner failed or found none).
        case failed
        /// Cancelled by `DELETE` (the plan found so far, if any, is kept).
        case cancelled
    }

    /// The latest progress report.
    struct Progress: Sendable, Codable {
        var incumbent: Double?
        var bound: Double?
        var gap: Double?
        /// What proves the bound (`BoundSource`'s raw value).
        var boundSource: String?
        var elapsed: Double
        var message: String?
    }

    var id: String
    var state: State
    var solver: String
    var timeLimit: Double
    var createdAt: Date
    var startedAt: Date?
    var finishedAt: Date?
    var progress: Progress?
    var plan: Plan?
    var error: String?
    /// Set by `DELETE`: the job stops at once (or, if queued, when its turn comes) and then
    /// becomes `cancelled`.
    var cancelRequested: Bool?
}

/// The jobs the service holds. Thread-safe; finished jobs are dropped after
/// `retention` seconds or when more than `maxFinished` are held (oldest first).
final class JobStore: Sendable {
    private struct Entry {
        var job: Job
        var token: PlanningCancellation
    }

    private let entries = Mutex<[String: Entry]>([:])
    private let retention: Double
    private let maxFinished: Int
    private let metrics: ServiceMetrics

    init(retention: Double, maxFinished: Int, metrics: ServiceMetrics) {
        self.retention = retention
        self.maxFinished = maxFinished
        self.metrics = metrics
    }

    /// Adds a queued job and returns it with its cancellation token.
    func create(solver: String, timeLimit: Double) -> (Job, PlanningCancellation) {
        let job = Job(id: UUID().uuidString.lowercased(), state: .queued, solver: solver, timeLimit: timeLimit, createdAt: Date())
        let token = PlanningCancellation()
        let count = entries.withLock { e -> Int in
            Self.prune(&e, retention: retention, maxFinished: maxFinished)
            e[job.id] = Entry(job: job, token: token)
            return e.count
        }
        metrics.jobsRetained.set(Double(count))
        return (job, token)
    }

    /// The job, if it is held.
    func job(_ id: String) -> Job? {
        entries.withLock { e in
            Self.prune(&e, retention: retention, maxFinished: maxFinished)
            return e[id]?.job
        }
    }

    /// Changes a held job.
    func update(_ id: String, _ change: (inout Job) -> Void) {
        entries.withLock { e in
            guard var entry = e[id] else { return }
            change(&entry.job)
            e[id] = entry
        }
    }

    /// Asks a job to stop: a running one returns its best plan at once, a queued one will not
    /// solve. Its state becomes `cancelled` once its place in the pool is given back.
    /// Returns the job as it is now, or `nil` when it is not held.
    func cancel(_ id: String) -> Job? {
        let found = entries.withLock { e -> (Job, PlanningCancellation)? in
            guard var entry = e[id] else { return nil }
            if entry.job.finishedAt == nil {
                entry.job.cancelRequested = true
                e[id] = entry
            }
            return (entry.job, entry.token)
        }
        found?.1.cancel()
        return found?.0
    }

    private static func prune(_ e: inout [String: Entry], retention: Double, maxFinished: Int) {
        let now = Date()
        let finished = e.values.filter { $0.job.finishedAt != nil }
            .sorted { ($0.job.finishedAt ?? now) < ($1.job.finishedAt ?? now) }
        var excess = finished.count - maxFinished
        for entry in finished {
            guard let done = entry.job.finishedAt else { continue }
            if excess > 0 || now.timeIntervalSince(done) > retention {
                e[entry.job.id] = nil
                excess -= 1
            }
        }
    }
}

// A long solve as the service stores and shows it.
import CapacityPlanning
import Foundation

/// A solve run in the background (`POST /v1/jobs`, or one variant of a sweep), as
/// `GET /v1/jobs/{id}` shows it.
struct Job: Sendable, Codable, Equatable {
    /// Where a job is in its life.
    enum State: String, Sendable, Codable, CaseIterable {
        /// Committed, waiting for a replica with a free solve slot.
        case queued
        /// Solving on the replica that holds its lease.
        case running
        /// Finished with a plan (which may say `infeasible`).
        case succeeded
        /// Finished without a plan (the planner failed or found none, the scenario became
        /// unreadable, or the job was interrupted too often).
        case failed
        /// Cancelled by `POST /v1/jobs/{id}/cancel` (the plan found so far, if any, is kept).
        case cancelled

        /// Whether the job will not change any more.
        var isFinal: Bool { self == .succeeded || self == .failed || self == .cancelled }
    }

    /// The latest progress report.
    struct Progress: Sendable, Codable, Equatable {
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
    /// The final plan, or while the job runs the best plan stored so far (the search stores
    /// it every few seconds), so an interrupted or cancelled job keeps it.
    var plan: Plan?
    var error: String?
    /// Set by `POST /v1/jobs/{id}/cancel`: the job stops at once (or, if queued, never starts) and then becomes
    /// `cancelled`.
    var cancelRequested: Bool?
    /// How many times a replica started the solve (more than 1 after a replica died mid-solve).
    var attempts: Int?
    /// The sweep the job is a variant of.
    var sweep: String?
    /// The kept scenario's version the job solves (`POST /v1/scenarios/{id}/versions/{version}/jobs`).
    var scenarioVersion: VersionRef?
    /// The tenant that created it (not shown: a tenant only ever sees its own jobs).
    var tenant: String = Job.defaultTenant

    /// The tenant of every job when the service runs without API keys.
    static let defaultTenant = "default"

    private enum CodingKeys: String, CodingKey {
        case id, state, solver, timeLimit, createdAt, startedAt, finishedAt, progress, plan, error, cancelRequested,
             attempts, sweep, scenarioVersion
    }

    /// A kept scenario's version.
    struct VersionRef: Sendable, Codable, Equatable {
        var scenario: String
        var version: Int
    }

    /// A new queued job.
    static func queued(solver: String, timeLimit: Double, tenant: String, sweep: String? = nil,
                       version: VersionRef? = nil, now: Date = Date()) -> Job {
        Job(id: UUID().uuidString.lowercased(), state: .queued, solver: solver, timeLimit: timeLimit, createdAt: now,
            sweep: sweep, scenarioVersion: version, tenant: tenant)
    }
}

// Scenarios kept by the service: per tenant, named, in numbered versions, with the plans of record
// committed for them (issue 38, the weekly cycle). The job stores keep them beside the jobs.
import Foundation

/// A scenario as stored: its name, versions and commits.
struct StoredScenario: Sendable, Equatable {
    /// One version: its number (from 1) and when it was made.
    struct Version: Sendable, Equatable {
        var version: Int
        var createdAt: Date
    }

    /// One commit: a plan made the plan of record of a version.
    struct Commit: Sendable, Equatable {
        var version: Int
        /// The job whose plan it is.
        var job: String
        var objective: Double?
        var committedAt: Date
    }

    var id: String
    var name: String
    var createdAt: Date
    /// Oldest first.
    var versions: [Version]
    /// Oldest first; the last commit of a version is its plan of record.
    var commits: [Commit]
}

/// The scenario half of the store. Every method commits before it returns.
protocol ScenarioStore: Sendable {
    /// Keeps a new scenario `id` of `tenant` with its first version (`body`: scenario JSON text).
    func createScenario(_ id: String, tenant: String, name: String, body: String, at: Date) async throws(JobStoreError)
    /// Adds the next version of `tenant`'s scenario `id`; its number, or `nil` when there is no such scenario.
    func addVersion(_ id: String, tenant: String, body: String, at: Date) async throws(JobStoreError) -> Int?
    /// The scenario with its versions and commits, if `tenant` has it.
    func scenario(_ id: String, tenant: String) async throws(JobStoreError) -> StoredScenario?
    /// A version's scenario JSON text, if `tenant` has it.
    func versionBody(_ id: String, tenant: String, version: Int) async throws(JobStoreError) -> String?
    /// Makes `plan` (JSON text) of `job` the plan of record of a version.
    func commit(_ id: String, tenant: String, version: Int, job: String, plan: String, objective: Double?,
                at: Date) async throws(JobStoreError)
    /// The plan of record (JSON text) of `version`, or of the latest committed version when `nil`, with its version.
    func planOfRecord(_ id: String, tenant: String, version: Int?) async throws(JobStoreError) -> (version: Int, plan: String)?
}

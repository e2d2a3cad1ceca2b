// Where jobs live: one small protocol, three stores (memory, SQLite, PostgreSQL).
import CapacityPlanning
import Foundation

/// A job claimed by one replica: the job and the scenario it solves.
struct JobClaim: Sendable {
    /// The job, now `running` under the claiming replica's lease.
    var job: Job
    /// The scenario as it was posted (JSON text).
    var scenario: String
}

/// What a heartbeat learnt about the job it renewed.
struct Heartbeat: Sendable, Equatable {
    /// The replica still holds the lease (false: it ran out and another replica claimed the job,
    /// or the job is gone).
    var holdsLease: Bool
    /// A cancel asked the job to stop.
    var cancelRequested: Bool
}

/// A job to commit: the job, its scenario (JSON text) and, for a sweep's variant, its place
/// and change.
struct NewJob: Sendable {
    var job: Job
    var scenario: String
    /// The variant's index in its sweep (0 is the unchanged scenario).
    var variant: Int?
    /// The variant's change (JSON text of a `ScenarioChange`).
    var change: String?
}

/// One variant of a sweep as stored: its job and its change.
struct SweepVariant: Sendable {
    var job: Job
    /// JSON text of the `ScenarioChange`, or `nil` for the unchanged scenario.
    var change: String?
}

/// The store's failures: the database is unreachable or refused a statement.
struct JobStoreError: Error, Sendable, CustomStringConvertible {
    /// What failed, with the database's own message.
    var message: String
    var description: String { message }
}

/// The one interface through which the service keeps jobs. Every method commits before it
/// returns: a job `insert` returned from is durable (for SQLite and PostgreSQL).
protocol JobStore: ScenarioStore {
    /// `sqlite`, `postgres` or `memory`.
    var kind: String { get }
    /// Creates the schema, or migrates it to this version (a `schema_version` table records it).
    func prepare() async throws(JobStoreError)
    /// Commits new queued jobs with their scenarios, all or none (one statement).
    func insert(_ jobs: [NewJob]) async throws(JobStoreError)
    /// The job, if `tenant` owns it and it is kept.
    func job(_ id: String, tenant: String) async throws(JobStoreError) -> Job?
    /// The scenario JSON text a job of `tenant` solves, if it is kept.
    func scenarioText(of id: String, tenant: String) async throws(JobStoreError) -> String?
    /// A sweep's variants in order (empty if `tenant` has no such sweep).
    func sweep(_ id: String, tenant: String) async throws(JobStoreError) -> [SweepVariant]
    /// Claims a queued job, or a running one whose lease ran out before `now`, for `owner` until
    /// `leaseUntil`; exactly one replica gets each job. Fair across tenants: of the tenants not in
    /// `excluding`, the one with the fewest jobs running goes first, with its oldest job.
    func claim(owner: String, now: Date, leaseUntil: Date, excluding: [String]) async throws(JobStoreError) -> JobClaim?
    /// Each tenant's jobs running under a lease that holds at `now`.
    func runningByTenant(now: Date) async throws(JobStoreError) -> [String: Int]
    /// `tenant`'s jobs queued or running.
    func activeJobs(tenant: String) async throws(JobStoreError) -> Int
    /// Jobs per tenant and state (metrics).
    func tenantCounts() async throws(JobStoreError) -> [String: [Job.State: Int]]
    /// Renews `owner`'s lease and stores the progress (and the best plan so far, when given).
    func heartbeat(_ id: String, owner: String, leaseUntil: Date, progress: Job.Progress?,
                   plan: Plan?) async throws(JobStoreError) -> Heartbeat
    /// Stores the job's end, if `owner` still holds it; returns whether it did.
    @discardableResult
    func finish(_ id: String, owner: String, state: Job.State, plan: Plan?, error: String?,
                at: Date) async throws(JobStoreError) -> Bool
    /// Gives a claimed job back to the queue (its replica is shutting down), keeping its plan.
    func release(_ id: String, owner: String) async throws(JobStoreError)
    /// Cancel: a queued job is cancelled at once, a running one is asked to stop.
    /// Returns the job as it is now, or `nil` if `tenant` has no such job.
    func cancel(_ id: String, tenant: String, at: Date) async throws(JobStoreError) -> Job?
    /// Drops finished jobs that finished before `before`, and beyond the newest `keep`.
    func prune(finishedBefore: Date, keep: Int) async throws(JobStoreError)
    /// Jobs in each state (health and metrics).
    func counts() async throws(JobStoreError) -> [Job.State: Int]
    /// Closes the connection.
    func close() async
}

extension JobStore {
    /// Claims a job of any tenant (`claim(owner:now:leaseUntil:excluding:)` excluding none).
    func claim(owner: String, now: Date, leaseUntil: Date) async throws(JobStoreError) -> JobClaim? {
        try await claim(owner: owner, now: now, leaseUntil: leaseUntil, excluding: [])
    }
}

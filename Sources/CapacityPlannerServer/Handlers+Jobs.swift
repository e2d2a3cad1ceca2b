// The job routes: create, read and cancel jobs in the store; what-if sweeps as jobs.
import CapacityPlanners
import CapacityPlanning
import ConflictAnalysis
import Foundation
import StrictJSON

extension Handlers {
    /// `POST /v1/jobs`: scenario in; the job, queued, once it and its scenario are committed.
    func createJob(kind: PlannerKind, limit: Double) async throws -> Job {
        let body = try Self.body()
        _ = try Self.scenario(body)  // a scenario the job could not read is refused now (422), not stored
        let job = Job.queued(solver: kind.rawValue, timeLimit: limit, tenant: RequestScope.current.tenant)
        try await admit(1)
        try await stored { () async throws(JobStoreError) in
            try await store.insert([NewJob(job: job, scenario: String(decoding: body.serialized(), as: UTF8.self))])
        }
        runner.wake()
        return job
    }

    /// `GET /v1/jobs/{id}`: the job, from any replica.
    func job(_ id: String) async throws -> Job {
        let tenant = RequestScope.current.tenant
        let job = try await stored { () async throws(JobStoreError) in try await store.job(id, tenant: tenant) }
        guard let job else { throw Problem.notFound("No job '\(id)' (finished jobs are kept for a while, then dropped).") }
        return job
    }

    /// `POST /v1/jobs/{id}/cancel`: a queued job is cancelled at once, a running one stops within a
    /// heartbeat (at once on this replica); the job as it is now.
    func cancelJob(_ id: String) async throws -> Job {
        let tenant = RequestScope.current.tenant
        let job = try await stored { () async throws(JobStoreError) in try await store.cancel(id, tenant: tenant, at: Date()) }
        guard let job else { throw Problem.notFound("No job '\(id)'.") }
        runner.cancelLocally(id)
        return job
    }

    /// `POST /v1/sweeps`: `{"scenario": …, "changes": [ScenarioChange, …]}` in (the changes already
    /// read, with their JSON in `changes` of the body); one job for the scenario as it is and one
    /// per change, committed together; the sweep.
    func createSweep(changes: [ScenarioChange], kind: PlannerKind, limit: Double) async throws -> SweepSummary {
        let body = try Self.body()
        let tenant = RequestScope.current.tenant
        let scenarioValue = body["scenario"] ?? .null
        let changeValues: [JSONValue]
        if case .array(let items)? = body["changes"] { changeValues = items } else { changeValues = [] }
        let base: Scenario
        do {
            base = try Scenario.decodeWithWarnings(json: scenarioValue).scenario
            _ = try PlanningProblem(base)
        } catch {
            throw Problem.invalidContent("scenario", error.issues.map { .init(field: $0.path.isEmpty ? "scenario" : "scenario.\($0.path)", reason: $0.message) })
        }
        guard !changes.isEmpty, changes.count <= configuration.maxSweepVariants, changeValues.count == changes.count else {
            throw Problem.invalidContent("request", [.init(field: "changes", reason: "must be an array of 1 to \(configuration.maxSweepVariants) changes")])
        }
        let sweep = UUID().uuidString.lowercased()
        var jobs = [NewJob(job: .queued(solver: kind.rawValue, timeLimit: limit, tenant: tenant, sweep: sweep),
                           scenario: String(decoding: base.jsonValue.serialized(), as: UTF8.self), variant: 0, change: nil)]
        for (index, (change, item)) in zip(changes, changeValues).enumerated() {
            let field = "changes[\(index)]"
            let variant: Scenario
            do throws(ScenarioError) {
                variant = try change.apply(to: base)
                _ = try PlanningProblem(variant)
            } catch {
                throw Problem.invalidContent("request", error.issues.map { .init(field: field, reason: "\($0.path): \($0.message)") })
            }
            jobs.append(NewJob(job: .queued(solver: kind.rawValue, timeLimit: limit, tenant: tenant, sweep: sweep),
                               scenario: String(decoding: variant.jsonValue.serialized(), as: UTF8.self), variant: index + 1,
                               change: String(decoding: item.serialized(), as: UTF8.self)))
        }
        try await admit(jobs.count)
        try await stored { () async throws(JobStoreError) in try await store.insert(jobs) }
        runner.wake()
        return SweepSummary(id: sweep, variants: jobs.map { SweepVariant(job: $0.job, change: $0.change) })
    }

    /// `GET /v1/sweeps/{id}`: every variant's job state and objective, and the change against the
    /// unchanged scenario.
    func sweep(_ id: String) async throws -> SweepSummary {
        let tenant = RequestScope.current.tenant
        let variants = try await stored { () async throws(JobStoreError) in try await store.sweep(id, tenant: tenant) }
        guard !variants.isEmpty else { throw Problem.notFound("No sweep '\(id)'.") }
        return SweepSummary(id: id, variants: variants)
    }

    /// Refuses `count` new jobs of the request's tenant with 429 (Retry-After) when they would
    /// take its jobs queued and running past its `maxJobs`, and with 503 (Retry-After) when
    /// `maxQueuedJobs` are already waiting in the store.
    func admit(_ count: Int) async throws {
        let tenant = RequestScope.current.tenant
        if let maxJobs = tenants.limits(of: tenant).maxJobs {
            let active = try await stored { () async throws(JobStoreError) in try await store.activeJobs(tenant: tenant) }
            guard active + count <= maxJobs else {
                metrics.tenantRefusal(tenant, limit: "jobs")
                throw Problem.tenantLimit("This key's tenant has \(active) jobs queued or running and may have \(maxJobs); "
                                          + (count > 1 ? "these \(count) would pass that. " : "")
                                          + "Retry when some have finished.", retryAfter: 5)
            }
        }
        let counts = try await stored { () async throws(JobStoreError) in try await store.counts() }
        guard (counts[.queued] ?? 0) + count <= configuration.maxQueuedJobs else {
            throw Problem(.serviceUnavailable, type: "/problems/busy", title: "Too many queued jobs",
                          detail: "\(counts[.queued] ?? 0) jobs are waiting; at most \(configuration.maxQueuedJobs) may. Retry later.",
                          retryAfter: 5)
        }
    }

    /// Runs a store operation; a store that fails answers 503 (the job is not accepted).
    func stored<T>(_ operation: () async throws(JobStoreError) -> T) async throws(Problem) -> T {
        do throws(JobStoreError) {
            return try await operation()
        } catch {
            metrics.storeError("request")
            throw Problem(.serviceUnavailable, type: "/problems/store-unavailable", title: "Job store unavailable",
                          detail: "The job store did not answer: \(error.message)", retryAfter: 5)
        }
    }
}

/// `GET /v1/sweeps/{id}`'s body.
struct SweepSummary: Encodable {
    /// One variant: its change, its job and, once finished, its objective.
    struct Variant: Encodable {
        var index: Int
        var change: JSONValue?
        var job: String
        var state: Job.State
        var objective: Double?
        var status: String?
        /// Objective minus the unchanged scenario's, once both are known.
        var difference: Double?
    }

    var id: String
    /// `running` until every variant's job is final, then `finished`.
    var state: String
    var variants: [Variant]

    init(id: String, variants: [SweepVariant]) {
        self.id = id
        let baseline = variants.first { $0.change == nil && $0.job.state.isFinal }?.job.plan?.objective
        self.variants = variants.enumerated().map { index, v in
            let objective = v.job.state.isFinal ? v.job.plan?.objective : nil
            return Variant(index: index, change: v.change.flatMap { try? JSONValue(parsing: Array($0.utf8)) }, job: v.job.id,
                           state: v.job.state, objective: objective, status: v.job.state.isFinal ? v.job.plan?.status.rawValue : nil,
                           difference: objective.flatMap { o in baseline.map { o - $0 } })
        }
        state = variants.allSatisfy { $0.job.state.isFinal } ? "finished" : "running"
    }
}

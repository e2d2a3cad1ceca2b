// The weekly cycle's routes: scenarios kept per tenant in versions, jobs solving a version, the
// plan of record committed, and two plans compared.
import CapacityPlanning
import CapacityPlanners
import ConflictAnalysis
import Foundation
import StrictJSON

/// One version as `GET /v1/scenarios/{id}/versions/{version}` shows it.
struct ScenarioVersionDocument: Codable, Equatable, Sendable {
    var scenario: String
    var version: Int
    var createdAt: Date
    /// The scenario JSON as kept.
    var document: JSONValue
    var planOfRecord: Plan?
}

/// A kept scenario as `GET /v1/scenarios/{id}` shows it.
struct KeptScenarioDocument: Codable, Equatable, Sendable {
    struct Version: Codable, Equatable, Sendable {
        var version: Int
        var createdAt: Date
        var committed: Bool
    }

    var id: String
    var name: String
    var createdAt: Date
    var versions: [Version]
    var commits: [CommitDocument]

    init(_ stored: StoredScenario) {
        id = stored.id
        name = stored.name
        createdAt = stored.createdAt
        let committed = Set(stored.commits.map(\.version))
        versions = stored.versions.map { Version(version: $0.version, createdAt: $0.createdAt, committed: committed.contains($0.version)) }
        commits = stored.commits.map(CommitDocument.init)
    }
}

/// A commit as the routes show it.
struct CommitDocument: Codable, Equatable, Sendable {
    var version: Int
    var job: String
    var objective: Double?
    var committedAt: Date

    init(_ commit: StoredScenario.Commit) {
        (version, job, objective, committedAt) = (commit.version, commit.job, commit.objective, commit.committedAt)
    }
}

extension Handlers {
    /// `POST /v1/scenarios`: `{name, scenario}` in; the scenario kept with its first version.
    func createScenario() async throws -> KeptScenarioDocument {
        let body = try Self.body()
        guard case .string(let name)? = body["name"], !name.isEmpty, name.count <= 200 else {
            throw Problem.invalidContent("request", [.init(field: "name", reason: "must be a string of 1 to 200 characters")])
        }
        let scenario = try Self.keptScenario(body["scenario"] ?? .null, field: "scenario")
        let (id, tenant, now) = (UUID().uuidString.lowercased(), RequestScope.current.tenant, Date())
        try await stored { () async throws(JobStoreError) in
            try await store.createScenario(id, tenant: tenant, name: name, body: scenario, at: now)
        }
        return try await keptScenario(id)
    }

    /// `GET /v1/scenarios/{id}`.
    func keptScenario(_ id: String) async throws -> KeptScenarioDocument {
        let tenant = RequestScope.current.tenant
        guard let kept = try await stored({ () async throws(JobStoreError) in try await store.scenario(id, tenant: tenant) }) else {
            throw Problem.notFound("No scenario '\(id)'.")
        }
        return KeptScenarioDocument(kept)
    }

    /// `PUT /v1/scenarios/{id}` (the body is the new scenario) or `POST /v1/scenarios/{id}/versions`
    /// (`changes` applied to the latest version): the next version, whose baseline is the latest
    /// plan of record.
    func addVersion(_ id: String, changes: [ScenarioChange]? = nil) async throws -> ScenarioVersionDocument {
        let tenant = RequestScope.current.tenant
        let kept = try await keptScenario(id)
        var next: Scenario
        if let changes {
            guard !changes.isEmpty, changes.count <= configuration.maxSweepVariants else {
                throw Problem.invalidContent("request", [.init(field: "changes", reason: "must be an array of 1 to \(configuration.maxSweepVariants) changes")])
            }
            let latest = kept.versions.last?.version ?? 1
            next = try await scenario(of: id, version: latest)
            for (index, change) in changes.enumerated() {
                do throws(ScenarioError) {
                    next = try change.apply(to: next)
                } catch {
                    throw Problem.invalidContent("request", error.issues.map { .init(field: "changes[\(index)]", reason: "\($0.path): \($0.message)") })
                }
            }
        } else {
            next = try Self.decoded(try Self.body(), field: "")
        }
        if let record = try await stored({ () async throws(JobStoreError) in try await store.planOfRecord(id, tenant: tenant, version: nil) }),
           let plan = JobRow.value(Plan.self, record.plan) {
            next = next.replanned(committed: plan)
        }
        let text = try Self.keptScenario(next.jsonValue, field: "")
        let version = try await stored { () async throws(JobStoreError) in try await store.addVersion(id, tenant: tenant, body: text, at: Date()) }
        guard let version else { throw Problem.notFound("No scenario '\(id)'.") }
        return try await scenarioVersion(id, version: version)
    }

    /// `GET /v1/scenarios/{id}/versions/{version}`: the document and its plan of record.
    func scenarioVersion(_ id: String, version: Int) async throws -> ScenarioVersionDocument {
        let tenant = RequestScope.current.tenant
        let kept = try await keptScenario(id)
        guard let entry = kept.versions.first(where: { $0.version == version }) else {
            throw Problem.notFound("Scenario '\(id)' has no version \(version).")
        }
        let text = try await versionText(id, version: version)
        let record = try await stored { () async throws(JobStoreError) in try await store.planOfRecord(id, tenant: tenant, version: version) }
        return ScenarioVersionDocument(scenario: id, version: version, createdAt: entry.createdAt,
                                       document: (try? JSONValue(parsing: Data(text.utf8))) ?? .null,
                                       planOfRecord: record.flatMap { JobRow.value(Plan.self, $0.plan) })
    }

    /// `POST /v1/scenarios/{id}/versions/{version}/jobs`: the version solved as a job.
    func createVersionJob(_ id: String, version: Int, kind: PlannerKind, limit: Double) async throws -> Job {
        let text = try await versionText(id, version: version)
        let job = Job.queued(solver: kind.rawValue, timeLimit: limit, tenant: RequestScope.current.tenant,
                             version: Job.VersionRef(scenario: id, version: version))
        try await admit(1)
        try await stored { () async throws(JobStoreError) in try await store.insert([NewJob(job: job, scenario: text)]) }
        runner.wake()
        return job
    }

    /// `POST /v1/scenarios/{id}/versions/{version}/commit`: `{job}` in; the job's plan becomes the
    /// version's plan of record. The job must be this tenant's, of this version, succeeded with a valid plan.
    func commitPlan(_ id: String, version: Int) async throws -> CommitDocument {
        let tenant = RequestScope.current.tenant
        guard case .string(let jobID)? = try Self.body()["job"] else {
            throw Problem.invalidContent("request", [.init(field: "job", reason: "must be the id of a succeeded job of this version")])
        }
        let text = try await versionText(id, version: version)
        guard let job = try await stored({ () async throws(JobStoreError) in try await store.job(jobID, tenant: tenant) }) else {
            throw Problem.conflict("job", "no job '\(jobID)' (finished jobs are kept for a while, then dropped)")
        }
        guard job.scenarioVersion == Job.VersionRef(scenario: id, version: version) else {
            throw Problem.conflict("job", "job '\(jobID)' does not solve version \(version) of scenario '\(id)'")
        }
        guard job.state == .succeeded, let plan = job.plan, plan.status != .infeasible,
              let problem = try? PlanningProblem(try Scenario(json: Data(text.utf8))),
              CheckedPlan(plan, for: problem).isValid else {
            throw Problem.conflict("job", "job '\(jobID)' has no valid plan to commit (state \(job.state.rawValue))")
        }
        let now = Date()
        try await stored { () async throws(JobStoreError) in
            try await store.commit(id, tenant: tenant, version: version, job: jobID, plan: JobRow.text(plan) ?? "{}",
                                   objective: plan.objective, at: now)
        }
        return CommitDocument(StoredScenario.Commit(version: version, job: jobID, objective: plan.objective, committedAt: now))
    }

    /// `GET /v1/comparisons?a=…&b=…`: each side a job id or `SCENARIO@VERSION` (its plan of
    /// record), each plan read against its own scenario.
    func compare(a: String, b: String) async throws -> PlanComparison {
        let (problemA, planA) = try await side(a, field: "a")
        let (problemB, planB) = try await side(b, field: "b")
        return PlanComparison(a: CheckedPlan(planA, for: problemA), problemA: problemA,
                              b: CheckedPlan(planB, for: problemB), problemB: problemB)
    }

    /// A comparison's side: the plan and the problem it was made for.
    private func side(_ reference: String, field: String) async throws -> (PlanningProblem, Plan) {
        let tenant = RequestScope.current.tenant
        let text: String, plan: Plan
        if let at = reference.lastIndex(of: "@"), let version = Int(reference[reference.index(after: at)...]) {
            let id = String(reference[..<at])
            text = try await versionText(id, version: version)
            guard let record = try await stored({ () async throws(JobStoreError) in try await store.planOfRecord(id, tenant: tenant, version: version) }),
                  let committed = JobRow.value(Plan.self, record.plan) else {
                throw Problem.notFound("Version \(version) of scenario '\(id)' has no plan of record.")
            }
            plan = committed
        } else {
            let job = try await self.job(reference)
            guard let found = job.plan, found.status != .infeasible else {
                throw Problem.conflict(field, "job '\(reference)' has no plan (state \(job.state.rawValue))")
            }
            guard let claim = try await stored({ () async throws(JobStoreError) in try await store.scenarioText(of: reference, tenant: tenant) }) else {
                throw Problem.notFound("No job '\(reference)'.")
            }
            (text, plan) = (claim, found)
        }
        do {
            return (try PlanningProblem(try Scenario(json: Data(text.utf8))), plan)
        } catch {
            throw Problem.conflict(field, "its scenario no longer reads: \(error)")
        }
    }

    /// A version's scenario JSON text (404 when the tenant has no such scenario or version).
    private func versionText(_ id: String, version: Int) async throws -> String {
        let tenant = RequestScope.current.tenant
        guard let text = try await stored({ () async throws(JobStoreError) in try await store.versionBody(id, tenant: tenant, version: version) }) else {
            throw Problem.notFound("Scenario '\(id)' has no version \(version) (or there is no such scenario).")
        }
        return text
    }

    /// A version's scenario, decoded.
    private func scenario(of id: String, version: Int) async throws -> Scenario {
        try Self.decoded(try JSONValue(parsing: Data(try await versionText(id, version: version).utf8)), field: "")
    }

    /// `value` read and validated as a scenario (422 naming each field under `field`).
    static func decoded(_ value: JSONValue, field: String) throws(Problem) -> Scenario {
        do throws(ScenarioError) {
            let scenario = try Scenario.decodeWithWarnings(json: value).scenario
            _ = try PlanningProblem(scenario)
            return scenario
        } catch {
            throw Problem.invalidContent("scenario", error.issues.map {
                .init(field: field.isEmpty ? $0.path : ($0.path.isEmpty ? field : "\(field).\($0.path)"), reason: $0.message)
            })
        }
    }

    /// `value` validated as a scenario, as the JSON text to keep.
    static func keptScenario(_ value: JSONValue, field: String) throws(Problem) -> String {
        String(decoding: try decoded(value, field: field).jsonValue.serialized(), as: UTF8.self)
    }
}

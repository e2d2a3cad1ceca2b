// The scenario store in SQLite (and in memory).
import Foundation
import SQLiteNIO

extension SQLiteJobStore {
    private var scenarioSQL: ScenarioSQL { ScenarioSQL(dialect: .sqlite) }

    func createScenario(_ id: String, tenant: String, name: String, body: String, at: Date) async throws(JobStoreError) {
        // Two statements, no transaction (the connection is shared by every request): the first
        // version first, so the scenario is never seen without it (a new id is a fresh UUID).
        let time = SQLiteData.float(at.timeIntervalSince1970)
        try await run("INSERT INTO scenario_versions (tenant, scenario_id, version, created_at, body) VALUES (?1, ?2, 1, ?3, ?4)",
                      [.text(tenant), .text(id), time, .text(body)])
        try await run(scenarioSQL.insertScenario, [.text(tenant), .text(id), .text(name), time])
    }

    func addVersion(_ id: String, tenant: String, body: String, at: Date) async throws(JobStoreError) -> Int? {
        try await run(scenarioSQL.insertVersion, [.text(tenant), .text(id), .float(at.timeIntervalSince1970), .text(body)])
            .first?.column("version")?.integer
    }

    func scenario(_ id: String, tenant: String) async throws(JobStoreError) -> StoredScenario? {
        guard let row = try await run(scenarioSQL.scenario, [.text(tenant), .text(id)]).first else { return nil }
        let versions = try await run(scenarioSQL.versions, [.text(tenant), .text(id)]).map {
            StoredScenario.Version(version: $0.column("version")?.integer ?? 0,
                                   createdAt: Date(timeIntervalSince1970: $0.column("created_at")?.double ?? 0))
        }
        let commits = try await run(scenarioSQL.commits, [.text(tenant), .text(id)]).map {
            StoredScenario.Commit(version: $0.column("version")?.integer ?? 0, job: $0.column("job")?.string ?? "",
                                  objective: $0.column("objective")?.double,
                                  committedAt: Date(timeIntervalSince1970: $0.column("committed_at")?.double ?? 0))
        }
        return StoredScenario(id: id, name: row.column("name")?.string ?? "",
                              createdAt: Date(timeIntervalSince1970: row.column("created_at")?.double ?? 0),
                              versions: versions, commits: commits)
    }

    func versionBody(_ id: String, tenant: String, version: Int) async throws(JobStoreError) -> String? {
        try await run(scenarioSQL.versionBody, [.text(tenant), .text(id), .integer(version)]).first?.column("body")?.string
    }

    func commit(_ id: String, tenant: String, version: Int, job: String, plan: String, objective: Double?,
                at: Date) async throws(JobStoreError) {
        try await run(scenarioSQL.insertCommit, [.text(tenant), .text(id), .integer(version), .float(at.timeIntervalSince1970),
                                                 .text(job), .text(plan), objective.map { .float($0) } ?? .null])
    }

    func planOfRecord(_ id: String, tenant: String, version: Int?) async throws(JobStoreError) -> (version: Int, plan: String)? {
        let rows = try await run(version == nil ? scenarioSQL.latestPlan : scenarioSQL.planOfVersion,
                                 [.text(tenant), .text(id)] + (version.map { [.integer($0)] } ?? []))
        guard let row = rows.first, let plan = row.column("plan")?.string else { return nil }
        return (row.column("version")?.integer ?? 0, plan)
    }
}

// The scenario store in PostgreSQL.
import Foundation
import PostgresNIO

extension PostgresJobStore {
    private var scenarioSQL: ScenarioSQL { ScenarioSQL(dialect: .postgres) }

    func createScenario(_ id: String, tenant: String, name: String, body: String, at: Date) async throws(JobStoreError) {
        // One statement, so the scenario and its first version are kept together or not at all.
        let sql = "WITH s AS (\(scenarioSQL.insertScenario) RETURNING tenant, id) "
            + "INSERT INTO scenario_versions (tenant, scenario_id, version, created_at, body) SELECT tenant, id, 1, $4, $5 FROM s"
        _ = try await run(sql, [.text(tenant), .text(id), .text(name), .real(at.timeIntervalSince1970), .text(body)])
    }

    func addVersion(_ id: String, tenant: String, body: String, at: Date) async throws(JobStoreError) -> Int? {
        try await run(scenarioSQL.insertVersion, [.text(tenant), .text(id), .real(at.timeIntervalSince1970), .text(body)])
            .first.flatMap { try? $0.makeRandomAccess()["version"].decode(Int.self) }
    }

    func scenario(_ id: String, tenant: String) async throws(JobStoreError) -> StoredScenario? {
        guard let row = try await run(scenarioSQL.scenario, [.text(tenant), .text(id)]).first?.makeRandomAccess() else { return nil }
        let versions = try await run(scenarioSQL.versions, [.text(tenant), .text(id)]).map { r in
            let cells = r.makeRandomAccess()
            return StoredScenario.Version(version: (try? cells["version"].decode(Int.self)) ?? 0,
                                          createdAt: Date(timeIntervalSince1970: (try? cells["created_at"].decode(Double.self)) ?? 0))
        }
        let commits = try await run(scenarioSQL.commits, [.text(tenant), .text(id)]).map { r in
            let cells = r.makeRandomAccess()
            return StoredScenario.Commit(version: (try? cells["version"].decode(Int.self)) ?? 0,
                                         job: (try? cells["job"].decode(String.self)) ?? "",
                                         objective: try? cells["objective"].decode(Double?.self),
                                         committedAt: Date(timeIntervalSince1970: (try? cells["committed_at"].decode(Double.self)) ?? 0))
        }
        return StoredScenario(id: id, name: (try? row["name"].decode(String.self)) ?? "",
                              createdAt: Date(timeIntervalSince1970: (try? row["created_at"].decode(Double.self)) ?? 0),
                              versions: versions, commits: commits)
    }

    func versionBody(_ id: String, tenant: String, version: Int) async throws(JobStoreError) -> String? {
        try await run(scenarioSQL.versionBody, [.text(tenant), .text(id), .integer(version)])
            .first.flatMap { try? $0.makeRandomAccess()["body"].decode(String.self) }
    }

    func commit(_ id: String, tenant: String, version: Int, job: String, plan: String, objective: Double?,
                at: Date) async throws(JobStoreError) {
        _ = try await run(scenarioSQL.insertCommit, [.text(tenant), .text(id), .integer(version), .real(at.timeIntervalSince1970),
                                                     .text(job), .text(plan), PostgresValue.real(objective)])
    }

    func planOfRecord(_ id: String, tenant: String, version: Int?) async throws(JobStoreError) -> (version: Int, plan: String)? {
        let rows = try await run(version == nil ? scenarioSQL.latestPlan : scenarioSQL.planOfVersion,
                                 [.text(tenant), .text(id)] + (version.map { [.integer($0)] } ?? []))
        guard let cells = rows.first?.makeRandomAccess(), let plan = try? cells["plan"].decode(String.self) else { return nil }
        return ((try? cells["version"].decode(Int.self)) ?? 0, plan)
    }
}

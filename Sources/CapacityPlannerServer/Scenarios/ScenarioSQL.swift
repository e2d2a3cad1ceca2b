// The scenario store's statements, written once for both dialects (parameters as in `JobSQL`).

/// The statements of `ScenarioStore`.
struct ScenarioSQL {
    let dialect: JobSchema.Dialect

    /// Parameter `n`.
    private func p(_ n: Int) -> String { dialect == .sqlite ? "?\(n)" : "$\(n)" }

    /// (tenant, id, name, created_at).
    var insertScenario: String { "INSERT INTO scenarios (tenant, id, name, created_at) VALUES (\(p(1)), \(p(2)), \(p(3)), \(p(4)))" }

    /// The next version of a scenario, numbered in the same statement: (tenant, id, created_at, body).
    /// Nothing is inserted (no row returned) when the scenario does not exist.
    var insertVersion: String {
        """
        INSERT INTO scenario_versions (tenant, scenario_id, version, created_at, body)
        SELECT s.tenant, s.id, COALESCE((SELECT MAX(v.version) FROM scenario_versions v WHERE v.tenant = s.tenant AND v.scenario_id = s.id), 0) + 1,
               \(p(3)), \(p(4))
        FROM scenarios s WHERE s.tenant = \(p(1)) AND s.id = \(p(2))
        RETURNING version
        """
    }

    /// (tenant, id).
    var scenario: String { "SELECT name, created_at FROM scenarios WHERE tenant = \(p(1)) AND id = \(p(2))" }
    /// (tenant, id).
    var versions: String { "SELECT version, created_at FROM scenario_versions WHERE tenant = \(p(1)) AND scenario_id = \(p(2)) ORDER BY version" }
    /// (tenant, id).
    var commits: String {
        "SELECT version, job, objective, committed_at FROM scenario_commits WHERE tenant = \(p(1)) AND scenario_id = \(p(2)) ORDER BY committed_at, version"
    }
    /// (tenant, id, version).
    var versionBody: String { "SELECT body FROM scenario_versions WHERE tenant = \(p(1)) AND scenario_id = \(p(2)) AND version = \(p(3))" }
    /// (tenant, id, version, committed_at, job, plan, objective).
    var insertCommit: String {
        "INSERT INTO scenario_commits (tenant, scenario_id, version, committed_at, job, plan, objective) VALUES (\((1...7).map(p).joined(separator: ", ")))"
    }
    /// The latest commit of one version: (tenant, id, version).
    var planOfVersion: String {
        "SELECT version, plan FROM scenario_commits WHERE tenant = \(p(1)) AND scenario_id = \(p(2)) AND version = \(p(3)) ORDER BY committed_at DESC LIMIT 1"
    }
    /// The latest commit of the highest committed version: (tenant, id).
    var latestPlan: String {
        "SELECT version, plan FROM scenario_commits WHERE tenant = \(p(1)) AND scenario_id = \(p(2)) ORDER BY version DESC, committed_at DESC LIMIT 1"
    }
}

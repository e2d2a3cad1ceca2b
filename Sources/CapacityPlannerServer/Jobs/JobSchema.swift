// The jobs table, and how each schema version is reached.

/// The store's schema: one `jobs` table (a sweep is the jobs that share a `sweep` id), the kept
/// scenarios (`scenarios`, `scenario_versions`, `scenario_commits`), and a `schema_version` table
/// that records which migrations ran.
enum JobSchema {
    /// The version this service writes and reads.
    static let version = 3

    /// The SQL dialects the stores speak.
    enum Dialect { case sqlite, postgres }

    /// The statements that take the schema from `version - 1` to `version`.
    static func migration(to version: Int, dialect: Dialect) -> [String] {
        let real = dialect == .sqlite ? "REAL" : "DOUBLE PRECISION"
        let integer = dialect == .sqlite ? "INTEGER" : "BIGINT"
        switch version {
        case 1:
            return [
                """
                CREATE TABLE jobs (
                  id TEXT PRIMARY KEY, tenant TEXT NOT NULL, state TEXT NOT NULL, solver TEXT NOT NULL,
                  time_limit \(real) NOT NULL, created_at \(real) NOT NULL, started_at \(real), finished_at \(real),
                  scenario TEXT NOT NULL, progress TEXT, plan TEXT, error TEXT,
                  cancel_requested \(integer) NOT NULL DEFAULT 0, owner TEXT, lease_until \(real),
                  attempts \(integer) NOT NULL DEFAULT 0, sweep TEXT, variant \(integer), change_json TEXT)
                """,
                "CREATE INDEX jobs_claim ON jobs (state, created_at)",
                "CREATE INDEX jobs_sweep ON jobs (sweep)",
                "CREATE INDEX jobs_finished ON jobs (finished_at)",
            ]
        case 2:
            // A tenant's jobs by state: its limits at admission, its running jobs at each claim.
            return ["CREATE INDEX jobs_tenant ON jobs (tenant, state)"]
        case 3:
            // Scenarios kept per tenant in versions, the plans of record committed for them, and
            // which version a job solves (issue 38).
            return [
                "CREATE TABLE scenarios (tenant TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, created_at \(real) NOT NULL, PRIMARY KEY (tenant, id))",
                """
                CREATE TABLE scenario_versions (tenant TEXT NOT NULL, scenario_id TEXT NOT NULL, version \(integer) NOT NULL,
                  created_at \(real) NOT NULL, body TEXT NOT NULL, PRIMARY KEY (tenant, scenario_id, version))
                """,
                """
                CREATE TABLE scenario_commits (tenant TEXT NOT NULL, scenario_id TEXT NOT NULL, version \(integer) NOT NULL,
                  committed_at \(real) NOT NULL, job TEXT NOT NULL, plan TEXT NOT NULL, objective \(real))
                """,
                "CREATE INDEX scenario_commits_by_scenario ON scenario_commits (tenant, scenario_id, version, committed_at)",
                "ALTER TABLE jobs ADD COLUMN scenario_ref TEXT",
            ]
        default:
            return []
        }
    }
}

// The statements both SQL stores run, written once for both dialects.

/// The job store's statements. Parameters are numbered (`?1` in SQLite, `$1` in PostgreSQL) and
/// bound in that order by the stores; every statement that changes a job is a single atomic
/// `UPDATE … RETURNING`.
struct JobSQL {
    let dialect: JobSchema.Dialect

    /// Parameter `n`.
    private func p(_ n: Int) -> String { dialect == .sqlite ? "?\(n)" : "$\(n)" }

    /// `INSERT` of `rows` new jobs: (id, tenant, state, solver, time_limit, created_at, scenario,
    /// sweep, variant, change_json, scenario_ref) each.
    func insert(rows: Int) -> String {
        let values = (0..<rows).map { row in "(" + (1...11).map { p(row * 11 + $0) }.joined(separator: ", ") + ")" }
        return "INSERT INTO jobs (id, tenant, state, solver, time_limit, created_at, scenario, sweep, variant, change_json, scenario_ref) VALUES "
            + values.joined(separator: ", ")
    }

    /// A job of a tenant: (id, tenant).
    var job: String { "SELECT \(JobRow.columns) FROM jobs WHERE id = \(p(1)) AND tenant = \(p(2))" }

    /// A job's scenario: (id, tenant).
    var scenarioText: String { "SELECT scenario FROM jobs WHERE id = \(p(1)) AND tenant = \(p(2))" }

    /// A sweep's jobs in order: (sweep, tenant).
    var sweep: String { "SELECT \(JobRow.columns) FROM jobs WHERE sweep = \(p(1)) AND tenant = \(p(2)) ORDER BY variant" }

    /// Dead replicas' jobs whose cancel was pending become cancelled: (now).
    var cancelAbandoned: String {
        "UPDATE jobs SET state = 'cancelled', finished_at = \(p(1)), owner = NULL WHERE state = 'running' AND lease_until < \(p(1)) AND cancel_requested = 1"
    }

    /// Dead replicas' jobs interrupted too often fail: (now, reason, most attempts).
    var failAbandoned: String {
        "UPDATE jobs SET state = 'failed', finished_at = \(p(1)), error = \(p(2)), owner = NULL WHERE state = 'running' AND lease_until < \(p(1)) AND attempts >= \(p(3))"
    }

    /// Claims a queued job or a dead replica's, fairly across tenants: of the tenants not
    /// `excluded` (at their running limit), the one with the fewest jobs running under a live
    /// lease goes first; among equals, the one whose last job started longest ago (round robin,
    /// so one slot serves the tenants in turn); then its oldest job. (now, owner, lease until,
    /// excluded tenant…)
    func claim(excluding excluded: Int = 0) -> String {
        /// A job a replica may claim: queued, or running under a lease that ran out.
        func open(_ row: String) -> String {
            "(\(row)state = 'queued' OR (\(row)state = 'running' AND \(row)lease_until < \(p(1))))"
        }
        let others = excluded == 0 ? "" : " AND c.tenant NOT IN (" + (4..<(4 + excluded)).map(p).joined(separator: ", ") + ")"
        // Each tenant's running jobs and last start, counted once per claim (one pass over the
        // jobs), not once per candidate: a queue of thousands stays one scan.
        let tenants = """
            (SELECT tenant, SUM(CASE WHEN state = 'running' AND lease_until >= \(p(1)) THEN 1 ELSE 0 END) AS running,
             MAX(COALESCE(started_at, 0)) AS last_start FROM jobs GROUP BY tenant)
            """
        let lock = dialect == .postgres ? " FOR UPDATE OF c SKIP LOCKED" : ""
        return """
            UPDATE jobs SET state = 'running', owner = \(p(2)), lease_until = \(p(3)), attempts = attempts + 1, started_at = COALESCE(started_at, \(p(1)))
            WHERE id = (SELECT c.id FROM jobs c JOIN \(tenants) t ON t.tenant = c.tenant
                        WHERE \(open("c."))\(others) ORDER BY t.running, t.last_start, c.created_at, c.variant LIMIT 1\(lock))
              AND \(open(""))
            RETURNING \(JobRow.columns), scenario
            """
    }

    /// Each tenant's jobs running under a live lease: (now).
    var runningByTenant: String {
        "SELECT tenant, COUNT(*) AS n FROM jobs WHERE state = 'running' AND lease_until >= \(p(1)) GROUP BY tenant"
    }

    /// A tenant's jobs queued or running: (tenant).
    var activeJobs: String { "SELECT COUNT(*) AS n FROM jobs WHERE tenant = \(p(1)) AND state IN ('queued', 'running')" }

    /// Jobs per tenant and state.
    let tenantCounts = "SELECT tenant, state, COUNT(*) AS n FROM jobs GROUP BY tenant, state"

    /// Renews a lease, storing progress and plan when given: (id, owner, lease until, progress, plan).
    var heartbeat: String {
        """
        UPDATE jobs SET lease_until = \(p(3)), progress = COALESCE(\(p(4)), progress), plan = COALESCE(\(p(5)), plan)
        WHERE id = \(p(1)) AND owner = \(p(2)) AND state = 'running' RETURNING cancel_requested
        """
    }

    /// Stores a job's end if `owner` still holds it: (id, owner, state, plan, error, now).
    var finish: String {
        """
        UPDATE jobs SET state = \(p(3)), plan = COALESCE(\(p(4)), plan), error = \(p(5)), finished_at = \(p(6)), owner = NULL, lease_until = NULL
        WHERE id = \(p(1)) AND owner = \(p(2)) AND state = 'running' RETURNING id
        """
    }

    /// Gives a claimed job back to the queue: (id, owner).
    var release: String {
        let greatest = dialect == .sqlite ? "MAX" : "GREATEST"
        return """
            UPDATE jobs SET state = 'queued', owner = NULL, lease_until = NULL, attempts = \(greatest)(0, attempts - 1)
            WHERE id = \(p(1)) AND owner = \(p(2)) AND state = 'running'
            """
    }

    /// Cancel: (id, tenant, now).
    var cancel: String {
        """
        UPDATE jobs SET
          finished_at = CASE WHEN state = 'queued' THEN \(p(3)) ELSE finished_at END,
          cancel_requested = CASE WHEN state IN ('queued', 'running') THEN 1 ELSE cancel_requested END,
          state = CASE WHEN state = 'queued' THEN 'cancelled' ELSE state END
        WHERE id = \(p(1)) AND tenant = \(p(2)) RETURNING \(JobRow.columns)
        """
    }

    /// Drops old finished jobs and those beyond the newest `keep`: (finished before, keep).
    var prune: String {
        let beyond = dialect == .sqlite ? "LIMIT -1 OFFSET \(p(2))" : "OFFSET \(p(2))"
        return """
            DELETE FROM jobs WHERE finished_at IS NOT NULL AND (finished_at < \(p(1)) OR id IN
              (SELECT id FROM jobs WHERE finished_at IS NOT NULL ORDER BY finished_at DESC \(beyond)))
            """
    }

    /// Jobs per state.
    let counts = "SELECT state, COUNT(*) AS n FROM jobs GROUP BY state"
}

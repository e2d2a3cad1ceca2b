// `capacity-planner serve`
import ArgumentParser
import CapacityPlannerServer
import Logging

/// `serve [--host H] [--port P]`: the HTTP service (Docs/service.md).
struct ServeCommand: AsyncParsableCommand {
    /// The command's name, abstract and help text.
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve plans, checks, analyses and jobs over HTTP.",
        discussion: """
            Routes: POST /v1/plans, /v1/checks, /v1/analyses, /v1/jobs, /v1/sweeps, /v1/jobs/{id}/cancel; \
            GET /v1/jobs/{id}, /v1/sweeps/{id}; GET /healthz, /metrics (Prometheus), /openapi.json. Errors \
            are application/problem+json. Jobs are kept in --store (an SQLite file by default), so a restart \
            or a crash loses none: queued jobs run, interrupted ones run again. Stop it with SIGINT or \
            SIGTERM: plans in flight are answered with their best plan, running jobs go back to the queue. \
            SIGHUP reloads --api-keys. Each tenant (API key's) jobs, running jobs, request rate and time \
            limit can be limited (--tenant-…, or NAME=VALUE after a key's tenant); claims are fair across \
            tenants. Docs/service.md has the details.

            Examples:
              capacity-planner serve
              capacity-planner serve --store memory
              capacity-planner serve --host 0.0.0.0 --api-keys keys.txt --store postgres://planner@db:5432/planner
              curl -s --data-binary @Examples/small-team.json 'http://127.0.0.1:8080/v1/plans?solver=greedy'
            """
    )

    /// Address to bind.
    @Option(help: "Address to bind.")
    var host = "127.0.0.1"

    /// Port to bind.
    @Option(help: "Port to bind (0: any free port).")
    var port = 8080

    /// Solves at once.
    @Option(help: "Solves that run at once (default: the number of cores).")
    var maxConcurrentSolves = ServiceConfiguration.processorCount

    /// Queue length.
    @Option(help: "Solves that may wait for a slot; beyond that the service answers 503 with Retry-After.")
    var maxQueuedSolves = 32

    /// Job queue length.
    @Option(help: "Jobs (POST /v1/jobs, each variant of a sweep) that may wait in the store; beyond that 503 with Retry-After.")
    var maxQueuedJobs = 1000

    /// Body limit.
    @Option(help: "Largest request body in bytes (413 above it).")
    var maxBodyBytes = 8 << 20

    /// Largest time limit.
    @Option(help: "Largest time limit a request may ask for, in seconds.")
    var maxTimeLimit = 600.0

    /// Default time limit.
    @Option(help: "Time limit of a solve when the request gives none, in seconds.")
    var defaultTimeLimit = 30.0

    /// Job store.
    @Option(help: "Where jobs are kept: memory, sqlite:PATH or postgres://USER@HOST:PORT/DATABASE (replicas share one PostgreSQL).")
    var store = "sqlite:capacity-planner-jobs.sqlite"

    /// API key file.
    @Option(help: "A file of 'KEY TENANT' lines: every /v1/ route then needs 'Authorization: Bearer KEY'; SIGHUP reloads it.")
    var apiKeys: String?

    /// No keys off loopback.
    @Flag(help: "Allow --host other than loopback without --api-keys (anyone who reaches the port can read every job).")
    var insecureNoAuth = false

    /// Metrics tenant.
    @Option(help: "With --api-keys: only this tenant's keys may read /metrics (default: /metrics is open).")
    var metricsTenant: String?

    /// Lease.
    @Option(help: "Seconds a replica's claim on a running job lasts without a heartbeat; a dead replica's job runs again after it.")
    var jobLease = 15.0

    /// A tenant's jobs.
    @Option(help: "Jobs one tenant may have queued or running (all replicas); beyond that 429 with Retry-After. A key line's maxJobs=N overrides it.")
    var tenantMaxJobs = ServiceConfiguration.defaultTenantLimits.maxJobs ?? 200

    /// A tenant's running jobs.
    @Option(help: "Jobs one tenant may have running at once (all replicas; default: no limit). A key line's maxRunning=N overrides it.")
    var tenantMaxRunning: Int?

    /// A tenant's request rate.
    @Option(help: "Requests a second one tenant may send to /v1/ on each replica, with bursts of twice that (default: no limit); beyond that 429 with Retry-After. A key line's requestsPerSecond=R overrides it.")
    var tenantRequestsPerSecond: Double?

    /// A tenant's largest time limit.
    @Option(help: "Largest time limit one tenant may ask for, in seconds (default: --max-time-limit). A key line's maxTimeLimit=S overrides it.")
    var tenantMaxTimeLimit: Double?

    /// Log level.
    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel = "info"

    /// Checks the options.
    func validate() throws {
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("--log-level: unknown level '\(logLevel)'") }
        let problems = configuration().problems()
        if let first = problems.first { throw ValidationError(first) }
    }

    func configuration() -> ServiceConfiguration {
        ServiceConfiguration(host: host, port: port, maxBodyBytes: maxBodyBytes, defaultTimeLimit: defaultTimeLimit,
                             maxTimeLimit: maxTimeLimit, maxConcurrentSolves: maxConcurrentSolves,
                             maxQueuedSolves: maxQueuedSolves, store: store, apiKeysPath: apiKeys,
                             insecureNoAuth: insecureNoAuth, metricsTenant: metricsTenant, jobLease: jobLease,
                             maxQueuedJobs: maxQueuedJobs,
                             tenantLimits: TenantLimits(maxJobs: tenantMaxJobs, maxRunning: tenantMaxRunning,
                                                        requestsPerSecond: tenantRequestsPerSecond, maxTimeLimit: tenantMaxTimeLimit))
    }

    /// Runs the service until SIGINT or SIGTERM.
    func run() async throws {
        var logger = Logger(label: "capacity-planner")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        let app = try await PlanningService.application(configuration: configuration(), logger: logger)
        try await app.runService()
    }
}

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
            Routes: POST /v1/plans, /v1/checks, /v1/analyses, /v1/jobs; GET and DELETE /v1/jobs/{id}; \
            GET /healthz, /metrics (Prometheus), /openapi.json. Errors are application/problem+json. \
            Stop it with SIGINT or SIGTERM: running solves are cancelled and answered with their best plan. \
            Docs/service.md has the details.

            Examples:
              capacity-planner serve
              capacity-planner serve --host 0.0.0.0 --port 9000 --max-concurrent-solves 4
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

    /// Body limit.
    @Option(help: "Largest request body in bytes (413 above it).")
    var maxBodyBytes = 8 << 20

    /// Largest time limit.
    @Option(help: "Largest time limit a request may ask for, in seconds.")
    var maxTimeLimit = 600.0

    /// Default time limit.
    @Option(help: "Time limit of a solve when the request gives none, in seconds.")
    var defaultTimeLimit = 30.0

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
                             maxQueuedSolves: maxQueuedSolves)
    }

    /// Runs the service until SIGINT or SIGTERM.
    func run() async throws {
        var logger = Logger(label: "capacity-planner")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        let app = try PlanningService.application(configuration: configuration(), logger: logger)
        try await app.runService()
    }
}

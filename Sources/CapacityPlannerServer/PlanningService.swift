// The HTTP service: plans, checks, analyses and jobs over the spec's JSON (Docs/service.md).
import StrictJSON
import CapacityPlanners
public import CapacityPlanning
import ConflictAnalysis
import Foundation
public import Hummingbird
public import Logging
import NIOCore
import ServiceLifecycle

/// Builds the planning service: the routes of Docs/service.md on Hummingbird 2.
public enum PlanningService {
    /// The application for `configuration`, ready to `runService()`: the API key file read, the
    /// job store opened and its schema created or migrated, the job runner among its services.
    ///
    /// - Parameter onServerRunning: called with the bound port once the server listens (the
    ///   port matters when `configuration.port` is 0).
    /// - Throws: `ServiceConfigurationError` naming each bad setting, an unreadable key file, or
    ///   a store that cannot be opened or migrated.
    public static func application(
        configuration: ServiceConfiguration, logger: Logger = Logger(label: "capacity-planner.service"),
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) async throws(ServiceConfigurationError) -> some ApplicationProtocol {
        let problems = configuration.problems()
        guard problems.isEmpty else { throw ServiceConfigurationError(problems: problems) }
        let keys: APIKeys?
        do throws(APIKeys.FileError) {
            keys = try configuration.apiKeysPath.map { path throws(APIKeys.FileError) in try APIKeys(path: path) }
        } catch {
            throw ServiceConfigurationError(problems: [error.description])
        }
        let store: any JobStore
        do throws(JobStoreError) {
            store = try await StoreLocation.open(configuration.store, logger: logger)
            try await store.prepare()
        } catch {
            throw ServiceConfigurationError(problems: ["--store: \(error.message)"])
        }
        let metrics = ServiceMetrics()
        let pool = SolvePool(maxConcurrent: configuration.maxConcurrentSolves, maxQueued: configuration.maxQueuedSolves,
                             metrics: metrics)
        let runner = JobRunner(store: store, pool: pool, metrics: metrics, logger: logger,
                               timing: JobRunner.Timing(lease: configuration.jobLease, heartbeat: min(1, configuration.jobLease / 3)),
                               retention: configuration.jobRetention, maxFinished: configuration.maxFinishedJobs)
        let handlers = Handlers(configuration: configuration, pool: pool, store: store, runner: runner, metrics: metrics)
        logger.info("job store ready", metadata: ["store": "\(store.kind)", "replica": "\(runner.owner)"])
        if let keys {
            logger.info("API keys: every /v1/ route needs a bearer key", metadata: ["keys": "\(keys.count)", "file": "\(keys.path)"])
        } else {
            let scope = configuration.insecureNoAuth ? " (--insecure-no-auth)" : "; bound to loopback only"
            logger.notice("no API keys: anyone who can reach \(configuration.host):\(configuration.port) can read and create jobs\(scope)")
        }

        let router = Router(context: ServiceRequestContext.self)
        router.add(middleware: MetricsAndRequestIDMiddleware(metrics: metrics))
        router.add(middleware: LogRequestsMiddleware(.info))
        router.add(middleware: ProblemMiddleware())
        router.add(middleware: TenantAccessMiddleware(keys: keys, metricsTenant: configuration.metricsTenant))
        router.get("/healthz") { _, _ in await handlers.health() }
        router.get("/metrics") { _, _ in handlers.metricsText() }
        router.get("/openapi.json") { _, _ in Handlers.json(Data(OpenAPIDocument.json.utf8)) }
        router.post("/v1/plans") { request, context in try await handlers.plan(request, context) }
        router.post("/v1/checks") { request, context in try await handlers.check(request, context) }
        router.post("/v1/analyses") { request, context in try await handlers.analyze(request, context) }
        router.post("/v1/jobs") { request, context in try await handlers.createJob(request, context) }
        router.get("/v1/jobs/:id") { _, context in try await handlers.job(context) }
        router.delete("/v1/jobs/:id") { _, context in try await handlers.cancelJob(context) }
        router.post("/v1/sweeps") { request, context in try await handlers.createSweep(request, context) }
        router.get("/v1/sweeps/:id") { _, context in try await handlers.sweep(context) }

        var services: [any Service] = [SolveShutdown(pool: pool, logger: logger), runner]
        if let keys { services.append(KeyReloader(keys: keys, logger: logger)) }
        return Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port),
                                                    serverName: "capacity-planner"),
            services: services,
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
            logger: logger)
    }
}

/// A configuration the service cannot run with.
public struct ServiceConfigurationError: Error, Sendable, CustomStringConvertible {
    /// One line per bad setting.
    public var problems: [String]
    /// The problems, joined.
    public var description: String { problems.joined(separator: "; ") }
}

/// On graceful shutdown (SIGTERM, SIGINT), cancels running solves so in-flight requests are
/// answered at once with the best plan found, and refuses new solves.
struct SolveShutdown: Service {
    let pool: SolvePool
    let logger: Logger

    func run() async throws {
        try? await gracefulShutdown()
        logger.info("shutting down: cancelling running solves", metadata: ["running": "\(pool.running)", "queued": "\(pool.queued)"])
        pool.shutDown()
    }
}

/// The route handlers.
struct Handlers: Sendable {
    let configuration: ServiceConfiguration
    let pool: SolvePool
    let store: any JobStore
    let runner: JobRunner
    let metrics: ServiceMetrics

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    // MARK: Responses

    static func json(_ data: Data, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "application/json"
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws -> Response {
        json(try encoder.encode(value), status: status, headers: headers)
    }

    func health() async -> Response {
        let counts = try? await store.counts()
        var body: [String: Any] = ["status": counts == nil ? "degraded" : "ok", "solvesRunning": pool.running,
                                   "solvesQueued": pool.queued, "store": store.kind, "replica": runner.owner]
        if let counts { body["jobsQueued"] = counts[.queued] ?? 0 }
        return Self.json((try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])) ?? Data())
    }

    func metricsText() -> Response {
        Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: metrics.exposition())))
    }

    // MARK: Reading requests

    /// The body, at most `maxBodyBytes` (413 beyond; a `Content-Length` above it is refused unread).
    func body(_ request: Request) async throws -> ByteBuffer {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > configuration.maxBodyBytes {
            throw Problem.tooLarge(limit: configuration.maxBodyBytes)
        }
        do {
            return try await request.body.collect(upTo: configuration.maxBodyBytes)
        } catch is NIOTooManyBytesError {
            throw Problem.tooLarge(limit: configuration.maxBodyBytes)
        }
    }

    /// The JSON body as a value (422 naming the line and column when it is not JSON).
    func jsonBody(_ request: Request) async throws -> JSONValue {
        let buffer = try await body(request)
        do throws(JSONParseError) {
            return try JSONValue(parsing: buffer.readableBytesView)
        } catch {
            throw Problem.invalidContent("request", [.init(field: error.path, reason: "invalid JSON at \(error)")])
        }
    }

    /// A scenario from a JSON value (422 listing every problem with its path).
    static func scenario(_ value: JSONValue, prefix: String = "") throws(Problem) -> PlanningProblem {
        do {
            let scenario = try Scenario.decodeWithWarnings(json: value).scenario
            return try PlanningProblem(scenario)
        } catch {
            throw Problem.invalidContent("scenario", error.issues.map {
                .init(field: prefix.isEmpty ? $0.path : ($0.path.isEmpty ? prefix : "\(prefix).\($0.path)"), reason: $0.message)
            })
        }
    }

    /// A plan from a JSON value (422 naming the field).
    static func plan(_ value: JSONValue, field: String) throws(Problem) -> Plan {
        do {
            return try JSONDecoder().decode(Plan.self, from: Data(value.serialized()))
        } catch let error as DecodingError {
            let (path, reason) = describe(error)
            throw Problem.invalidContent("plan", [.init(field: path.isEmpty ? field : "\(field).\(path)", reason: reason)])
        } catch {
            throw Problem.invalidContent("plan", [.init(field: field, reason: "\(error)")])
        }
    }

    static func describe(_ error: DecodingError) -> (String, String) {
        func path(_ keys: [any CodingKey]) -> String {
            keys.reduce("") { text, key in
                if let index = key.intValue { return text + "[\(index)]" }
                return text.isEmpty ? key.stringValue : text + "." + key.stringValue
            }
        }
        switch error {
        case .keyNotFound(let key, let c): return (path(c.codingPath + [key]), "is required")
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c): return (path(c.codingPath), c.debugDescription)
        @unknown default: return ("", "\(error)")
        }
    }

    /// `?solver=` and `?timeLimit=` (400 naming the parameter when wrong).
    func solveOptions(_ request: Request, defaultTimeLimit: Double) throws(Problem) -> (PlannerKind, Double) {
        let query = request.uri.queryParameters
        var kind = PlannerKind.auto
        if let text = query.get("solver") {
            guard let parsed = PlannerKind(rawValue: String(text)) else {
                throw Problem.badRequest("solver", "unknown planner '\(text)'; use one of \(PlannerKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard parsed.isAvailable else { throw Problem.badRequest("solver", "'\(text)' is not built into this server (no GLPK)") }
            kind = parsed
        }
        var limit = defaultTimeLimit
        if let text = query.get("timeLimit") {
            guard let value = Double(String(text)), value.isFinite, value > 0 else {
                throw Problem.badRequest("timeLimit", "must be a number of seconds > 0, got '\(text)'")
            }
            guard value <= configuration.maxTimeLimit else {
                throw Problem.badRequest("timeLimit", "must be at most \(configuration.maxTimeLimit) seconds, got \(value)")
            }
            limit = value
        }
        return (kind, limit)
    }

    /// A member of the body object (422 when the body is not an object or lacks a required member).
    static func member(_ body: JSONValue, _ key: String, required: Bool) throws(Problem) -> JSONValue? {
        guard case .object = body else {
            throw Problem.invalidContent("request", [.init(field: "", reason: "must be a JSON object with '\(key)'")])
        }
        let value = body[key]
        if required && value == nil { throw Problem.invalidContent("request", [.init(field: key, reason: "is required")]) }
        if case .null? = value { return nil }
        return value
    }

    // MARK: Routes

    /// `POST /v1/plans`: scenario in, plan out.
    func plan(_ request: Request, _ context: ServiceRequestContext) async throws -> Response {
        let (kind, limit) = try solveOptions(request, defaultTimeLimit: configuration.defaultTimeLimit)
        let problem = try Self.scenario(try await jsonBody(request))
        let reservation = try pool.reserve()
        let outcome = await withGracefulShutdownHandler {
            await pool.run(reservation) { token in Self.solve(problem, kind: kind, limit: limit, token: token, progress: nil) }
        } onGracefulShutdown: {
            pool.shutDown()
        }
        context.logger.info("solved", metadata: ["solver": "\(kind.rawValue)", "status": "\((try? outcome.get())?.status.rawValue ?? "none")"])
        return try Self.answer(outcome)
    }

    /// `POST /v1/checks`: `{"scenario": …, "plan": …}` in, validity and objective out.
    func check(_ request: Request, _ context: ServiceRequestContext) async throws -> Response {
        let body = try await jsonBody(request)
        let scenarioValue = try Self.member(body, "scenario", required: true)
        let planValue = try Self.member(body, "plan", required: true)
        let problem = try Self.scenario(scenarioValue ?? .null, prefix: "scenario")
        let plan = try Self.plan(planValue ?? .null, field: "plan")
        return try Self.json(PlanCheckReport(PlanChecker.check(plan, for: problem), plan: plan))
    }

    /// `POST /v1/analyses`: `{"scenario": …, "plan"?: …}` in, a conflict report out.
    func analyze(_ request: Request, _ context: ServiceRequestContext) async throws -> Response {
        let (kind, limit) = try solveOptions(request, defaultTimeLimit: configuration.analysisTimeLimit)
        let body = try await jsonBody(request)
        let scenarioValue = try Self.member(body, "scenario", required: true)
        let planValue = try Self.member(body, "plan", required: false)
        let problem = try Self.scenario(scenarioValue ?? .null, prefix: "scenario")
        let plan = try planValue.map { value throws(Problem) in try Self.plan(value, field: "plan") }
        let reservation = try pool.reserve()
        let result = await pool.run(reservation) { _ -> Result<ConflictReport, AnalysisError> in
            let options = AnalysisOptions(planner: kind, timeLimit: limit)
            do throws(AnalysisError) {
                return .success(try ConflictAnalyzer(options: options).analyze(problem, plan: plan))
            } catch {
                return .failure(error)
            }
        }
        switch result {
        case .success(let report): return try Self.json(report)
        case .failure(let error):
            throw Problem.invalidContent(error.code == .invalidPlan ? "plan" : "request",
                                         [.init(field: error.code == .invalidPlan ? "plan.status" : "", reason: error.message)])
        }
    }

    // MARK: Solving

    static func solve(_ problem: PlanningProblem, kind: PlannerKind, limit: Double, token: PlanningCancellation,
                      warmStart: Plan? = nil, planInterval: Double = 3,
                      progress: (@Sendable (PlanningProgress) -> Void)?,
                      incumbent: (@Sendable (Plan) -> Void)? = nil) -> Result<Plan, Problem> {
        do throws(PlanningError) {
            let planner = try kind.makePlanner()
            var options = PlanningOptions(timeLimit: limit)
            options.cancellation = token
            options.progress = progress
            options.warmStart = warmStart
            options.incumbentPlan = incumbent
            options.incumbentPlanInterval = planInterval
            return .success(try planner.plan(problem, options: options))
        } catch {
            if error.code == .noPlanFound {
                return .failure(Problem(.unprocessableContent, type: "/problems/no-plan-found", title: "No plan found",
                                        detail: error.message))
            }
            return .failure(Problem(.internalServerError, type: "/problems/planner-failed", title: "The planner failed",
                                    detail: error.description))
        }
    }

    /// The plan as JSON, or the problem thrown (answered as problem+json).
    static func answer(_ outcome: Result<Plan, Problem>) throws -> Response {
        try json(try outcome.get())
    }
}

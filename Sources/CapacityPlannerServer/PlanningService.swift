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
    /// The application for `configuration`, ready to `runService()`.
    ///
    /// - Parameter onServerRunning: called with the bound port once the server listens (the
    ///   port matters when `configuration.port` is 0).
    /// - Throws: `ServiceConfigurationError` naming each bad setting.
    public static func application(
        configuration: ServiceConfiguration, logger: Logger = Logger(label: "capacity-planner.service"),
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws(ServiceConfigurationError) -> some ApplicationProtocol {
        let problems = configuration.problems()
        guard problems.isEmpty else { throw ServiceConfigurationError(problems: problems) }
        let metrics = ServiceMetrics()
        let pool = SolvePool(maxConcurrent: configuration.maxConcurrentSolves, maxQueued: configuration.maxQueuedSolves,
                             metrics: metrics)
        let jobs = JobStore(retention: configuration.jobRetention, maxFinished: configuration.maxFinishedJobs, metrics: metrics)
        let handlers = Handlers(configuration: configuration, pool: pool, jobs: jobs, metrics: metrics)

        let router = Router()
        router.add(middleware: MetricsAndRequestIDMiddleware(metrics: metrics))
        router.add(middleware: LogRequestsMiddleware(.info))
        router.add(middleware: ProblemMiddleware())
        router.get("/healthz") { _, _ in handlers.health() }
        router.get("/metrics") { _, _ in handlers.metricsText() }
        router.get("/openapi.json") { _, _ in Handlers.json(Data(OpenAPIDocument.json.utf8)) }
        router.post("/v1/plans") { request, context in try await handlers.plan(request, context) }
        router.post("/v1/checks") { request, context in try await handlers.check(request, context) }
        router.post("/v1/analyses") { request, context in try await handlers.analyze(request, context) }
        router.post("/v1/jobs") { request, context in try await handlers.createJob(request, context) }
        router.get("/v1/jobs/:id") { _, context in try handlers.job(context) }
        router.delete("/v1/jobs/:id") { _, context in try handlers.cancelJob(context) }

        return Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port),
                                                    serverName: "capacity-planner"),
            services: [SolveShutdown(pool: pool, logger: logger)],
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
    let jobs: JobStore
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

    func health() -> Response {
        let body: [String: Any] = ["status": "ok", "solvesRunning": pool.running, "solvesQueued": pool.queued]
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
    func plan(_ request: Request, _ context: some RequestContext) async throws -> Response {
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
    func check(_ request: Request, _ context: some RequestContext) async throws -> Response {
        let body = try await jsonBody(request)
        let scenarioValue = try Self.member(body, "scenario", required: true)
        let planValue = try Self.member(body, "plan", required: true)
        let problem = try Self.scenario(scenarioValue ?? .null, prefix: "scenario")
        let plan = try Self.plan(planValue ?? .null, field: "plan")
        return try Self.json(PlanCheckReport(PlanChecker.check(plan, for: problem), plan: plan))
    }

    /// `POST /v1/analyses`: `{"scenario": …, "plan"?: …}` in, a conflict report out.
    func analyze(_ request: Request, _ context: some RequestContext) async throws -> Response {
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

    /// `POST /v1/jobs`: scenario in, 202 with `Location` of the job.
    func createJob(_ request: Request, _ context: some RequestContext) async throws -> Response {
        let (kind, limit) = try solveOptions(request, defaultTimeLimit: configuration.defaultTimeLimit)
        let problem = try Self.scenario(try await jsonBody(request))
        let reservation = try pool.reserve()
        let (job, token) = jobs.create(solver: kind.rawValue, timeLimit: limit)
        let jobs = self.jobs
        let pool = self.pool
        let logger = context.logger
        Task.detached {
            // `nil`: cancelled before it started.
            let outcome = await pool.run(reservation, token: token) { token -> Result<Plan, Problem>? in
                guard !token.isCancelled else { return nil }
                jobs.update(job.id) {
                    $0.state = .running
                    $0.startedAt = Date()
                }
                return Self.solve(problem, kind: kind, limit: limit, token: token) { report in
                    jobs.update(job.id) {
                        $0.progress = Job.Progress(incumbent: report.incumbent, bound: report.bound, gap: report.gap,
                                                   boundSource: report.boundSource?.rawValue,
                                                   elapsed: report.elapsed, message: report.message)
                    }
                }
            }
            jobs.update(job.id) { job in
                job.plan = try? outcome?.get()
                if case .failure(let problem) = outcome { job.error = problem.detail }
                if job.finishedAt == nil { job.finishedAt = Date() }
                if token.isCancelled {
                    job.state = .cancelled
                } else {
                    job.state = job.plan != nil ? .succeeded : .failed
                }
            }
            logger.info("job finished", metadata: ["job": "\(job.id)", "cancelled": "\(token.isCancelled)"])
        }
        return try Self.json(job, status: .accepted, headers: [.location: "/v1/jobs/\(job.id)"])
    }

    /// `GET /v1/jobs/{id}`.
    func job(_ context: some RequestContext) throws -> Response {
        let id = context.parameters.get("id") ?? ""
        guard let job = jobs.job(id) else { throw Problem.notFound("No job '\(id)' (finished jobs are kept for a while, then dropped).") }
        return try Self.json(job)
    }

    /// `DELETE /v1/jobs/{id}`: cancels the solve; 202 with the job as it is now.
    func cancelJob(_ context: some RequestContext) throws -> Response {
        let id = context.parameters.get("id") ?? ""
        guard let job = jobs.cancel(id) else { throw Problem.notFound("No job '\(id)'.") }
        return try Self.json(job, status: .accepted)
    }

    // MARK: Solving

    static func solve(_ problem: PlanningProblem, kind: PlannerKind, limit: Double, token: PlanningCancellation,
                      progress: (@Sendable (PlanningProgress) -> Void)?) -> Result<Plan, Problem> {
        do throws(PlanningError) {
            let planner = try kind.makePlanner()
            var options = PlanningOptions(timeLimit: limit)
            options.cancellation = token
            options.progress = progress
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

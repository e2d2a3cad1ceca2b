// What each route does, in the domain's terms: scenarios in, plans, checks and reports out. The
// generated API (`ServiceAPI`) calls these and wraps their answers in the contract's types.
import CapacityPlanners
import CapacityPlanning
import ConflictAnalysis
import Foundation
import ServiceLifecycle
import StrictJSON

/// The route handlers.
struct Handlers: Sendable {
    let configuration: ServiceConfiguration
    let pool: SolvePool
    let store: any JobStore
    let runner: JobRunner
    let metrics: ServiceMetrics
    let tenants: Tenants

    // MARK: Reading requests

    /// A scenario from a JSON value (422 listing every problem with its path).
    static func scenario(_ value: JSONValue, prefix: String = "") throws(Problem) -> PlanningProblem {
        do throws(ScenarioError) {
            return try Solving.problem(value)
        } catch {
            throw Problem.invalidContent("scenario", error.issues.map {
                .init(field: prefix.isEmpty ? $0.path : ($0.path.isEmpty ? prefix : "\(prefix).\($0.path)"), reason: $0.message)
            })
        }
    }

    /// The request's JSON body as the strict reader parsed it (422 when there is none).
    static func body() throws(Problem) -> JSONValue {
        guard let body = RequestScope.current.body else {
            throw Problem.invalidContent("request", [.init(field: "", reason: "a JSON body is required")])
        }
        return body
    }

    /// The planner and time limit of the query, `defaultTimeLimit` when none is given; the
    /// largest time limit is the service's or, when lower, the tenant's.
    func solveOptions(solver: String?, timeLimit: Double?, defaultTimeLimit: Double) throws(Problem) -> (PlannerKind, Double) {
        let tenant = RequestScope.current.tenant
        let tenantMax = tenants.limits(of: tenant).maxTimeLimit
        do throws(Problem) {
            return try SolveQuery.options(solver: solver, timeLimit: timeLimit, defaultTimeLimit: defaultTimeLimit,
                                          maxTimeLimit: configuration.maxTimeLimit, tenantMaxTimeLimit: tenantMax)
        } catch {
            // Only the tenant's own limit is a refusal of the tenant's (a negative time limit is a bad request).
            if let tenantMax, let timeLimit, timeLimit > tenantMax, timeLimit <= configuration.maxTimeLimit {
                metrics.tenantRefusal(tenant, limit: "timeLimit")
            }
            throw error
        }
    }

    // MARK: Routes

    /// `POST /v1/plans`: scenario in, plan out.
    func plan(kind: PlannerKind, limit: Double) async throws -> Plan {
        let problem = try Self.scenario(try Self.body())
        let reservation = try reserve()
        let outcome = await withGracefulShutdownHandler {
            await pool.run(reservation) { token in Self.solve(problem, kind: kind, limit: limit, token: token, progress: nil) }
        } onGracefulShutdown: {
            pool.shutDown()
        }
        RequestScope.current.logger.info("solved", metadata: [
            "solver": "\(kind.rawValue)", "status": "\((try? outcome.get())?.status.rawValue ?? "none")"])
        return try outcome.get()
    }

    /// `POST /v1/checks`: `{"scenario": …, "plan": …}` in (the plan already read), validity and objective out.
    func check(plan: Plan) throws(Problem) -> PlanCheckReport {
        let problem = try Self.scenario(try Self.body()["scenario"] ?? .null, prefix: "scenario")
        return PlanCheckReport(PlanChecker.check(plan, for: problem), plan: plan)
    }

    /// `POST /v1/analyses`: `{"scenario": …, "plan"?: …}` in (the plan already read), a conflict report out.
    func analyze(plan: Plan?, kind: PlannerKind, limit: Double) async throws -> ConflictReport {
        let problem = try Self.scenario(try Self.body()["scenario"] ?? .null, prefix: "scenario")
        let reservation = try reserve()
        let result = await pool.run(reservation) { _ -> Result<ConflictReport, AnalysisError> in
            let options = AnalysisOptions(planner: kind, timeLimit: limit)
            do throws(AnalysisError) {
                return .success(try ConflictAnalyzer(options: options).analyze(problem, plan: plan))
            } catch {
                return .failure(error)
            }
        }
        switch result {
        case .success(let report): return report
        case .failure(let error):
            throw Problem.invalidContent(error.code == .invalidPlan ? "plan" : "request",
                                         [.init(field: error.code == .invalidPlan ? "plan.status" : "", reason: error.message)])
        }
    }

    // MARK: Solving

    /// `Solving.solve` with its failure as a problem: no plan found is the scenario's (422),
    /// anything else the planner's (500).
    static func solve(_ problem: PlanningProblem, kind: PlannerKind, limit: Double, token: PlanningCancellation,
                      progress: (@Sendable (PlanningProgress) -> Void)?) -> Result<Plan, Problem> {
        Solving.solve(problem, kind: kind, limit: limit, token: token, progress: progress).mapError { error in
            error.code == .noPlanFound
                ? Problem(.unprocessableContent, type: "/problems/no-plan-found", title: "No plan found", detail: error.message)
                : Problem(.internalServerError, type: "/problems/planner-failed", title: "The planner failed",
                          detail: error.description)
        }
    }

    /// A place in the solve pool, or 503 with `Retry-After` when every slot and queue place is taken.
    func reserve() throws(Problem) -> SolvePool.Reservation {
        guard let reservation = pool.reserve() else { throw Problem.busy(retryAfter: 5) }
        return reservation
    }
}

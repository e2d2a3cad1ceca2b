// Reading a scenario and running a planner, below HTTP: the routes and the job runner share
// these, and each maps their typed errors to what it answers (a problem, a failed job).
import CapacityPlanners
import CapacityPlanning
import StrictJSON

/// A scenario read and a plan solved, in the domain's errors.
enum Solving {
    /// The planning problem of a scenario document (every issue found, with its path).
    static func problem(_ value: JSONValue) throws(ScenarioError) -> PlanningProblem {
        try PlanningProblem(Scenario.decodeWithWarnings(json: value).scenario)
    }

    /// Runs `kind` on `problem` within `limit` seconds, stopping when `token` is cancelled,
    /// warm-started from `warmStart` when given; reports progress and each better plan.
    static func solve(_ problem: PlanningProblem, kind: PlannerKind, limit: Double, token: PlanningCancellation,
                      warmStart: Plan? = nil, planInterval: Double = 3,
                      progress: (@Sendable (PlanningProgress) -> Void)?,
                      incumbent: (@Sendable (Plan) -> Void)? = nil) -> Result<Plan, PlanningError> {
        do throws(PlanningError) {
            let planner = try kind.makePlanner()
            var options = PlanningOptions(timeLimit: limit)
            options.cancellation = token
            options.progress = progress
            options.warmStart = warmStart.map { CheckedPlan($0, for: problem) }
            options.incumbentPlan = incumbent
            options.incumbentPlanInterval = planInterval
            return .success(try planner.plan(problem, options: options))
        } catch {
            return .failure(error)
        }
    }
}

extension ScenarioError {
    /// "N problem(s). First: path: reason", for a log line or a job's error.
    var summary: String {
        let first = issues.first.map { " First: \($0.path.isEmpty ? "(document)" : $0.path): \($0.message)" } ?? ""
        return "\(issues.count) problem(s).\(first)"
    }
}

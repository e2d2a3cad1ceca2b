// `auto`: the greedy plan, improved by the exact planner when GLPK is built in.
public import CapacityPlanning

/// The planner to use when in doubt (name `auto`): the greedy plan, improved by
/// large-neighbourhood search on GLPK until the time limit or a proven gap.
///
/// Without GLPK (built with `--disable-default-traits`) it returns the greedy plan. When
/// the search fails it falls back to the greedy plan; `details.note` says which plan was
/// returned and why.
public struct AutoPlanner: Planner {
    /// `auto`.
    public var name: String { "auto" }
    /// Time limit used when the options give neither a time limit nor a move limit, in seconds.
    public var defaultTimeLimit: Double

    /// Creates the planner.
    public init(defaultTimeLimit: Double = 30) {
        self.defaultTimeLimit = defaultTimeLimit
    }

    /// Plans with greedy, then improves the plan by large-neighbourhood search.
    public func plan(_ problem: PlanningProblem, options: PlanningOptions) throws(PlanningError) -> Plan {
        try deliverPlan(problem, solver: name) { () throws(PlanningError) in try solve(problem, options: options) }
    }

    /// Plans in index space; the note says which plan was returned and why.
    package func solve(_ problem: PlanningProblem, options: PlanningOptions) throws(PlanningError) -> PlanningOutcome {
        #if GLPK
        do throws(PlanningError) {
            let outcome = try LargeNeighbourhoodPlanner(defaultTimeLimit: defaultTimeLimit).solve(problem, options: options)
            let why: String
            switch outcome.proof {
            case .noPlanExists: why = "no valid plan exists"
            case let proof where proof.provesOptimality: why = "greedy, then large-neighbourhood search on GLPK, proved optimal"
            default: why = "greedy, then large-neighbourhood search on GLPK until the limit"
            }
            return outcome.noting(PlannerNote("auto: \(why)"))
        } catch {
            var greedyOptions = options
            greedyOptions.warmStart = nil
            if let outcome = try? GreedyPlanner().solve(problem, options: greedyOptions) {
                return outcome.noting(PlannerNote("auto: the greedy plan; the search failed: \(error.message)"))
            }
            throw error
        }
        #else
        return try GreedyPlanner().solve(problem, options: options)
            .noting(PlannerNote("auto: the greedy plan (built without GLPK)"))
        #endif
    }
}

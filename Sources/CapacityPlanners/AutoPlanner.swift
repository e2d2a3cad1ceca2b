// `auto`: the greedy plan, improved by the exact planner when GLPK is built in.
public import CapacityPlanning

/// The planner to use when in doubt (name `auto`): the greedy plan, improved by
/// large-neighbourhood search on GLPK until the time limit or a proven gap.
///
/// Without GLPK (built with `--disable-default-traits`) it returns the greedy plan. When
/// the search fails it falls back to the greedy plan; `details.note` says which plan was
/// returned and why.
public struct AutoPlanner: Planner {
    /// The name front ends use for it: `auto`.
    public var name: String { "auto" }
    /// Time limit used when the options give neither a time limit nor a move limit, in seconds.
    public var defaultTimeLimit: Double

    /// Creates the planner; `defaultTimeLimit` (seconds) applies when the options give neither a
    /// time limit nor a move limit.
    public init(defaultTimeLimit: Double = 30) {
        self.defaultTimeLimit = defaultTimeLimit
    }

    /// Plans with greedy, then improves the plan by large-neighbourhood search; falls back to the
    /// greedy plan when the search fails or its plan does not pass the checker.
    public func checkedPlan(_ problem: PlanningProblem, options: PlanningOptions) throws(PlanningError) -> CheckedPlan {
        #if GLPK
        do throws(PlanningError) {
            return try deliverPlan(problem, solver: name) { () throws(PlanningError) in try search(problem, options: options) }
        } catch {
            var greedyOptions = options
            greedyOptions.warmStart = nil
            let note = PlannerNote("auto: the greedy plan; the search failed: \(error.message)")
            if let plan = try? deliverPlan(problem, solver: name, { () throws(PlanningError) in
                try GreedyPlanner().solve(problem, options: greedyOptions).noting(note)
            }) {
                return plan
            }
            throw error
        }
        #else
        return try deliverPlan(problem, solver: name) { () throws(PlanningError) in
            try GreedyPlanner().solve(problem, options: options).noting(PlannerNote("auto: the greedy plan (built without GLPK)"))
        }
        #endif
    }

    #if GLPK
    /// The large-neighbourhood search's outcome, with a note that says how it ended.
    private func search(_ problem: PlanningProblem, options: PlanningOptions) throws(PlanningError) -> PlanningOutcome {
        let outcome = try LargeNeighbourhoodPlanner(defaultTimeLimit: defaultTimeLimit).solve(problem, options: options)
        let why: String
        switch outcome.proof {
        case .noPlanExists: why = "no valid plan exists"
        case let proof where proof.provesOptimality: why = "greedy, then large-neighbourhood search on GLPK, proved optimal"
        default: why = "greedy, then large-neighbourhood search on GLPK until the limit"
        }
        return outcome.noting(PlannerNote("auto: \(why)"))
    }
    #endif
}

// Large-neighbourhood search: GLPK re-optimises small parts of a plan inside a Swift search.
#if GLPK
public import CapacityPlanning

/// Plans by large-neighbourhood search (name `lns`).
///
/// Starts from the greedy plan (or `options.warmStart`). Each step frees a few projects
/// chosen by a neighbourhood rule (`NeighbourhoodKind`), fixes every other decision, and
/// lets GLPK re-optimise the freed part as a small MIP warm-started from the current plan,
/// so a step can only improve the plan. Around the freed projects a ring of selected
/// projects that share their people keeps its starts but has its staffing re-decided too.
/// Rules that pay are chosen more often; the number of freed projects grows while
/// sub-problems solve quickly without improving and shrinks when they hit their limit; when
/// the search stalls, it tries to bring in each left-out project in turn. When a sub-problem
/// that frees every project is solved to optimality, the plan is proven optimal.
///
/// Against the clock, once the bound is known, a second search with its own random stream
/// runs on the other core; the two share their best plan, each adopting the other's when it
/// is better.
///
/// Every plan carries an honest bound: the LP relaxation of the whole problem when it is
/// small enough to solve in the time given, else a simple bound that assumes unlimited people.
///
/// Deterministic for a given seed when `options.moveLimit` is set and `timeLimit` is not:
/// sub-problems are then limited by a node count, not by time, and one search runs.
public struct LargeNeighbourhoodPlanner: Planner {
    /// The name front ends use for it: `lns`.
    public var name: String { "lns" }
    /// Default time limit when the options give neither a time limit nor a move limit (seconds).
    public var defaultTimeLimit: Double
    /// Time limit of one sub-problem (seconds), when running against the clock.
    public var subproblemTimeLimit: Double
    /// Node limit of one sub-problem, when running deterministically.
    public var subproblemNodeLimit: Int
    /// Largest model (hours variables) whose LP relaxation is solved for the bound.
    public var boundModelLimit: Int
    /// Node limit of each relaxation's branch and bound, when running deterministically.
    public var boundNodeLimit: Int
    /// Searches that run at once against the clock (the second starts once the bound is known).
    public var searches: Int

    /// Creates the planner; each argument sets the property of the same name.
    public init(defaultTimeLimit: Double = 60, subproblemTimeLimit: Double = 2,
                subproblemNodeLimit: Int = 500, boundModelLimit: Int = 2_000_000, boundNodeLimit: Int = 300,
                searches: Int = 2) {
        self.boundNodeLimit = boundNodeLimit
        self.defaultTimeLimit = defaultTimeLimit
        self.subproblemTimeLimit = subproblemTimeLimit
        self.subproblemNodeLimit = subproblemNodeLimit
        self.boundModelLimit = boundModelLimit
        self.searches = searches
    }

    /// Runs the search; see the type's documentation.
    public func checkedPlan(_ problem: PlanningProblem, options: PlanningOptions) throws(PlanningError) -> CheckedPlan {
        return try deliverPlan(problem, solver: name) { () throws(PlanningError) in try solve(problem, options: options) }
    }

    /// Runs the search in index space; `auto` calls this.
    package func solve(_ problem: PlanningProblem, options: PlanningOptions) throws(PlanningError) -> PlanningOutcome {
        var search = Search(planner: self, problem: problem, options: options, clock: .now)
        return try search.run()
    }
}
#endif

// What a long-running planner reports while it works.
public import CapacityPlanning

/// A progress report during a long solve.
public struct PlanningProgress: Sendable, Equatable {
    /// Name of the planner reporting (`greedy`, `glpk`, `lns`, …).
    public var planner: String
    /// Best objective found so far.
    public var incumbent: Double?
    /// Best proven upper bound so far.
    public var bound: Double?
    /// What proves the bound (`nil`: the planner's own branch and bound, or no bound).
    public var boundSource: BoundSource?
    /// Relative gap between the two, when both are known.
    public var gap: Double?
    /// Seconds since the planner started.
    public var elapsed: Double
    /// A short remark (phase, neighbourhoods tried, …).
    public var message: String?

    /// Creates a progress report.
    public init(planner: String, incumbent: Double? = nil, bound: Double? = nil, gap: Double? = nil,
                elapsed: Double, message: String? = nil, boundSource: BoundSource? = nil) {
        self.planner = planner
        self.boundSource = boundSource
        self.incumbent = incumbent
        self.bound = bound
        self.gap = gap
        self.elapsed = elapsed
        self.message = message
    }
}

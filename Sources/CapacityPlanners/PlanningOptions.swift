// How a planner should run: limits, seed, warm start, progress and cancellation.
public import CapacityPlanning

/// How a planner should run: limits, seed, warm start, progress reports and cancellation.
public struct PlanningOptions: Sendable {
    /// Wall-clock limit in seconds; `nil` is none (the greedy planner's improvement phase then uses `moveLimit`).
    public var timeLimit: Double?
    /// Relative gap at which a MIP counts as solved (`optimal` is reported within it).
    public var relativeGap: Double
    /// Seed for every random choice: the same seed and limits give the same plan.
    public var seed: UInt64
    /// Most improvement moves (greedy) or neighbourhoods (LNS); `nil` uses the planner's default.
    public var moveLimit: Int?
    /// A plan to start from, checked against the problem being planned (`CheckedPlan(plan, for:
    /// problem)`); it is used only if it is valid. The planners take its allocation as it is
    /// (one checked against another problem is checked again first).
    public var warmStart: CheckedPlan?
    /// Called with progress from the planner's thread; keep it quick.
    public var progress: (@Sendable (PlanningProgress) -> Void)?
    /// Stops the planner early; it then returns the best valid plan it has.
    public var cancellation: PlanningCancellation?
    /// Called from the planner's thread with its best plan so far: its starting plan, then at
    /// most every `incumbentPlanInterval` seconds while it improves (the large-neighbourhood
    /// search, and `auto` when it runs it); the service stores it so an interrupted job keeps it.
    public var incumbentPlan: (@Sendable (Plan) -> Void)?
    /// Seconds between two `incumbentPlan` calls.
    public var incumbentPlanInterval: Double = 3

    /// Creates options; by default no time limit, a relative gap of 1e-6, seed 0, the planner's own
    /// move limit, no warm start, no progress reports and no cancellation.
    public init(
        timeLimit: Double? = nil,
        relativeGap: Double = 1e-6,
        seed: UInt64 = 0,
        moveLimit: Int? = nil,
        warmStart: CheckedPlan? = nil,
        progress: (@Sendable (PlanningProgress) -> Void)? = nil,
        cancellation: PlanningCancellation? = nil
    ) {
        self.timeLimit = timeLimit
        self.relativeGap = relativeGap
        self.seed = seed
        self.moveLimit = moveLimit
        self.warmStart = warmStart
        self.progress = progress
        self.cancellation = cancellation
    }
}

// The planners front ends can name, and which this build has.

/// The planners front ends can name.
public enum PlannerKind: String, Sendable, CaseIterable, CustomStringConvertible {
    /// The exact planner on GLPK.
    case glpk
    /// The pure-Swift greedy planner with local search.
    case greedy
    /// Greedy, improved by large-neighbourhood search on GLPK when built in.
    case auto
    /// Large-neighbourhood search on GLPK, from the greedy plan.
    case lns

    /// Whether this build can run the planner (`glpk` and `lns` need the GLPK trait).
    public var isAvailable: Bool {
        #if GLPK
        return true
        #else
        return self != .glpk && self != .lns
        #endif
    }

    /// The planner, or `PlanningError.unavailable` when this build lacks it.
    public func makePlanner() throws(PlanningError) -> any Planner {
        switch self {
        case .greedy: return GreedyPlanner()
        case .auto: return AutoPlanner()
        case .glpk, .lns:
            #if GLPK
            return self == .glpk ? ExactPlanner() : LargeNeighbourhoodPlanner()
            #else
            throw PlanningError(.unavailable, "this build has no GLPK (built with --disable-default-traits); use --solver greedy or auto")
            #endif
        }
    }

    /// The name front ends accept: the raw value (`glpk`, `greedy`, `auto`, `lns`).
    public var description: String { rawValue }
}

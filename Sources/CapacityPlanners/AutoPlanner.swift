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
        #if GLPK
        do throws(PlanningError) {
            let plan = try LargeNeighbourhoodPlanner(defaultTimeLimit: defaultTimeLimit).plan(problem, options: options)
            let why: String
            switch plan.status {
            case .infeasible: why = "no valid plan exists"
            case .optimal: why = "greedy, then large-neighbourhood search on GLPK, proved optimal"
            case .feasible: why = "greedy, then large-neighbourhood search on GLPK until the limit"
            }
            return relabel(plan, note: "auto: \(why)")
        } catch {
            var greedyOptions = options
            greedyOptions.warmStart = nil
            if let plan = try? GreedyPlanner().plan(problem, options: greedyOptions) {
                return relabel(plan, note: "auto: the greedy plan; the search failed: \(error.message)")
            }
            throw error
        }
        #else
        let plan = try GreedyPlanner().plan(problem, options: options)
        return relabel(plan, note: "auto: the greedy plan (built without GLPK)")
        #endif
    }

    private func relabel(_ plan: Plan, note: String) -> Plan {
        var plan = plan
        let inner = plan.details?.note.map { " [\($0)]" } ?? ""
        plan.details = plan.details ?? PlanDetails()
        plan.details?.note = note + inner
        plan.solver = name
        return plan
    }
}

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

    /// The name.
    public var description: String { rawValue }
}

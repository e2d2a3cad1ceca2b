// The search's tuning and its time policy: which move a step makes, and what its sub-problem may spend.
#if GLPK

/// What one step of the search does.
enum Move: Hashable, Sendable {
    /// A neighbourhood picked by a rule (drawn by weight, or `blocked` when the search has stalled).
    case rule(NeighbourhoodKind)
    /// The projects whose start or selection the class relaxation would change (`StartGuide`), at
    /// its starts, with the ring: made when a guide is due and gives a neighbourhood.
    case guided
    /// Every project with every start, once, where the whole problem is too large for a
    /// neighbourhood but small enough for GLPK to prove (`Search.dueWholeAttempt`).
    case wholeAttempt
    /// A selected project the plan leaves short (unmet hours), in turn, with every start and the
    /// selected projects that compete for its people: made every `SearchPolicy.repairEvery` steps
    /// while the plan leaves one short, as each unmet hour costs the policy's penalty.
    case repair

    /// The name in the plan's note and in progress messages.
    var label: String {
        switch self {
        case .rule(let kind): kind.rawValue
        case .guided: "guidedStarts"
        case .wholeAttempt: "wholeProblem"
        case .repair: "repair"
        }
    }
}

/// What a sub-problem may spend: seconds against the clock, nodes in deterministic mode.
struct SubproblemBudget: Equatable, Sendable {
    /// Seconds (`nil` in deterministic mode).
    var seconds: Double?
    /// Branch-and-bound nodes (`nil` against the clock).
    var nodes: Int?
}

/// The search's tuning (every constant it runs by, in one value) and the rules that turn the
/// search's state into a move and a budget. The state itself (plan, weights, column budget,
/// statistics) is `Search`'s.
///
/// No move can starve the search: every sub-problem has a budget, and the one that may take all
/// the time left (the whole problem, where it fits the first neighbourhood) runs beside the
/// second search, whose better plans are offered to it as incumbents (`SolveOptions.offers`).
struct SearchPolicy: Sendable {
    /// How far a freed, selected project may move its start (periods).
    var startRadius = 3
    /// Share of the column budget that the ring of re-staffed projects may add to a neighbourhood.
    var ringShare = 1.0
    /// Hours variables a sub-problem may have at first (`columnBudgetRange` bounds it later).
    var initialColumnBudget = 1500.0
    /// The column budget's least and largest values.
    var columnBudgetRange = 200.0...200_000.0
    /// The column budget shrinks by this factor when a sub-problem hits its limit…
    var shrink = 0.7
    /// …and grows by this one when a sub-problem solves to optimality without gain.
    var grow = 1.2
    /// Fruitless steps after which the search tries to bring in a left-out project.
    var stallSteps = 10
    /// Fruitless steps after which the search computes a guide (`StartGuide`) around its plan.
    var guideStallSteps = 2
    /// Share of the time after which the search computes a guide even when it has not stalled.
    var guideShare = 0.25
    /// Seconds a guide may take.
    var guideSeconds = 4.0
    /// How much longer than others the guided sub-problem may run: it re-staffs most of the
    /// portfolio (on mid-size-pmo, 5 s left it at the greedy staffing, 10 s reached 1.88 M).
    var guidedTimeFactor = 5.0
    /// Steps from one repair (`Move.repair`) to the next while the plan leaves a project short. On
    /// a v2 120 × 40 × 26 portfolio whose greedy plan left a project 330 hours short (3.3 M of
    /// penalty), the search without repairs fixed it after 57 s in one run and never in another.
    var repairEvery = 2
    /// Most doublings of the wait before a project whose repairs found nothing is repaired again.
    var repairBackoffLimit = 6
    /// Projects an attempt to bring one in frees at least (it and its first blockers), whatever the budget.
    var bringInCore = 3
    /// How much longer than others a sub-problem that brings a project in may run.
    var bringInTimeFactor = 2.5
    /// Most hours variables (as the column budget counts them) for which the search tries the
    /// whole problem once (`Search.dueWholeAttempt`): on 30 × 12 × 12 portfolios of 2,025–2,257,
    /// GLPK proves some in seconds that no neighbourhood can (Docs/lns.md, "Trying the whole problem").
    var wholeAttemptColumns = 4000.0
    /// Share of the time left that the attempt on the whole problem may take.
    var wholeAttemptShare = 0.5
    /// How many times the sub-problem node limit the whole problem gets in deterministic mode.
    var wholeNodeFactor = 20
    /// Seconds the greedy start has where the whole problem fits the first neighbourhood: GLPK then
    /// solves the whole problem from any valid plan, and greedy's local search only delayed the
    /// proof (by 1.0 s on a 30 × 12 × 12 portfolio, Docs/lns.md). Elsewhere `greedyStartSeconds`.
    var quickStartSeconds = 0.1
    /// Most seconds of the greedy start elsewhere (and at most 15 % of the time).
    var greedyStartSeconds = 10.0
    /// Share of the time the bound has the second core where the whole problem fits the first
    /// neighbourhood. The main search's first step is then one branch and cut on the whole problem
    /// with all the time left; without a second search beside it, nothing improved the plan while
    /// it ran (a 30 × 12 × 12 portfolio ended at 244,629 against an optimum of 282,047 after
    /// `lns: 1 neighbourhoods`).
    var boundShareBesideWholeSolve = 0.25
    /// In flight: the share of the time (from the start) until which the bound's thread dives from
    /// its LP solution to a plan (`RelaxationDive`) before its branch and bound; 0: no dive.
    var diveShare = 0.4
    /// …when the LP relaxation was solved within this share of the time. At 60 s: 60 × 25 × 16
    /// (LP in 1–2 s) dives, 120 × 40 × 26 (5–15 s; the dive needed 90 s on seed 6) does not.
    var diveLPShare = 0.05

    /// The tuning every search runs by.
    static let standard = SearchPolicy()

    /// The move of a step: the attempt on the whole problem when it is due; else the guided
    /// neighbourhood when a guide gave one; else a repair when one is due; else, when the search
    /// has stalled, an attempt to bring in a left-out project (`blocked`); else the rule drawn by weight.
    func move(drawn: NeighbourhoodKind, stalled: Bool, wholeAttemptDue: Bool, guided: Bool, repairDue: Bool = false) -> Move {
        if wholeAttemptDue { return .wholeAttempt }
        if guided { return .guided }
        if repairDue { return .repair }
        if stalled { return .rule(.blocked) }
        return .rule(drawn)
    }

    /// Whether a project left short may be repaired again, `stepsSince` steps after its last
    /// repair, when `failures` repairs of it in a row found nothing: the wait doubles with each
    /// (a project nobody qualified can staff would otherwise take every second step).
    func mayRepair(failures: Int, stepsSince: Int) -> Bool {
        failures == 0 || stepsSince >= repairEvery << min(failures, repairBackoffLimit)
    }

    /// What the sub-problem of `move` may spend. `whole` says it frees the whole problem: where
    /// that fits the first neighbourhood it has all the time left (or `wholeNodeFactor` times
    /// the node limit); the attempt on a larger one `wholeAttemptShare` of it. Others have the
    /// planner's sub-problem limit, longer for the guided step, for bringing a project in and for a repair;
    /// none more than the time left, none less than 0.05 s.
    func budget(for move: Move, whole: Bool, remaining: Double?, deterministic: Bool,
                subproblemSeconds: Double, subproblemNodes: Int) -> SubproblemBudget {
        let factor = switch move {
        case .guided: guidedTimeFactor
        case .rule(.blocked), .repair: bringInTimeFactor
        default: 1.0
        }
        if deterministic {
            return SubproblemBudget(seconds: nil, nodes: whole ? subproblemNodes * wholeNodeFactor : Int(Double(subproblemNodes) * factor))
        }
        let limit = if whole {
            move == .wholeAttempt ? (remaining.map { $0 * wholeAttemptShare } ?? subproblemSeconds) : (remaining ?? subproblemSeconds)
        } else {
            subproblemSeconds * factor
        }
        return SubproblemBudget(seconds: max(0.05, min(limit, remaining ?? limit)), nodes: nil)
    }

    /// The column budget after a step: smaller after a sub-problem that hit its limit, larger
    /// after one solved to optimality without gain.
    func columnBudget(after budget: Double, hitLimit: Bool, optimal: Bool, gain: Double) -> Double {
        if hitLimit { return max(columnBudgetRange.lowerBound, budget * shrink) }
        if gain == 0 && optimal { return min(columnBudgetRange.upperBound, budget * grow) }
        return budget
    }
}
#endif

// The search loop: from a starting plan, free a neighbourhood, re-optimise it, keep what is better.
#if GLPK
import CapacityPlanning
import Foundation

/// One search's state: the plan it improves, its random stream, its neighbourhood weights and budget.
struct Search {
    let planner: LargeNeighbourhoodPlanner
    let problem: PlanningProblem
    let options: PlanningOptions
    let clock: ContinuousClock.Instant
    let deterministic: Bool
    let timeLimit: Double?
    let index: NeighbourhoodIndex
    var random: SeededGenerator
    var statistics = SearchStatistics()
    /// The tuning and the rules that choose each move and its budget.
    let policy: SearchPolicy
    var weights: [NeighbourhoodKind: Double] = Dictionary(uniqueKeysWithValues: NeighbourhoodKind.allCases.map { ($0, 1.0) })
    /// The neighbourhood rules this problem uses (`NeighbourhoodKind.rules(for:)`).
    let kinds: [NeighbourhoodKind]
    /// Most hours variables a sub-problem may have: grows while sub-problems solve quickly
    /// without improving, shrinks when they hit their limit.
    var columnBudget: Double
    /// Hours variables of the whole problem (every selectable project, every start), as the
    /// column budget counts them.
    let wholeProblemColumns: Double
    /// Whether the search has tried the whole problem (`dueWholeAttempt`).
    var wholeProblemAttempted = false
    /// The step of the last improvement.
    var lastImprovementStep = 0
    /// When the search last handed its best plan to `options.incumbentPlan` (seconds).
    var lastIncumbentDelivery = -Double.infinity
    /// The objective of the plan the last guide (`StartGuide`) was computed around.
    var guidedObjective: Double?
    /// Guides computed so far: even ones keep the plan's selection, odd ones let the relaxation choose.
    var guidesComputed = 0
    /// Turns taken by the left-out projects in attempts to bring them in.
    var leftOutTurn = 0
    /// Turns taken by the projects left short in repairs, and the step of the last repair.
    var shortTurn = 0
    var lastRepairStep = Int.min / 2
    /// Per project left short: repairs in a row that found nothing, and the step of the last.
    var fruitlessRepairs: [Int: (count: Int, step: Int)] = [:]
    /// The projects left short by the plan of this objective (`shortProjects` sorts every cell:
    /// worked out again only when the plan has changed).
    var shortCache: (objective: Double, projects: [Int])?
    /// Each project's value less its cheapest possible staffing (people unlimited).
    let profit: [Double]
    /// A helper never frees the whole problem: that solve is the main search's (with all the time
    /// left where the whole problem fits the budget, part of it in the one attempt where it does not).
    var isHelper: Bool { worker != 0 }
    let worker: UInt64
    /// The best plan of all searches, once the main search has started its helpers.
    var shared: SharedIncumbent?
    /// The in-flight model whose parts a search of a portfolio in flight re-optimises (`nil` for
    /// the other versions, whose sub-problems are built per step by `ExactFormulation`).
    let inFlight: InFlightModel?
    /// The bound computed beside the search: its LP solution guides `relaxationGap` in flight.
    var relaxation: RelaxationBound?
    /// The relaxation's gaps from the plan of this objective (`InFlightModel.relaxationGaps`).
    var relaxationCache: (objective: Double, gaps: [Int: Double], windows: [Int: ClosedRange<Int>])?

    init(planner: LargeNeighbourhoodPlanner, problem: PlanningProblem, options: PlanningOptions,
         clock: ContinuousClock.Instant, worker: UInt64 = 0, policy: SearchPolicy = .standard,
         inFlight: InFlightModel? = nil) {
        self.planner = planner
        self.policy = policy
        self.problem = problem
        self.options = options
        self.clock = clock
        self.worker = worker
        self.deterministic = options.moveLimit != nil && options.timeLimit == nil
        self.timeLimit = deterministic ? nil : (options.timeLimit ?? planner.defaultTimeLimit)
        self.random = SeededGenerator(seed: options.seed ^ 0x4C4E_5300 &+ worker &* 0x9E37_79B9)
        self.columnBudget = policy.initialColumnBudget
        self.index = NeighbourhoodIndex(problem: problem)
        self.wholeProblemColumns = index.selectable.reduce(0) { $0 + Self.columns(of: $1, window: nil, in: problem) }
        self.kinds = NeighbourhoodKind.rules(for: problem)
        self.profit = problem.projects.map { $0.bestWorth - $0.cheapestStaffingCost }
        self.inFlight = inFlight ?? (problem.isInFlight ? InFlightModel(problem: problem) : nil)
    }

    var elapsed: Double { clock.secondsElapsed }

    var remaining: Double? { timeLimit.map { $0 - elapsed } }

    var stopped: Bool {
        if options.cancellation?.isCancelled == true { return true }
        if let remaining, remaining <= 0.05 { return true }
        if let limit = options.moveLimit, statistics.steps >= limit { return true }
        return false
    }

    /// Runs the search to its limit or its proof.
    mutating func run() throws(PlanningError) -> PlanningOutcome {
        let impossible = problem.structuralInfeasibilities
        if !impossible.isEmpty { return .noPlan(diagnosis: impossible) }
        var current: Allocation
        switch try startingPoint() {
        case .allocation(let allocation): current = allocation
        case .noPlan(let proof):
            // The exact planner proved that no valid plan exists: say so, as the exact planner does.
            return proof
        }
        var objective = ObjectiveBreakdown(allocation: current, problem: problem).total
        // People unlimited bounds the earlier versions only (in flight: the relaxation's bounds).
        let simple = inFlight == nil ? SimpleBound.value(for: problem) : nil
        let shared = SharedIncumbent(objective: objective, allocation: current)
        self.shared = shared
        let relaxation = startBound(incumbent: objective, shared: shared)
        defer { relaxation.stop() }
        self.relaxation = relaxation
        let helpers = startHelpers(shared: shared, after: relaxation)
        defer { helpers.finish() }
        // The tighter of the people-unlimited bound and the relaxations', with its source.
        var proven: (value: Double, source: BoundSource)? {
            if let best = relaxation.best, simple.map({ best.value < $0 }) ?? true { return best }
            return simple.map { ($0, .peopleUnlimited) }
        }
        var bound: Double? { proven.map { max(objective, $0.value) } }
        var reportedBound = proven?.value ?? .infinity
        report(objective, bound, proven?.source, "start")
        deliverIncumbent(current)

        var proof = Proof.none
        while !stopped, proof == .none {
            if let better = shared.better(than: objective) {
                (objective, current) = better
                report(objective, bound, proven?.source, "adopted the other search's plan")
                deliverIncumbent(current)
            }
            if let proven, proven.value < reportedBound - 1e-3 * max(1, abs(proven.value)) {
                reportedBound = proven.value
                report(objective, bound, proven.source, "bound from the \(proven.source.description)")
            }
            if let bound, Plan.relativeGap(objective: objective, bound: bound) <= options.relativeGap {
                proof = .meetsBound
                break
            }
            guard let step = step(around: &current, objective: &objective) else { break }
            if step.improved {
                shared.offer(objective, current)
                report(objective, bound, proven?.source, statistics.summary)
                deliverIncumbent(current)
            }
            if step.provenOptimal { proof = .wholeProblemSolved }
        }
        helpers.finish(waiting: proof == .none)
        if let better = shared.better(than: objective) { (objective, current) = better }

        if proof == .none, options.cancellation?.isCancelled != true, let remaining {
            // The search is over; give the relaxation the time that is left to finish its bound
            // (not when cancelled: the caller wants the plan now).
            relaxation.wait(seconds: remaining)
        }
        var total = statistics
        total.add(shared.helperStatistics)
        let provenBy = switch proof {
        case .meetsBound: "; the plan meets the bound within the gap"
        case .wholeProblemSolved: "; the last neighbourhood freed every project and was solved to optimality"
        default: ""
        }
        let timeline = total.timeline.isEmpty ? "" : "; " + total.timeline
        let dive = shared.diveOutcome.map { "; dive from the relaxation: " + $0 } ?? ""
        let note = "lns: \(total.summary)" + (helpers.count > 0 ? " on \(helpers.count + 1) searches" : "") + timeline + dive + provenBy
        return PlanningOutcome(allocation: current, proof: proof, bound: bound, boundSource: proven?.source,
                               notes: [PlannerNote(note)])
    }

    /// One step: chooses the move (`SearchPolicy.move`), frees its neighbourhood, re-optimises it
    /// within its budget (`SearchPolicy.budget`), keeps the result when it is better.
    /// `nil` when there is nothing left to free.
    mutating func step(around current: inout Allocation, objective: inout Double)
        -> (improved: Bool, provenOptimal: Bool)?
    {
        let drawn = chooseKind()
        let attempt = dueWholeAttempt()
        let guided = attempt ? nil : dueGuidedNeighbourhood(around: current, objective: objective)
        if statistics.steps - lastRepairStep >= policy.repairEvery, shortCache?.objective != objective {
            shortCache = (objective, shortProjects(current))
        }
        let short = statistics.steps - lastRepairStep < policy.repairEvery ? [] : (shortCache?.projects ?? []).filter { j in
            fruitlessRepairs[j].map { policy.mayRepair(failures: $0.count, stepsSince: statistics.steps - $0.step) } ?? true
        }
        var repaired: Int?
        let move = policy.move(drawn: drawn, stalled: statistics.steps - lastImprovementStep >= policy.stallSteps,
                               wholeAttemptDue: attempt, guided: guided != nil, repairDue: !short.isEmpty)
        let (freed, windows, whole): ([Int], [Int: ClosedRange<Int>], Bool)
        switch move {
        case .wholeAttempt:
            (freed, windows, whole) = (index.selectable, [:], true)
        case .guided:
            (freed, windows, whole) = (guided?.freed ?? [], guided?.windows ?? [:], false)
        case .repair:
            lastRepairStep = statistics.steps
            defer { shortTurn += 1 }
            let seed = short[shortTurn % short.count]
            repaired = seed
            (freed, windows, whole) = neighbourhood(
                NeighbourhoodPicker(problem: problem, index: index).order(repairing: seed, around: current, using: &random),
                around: current, wide: true, minimumCore: policy.bringInCore)
        case .rule(let kind):
            // Bringing a project in: the next left-out one in turn, with at least its first blockers.
            let leftOutSeed = kind == .blocked ? nextLeftOut(current) : nil
            let guide = kind == .relaxationGap ? relaxationGuide(around: current, objective: objective) : nil
            (freed, windows, whole) = neighbourhood(
                NeighbourhoodPicker(problem: problem, index: index).order(kind, around: current, using: &random, leftOutSeed: leftOutSeed,
                                                                         gaps: guide?.gaps ?? [:]),
                around: current, wide: wideStarts(for: kind), minimumCore: kind == .blocked ? policy.bringInCore : 1,
                preferred: guide?.windows ?? [:])
        }
        guard !freed.isEmpty else { return nil }
        // Helpers keep searching while the whole problem is solved: their better plans are offered
        // to its branch and cut (`solve(freeing:…)`), so a long solve never leaves the plan behind.
        let budget = policy.budget(for: move, whole: whole, remaining: remaining, deterministic: deterministic,
                                   subproblemSeconds: planner.subproblemTimeLimit, subproblemNodes: planner.subproblemNodeLimit)
        let outcome = solve(freeing: Set(freed), windows: windows, around: guided?.base ?? current, whole: whole, budget: budget)
        var gain = 0.0
        if let candidate = outcome.allocation {
            let value = ObjectiveBreakdown(allocation: candidate, problem: problem).total
            if value > objective + 1e-9 * max(1, abs(objective)), PlanChecker.violations(of: candidate, for: problem).isEmpty {
                gain = value - objective
                current = candidate
                objective = value
            }
        }
        statistics.record(move, improved: gain > 0, at: elapsed)
        if gain > 0 { lastImprovementStep = statistics.steps }
        if let repaired {
            fruitlessRepairs[repaired] = gain > 0 ? nil : ((fruitlessRepairs[repaired]?.count ?? 0) + 1, statistics.steps)
        }
        if let failure = outcome.failure { statistics.recordFailure(failure) }
        // The attempt on the whole problem says nothing about the size neighbourhoods should have.
        if move != .wholeAttempt { adapt(move: move, gain: gain, objective: objective, outcome: outcome) }
        return (gain > 0, outcome.optimal && whole)
    }
}
#endif

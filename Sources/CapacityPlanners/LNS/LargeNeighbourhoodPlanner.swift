// Large-neighbourhood search: GLPK re-optimises small parts of a plan inside a Swift search.
#if GLPK
public import CapacityPlanning
import Optimization
import Foundation

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
    /// `lns`.
    public var name: String { "lns" }
    /// Default time limit when the options give neither a time limit nor a move limit (seconds).
    public var defaultTimeLimit: Double
    /// Time limit of one sub-problem (seconds), when running against the clock.
    public var subproblemTimeLimit: Double
    /// Node limit of one sub-problem, when running deterministically.
    public var subproblemNodeLimit: Int
    /// Largest model (hours variables) whose LP relaxation is solved for the bound.
    public var boundModelLimit: Int
    /// Searches that run at once against the clock (the second starts once the bound is known).
    public var searches: Int

    /// Creates the planner.
    public init(defaultTimeLimit: Double = 60, subproblemTimeLimit: Double = 2,
                subproblemNodeLimit: Int = 500, boundModelLimit: Int = 2_000_000, searches: Int = 2) {
        self.defaultTimeLimit = defaultTimeLimit
        self.subproblemTimeLimit = subproblemTimeLimit
        self.subproblemNodeLimit = subproblemNodeLimit
        self.boundModelLimit = boundModelLimit
        self.searches = searches
    }

    /// Runs the search; see the type's documentation.
    public func plan(_ problem: PlanningProblem, options: PlanningOptions) throws(PlanningError) -> Plan {
        var search = Search(planner: self, problem: problem, options: options, clock: .now)
        return try search.run()
    }
}

/// Statistics of one search, reported in the plan's note and in progress messages.
struct SearchStatistics: Sendable {
    var steps = 0
    var improvements = 0
    var tried: [NeighbourhoodKind: Int] = [:]
    var improved: [NeighbourhoodKind: Int] = [:]

    var summary: String {
        let kinds = NeighbourhoodKind.allCases.map { "\($0.rawValue) \(improved[$0] ?? 0)/\(tried[$0] ?? 0)" }
        return "\(steps) neighbourhoods, \(improvements) improved (\(kinds.joined(separator: ", ")))"
    }

    mutating func add(_ other: SearchStatistics) {
        steps += other.steps
        improvements += other.improvements
        tried.merge(other.tried, uniquingKeysWith: +)
        improved.merge(other.improved, uniquingKeysWith: +)
    }
}

/// The best plan any search has found, shared by the searches that run at once.
final class SharedIncumbent: Sendable {
    private let best: Mutex<(objective: Double, allocation: Allocation)>
    private let helpers = Mutex<SearchStatistics>(SearchStatistics())

    init(objective: Double, allocation: Allocation) {
        best = Mutex((objective, allocation))
    }

    /// Keeps `allocation` when it is better than the best so far.
    func offer(_ objective: Double, _ allocation: Allocation) {
        best.withLock { if objective > $0.objective { $0 = (objective, allocation) } }
    }

    /// The best plan when it beats `objective`.
    func better(than objective: Double) -> (objective: Double, allocation: Allocation)? {
        best.withLock { $0.objective > objective + 1e-9 * max(1, abs(objective)) ? $0 : nil }
    }

    /// The best plan so far.
    var current: (objective: Double, allocation: Allocation) { best.withLock { $0 } }

    /// Adds a finished helper's statistics.
    func record(_ statistics: SearchStatistics) { helpers.withLock { $0.add(statistics) } }

    /// Every finished helper's statistics.
    var helperStatistics: SearchStatistics { helpers.withLock { $0 } }
}

/// The helper searches of one run: how to stop them and wait for them.
final class Helpers: Sendable {
    /// How many were started.
    let count: Int
    /// Cancelled when the main search ends (or the caller cancels).
    let cancellation = PlanningCancellation()
    private let running: DispatchSemaphore
    private let finished = Mutex(false)

    init(count: Int) {
        self.count = count
        self.running = DispatchSemaphore(value: 0)
    }

    /// Called by each helper when it returns.
    func ended() { running.signal() }

    /// Stops the helpers and waits for each to return (once; later calls return at once).
    func finish() {
        let first = finished.withLock { done -> Bool in
            defer { done = true }
            return !done
        }
        guard first else { return }
        cancellation.cancel()
        for _ in 0..<count { running.wait() }
    }
}

private struct Search {
    let planner: LargeNeighbourhoodPlanner
    let problem: PlanningProblem
    let options: PlanningOptions
    let clock: ContinuousClock.Instant
    let deterministic: Bool
    let timeLimit: Double?
    let index: NeighbourhoodIndex
    var random: SeededGenerator
    var statistics = SearchStatistics()
    var weights: [NeighbourhoodKind: Double] = Dictionary(uniqueKeysWithValues: NeighbourhoodKind.allCases.map { ($0, 1.0) })
    /// Most hours variables a sub-problem may have: grows while sub-problems solve quickly
    /// without improving, shrinks when they hit their limit.
    var columnBudget: Double
    /// How far a freed, selected project may move its start (periods).
    let startRadius = 3
    /// Share of the column budget that the ring of re-staffed projects may add to a neighbourhood.
    let ringShare = 1.0
    /// Fruitless steps after which the search tries to bring in a left-out project.
    let stallSteps = 10
    /// Projects an attempt to bring one in frees at least (it and its first blockers), whatever the budget.
    let bringInCore = 3
    /// How much longer than others a sub-problem that brings a project in may run.
    let bringInTimeFactor = 2.5
    /// The step of the last improvement.
    var lastImprovementStep = 0
    /// Turns taken by the left-out projects in attempts to bring them in.
    var leftOutTurn = 0
    /// Each project's value less its cheapest possible staffing (people unlimited).
    let profit: [Double]
    /// The cheapest hourly cost among each demand's qualified people (`nil`: nobody qualifies).
    let cheapestRate: [Double?]
    /// A helper never frees the whole problem: that solve is the main search's, with all the time left.
    var isHelper: Bool { worker != 0 }
    let worker: UInt64

    init(planner: LargeNeighbourhoodPlanner, problem: PlanningProblem, options: PlanningOptions,
         clock: ContinuousClock.Instant, worker: UInt64 = 0) {
        self.planner = planner
        self.problem = problem
        self.options = options
        self.clock = clock
        self.worker = worker
        self.deterministic = options.moveLimit != nil && options.timeLimit == nil
        self.timeLimit = deterministic ? nil : (options.timeLimit ?? planner.defaultTimeLimit)
        self.random = SeededGenerator(seed: options.seed ^ 0x4C4E_5300 &+ worker &* 0x9E37_79B9)
        self.columnBudget = 1500
        self.index = NeighbourhoodIndex(problem: problem)
        let cheapestRate = problem.demands.map { demand in demand.eligiblePeople.map { problem.people[$0].costPerHour }.min() }
        self.cheapestRate = cheapestRate
        self.profit = problem.projects.map { info in
            info.demands.reduce(info.value) { $0 - problem.demands[$1].totalHours * (cheapestRate[$1] ?? 0) }
        }
    }

    var elapsed: Double {
        let d = ContinuousClock.now - clock
        return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    var remaining: Double? { timeLimit.map { $0 - elapsed } }

    var stopped: Bool {
        if options.cancellation?.isCancelled == true { return true }
        if let remaining, remaining <= 0.05 { return true }
        if let limit = options.moveLimit, statistics.steps >= limit { return true }
        return false
    }

    mutating func run() throws(PlanningError) -> Plan {
        if let reasons = ExactPlanner.structuralInfeasibility(problem) {
            return ExactPlanner.infeasiblePlan(problem, solver: planner.name, diagnosis: reasons, seconds: elapsed)
        }
        var current: Allocation
        switch try startingPoint() {
        case .allocation(let allocation): current = allocation
        case .infeasible(var plan):
            // The exact planner proved that no valid plan exists: say so, as the exact planner does.
            plan.solver = planner.name
            return plan
        }
        var objective = ObjectiveBreakdown(allocation: current, problem: problem).total
        let simple = simpleBound()
        let relaxation = startBound(incumbent: objective)
        let shared = SharedIncumbent(objective: objective, allocation: current)
        let helpers = startHelpers(shared: shared, after: relaxation)
        defer { helpers.finish() }
        var bound: Double? { max(objective, min(simple, relaxation.value ?? simple)) }
        report(objective, bound, "start")

        var proven = false
        var provenBy = ""
        while !stopped, !proven {
            if let better = shared.better(than: objective) {
                (objective, current) = better
                report(objective, bound, "adopted the other search's plan")
            }
            if let bound, ExactPlanner.gap(objective: objective, bound: bound) <= options.relativeGap {
                proven = true
                provenBy = "; the plan meets the bound within the gap"
                break
            }
            guard let step = step(around: &current, objective: &objective) else { break }
            if step.improved {
                shared.offer(objective, current)
                report(objective, bound, statistics.summary)
            }
            if step.provenOptimal {
                proven = true
                provenBy = "; the last neighbourhood freed every project and was solved to optimality"
            }
        }
        helpers.finish()
        if let better = shared.better(than: objective) { (objective, current) = better }

        if !proven, options.cancellation?.isCancelled != true, let remaining {
            // The search is over; give the relaxation the time that is left to finish its bound
            // (not when cancelled: the caller wants the plan now).
            relaxation.wait(seconds: remaining)
        }
        var total = statistics
        total.add(shared.helperStatistics)
        var details = PlanDetails(seconds: elapsed, warnings: problem.warnings.isEmpty ? nil : problem.warnings.map(\.description))
        details.note = "lns: \(total.summary)" + (helpers.count > 0 ? " on \(helpers.count + 1) searches" : "") + provenBy
        var plan = current.plan(for: problem, status: proven ? .optimal : .feasible, solver: planner.name, details: details)
        let value = plan.objective ?? objective
        plan.bound = bound.map { max($0, value) } ?? (proven ? value : nil)
        if proven && provenBy.contains("freed every project") { plan.bound = value }
        plan.details?.gap = plan.bound.map { ExactPlanner.gap(objective: value, bound: $0) }
        return try plan.verified(for: problem)
    }

    /// One neighbourhood: chooses it, re-optimises it, keeps the result when it is better.
    /// `nil` when there is nothing left to free.
    mutating func step(around current: inout Allocation, objective: inout Double)
        -> (improved: Bool, provenOptimal: Bool)?
    {
        var kind = chooseKind()
        var leftOutSeed: Int?
        if kind == .blocked || statistics.steps - lastImprovementStep >= stallSteps {
            // Stalled (or chosen): try to bring in the next left-out project.
            kind = .blocked
            leftOutSeed = nextLeftOut(current)
        }
        let order = NeighbourhoodPicker(problem: problem, index: index)
            .order(kind, around: current, using: &random, leftOutSeed: leftOutSeed)
        let (freed, windows, whole) = neighbourhood(
            order, around: current, wide: wideStarts(for: kind), minimumCore: kind == .blocked ? bringInCore : 1)
        guard !freed.isEmpty else { return nil }
        statistics.steps += 1
        statistics.tried[kind, default: 0] += 1
        let outcome = solve(freeing: Set(freed), windows: windows, around: current, whole: whole,
                            timeFactor: kind == .blocked ? bringInTimeFactor : 1)
        var gain = 0.0
        if let candidate = outcome.allocation {
            let value = ObjectiveBreakdown(allocation: candidate, problem: problem).total
            if value > objective + 1e-9 * max(1, abs(objective)), PlanChecker.check(candidate, for: problem).isEmpty {
                gain = value - objective
                current = candidate
                objective = value
                statistics.improvements += 1
                statistics.improved[kind, default: 0] += 1
                lastImprovementStep = statistics.steps
            }
        }
        adapt(kind: kind, gain: gain, objective: objective, outcome: outcome)
        return (gain > 0, outcome.optimal && whole)
    }

    /// Starts the other searches (`planner.searches − 1`), each on a thread of its own, once
    /// the bound computation has ended: they search from the shared best plan and offer theirs.
    /// None in deterministic mode.
    func startHelpers(shared: SharedIncumbent, after relaxation: RelaxationBound) -> Helpers {
        let count = deterministic ? 0 : max(0, planner.searches - 1)
        guard count > 0 else { return Helpers(count: 0) }
        let helpers = Helpers(count: count)
        options.cancellation?.onCancel { helpers.cancellation.cancel() }
        for worker in 1...count {
            var helperOptions = options
            helperOptions.progress = nil
            helperOptions.warmStart = nil
            helperOptions.cancellation = helpers.cancellation
            let (planner, problem, clock, options) = (planner, problem, clock, helperOptions)
            let thread = Thread {
                defer { helpers.ended() }
                var search = Search(planner: planner, problem: problem, options: options, clock: clock, worker: UInt64(worker))
                while !search.stopped, !relaxation.wait(seconds: 0.1) {}
                var (objective, current) = shared.current
                while !search.stopped {
                    if let better = shared.better(than: objective) { (objective, current) = better }
                    guard let step = search.step(around: &current, objective: &objective) else { break }
                    if step.improved { shared.offer(objective, current) }
                }
                shared.record(search.statistics)
            }
            thread.stackSize = 16 << 20
            thread.start()
        }
        return helpers
    }

    // MARK: - Start, bound, steps

    /// Where the search starts: a plan, or the exact planner's proof that none exists.
    enum Start {
        /// A valid allocation to improve.
        case allocation(Allocation)
        /// The exact planner's `infeasible` plan, with its diagnosis.
        case infeasible(Plan)
    }

    /// The warm start when the checker accepts it, else the greedy plan, else the exact planner's first plan.
    mutating func startingPoint() throws(PlanningError) -> Start {
        if let plan = options.warmStart, plan.status != .infeasible, PlanChecker.check(plan, for: problem).isValid {
            return .allocation(Allocation(plan: plan, problem: problem))
        }
        var greedyOptions = options
        greedyOptions.progress = nil
        greedyOptions.warmStart = nil
        if let limit = timeLimit { greedyOptions.timeLimit = max(0.05, min(limit * 0.15, 10)) }
        if deterministic { greedyOptions.timeLimit = nil }
        do throws(PlanningError) {
            let greedy = try GreedyPlanner().plan(problem, options: greedyOptions)
            if greedy.status != .infeasible { return .allocation(Allocation(plan: greedy, problem: problem)) }
        } catch {
            // Fall through to the exact planner, which can also prove infeasibility.
        }
        var exactOptions = options
        exactOptions.progress = nil
        exactOptions.timeLimit = remaining.map { max(0.1, $0 * 0.5) } ?? 60
        let exact = try ExactPlanner(warmStartWithGreedy: false).plan(problem, options: exactOptions)
        guard exact.status != .infeasible else { return .infeasible(exact) }
        return .allocation(Allocation(plan: exact, problem: problem))
    }

    /// The number of hours variables the whole problem's model would have.
    var modelCells: Int {
        problem.demands.reduce(0) { total, demand in
            total + demand.eligiblePeople.count * problem.projects[demand.project].candidatePeriods.count
        }
    }

    /// Starts the bound computations: the Lagrangian bound, then the LP relaxation of the whole
    /// problem when its model is small enough. On another thread when running against the clock
    /// (it uses the second core while the search uses the first), at once in deterministic mode.
    func startBound(incumbent: Double) -> RelaxationBound {
        let relaxation = RelaxationBound()
        let problem = problem
        let withLP = modelCells <= planner.boundModelLimit
        if deterministic {
            relaxation.compute(problem: problem, incumbent: incumbent, timeLimit: nil, withLP: withLP)
        } else {
            let limit = remaining.map { max(0.5, $0 - 0.2) }
            let thread = Thread { relaxation.compute(problem: problem, incumbent: incumbent, timeLimit: limit, withLP: withLP) }
            thread.stackSize = 16 << 20
            thread.start()
        }
        return relaxation
    }

    /// Value of every project that could pay for its cheapest possible staffing, as if people were unlimited.
    func simpleBound() -> Double {
        let policy = problem.policy
        var total = 0.0
        for info in problem.projects where info.canBeSelected {
            var cheapest = 0.0
            var staffable = true
            for d in info.demands {
                let demand = problem.demands[d]
                let cost = cheapestRate[d]
                if info.mandatory {
                    cheapest += demand.totalHours * min(cost ?? .infinity, policy.unmetPenaltyPerHour)
                } else if let cost {
                    cheapest += demand.totalHours * cost
                } else if demand.totalHours > 0 {
                    staffable = false
                }
            }
            if info.mandatory || info.required { total += info.value - cheapest } else if staffable { total += max(0, info.value - cheapest) }
        }
        return total
    }

    struct Outcome {
        var allocation: Allocation?
        var optimal: Bool
        var hitLimit: Bool
    }

    /// Hours variables a freed project brings when its starts are limited to `window`.
    func columns(of j: Int, window: ClosedRange<Int>?) -> Double {
        let info = problem.projects[j]
        guard let range = info.startRange else { return 0 }
        let starts = window.map { min($0.upperBound, range.upperBound) - max($0.lowerBound, range.lowerBound) + 1 } ?? range.count
        let periods = Double(max(0, starts) + info.duration - 1)
        return info.demands.reduce(0) { $0 + Double(problem.demands[$1].eligiblePeople.count) * periods }
    }

    /// The next left-out project to try to bring in: they take turns, the most profitable
    /// (value less its cheapest staffing) first, so every one is tried within a few rounds.
    mutating func nextLeftOut(_ current: Allocation) -> Int? {
        let out = index.selectable.filter { current.starts[$0] == nil }
            .sorted { (profit[$0], -$0) > (profit[$1], -$1) }
        guard !out.isEmpty else { return nil }
        defer { leftOutTurn += 1 }
        return out[leftOutTurn % out.count]
    }

    /// Whether the next neighbourhood frees its projects with every start they could have
    /// (fewer projects fit the budget) instead of a few periods around their current one.
    /// Exchanges that move a project far (a mandatory one to the end of the horizon so that a
    /// left-out one can take its people early) need it; the rules about starts and about
    /// left-out projects use it.
    mutating func wideStarts(for kind: NeighbourhoodKind) -> Bool {
        switch kind {
        case .startMoves, .blocked: true
        default: false
        }
    }

    /// The prefix of `order` that fits the column budget, with the start windows that keep it
    /// small: a selected project may move `startRadius` periods; one left out may start in a
    /// window of the same width placed at random in its range; with `wide`, every project
    /// keeps its whole start range. When the whole problem fits, every project is freed with
    /// every start (`whole`), and an optimal solve proves the plan (the main search only).
    mutating func neighbourhood(_ order: [Int], around current: Allocation, wide: Bool, minimumCore: Int)
        -> (freed: [Int], windows: [Int: ClosedRange<Int>], whole: Bool)
    {
        let everything = order.reduce(0) { $0 + columns(of: $1, window: nil) }
        if everything <= columnBudget && !isHelper { return (order, [:], true) }
        var freed: [Int] = []
        var windows: [Int: ClosedRange<Int>] = [:]
        var used = 0.0
        for j in order {
            guard let range = problem.projects[j].startRange else { continue }
            let window: ClosedRange<Int>
            if wide {
                window = range
            } else if let start = current.starts[j] {
                window = (start - startRadius)...(start + startRadius)
            } else {
                let width = 2 * startRadius
                let first = range.lowerBound + Int.random(in: 0...max(0, range.count - 1 - width), using: &random)
                window = first...(first + width)
            }
            let cost = columns(of: j, window: window)
            if freed.count >= minimumCore && used + cost > columnBudget { continue }
            freed.append(j)
            windows[j] = window
            used += cost
            if used >= columnBudget { break }
        }
        addRing(to: &freed, windows: &windows, around: current)
        return (freed, windows, false)
    }

    /// Adds the ring around a neighbourhood's core: the selected projects that share the most
    /// people with it, each kept at its start but with its staffing freed, within `ringShare` of
    /// the column budget. An exchange (one project in, another out, a third moved) usually
    /// needs the people of projects around it to be re-staffed too, and a project whose start
    /// is fixed adds only hours variables for its own periods.
    mutating func addRing(to freed: inout [Int], windows: inout [Int: ClosedRange<Int>], around current: Allocation) {
        let ringBudget = columnBudget * ringShare
        guard ringBudget > 0 else { return }
        let core = Set(freed)
        var shared: [Int: Int] = [:]
        for j in freed {
            for p in index.peopleOf[j] {
                for k in index.projectsOf[p] where !core.contains(k) && current.starts[k] != nil {
                    shared[k, default: 0] += 1
                }
            }
        }
        let ranked = shared.keys.sorted { (shared[$0] ?? 0, -$0) > (shared[$1] ?? 0, -$1) }
        var used = 0.0
        for k in ranked {
            guard let start = current.starts[k] else { continue }
            let window = start...start
            let cost = columns(of: k, window: window)
            if used + cost > ringBudget { continue }
            freed.append(k)
            windows[k] = window
            used += cost
        }
    }

    /// Re-optimises the freed projects with everything else fixed.
    /// A neighbourhood that is the whole problem gets all the time that is left: it is the exact
    /// planner, warm-started from the current plan.
    func solve(freeing freed: Set<Int>, windows: [Int: ClosedRange<Int>], around current: Allocation,
               whole: Bool, timeFactor: Double = 1) -> Outcome {
        let scope = ModelScope.around(current, freeing: freed, problem: problem, startWindows: windows)
        guard !scope.isHopeless else { return Outcome(allocation: nil, optimal: false, hitLimit: false) }
        let formulation = ExactFormulation(problem: problem, scope: scope)
        var solve = SolveOptions()
        solve.relativeGap = 1e-6
        // Pseudo-cost branching finds the exchanges (one project in, another out) far sooner
        // than GLPK's default on these sub-problems; the whole problem, where a proof is the
        // point, keeps GLPK's default, which closes the gap sooner (measured; Docs/lns.md).
        solve.branching = whole ? .driebeckTomlin : .hybridPseudocost
        solve.warmStart = formulation.values(for: current, problem: problem)
        if deterministic {
            solve.nodeLimit = whole ? planner.subproblemNodeLimit * 20 : Int(Double(planner.subproblemNodeLimit) * timeFactor)
        } else {
            let limit = whole ? (remaining ?? planner.subproblemTimeLimit) : planner.subproblemTimeLimit * timeFactor
            solve.timeLimit = max(0.05, min(limit, remaining ?? limit))
        }
        let token = CancellationToken()
        options.cancellation?.onCancel { token.cancel() }
        solve.cancellation = token
        guard let result = try? GLPK.solve(formulation.model, options: solve), result.hasSolution else {
            return Outcome(allocation: nil, optimal: false, hitLimit: true)
        }
        let part = formulation.allocation(from: result.values, problem: problem)
        let merged = formulation.merging(part, into: current, problem: problem)
        let optimal = result.termination == .optimal || result.termination == .gapReached
        return Outcome(allocation: merged, optimal: optimal, hitLimit: !optimal)
    }

    // MARK: - Adaptation

    mutating func chooseKind() -> NeighbourhoodKind {
        let kinds = NeighbourhoodKind.allCases
        let total = kinds.reduce(0) { $0 + (weights[$1] ?? 1) }
        var r = Double.random(in: 0..<total, using: &random)
        for kind in kinds {
            r -= weights[kind] ?? 1
            if r < 0 { return kind }
        }
        return kinds[kinds.count - 1]
    }

    mutating func adapt(kind: NeighbourhoodKind, gain: Double, objective: Double, outcome: Outcome) {
        // Reward a rule by its gain (relative to the objective), with a floor so no rule dies out.
        let score = gain > 0 ? 1 + min(10, 100 * gain / max(1, abs(objective))) : 0
        weights[kind] = max(0.1, 0.8 * (weights[kind] ?? 1) + 0.2 * score)
        if outcome.hitLimit {
            columnBudget = max(200, columnBudget * 0.7)
        } else if gain == 0 && outcome.optimal {
            columnBudget = min(200_000, columnBudget * 1.2)
        }
    }

    func report(_ objective: Double, _ bound: Double?, _ message: String) {
        options.progress?(PlanningProgress(
            planner: planner.name, incumbent: objective, bound: bound,
            gap: bound.map { ExactPlanner.gap(objective: objective, bound: $0) }, elapsed: elapsed, message: message))
    }
}
#endif

#if GLPK
import Foundation
import Synchronization

/// Bounds on the whole problem, computed once, possibly on another thread: the Lagrangian bound
/// (cheap at any size), then the LP relaxation (tighter, but GLPK's simplex is slow on big models).
final class RelaxationBound: Sendable {
    private let result = Mutex<Double?>(nil)
    private let done = DispatchSemaphore(value: 0)

    /// The best bound so far (objective constant included).
    var value: Double? { result.withLock { $0 } }

    private func offer(_ bound: Double) {
        result.withLock { $0 = min($0 ?? .infinity, bound) }
    }

    /// Computes the bounds; any GLPK problem lives and dies inside this call.
    func compute(problem: PlanningProblem, incumbent: Double, timeLimit: Double?, withLP: Bool) {
        defer { done.signal() }
        let clock = ContinuousClock.now
        let lagrangianLimit = timeLimit.map { min($0 * 0.3, 20) }
        if let bound = LagrangianBound(iterations: 200, timeLimit: lagrangianLimit).bound(for: problem, incumbent: incumbent) {
            offer(bound)
        }
        guard withLP else { return }
        let formulation = ExactFormulation(problem: problem)
        var options = SolveOptions()
        if let timeLimit {
            let used = ContinuousClock.now - clock
            options.timeLimit = max(0.1, timeLimit - Double(used.components.seconds) - Double(used.components.attoseconds) * 1e-18)
        }
        guard let solved = try? GLPK.solveRelaxation(formulation.model, options: options),
              solved.termination == .optimal, let objective = solved.objective else { return }
        offer(objective)
    }

    /// Waits at most `seconds` for the computations to end; whether they have.
    @discardableResult
    func wait(seconds: Double) -> Bool {
        guard seconds > 0 else { return false }
        guard done.wait(timeout: .now() + seconds) == .success else { return false }
        done.signal()
        return true
    }
}
#endif

// The greedy run: build a valid plan by construction (required projects first, then by value for
// the scarce capacity used), with repair; its local search is in GreedyRun+LocalSearch.swift.
import CapacityPlanning

/// Why construction could not produce a valid plan.
struct ConstructionFailure: Error {
    /// The required project that could not be placed.
    let project: Int
}

/// One greedy solve: construction, then local search within the move and time budgets.
final class GreedyRun {
    let m: GreedyIndex
    var state: GreedyState
    let options: PlanningOptions
    var rng: GreedyRandom
    let clock = ContinuousClock()
    let began: ContinuousClock.Instant
    let deadline: ContinuousClock.Instant?

    /// Improvement moves tried so far.
    var moves = 0
    /// Moves kept.
    var accepted = 0
    /// Constructions built.
    var constructions = 0
    /// Elementary steps the constructions took.
    var constructionWork = 0
    /// Most starts tried when placing one project.
    let startLimit: Int
    /// Most unselected projects tried when refilling freed capacity.
    let refillLimit: Int
    /// Staffing orders tried, in turn, when placing a project.
    let tiers: [StaffingOrder] = [.scarcity, .cost]
    /// Whether staffing may free people by moving their other work (small problems; required projects always).
    let repair: Bool
    /// Most constructions tried before the local search (the best is kept); the move limit lowers it.
    let maxVariants: Int
    /// Whether the search was cut short by cancellation or the time limit.
    var interrupted = false

    init(model: GreedyIndex, options: PlanningOptions, began: ContinuousClock.Instant) {
        m = model
        state = GreedyState(model: model)
        self.options = options
        rng = GreedyRandom(seed: options.seed)
        self.began = began
        // Limits beyond ~30 years are no limit (and would not fit the clock's integer milliseconds).
        deadline = options.timeLimit.flatMap { $0 < 1e12 ? began.advanced(by: .milliseconds(Int64(max(0, $0) * 1000))) : nil }
        // Small problems get every start and repairs; big ones a sample of starts, to stay near-linear.
        let small = model.eligibleCells <= 200_000
        startLimit = small ? Int.max : 6
        refillLimit = small ? 12 : 4
        repair = small
        maxVariants = model.eligibleCells <= 20_000 ? 6 : small ? 3 : 1
    }

    /// Seconds since the planner started.
    var elapsed: Double { began.secondsElapsed }

    /// Whether the caller asked to stop or the time limit passed.
    func shouldStop() -> Bool {
        if interrupted { return true }
        if options.cancellation?.isCancelled == true || (deadline.map { clock.now >= $0 } ?? false) {
            interrupted = true
        }
        return interrupted
    }

    func report(_ message: String) {
        guard let progress = options.progress else { return }
        progress(PlanningProgress(planner: "greedy", incumbent: state.objective, elapsed: elapsed, message: message))
    }

    func epsilon(_ base: Double) -> Double { 1e-9 * max(1, abs(base)) }

    // MARK: - Construction

    /// How many constructions to try for a search of `moveLimit` moves: one per 400 moves, at most
    /// `maxVariants`, and just one when there is no search (so `moveLimit: 0` is the plain construction).
    func variants(moveLimit: Int) -> Int {
        moveLimit <= 0 ? 1 : min(maxVariants, 1 + moveLimit / 400)
    }

    /// Builds `variants` plans (differing in staffing orders and, after the first three, in noisy
    /// project priorities) and keeps the best as the starting point of the local search.
    func constructBest(variants: Int) throws(ConstructionFailure) {
        var best: GreedyState?
        var failure: ConstructionFailure?
        var work = 0
        for variant in 0..<max(1, variants) {
            if variant > 0 && shouldStop() { break }
            state = GreedyState(model: m)
            state.work = work
            constructions += 1
            do {
                try construct(variant: variant)
            } catch {
                if failure == nil { failure = error }
                work = state.work
                continue
            }
            work = state.work
            if best.map({ state.objective > $0.objective + epsilon($0.objective) }) ?? true { best = state }
        }
        guard var chosen = best else { throw failure ?? ConstructionFailure(project: -1) }
        chosen.work = work
        state = chosen
        constructionWork = work
        report("construction done")
    }

    /// Places the required projects (pins first, then mandatory ones, each after what it depends on),
    /// then the others by priority when they are fully staffed and add to the objective.
    ///
    /// Variant 0 offers people scarcest first (cheapest first as the fallback), 1 lets both orders
    /// compete per project, 2 tries cheapest first; later ones mix these and perturb the priorities.
    func construct(variant: Int = 0) throws(ConstructionFailure) {
        var tiers = self.tiers
        var rivals = false
        var noise = 0.0
        switch variant {
        case 0: break
        case 1: rivals = true
        case 2: tiers = [.cost, .scarcity]
        default:
            noise = 0.6
            switch rng.below(3) {
            case 0: rivals = true
            case 1: tiers = [.cost, .scarcity]
            default: break
            }
        }
        var promoted: [Int] = []
        var attempts = 0
        while true {
            if let failed = placeRequired(promoted: promoted) {
                state.rollback(to: 0)
                attempts += 1
                if attempts > 3 || promoted.contains(failed) { throw ConstructionFailure(project: failed) }
                promoted.insert(failed, at: 0)
                continue
            }
            break
        }
        state.commit()
        // Balance rules the required projects alone break are repaired first: insertions are
        // only kept while the whole plan is valid.
        let balanced = repairBalance()
        var candidates: [(key: Double, project: Int)] = []
        for j in 0..<m.projectCount where !m.required[j] && m.selectable[j] && m.staffable[j] {
            let p = m.priority[j]
            let factor = noise > 0 ? 1 + noise * (rng.unit() - 0.5) : 1
            candidates.append((p >= 0 ? p * factor : p / factor, j))
        }
        candidates.sort { $0.key != $1.key ? $0.key > $1.key : $0.project < $1.project }
        for candidate in candidates where !state.isSelected(candidate.project) {
            if options.cancellation?.isCancelled == true { break }
            let j = candidate.project
            // A project placed with the projects it depends on: their demands are no alternative
            // use of each other's people (an unselected dependency's work is part of the deal).
            let ancestors = unselectedAncestors(j)
            if !ancestors.isEmpty {
                var load = m.expectedLoad
                for k in [j] + ancestors { settle(k, &load) }
                for k in [j] + ancestors {
                    for d in m.projectDemands[k] {
                        state.scarcityOverride[d] = m.scarcityOrder(of: d, load: load, includesOwn: false)
                    }
                }
            }
            tryInsert(j, tiers: tiers, rivals: rivals)
            for k in [j] + ancestors {
                for d in m.projectDemands[k] { state.scarcityOverride[d] = nil }
            }
        }
        state.commit()
        if !balanced && !repairBalance() { throw ConstructionFailure(project: -1) }
    }

    /// Takes project `j`'s demands out of the expected loads.
    func settle(_ j: Int, _ load: inout [Double]) {
        for d in m.projectDemands[j] where m.demandShare[d] > 0 {
            for p in m.eligible[d] { load[p] -= m.demandShare[d] }
        }
    }

    /// The unselected projects `j` depends on, directly or not.
    func unselectedAncestors(_ j: Int) -> [Int] {
        var out: [Int] = []
        var seen: Set<Int> = [j]
        var stack = [j]
        while let k = stack.popLast() {
            for i in m.dependencies[k] where !state.isSelected(i) && !seen.contains(i) {
                seen.insert(i)
                out.append(i)
                stack.append(i)
            }
        }
        return out
    }

    /// Places every required project, each at the start and in the staffing order that gains most
    /// (for a mandatory project every covered hour saves the unmet penalty); returns the first
    /// one that cannot be placed.
    func placeRequired(promoted: [Int]) -> Int? {
        // Topological order among required projects; within what is ready: promoted, pinned, mandatory.
        let required = (0..<m.projectCount).filter { m.required[$0] }
        var remaining = Set(required)
        func rank(_ j: Int) -> (Int, Int, Int, Int) {
            let promotedRank = promoted.firstIndex(of: j) ?? promoted.count
            return (promotedRank, m.pinsOfProject[j].isEmpty ? 1 : 0, m.mandatory[j] ? 0 : 1, m.topoPosition[j])
        }
        while !remaining.isEmpty {
            let ready = remaining.filter { j in m.dependencies[j].allSatisfy { !remaining.contains($0) } }
            // Promoted projects pull their ancestors forward.
            guard let next = ready.min(by: { rank($0) < rank($1) }) else { break }
            var target = next
            for p in promoted where remaining.contains(p) {
                if let ancestor = firstReadyAncestor(p, remaining: remaining) { target = ancestor }
                break
            }
            remaining.remove(target)
            guard let range = state.feasibleStarts(target) else { return target }
            let starts = state.sampleStarts(target, range, limit: startLimit == Int.max ? Int.max : max(startLimit, 12))
            guard let placement = state.bestPlacement(target, starts: starts, tiers: [.scarcity, .cost], repair: true, rivals: true) else {
                return target
            }
            state.apply(target, placement)
        }
        return nil
    }

    func firstReadyAncestor(_ j: Int, remaining: Set<Int>) -> Int? {
        var current = j
        while true {
            let open = m.dependencies[current].filter { remaining.contains($0) }.sorted()
            guard let first = open.first else { return remaining.contains(current) ? current : nil }
            current = first
        }
    }

    /// Tries to add unselected project `j` (with what it depends on); keeps it when it adds to the objective.
    @discardableResult
    func tryInsert(_ j: Int, tiers: [StaffingOrder], rivals: Bool) -> Bool {
        let before = state.mark
        let base = state.objective
        if let gain = state.insertGroup(j, tiers: tiers, startLimit: startLimit, repair: repair, rivals: rivals),
           gain > epsilon(base), state.isValid {
            return true
        }
        state.rollback(to: before)
        return false
    }
}

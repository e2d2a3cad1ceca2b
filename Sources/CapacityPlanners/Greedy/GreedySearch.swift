// Construction and local search: build a valid plan greedily, then improve it with moves that
// are kept only when the plan stays valid and its objective rises.
import CapacityPlanning

/// Why construction could not produce a valid plan.
struct ConstructionFailure: Error {
    /// The required project that could not be placed.
    let project: Int
}

/// One greedy solve: construction, then local search within the move and time budgets.
final class GreedyRun {
    let m: GreedyModel
    var state: GreedyState
    let options: PlanningOptions
    private var rng: GreedyRandom
    private let clock = ContinuousClock()
    private let began: ContinuousClock.Instant
    private let deadline: ContinuousClock.Instant?

    /// Improvement moves tried so far.
    private(set) var moves = 0
    /// Moves kept.
    private(set) var accepted = 0
    /// Constructions built.
    private(set) var constructions = 0
    /// Elementary steps the constructions took.
    private(set) var constructionWork = 0
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
    private(set) var interrupted = false

    init(model: GreedyModel, options: PlanningOptions, began: ContinuousClock.Instant) {
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
    var elapsed: Double {
        let d = clock.now - began
        return (d / .seconds(1))
    }

    /// Whether the caller asked to stop or the time limit passed.
    func shouldStop() -> Bool {
        if interrupted { return true }
        if options.cancellation?.isCancelled == true || (deadline.map { clock.now >= $0 } ?? false) {
            interrupted = true
        }
        return interrupted
    }

    private func report(_ message: String) {
        guard let progress = options.progress else { return }
        progress(PlanningProgress(planner: "greedy", incumbent: state.objective, elapsed: elapsed, message: message))
    }

    private func epsilon(_ base: Double) -> Double { 1e-9 * max(1, abs(base)) }

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
    }

    /// Takes project `j`'s demands out of the expected loads.
    private func settle(_ j: Int, _ load: inout [Double]) {
        for d in m.projectDemands[j] where m.demandShare[d] > 0 {
            for p in m.eligible[d] { load[p] -= m.demandShare[d] }
        }
    }

    /// The unselected projects `j` depends on, directly or not.
    private func unselectedAncestors(_ j: Int) -> [Int] {
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
    private func placeRequired(promoted: [Int]) -> Int? {
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

    private func firstReadyAncestor(_ j: Int, remaining: Set<Int>) -> Int? {
        var current = j
        while true {
            let open = m.dependencies[current].filter { remaining.contains($0) }.sorted()
            guard let first = open.first else { return remaining.contains(current) ? current : nil }
            current = first
        }
    }

    /// Tries to add unselected project `j` (with what it depends on); keeps it when it adds to the objective.
    @discardableResult
    private func tryInsert(_ j: Int, tiers: [StaffingOrder], rivals: Bool) -> Bool {
        let before = state.mark
        let base = state.objective
        if let gain = state.insertGroup(j, tiers: tiers, startLimit: startLimit, repair: repair, rivals: rivals),
           gain > epsilon(base), state.isValid {
            return true
        }
        state.rollback(to: before)
        return false
    }

    // MARK: - Local search

    private enum Move: CaseIterable {
        case insert, removeAndRefill, moveStart, restaff, shift, chain, swapPeriods, dropPair, ruin, topUp, squeeze
    }

    /// Improves the plan with random moves until the move limit, the work limit (elementary steps,
    /// a deterministic measure of effort), the time limit or cancellation.
    func improve(moveLimit: Int, workLimit: Int = Int.max) {
        let workStart = state.work
        let weights: [Move: Double] = [
            .insert: 3, .removeAndRefill: 2, .moveStart: 2, .restaff: 1.5, .shift: 3,
            .chain: 2, .swapPeriods: 1.5, .dropPair: m.assignmentPenalty > 0 ? 2.5 : 1, .ruin: 1, .topUp: 0.5, .squeeze: 1.5,
        ]
        let kinds = Move.allCases
        let weightList = kinds.map { weights[$0] ?? 1 }
        while moves < moveLimit && state.work &- workStart < workLimit {
            if shouldStop() { break }
            moves += 1
            let kind = kinds[rng.weighted(weightList)]
            if perform(kind) { accepted += 1 }
            if moves % 256 == 0 { report("local search: \(moves) moves, \(accepted) kept") }
        }
        state.commit()
        report("local search done: \(moves) moves, \(accepted) kept")
    }

    /// Runs `body` as one move: kept when it succeeds and leaves a valid, better plan.
    private func attempt(_ body: () -> Bool) -> Bool {
        let before = state.mark
        let base = state.objective
        if body(), state.isValid, state.objective > base + epsilon(base) {
            state.commit()
            return true
        }
        state.rollback(to: before)
        return false
    }

    private func perform(_ kind: Move) -> Bool {
        switch kind {
        case .insert: return moveInsert()
        case .removeAndRefill: return moveRemove()
        case .moveStart: return moveStart()
        case .restaff: return moveRestaff()
        case .shift: return moveShift()
        case .chain: return moveChain()
        case .swapPeriods: return moveSwapPeriods()
        case .dropPair: return moveDropPair()
        case .ruin: return moveRuin()
        case .topUp: return moveTopUp()
        case .squeeze: return moveSqueeze()
        }
    }

    private func randomSelected(optionalOnly: Bool = false, withTeam: Bool = false) -> Int? {
        let n = m.projectCount
        guard n > 0 else { return nil }
        let first = rng.below(n)
        for step in 0..<n {
            let j = (first + step) % n
            guard state.isSelected(j) else { continue }
            if optionalOnly && m.required[j] { continue }
            if withTeam && state.team[j].isEmpty { continue }
            return j
        }
        return nil
    }

    private func randomUnselected() -> Int? {
        let n = m.projectCount
        guard n > 0 else { return nil }
        let first = rng.below(n)
        for step in 0..<n {
            let j = (first + step) % n
            if !state.isSelected(j) && m.selectable[j] && m.staffable[j] && !m.required[j] { return j }
        }
        return nil
    }

    /// Add a project that now fits.
    private func moveInsert() -> Bool {
        guard let j = randomUnselected() else { return false }
        let tiers = randomTiers()
        return attempt { state.insertGroup(j, tiers: tiers, startLimit: startLimit, repair: repair) != nil }
    }

    /// Drop a project to admit better ones.
    private func moveRemove() -> Bool {
        guard let j = randomSelected(optionalOnly: true) else { return false }
        return attempt {
            guard state.remove(j) else { return false }
            refill(excluding: [j], noise: 0.3)
            return true
        }
    }

    /// Remove a few projects at random and rebuild around them.
    private func moveRuin() -> Bool {
        let count = 2 + rng.below(2)
        var removed: [Int] = []
        return attempt {
            for _ in 0..<count {
                guard let j = randomSelected(optionalOnly: true) else { break }
                guard state.remove(j) else { return false }
                removed.append(j)
            }
            guard !removed.isEmpty else { return false }
            refill(excluding: [], noise: 1.0)
            return true
        }
    }

    /// Tops up mandatory shortfalls, then tries unselected projects by (noisy) priority, keeping each that gains.
    private func refill(excluding: [Int], noise: Double, topUpFirst: Bool = true) {
        if topUpFirst { topUpMandatory() }
        insertCandidates(excluding: excluding, noise: noise)
        if !topUpFirst { topUpMandatory() }
    }

    private func insertCandidates(excluding: [Int], noise: Double) {
        var candidates: [(key: Double, project: Int)] = []
        for j in 0..<m.projectCount where !state.isSelected(j) && m.selectable[j] && m.staffable[j]
            && !m.required[j] && !excluding.contains(j) {
            let p = m.priority[j]
            let factor = 1 + noise * (rng.unit() - 0.5)
            candidates.append((p >= 0 ? p * factor : p / factor, j))
        }
        candidates.sort { $0.key != $1.key ? $0.key > $1.key : $0.project < $1.project }
        var tried = 0
        for candidate in candidates where !state.isSelected(candidate.project) {
            if tried >= refillLimit { break }
            tried += 1
            let before = state.mark
            let base = state.objective
            if let gain = state.insertGroup(candidate.project, tiers: tiers, startLimit: startLimit, repair: repair),
               gain > epsilon(base) {
                continue
            }
            state.rollback(to: before)
        }
    }

    private func topUpMandatory() {
        for j in 0..<m.projectCount where m.mandatory[j] && state.isSelected(j) && state.shortCells[j] > 0 {
            state.staff(j, .cost)
        }
    }

    private func moveTopUp() -> Bool {
        attempt {
            topUpMandatory()
            return true
        }
    }

    /// Move a project to another start (re-staffing it there).
    private func moveStart() -> Bool {
        guard let j = randomSelected(), let range = state.feasibleStarts(j), range.count > 1 else { return false }
        let current = state.start[j]
        var starts: [Int] = []
        // Half the time one random start is forced, so that a start that is worse for the project
        // alone but makes room for others (refilled below) can be found.
        let forced = rng.below(2) == 0
        if forced {
            var s = range.lowerBound + rng.below(range.count - 1)
            if s >= current { s += 1 }
            starts = [s]
        } else if range.count <= 8 && startLimit == Int.max {
            starts = range.filter { $0 != current }
        } else {
            for _ in 0..<3 {
                let s = range.lowerBound + rng.below(range.count)
                if s != current && !starts.contains(s) { starts.append(s) }
            }
        }
        guard !starts.isEmpty else { return false }
        let tiers = randomTiers()
        let repair = self.repair || m.required[j]
        return attempt {
            state.clearStaff(j)
            state.deselect(j)
            guard let placement = state.bestPlacement(j, starts: starts, tiers: tiers, repair: repair) else { return false }
            state.apply(j, placement)
            refill(excluding: [], noise: 0.3)
            return true
        }
    }

    /// Staffing orders for a move: one drawn at random, then the usual ones as fallbacks.
    private func randomTiers() -> [StaffingOrder] {
        switch rng.below(4) {
        case 0: return [.cost, .scarcity]
        case 1: return [.shuffled(rng.next()), .scarcity, .cost]
        default: return tiers
        }
    }

    /// Re-staff a project from scratch in another order.
    private func moveRestaff() -> Bool {
        guard let j = randomSelected(withTeam: true) else { return false }
        let roll = rng.below(3)
        let order: StaffingOrder = roll == 0 ? .cost : roll == 1 ? .scarcity : .shuffled(rng.next())
        return attempt {
            state.clearStaff(j)
            return state.staff(j, order, repair: repair || m.required[j])
        }
    }

    /// A random booked cell of a random team member of a random selected project:
    /// project `j`, demand `d`, offset `o`, period `t`, person `p` and their hours `x`.
    private func randomBookedCell() -> (j: Int, d: Int, o: Int, t: Int, p: Int, x: Double)? {
        guard let j = randomSelected(withTeam: true), let member = rng.pick(state.team[j]) else { return nil }
        let dur = m.duration[j]
        let slots = member.hours.indices.filter { member.hours[$0] > 0 }
        guard let slot = rng.pick(slots) else { return nil }
        let o = slot % dur
        return (j, m.projectDemands[j][slot / dur], o, state.start[j] + o, member.person, member.hours[slot])
    }

    /// Move one cell's hours from a person to someone cheaper, already on the team, or on the baseline.
    private func moveShift() -> Bool {
        guard let (j, d, o, t, p, x) = randomBookedCell() else { return false }
        // Rank the recipients by an estimate of what each hour moved saves.
        var best: [(score: Double, person: Int)] = []
        for q in m.eligible[d] where q != p && state.residual(q, t) > 1e-9 && state.mayJoin(q, j, t) {
            var score = m.cost[q] - m.cost[p]
            if m.assignmentPenalty > 0 && state.memberIndex(j, q) == nil { score += m.assignmentPenalty / max(1, x) }
            if m.changePenalty > 0 {
                let bq = m.baseline(q, d, t), bp = m.baseline(p, d, t)
                score += (state.hours(q, d, o) < bq ? -1 : 1) * m.changePenalty
                score += (x > bp ? -1 : 1) * m.changePenalty
            }
            best.append((score, q))
        }
        guard !best.isEmpty else { return false }
        best.sort { $0.score != $1.score ? $0.score < $1.score : $0.person < $1.person }
        let pickIndex = rng.below(min(3, best.count))
        let q = best[pickIndex].person
        let amount = rng.below(3) == 0 ? x * (0.25 + 0.5 * rng.unit()) : x
        return attempt {
            state.setHours(p, d, o, x - amount)
            state.give(q, d, o, upTo: amount)
            if state.gap(d, o) > 0 { state.give(p, d, o, upTo: .infinity) }
            return m.mandatory[j] || state.gap(d, o) <= 0
        }
    }

    /// Free a person's hours on a project over a few periods, admit other projects into the room,
    /// then cover the project again (a mandatory one may stay short where that pays).
    private func moveSqueeze() -> Bool {
        guard let j = randomSelected(withTeam: true), let member = rng.pick(state.team[j]) else { return false }
        let p = member.person
        let dur = m.duration[j]
        let first = rng.below(dur)
        let length = 1 + rng.below(dur - first)
        return attempt {
            var cells: [(d: Int, o: Int)] = []
            for (k, d) in m.projectDemands[j].enumerated() {
                for o in first..<(first + length) where member.hours[k * dur + o] > 0 {
                    state.setHours(p, d, o, 0)
                    cells.append((d, o))
                }
            }
            insertCandidates(excluding: [], noise: 0.5)
            for cell in cells {
                state.fill(cell.d, cell.o, m.costOrder[cell.d])
                if !m.mandatory[j] && state.gap(cell.d, cell.o) > 0 { return false }
            }
            topUpMandatory()
            return true
        }
    }

    /// Move a cell's hours to anyone qualified, freeing them first by handing their other work in
    /// that period to others (cheapest first): an ejection chain that cuts cost when the freed work
    /// goes to someone cheaper than the person the hours came from.
    private func moveChain() -> Bool {
        guard let (j, d, o, t, p, x) = randomBookedCell() else { return false }
        let candidates = m.eligible[d].filter { $0 != p }
        guard let q = rng.pick(candidates) else { return false }
        if m.pinsOfPerson[p].contains(where: { m.pins[$0].project == j }) { return false }
        return attempt {
            guard state.mayJoin(q, j, t) else { return false }
            state.setHours(p, d, o, 0)
            let room = state.residual(q, t)
            if room < x { state.offload(q, period: t, upTo: x - room, keeping: d) }
            state.give(q, d, o, upTo: x)
            if state.gap(d, o) > 0 { state.give(p, d, o, upTo: .infinity, force: true) }
            return m.mandatory[j] || state.gap(d, o) <= 0
        }
    }

    /// Two people on one demand trade hours between two periods (each keeps their total, so pins
    /// hold): cuts change against the baseline and frees periods where someone is scarce.
    private func moveSwapPeriods() -> Bool {
        guard let j = randomSelected(withTeam: true), state.team[j].count >= 2 else { return false }
        let dur = m.duration[j]
        guard dur >= 2 else { return false }
        let members = state.team[j]
        let first = rng.below(members.count)
        var second = rng.below(members.count - 1)
        if second >= first { second += 1 }
        let p = members[first], q = members[second]
        let k = rng.below(m.projectDemands[j].count)
        let d = m.projectDemands[j][k]
        let pOffsets = (0..<dur).filter { p.hours[k * dur + $0] > 0 }
        let qOffsets = (0..<dur).filter { q.hours[k * dur + $0] > 0 }
        guard let o1 = rng.pick(pOffsets), let o2 = rng.pick(qOffsets.filter { $0 != o1 }) else { return false }
        let s = state.start[j]
        return attempt {
            guard state.mayJoin(q.person, j, s + o1), state.mayJoin(p.person, j, s + o2) else { return false }
            let h = min(p.hours[k * dur + o1], q.hours[k * dur + o2],
                        state.residual(q.person, s + o1), state.residual(p.person, s + o2))
            guard h > 1e-9 else { return false }
            state.setHours(p.person, d, o1, state.hours(p.person, d, o1) - h)
            state.setHours(q.person, d, o1, state.hours(q.person, d, o1) + h)
            state.setHours(q.person, d, o2, state.hours(q.person, d, o2) - h)
            state.setHours(p.person, d, o2, state.hours(p.person, d, o2) + h)
            return true
        }
    }

    /// Take a person off a project entirely, giving their hours to the team or the cheapest others.
    private func moveDropPair() -> Bool {
        guard let j = randomSelected(withTeam: true), let member = rng.pick(state.team[j]) else { return false }
        let p = member.person
        let dur = m.duration[j]
        for k in m.pinsOfPerson[p] where m.pins[k].project == j { return false }
        return attempt {
            var cells: [(d: Int, o: Int)] = []
            for (k, d) in m.projectDemands[j].enumerated() {
                for o in 0..<dur where member.hours[k * dur + o] > 0 {
                    state.setHours(p, d, o, 0)
                    cells.append((d, o))
                }
            }
            for cell in cells {
                state.fill(cell.d, cell.o, m.costOrder[cell.d], skipping: p)
                if !m.mandatory[j] && state.gap(cell.d, cell.o) > 0 { return false }
            }
            return true
        }
    }
}

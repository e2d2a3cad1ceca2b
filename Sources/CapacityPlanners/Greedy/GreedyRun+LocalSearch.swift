// The greedy planner's local search: seeded moves (insert, remove, ruin and recreate, move a start,
// re-staff, shift and squeeze hours, chains, swaps), each kept only when the plan stays valid and improves.
import CapacityPlanning

extension GreedyRun {

    enum Move: CaseIterable {
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
    func attempt(_ body: () -> Bool) -> Bool {
        let before = state.mark
        let base = state.objective
        if body(), state.isValid, state.objective > base + epsilon(base) {
            state.commit()
            return true
        }
        state.rollback(to: before)
        return false
    }

    func perform(_ kind: Move) -> Bool {
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

    func randomSelected(optionalOnly: Bool = false, withTeam: Bool = false) -> Int? {
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

    func randomUnselected() -> Int? {
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
    func moveInsert() -> Bool {
        guard let j = randomUnselected() else { return false }
        let tiers = randomTiers()
        return attempt { state.insertGroup(j, tiers: tiers, startLimit: startLimit, repair: repair) != nil }
    }

    /// Drop a project to admit better ones.
    func moveRemove() -> Bool {
        guard let j = randomSelected(optionalOnly: true) else { return false }
        return attempt {
            guard state.remove(j) else { return false }
            refill(excluding: [j], noise: 0.3)
            return true
        }
    }

    /// Remove a few projects at random and rebuild around them.
    func moveRuin() -> Bool {
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
    func refill(excluding: [Int], noise: Double, topUpFirst: Bool = true) {
        if topUpFirst { topUpMandatory() }
        insertCandidates(excluding: excluding, noise: noise)
        if !topUpFirst { topUpMandatory() }
    }

    func insertCandidates(excluding: [Int], noise: Double) {
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
            // With balance rules, an insertion must keep them or bring the plan closer to them (else
            // the whole move would be rejected for one candidate).
            let shortfall = m.portfolio.groups.isEmpty ? 0 : state.balanceShortfall
            if let gain = state.insertGroup(candidate.project, tiers: tiers, startLimit: startLimit, repair: repair),
               gain > epsilon(base), m.portfolio.groups.isEmpty || state.balanceShortfall == 0 || state.balanceShortfall < shortfall {
                continue
            }
            state.rollback(to: before)
        }
    }

    func topUpMandatory() {
        for j in 0..<m.projectCount where m.mandatory[j] && state.isSelected(j) && state.shortCells[j] > 0 {
            state.staff(j, .cost)
        }
    }

    func moveTopUp() -> Bool {
        attempt {
            topUpMandatory()
            return true
        }
    }

    /// Move a project to another start (re-staffing it there).
    func moveStart() -> Bool {
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
    func randomTiers() -> [StaffingOrder] {
        switch rng.below(4) {
        case 0: return [.cost, .scarcity]
        case 1: return [.shuffled(rng.next()), .scarcity, .cost]
        default: return tiers
        }
    }

    /// Re-staff a project from scratch in another order.
    func moveRestaff() -> Bool {
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
    func randomBookedCell() -> (j: Int, d: Int, o: Int, t: Int, p: Int, x: Double)? {
        guard let j = randomSelected(withTeam: true), let member = rng.pick(state.team[j]) else { return nil }
        let dur = m.duration[j]
        let slots = member.hours.indices.filter { member.hours[$0] > 0 }
        guard let slot = rng.pick(slots) else { return nil }
        let o = slot % dur
        return (j, m.projectDemands[j][slot / dur], o, state.start[j] + o, member.person, member.hours[slot])
    }

    /// Move one cell's hours from a person to someone cheaper, already on the team, or on the baseline.
    func moveShift() -> Bool {
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
    func moveSqueeze() -> Bool {
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
    func moveChain() -> Bool {
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
    func moveSwapPeriods() -> Bool {
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
    func moveDropPair() -> Bool {
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

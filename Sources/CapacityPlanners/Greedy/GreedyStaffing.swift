// Staffing and placing one project: which people take which hours, at which start.
import CapacityPlanning

/// The order in which eligible people are offered a demand's hours.
enum StaffingOrder: Equatable {
    /// Fewest alternative uses first, then cheapest (keeps scarce people for the work only they can do).
    case scarcity
    /// Cheapest first, then fewest alternative uses.
    case cost
    /// Cost perturbed by a seeded random factor (diversifies re-staffing in the local search).
    case shuffled(UInt64)
}

/// A way to place a project: where it starts, how it is staffed, and what it adds to the objective.
struct Placement {
    var start: Int
    var order: StaffingOrder
    var gain: Double
    /// Whether staffing may free people by moving their other work.
    var repair: Bool
}

extension GreedyState {
    // MARK: - Person orders

    /// The eligible people of demand `d` in the order `order` asks for.
    func people(for d: Int, _ order: StaffingOrder) -> [Int] {
        switch order {
        case .scarcity: return scarcityOverride[d] ?? m.scarcityOrder[d]
        case .cost: return m.costOrder[d]
        case .shuffled(let seed):
            var rng = GreedyRandom(seed: seed &+ UInt64(d) &* 0x9E37_79B9_7F4A_7C15)
            let list = m.costOrder[d]
            var keyed: [(key: Double, person: Int)] = []
            keyed.reserveCapacity(list.count)
            for p in list { keyed.append(((m.cost[p] + 1) * (0.6 + 0.8 * rng.unit()), p)) }
            keyed.sort { $0.key != $1.key ? $0.key < $1.key : $0.person < $1.person }
            return keyed.map(\.person)
        }
    }

    // MARK: - Giving hours

    /// Gives person `p` up to `amount` more hours on demand `d` at offset `o`, within capacity,
    /// concurrency, coverage and budgets. For a mandatory project an hour is given only when it
    /// costs less than leaving it unmet, unless `force` (pins). Returns the hours given.
    @discardableResult
    mutating func give(_ p: Int, _ d: Int, _ o: Int, upTo amount: Double, force: Bool = false) -> Double {
        work &+= 1
        let j = m.demandProject[d]
        let t = start[j] + o
        var h = min(amount, gap(d, o), residual(p, t))
        guard h > 1e-9 else { return 0 }
        if m.mandatory[j] && !force && m.cost[p] >= m.unmetPenalty { return 0 }
        guard mayJoin(p, j, t) else { return 0 }
        if m.cost[p] > 0 {
            let room = budgetRoom(j)
            guard room > 1e-9 else { return 0 }
            h = min(h, room / m.cost[p])
            guard h > 1e-9 else { return 0 }
        }
        setHours(p, d, o, hours(p, d, o) + h)
        return h
    }

    /// Covers as much of demand `d` at offset `o` as it can: the baseline's people first when
    /// change is penalised, the project's team first when assignments are penalised, then `order`.
    /// Person `skipped` gets nothing (it is being relieved of this work).
    mutating func fill(_ d: Int, _ o: Int, _ order: [Int], skipping skipped: Int = -1) {
        guard gap(d, o) > 0 else { return }
        let j = m.demandProject[d]
        let t = start[j] + o
        if m.changePenalty > 0 {
            for entry in m.baselineByCell[d * m.periods + t] where entry.person != skipped && m.qualifies(entry.person, d) {
                let have = hours(entry.person, d, o)
                if entry.hours > have { give(entry.person, d, o, upTo: entry.hours - have) }
                if gap(d, o) <= 0 { return }
            }
        }
        if m.assignmentPenalty > 0 {
            // Giving hours never removes a member, so the slots stay put.
            var i = 0
            while i < team[j].count {
                let p = team[j][i].person
                if p != skipped && m.qualifies(p, d) {
                    give(p, d, o, upTo: .infinity)
                    if gap(d, o) <= 0 { return }
                }
                i += 1
            }
        }
        for p in order where p != skipped {
            give(p, d, o, upTo: .infinity)
            if gap(d, o) <= 0 { return }
        }
    }

    /// Books the pinned hours of project `j`'s pins; `false` when a pin cannot be met.
    mutating func staffPins(_ j: Int) -> Bool {
        let s = start[j]
        let dur = m.duration[j]
        for k in m.pinsOfProject[j] {
            let pin = m.pins[k]
            var left = pin.hours - pinHave[k]
            if left <= 0 { continue }
            for d in pin.countingDemands where left > 1e-9 {
                if let period = pin.period {
                    let o = period - s
                    if o >= 0 && o < dur { left -= give(pin.person, d, o, upTo: left, force: true) }
                } else {
                    for o in 0..<dur where left > 1e-9 {
                        left -= give(pin.person, d, o, upTo: left, force: true)
                    }
                }
            }
            if !pinHolds(k) { return false }
        }
        return true
    }

    /// Staffs selected project `j` from scratch or tops it up, period by period, each period's
    /// demands tightest first (least spare qualified capacity for what is needed), then meets its pins.
    /// When a cell cannot be covered and `repair` is set, people are freed by handing some of their
    /// other work in that period to someone else. Returns `false` as soon as a non-mandatory project
    /// cannot be fully covered or a pin cannot be met (the caller rolls back).
    @discardableResult
    mutating func staff(_ j: Int, _ order: StaffingOrder, repair: Bool = false) -> Bool {
        guard start[j] >= 0 else { return false }
        if m.pinsOfProject[j].isEmpty { return staffDemands(j, order, repair: repair) }
        // Staff as usual, then move work onto the pinned people where it hurts least; when that
        // cannot meet the pins, book the pinned hours first and staff around them.
        let before = mark
        if staffDemands(j, order, repair: repair) && swapInPins(j) { return true }
        rollback(to: before)
        return staffPins(j) && staffDemands(j, order, repair: repair)
    }

    /// Moves hours of project `j` onto its pinned people until every pin of `j` holds: first
    /// uncovered hours, then hours others work on the cells the pin counts (freeing the pinned
    /// person's other work in that period when needed). `false` when a pin or a budget still fails.
    mutating func swapInPins(_ j: Int) -> Bool {
        let s = start[j]
        let dur = m.duration[j]
        for k in m.pinsOfProject[j] where !pinHolds(k) {
            let pin = m.pins[k]
            let p = pin.person
            let offsets: [Int] = pin.period.map { $0 - s >= 0 && $0 - s < dur ? [$0 - s] : [] } ?? Array(0..<dur)
            for d in pin.countingDemands {
                for o in offsets {
                    var left = pin.hours - pinHave[k]
                    guard left > 1e-9 else { break }
                    let t = s + o
                    guard mayJoin(p, j, t) else { continue }
                    left -= give(p, d, o, upTo: left, force: true)
                    // Uncovered hours here: move the person's own hours from the project's other
                    // demands this period, and let others cover those if they can.
                    for d2 in m.projectDemands[j] where d2 != d && left > 1e-9 && gap(d, o) > 0 {
                        let own = hours(p, d2, o)
                        let h = min(own, left, gap(d, o))
                        guard h > 1e-9 else { continue }
                        setHours(p, d2, o, own - h)
                        setHours(p, d, o, hours(p, d, o) + h)
                        left -= h
                        fill(d2, o, m.costOrder[d2], skipping: p)
                    }
                    let members = team[j].map(\.person)
                    for r in members where r != p && left > 1e-9 {
                        if m.pinsOfPerson[r].contains(where: { m.pins[$0].project == j }) { continue }
                        let x = hours(r, d, o)
                        guard x > 0 else { continue }
                        let want = min(x, left)
                        var room = residual(p, t)
                        if room < want { room += offload(p, period: t, upTo: want - room, keeping: d) }
                        let h = min(want, room)
                        guard h > 1e-9 else { continue }
                        setHours(r, d, o, x - h)
                        setHours(p, d, o, hours(p, d, o) + h)
                        left -= h
                        // The relieved person may cover other demands of the project this period.
                        for d2 in m.projectDemands[j] where d2 != d && gap(d2, o) > 0 && m.qualifies(r, d2) {
                            give(r, d2, o, upTo: .infinity)
                        }
                    }
                }
            }
            if !pinHolds(k) { return false }
        }
        return projectCost[j] <= m.budget[j] + m.budgetTolerance[j]
            && totalCost <= m.globalBudget + m.globalBudgetTolerance
    }

    /// Covers project `j`'s demands period by period (see `staff`).
    private mutating func staffDemands(_ j: Int, _ order: StaffingOrder, repair: Bool) -> Bool {
        let dur = m.duration[j]
        let demands = m.staffingOrder[j]
        var lists = [[Int]?](repeating: nil, count: demands.count)
        var open: [(slack: Double, index: Int)] = []
        for o in 0..<dur {
            open.removeAll(keepingCapacity: true)
            for (k, d) in demands.enumerated() where gap(d, o) > 0 { open.append((0, k)) }
            if open.isEmpty { continue }
            if open.count > 1 {
                let t = start[j] + o
                for i in open.indices {
                    let d = demands[open[i].index]
                    var room = 0.0
                    for p in m.eligible[d] { room += residual(p, t) }
                    open[i].slack = room - gap(d, o)
                }
                open.sort { $0.slack != $1.slack ? $0.slack < $1.slack : $0.index < $1.index }
            }
            for entry in open {
                let d = demands[entry.index]
                if lists[entry.index] == nil { lists[entry.index] = people(for: d, order) }
                fill(d, o, lists[entry.index] ?? [])
                if gap(d, o) > 0 && repair { self.repair(d, o) }
                if !m.mandatory[j] && gap(d, o) > 0 { return false }
            }
        }
        return true
    }

    /// Covers more of demand `d` at offset `o` by freeing qualified people: each hands hours of
    /// other work in that period (not pinned work) to someone else who can take it, then takes
    /// this cell's hours instead.
    mutating func repair(_ d: Int, _ o: Int) {
        let j = m.demandProject[d]
        let t = start[j] + o
        // For a mandatory project, only worth it while an uncovered hour costs something.
        if m.mandatory[j] && m.unmetPenalty <= 0 { return }
        for q in scarcityOverride[d] ?? m.scarcityOrder[d] {
            let want = gap(d, o)
            guard want > 0 else { return }
            if m.mandatory[j] && m.cost[q] >= m.unmetPenalty { continue }
            guard mayJoin(q, j, t) else { continue }
            let freed = offload(q, period: t, upTo: want, keeping: d)
            if freed > 1e-9 { give(q, d, o, upTo: freed) }
        }
    }

    /// Hands up to `amount` hours of person `q`'s work in period `t` (on demands other than `keeping`,
    /// and not on projects where `q` is pinned) to other qualified people, cheapest first.
    /// Returns the hours freed.
    @discardableResult
    mutating func offload(_ q: Int, period t: Int, upTo amount: Double, keeping: Int) -> Double {
        var freed = 0.0
        let others = projectsOf[q]
        for j2 in others {
            guard amount - freed > 1e-9 else { break }
            let o2 = t - start[j2]
            guard o2 >= 0, o2 < m.duration[j2] else { continue }
            if m.pinsOfPerson[q].contains(where: { m.pins[$0].project == j2 }) { continue }
            for d2 in m.projectDemands[j2] where d2 != keeping {
                let have = hours(q, d2, o2)
                guard have > 0 else { continue }
                let want = min(have, amount - freed)
                setHours(q, d2, o2, have - want)
                let open = gap(d2, o2)
                fill(d2, o2, m.costOrder[d2], skipping: q)
                let moved = min(want, open - gap(d2, o2))
                if want - moved > 1e-9 { give(q, d2, o2, upTo: want - moved, force: true) }
                freed += moved
                guard amount - freed > 1e-9 else { break }
            }
        }
        return freed
    }

    /// Whether project `j`'s own rules hold: full coverage (unless mandatory), its pins, its budget
    /// and the global budget.
    mutating func projectValid(_ j: Int) -> Bool {
        if !m.mandatory[j] && shortCells[j] > 0 { return false }
        for k in m.pinsOfProject[j] where !pinHolds(k) { return false }
        if projectCost[j] > m.budget[j] + m.budgetTolerance[j] { return false }
        if !portfolio.systemsAndAlternativesHold { return false }
        return totalCost <= m.globalBudget + m.globalBudgetTolerance
    }

    // MARK: - Starts

    /// The starts project `j` may take now: its start range, after its selected dependencies
    /// finish and before its selected dependents start (`nil` when a dependency is not selected).
    func feasibleStarts(_ j: Int) -> ClosedRange<Int>? {
        guard m.selectable[j] else { return nil }
        var lower = m.rangeLower[j]
        var upper = m.rangeUpper[j]
        for i in m.dependencies[j] {
            guard start[i] >= 0 else { return nil }
            lower = max(lower, start[i] + m.duration[i])
        }
        for k in m.dependents[j] where start[k] >= 0 {
            upper = min(upper, start[k] - m.duration[j])
        }
        return lower <= upper ? lower...upper : nil
    }

    /// Up to `limit` starts from `range` that its systems leave open: the baseline's start first
    /// (when there), then evenly spread ones, the earliest always among them.
    func sampleStarts(_ j: Int, _ range: ClosedRange<Int>, limit: Int) -> [Int] {
        let closed = m.portfolio.closedStarts[j]
        let open = closed.isEmpty ? [] : range.filter { !closed.contains($0) }
        func at(_ i: Int) -> Int { closed.isEmpty ? range.lowerBound + i : open[i] }
        var out: [Int] = []
        let bs = m.baselineStart[j]
        if bs >= 0 && range.contains(bs) && !closed.contains(bs) { out.append(bs) }
        let count = closed.isEmpty ? range.count : open.count
        if count <= limit {
            for i in 0..<count where at(i) != bs { out.append(at(i)) }
        } else {
            let steps = max(2, limit)
            var last = Int.min
            for i in 0..<steps {
                let s = at((i * (count - 1)) / (steps - 1))
                if s != last && s != bs { out.append(s) }
                last = s
            }
        }
        return out
    }

    // MARK: - Placing

    /// The gain of selecting unselected project `j` at `s` and staffing it with `order`, or `nil`
    /// when that breaks one of the project's rules. Leaves the state unchanged.
    mutating func evaluate(_ j: Int, at s: Int, _ order: StaffingOrder, repair: Bool = false) -> Double? {
        guard m.portfolio.isOpen(j, s) else { return nil }
        let before = mark
        let base = objective
        select(j, at: s)
        let ok = staff(j, order, repair: repair) && projectValid(j)
        let gain = objective - base
        rollback(to: before)
        return ok ? gain : nil
    }

    /// The best placement of unselected project `j` over `starts`, staffed in the first of `tiers`
    /// that places it at all: later tiers are fallbacks, not rivals (a cheaper order would always
    /// look better for the project alone while using up people other projects need), unless
    /// `rivals`, when the best over every tier wins. Ties keep the first start.
    mutating func bestPlacement(_ j: Int, starts: [Int], tiers: [StaffingOrder], repair: Bool = false,
                                rivals: Bool = false) -> Placement? {
        var best: Placement?
        for order in tiers {
            for s in starts {
                guard let gain = evaluate(j, at: s, order, repair: repair) else { continue }
                if best == nil || gain > (best?.gain ?? 0) + 1e-9 {
                    best = Placement(start: s, order: order, gain: gain, repair: repair)
                }
            }
            if best != nil && !rivals { return best }
        }
        return best
    }

    /// Selects and staffs `j` as `placement` says (reproduces what `evaluate` measured).
    mutating func apply(_ j: Int, _ placement: Placement) {
        select(j, at: placement.start)
        staff(j, placement.order, repair: placement.repair)
    }

    /// Selects unselected project `j` together with the unselected projects it depends on
    /// (each at its best start that still leaves room for what depends on it). Returns the gain,
    /// or `nil` (state unchanged) when some project of the group cannot be placed.
    mutating func insertGroup(_ j: Int, tiers: [StaffingOrder], startLimit: Int, repair: Bool = false,
                              rivals: Bool = false) -> Double? {
        guard start[j] < 0, m.selectable[j], m.staffable[j] else { return nil }
        // The unselected ancestors, in topological order.
        var group: [Int] = []
        var seen: Set<Int> = [j]
        var stack = [j]
        while let k = stack.popLast() {
            group.append(k)
            for i in m.dependencies[k] where start[i] < 0 && !seen.contains(i) {
                guard m.selectable[i], m.staffable[i] else { return nil }
                seen.insert(i)
                stack.append(i)
            }
        }
        group.sort { m.topoPosition[$0] < m.topoPosition[$1] }
        // Latest start of each member that still lets its dependents in the group start in time.
        var latest: [Int: Int] = [:]
        for k in group.reversed() {
            var upper = m.rangeUpper[k]
            for dependent in m.dependents[k] {
                if let l = latest[dependent] { upper = min(upper, l - m.duration[k]) }
            }
            latest[k] = upper
        }
        let before = mark
        let base = objective
        for k in group {
            guard let range = feasibleStarts(k), let upper = latest[k], range.lowerBound <= min(upper, range.upperBound)
            else {
                rollback(to: before)
                return nil
            }
            let starts = sampleStarts(k, range.lowerBound...min(upper, range.upperBound), limit: startLimit)
            guard let placement = bestPlacement(k, starts: starts, tiers: tiers, repair: repair, rivals: rivals) else {
                rollback(to: before)
                return nil
            }
            apply(k, placement)
        }
        return objective - base
    }
}

// After a reduction's plan is lifted, flexible work is no longer tied to the even profile the
// reduction gave it: this pass moves it where people are free. It tops up a mandatory project's
// flexible shortfall in any period of its span, frees a short fixed line's period by moving a
// qualified person's flexible hours from it to another period of their line's span, and places
// projects left out with their flexible work wherever people have room.
import CapacityPlanning

/// A lifted in-flight plan being repaired, with loads, coverage and concurrency kept in step.
struct GreedyInFlightRepair {
    let problem: PlanningProblem
    private(set) var allocation: Allocation
    private var load: [Double]
    private var covered: [CellKey: Double] = [:]  // person −1: the demand's total in the period
    private var total: [Double]
    private var onProject: [Int: Int] = [:]       // (person, project, period) → cells with hours
    private var concurrent: [Int]
    /// The flexible lines (indices).
    private let flexible: [Int]
    /// `person × projects + project` of every pin: hours there are never moved away.
    private let pinned: Set<Int>
    /// Steps left before the shift gives up (it is a repair, not a search).
    private var steps = 400_000
    /// Planned staff cost per project and in all (actuals are in the budgets' room instead).
    private var spend: [Double]
    private var totalSpend = 0.0

    init(problem: PlanningProblem, allocation: Allocation) {
        self.problem = problem
        var empty = allocation
        empty.hours = [:]
        self.allocation = empty
        let periods = problem.periodCount
        load = Array(repeating: 0, count: problem.people.count * periods)
        total = Array(repeating: 0, count: problem.demands.count)
        concurrent = Array(repeating: 0, count: problem.people.count * periods)
        flexible = problem.demands.filter(\.isFlexible).map(\.index)
        pinned = Set(problem.pins.map { $0.person * problem.projects.count + $0.project })
        spend = Array(repeating: 0, count: problem.projects.count)
        for (cell, hours) in allocation.hours where hours > 0 { add(cell, hours) }
    }

    private func pairKey(_ p: Int, _ j: Int, _ t: Int) -> Int {
        (p * problem.projects.count + j) * problem.periodCount + t
    }

    /// Adds `hours` to a cell (which may have none yet).
    private mutating func add(_ cell: CellKey, _ hours: Double) {
        let old = allocation.hours[cell] ?? 0
        allocation.hours[cell] = old + hours
        let j = problem.demands[cell.demand].project
        spend[j] += hours * problem.people[cell.person].costPerHour
        totalSpend += hours * problem.people[cell.person].costPerHour
        load[cell.person * problem.periodCount + cell.period] += hours
        covered[CellKey(person: -1, demand: cell.demand, period: cell.period), default: 0] += hours
        total[cell.demand] += hours
        if old == 0 {
            let key = pairKey(cell.person, j, cell.period)
            if onProject[key, default: 0] == 0 { concurrent[cell.person * problem.periodCount + cell.period] += 1 }
            onProject[key, default: 0] += 1
        }
    }

    /// Takes `hours` off a cell (never below 0; the cell goes when it reaches 0).
    private mutating func remove(_ cell: CellKey, _ hours: Double) {
        let old = allocation.hours[cell] ?? 0
        let new = old - hours > 1e-9 ? old - hours : 0
        allocation.hours[cell] = new > 0 ? new : nil
        let taken = old - new
        let j = problem.demands[cell.demand].project
        spend[j] -= taken * problem.people[cell.person].costPerHour
        totalSpend -= taken * problem.people[cell.person].costPerHour
        load[cell.person * problem.periodCount + cell.period] -= taken
        covered[CellKey(person: -1, demand: cell.demand, period: cell.period), default: 0] -= taken
        total[cell.demand] -= taken
        if new == 0, old > 0 {
            let key = pairKey(cell.person, j, cell.period)
            onProject[key, default: 1] -= 1
            if onProject[key] == 0 { concurrent[cell.person * problem.periodCount + cell.period] -= 1 }
        }
    }

    /// Hours person `p` can still take in period `t` on project `j` (0 when the concurrency limit bars it).
    private func room(_ p: Int, _ j: Int, _ t: Int) -> Double {
        let person = problem.people[p]
        if let limit = person.maxConcurrentProjects, onProject[pairKey(p, j, t), default: 0] == 0,
           concurrent[p * problem.periodCount + t] >= limit { return 0 }
        return max(0, min(person.capacity[t] - load[p * problem.periodCount + t], affordable(p, j)))
    }

    /// Hours of person `p` that project `j`'s budget and the portfolio's still pay for (actuals count).
    private func affordable(_ p: Int, _ j: Int) -> Double {
        let rate = problem.people[p].costPerHour
        guard rate > 0 else { return .infinity }
        var money = Double.infinity
        if let budget = problem.projects[j].budget { money = budget - problem.projects[j].actualSpend - spend[j] }
        if let budget = problem.policy.budget { money = min(money, budget - problem.actualSpend - totalSpend) }
        return money.isFinite ? max(0, money / rate - 1e-9) : .infinity
    }

    /// The periods selected project `j` may have flexible work in: `[max(s, S), f]`.
    private func span(_ j: Int) -> ClosedRange<Int>? {
        guard let s = allocation.starts[j], let f = allocation.finish(of: j, in: problem) else { return nil }
        let first = max(s, problem.statusPeriod), last = min(f, problem.periodCount - 1)
        return first <= last ? first...last : nil
    }

    /// What flexible line `d` still lacks, and what it may still take in period `t`.
    private func flexibleRoom(_ d: Int, _ t: Int) -> Double {
        let line = problem.demands[d]
        let left = (line.work ?? 0) - total[d]
        let rate = (line.maxPerPeriod ?? .infinity) - covered[CellKey(person: -1, demand: d, period: t), default: 0]
        return max(0, min(left, rate))
    }

    /// Tops up every mandatory project's flexible shortfall, earliest period and cheapest person
    /// first, wherever an hour costs less than the unmet penalty it saves.
    mutating func topUp() {
        let penalty = problem.policy.unmetPenaltyPerHour
        for line in problem.demands where line.isFlexible && problem.projects[line.project].mandatory {
            guard let periods = span(line.project) else { continue }
            let people = line.eligiblePeople.filter { problem.people[$0].costPerHour < penalty }
                .sorted { (problem.people[$0].costPerHour, $0) < (problem.people[$1].costPerHour, $1) }
            for t in periods {
                for p in people {
                    let hours = min(flexibleRoom(line.index, t), room(p, line.project, t))
                    if hours > 1e-6 { add(CellKey(person: p, demand: line.index, period: t), hours) }
                }
            }
        }
    }

    /// Moves flexible hours to a cheaper qualified person, in the same or another period of the
    /// line's span: it lowers the cost and frees budget for the hours still missing.
    mutating func cheapen() {
        var cellsOf: [Int: [CellKey]] = [:]
        for (cell, h) in allocation.hours where h > 0 && problem.demands[cell.demand].isFlexible {
            cellsOf[cell.demand, default: []].append(cell)
        }
        for d in flexible {
            guard var cells = cellsOf[d], let periods = span(problem.demands[d].project) else { continue }
            let line = problem.demands[d]
            let j = line.project
            let people = problem.people
            let cost = { (p: Int) in people[p].costPerHour }
            cells.sort { (cost($0.person), $0.period, $0.person) > (cost($1.person), $1.period, $1.person) }
            let cheapest = line.eligiblePeople.sorted { (cost($0), $0) < (cost($1), $1) }
            for cell in cells where !pinned.contains(cell.person * problem.projects.count + j) {
                for q in cheapest where cost(q) < cost(cell.person) && steps > 0 {
                    for t in periods {
                        steps -= 1
                        let have = allocation.hours[cell] ?? 0
                        guard have > 1e-6 else { break }
                        let rate = t == cell.period ? Double.infinity
                            : (line.maxPerPeriod ?? .infinity) - covered[CellKey(person: -1, demand: d, period: t), default: 0]
                        remove(cell, have)  // first: the money it frees pays the cheaper hours
                        let room = min(have, room(q, j, t), rate)
                        let moved = room > 1e-6 ? room : 0
                        if moved > 0 { add(CellKey(person: q, demand: d, period: t), moved) }
                        if have - moved > 1e-9 { add(cell, have - moved) }
                    }
                }
            }
        }
    }

    /// Fills the short fixed cells of mandatory projects by moving a qualified person's flexible
    /// hours out of that period to another period of their line's span (to whoever has room there).
    mutating func shiftFlexibleWork() {
        let status = problem.statusPeriod
        for line in problem.demands where !line.isFlexible && problem.projects[line.project].mandatory {
            let j = line.project
            guard let s = allocation.starts[j] else { continue }
            for (o, need) in line.hours.enumerated() where need > 0 {
                let t = s + o
                guard t >= status, t < problem.periodCount else { continue }
                for p in line.eligiblePeople {
                    var short = need - covered[CellKey(person: -1, demand: line.index, period: t), default: 0]
                    guard short > Tolerance.of(need) else { break }
                    let free = room(p, j, t)
                    if free > 1e-6 {
                        let hours = min(free, short)
                        add(CellKey(person: p, demand: line.index, period: t), hours)
                        short -= hours
                    }
                    for d in flexible where short > Tolerance.of(need) && steps > 0 {
                        let other = problem.demands[d]
                        let cell = CellKey(person: p, demand: d, period: t)
                        guard let have = allocation.hours[cell], have > 0, let periods = span(other.project),
                              !pinned.contains(p * problem.projects.count + other.project) else { continue }
                        for t2 in periods where t2 != t && short > Tolerance.of(need) {
                            for q in other.eligiblePeople {
                                steps -= 1
                                let current = allocation.hours[cell] ?? 0
                                let moved = min(current, short, room(q, other.project, t2),
                                                (other.maxPerPeriod ?? .infinity)
                                                    - covered[CellKey(person: -1, demand: other.index, period: t2), default: 0])
                                guard moved > 1e-6 else { continue }
                                remove(cell, moved)
                                add(CellKey(person: q, demand: other.index, period: t2), moved)
                                let given = min(moved, room(p, j, t))
                                if given > 1e-6 { add(CellKey(person: p, demand: line.index, period: t), given) }
                                short -= given
                            }
                        }
                    }
                }
            }
        }
    }

    /// Places unselected project `j` over `[s, f]`: fixed lines at their profile, flexible lines
    /// earliest period first, cheapest qualified person with room first. Returns whether every
    /// hour found a place (the caller checks the rest of the rules and the objective).
    mutating func place(_ j: Int, start s: Int, finish f: Int) -> Bool {
        guard allocation.starts[j] == nil else { return false }
        allocation.starts[j] = s
        allocation.finishes[j] = f
        let status = problem.statusPeriod
        for d in problem.projects[j].demands {
            let line = problem.demands[d]
            let people = line.eligiblePeople.sorted {
                (problem.people[$0].costPerHour, $0) < (problem.people[$1].costPerHour, $1)
            }
            if line.isFlexible {
                guard max(s, status) <= f else { continue }
                for t in max(s, status)...f {
                    for p in people {
                        let hours = min(flexibleRoom(d, t), room(p, j, t))
                        if hours > 1e-6 { add(CellKey(person: p, demand: d, period: t), hours) }
                    }
                }
                let work = line.work ?? 0
                if work - total[d] > Tolerance.of(work) { return false }
            } else {
                let first = max(s, status), end = min(s + problem.projects[j].duration, problem.periodCount)
                for t in stride(from: first, to: end, by: 1) {  // empty when the profile is all past
                    let need = line.hours(start: s, period: t)
                    var short = need
                    for p in people where short > Tolerance.of(need) {
                        let hours = min(short, room(p, j, t))
                        if hours > 1e-6 {
                            add(CellKey(person: p, demand: d, period: t), hours)
                            short -= hours
                        }
                    }
                    if short > Tolerance.of(need) { return false }
                }
            }
        }
        return true
    }
}

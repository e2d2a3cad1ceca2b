// The greedy planner's working plan: dense bookkeeping with an undo journal, so that every
// move is tried in place, priced from maintained objective terms, and kept or rolled back.
import CapacityPlanning

/// One person's hours on one project (all its demands, per project period).
struct TeamMember {
    let person: Int
    /// Hours per `localDemand * duration + offset`.
    var hours: [Double]
    /// Number of cells with hours, per offset (the person is on the project in that period when > 0).
    var cellsAtOffset: [Int32]
    /// Number of cells with hours (the (person, project) pair exists when > 0).
    var cells: Int
}

/// Where each (person, project) pair sits in the project's team: a dense table when
/// people × projects is moderate, a dictionary (lookups only) beyond that.
struct PairIndex {
    private let projects: Int
    private var dense: [Int32]
    private var sparse: [Int: Int32] = [:]
    private let useDense: Bool

    init(people: Int, projects: Int) {
        self.projects = projects
        let size = people.multipliedReportingOverflow(by: projects)
        useDense = !size.overflow && size.partialValue <= 16_000_000
        dense = useDense ? Array(repeating: -1, count: size.partialValue) : []
    }

    /// The team slot of person `p` in project `j`, or -1.
    @inline(__always)
    subscript(p: Int, j: Int) -> Int {
        get { useDense ? Int(dense[p * projects + j]) : Int(sparse[p * projects + j] ?? -1) }
        set {
            if useDense {
                dense[p * projects + j] = Int32(truncatingIfNeeded: newValue)
            } else if newValue < 0 {
                sparse[p * projects + j] = nil
            } else {
                sparse[p * projects + j] = Int32(truncatingIfNeeded: newValue)
            }
        }
    }
}

/// The plan being built and improved, with its objective terms and validity counters
/// maintained incrementally.
///
/// Primitive changes (`setHours`, `select`, `deselect`) are journaled; `rollback(to:)`
/// undoes everything after a mark. Capacity, concurrency and coverage ≤ demand are kept
/// by the callers of `setHours`; budgets, pins, required selection and full coverage of
/// non-mandatory projects are counted here and read through `isValid`.
struct GreedyState {
    let m: GreedyIndex

    /// Start per project, -1 when not selected.
    private(set) var start: [Int]
    /// Booked hours, `person * periods + t`.
    private(set) var load: [Double]
    /// Distinct projects per `person * periods + t`.
    private(set) var concurrent: [Int32]
    /// Who works on each project.
    private(set) var team: [[TeamMember]]
    /// Projects each person has hours on (unordered).
    private(set) var projectsOf: [[Int]]
    /// Hours covered per demand and project offset.
    private(set) var covered: [[Double]]
    /// Cells short of demand (beyond tolerance) per selected project.
    private(set) var shortCells: [Int]
    /// Hours short per selected project.
    private(set) var unmet: [Double]
    private(set) var projectCost: [Double]
    private(set) var totalCost: Double = 0
    private(set) var pinHave: [Double]
    /// Systems, alternatives and balance shares (spec v2).
    private(set) var portfolio: GreedyPortfolioState

    // Objective terms.
    private(set) var valueSum: Double = 0
    private(set) var unmetMandatory: Double = 0
    private(set) var pairs: Int = 0
    private(set) var changed: Double
    private(set) var startChanges: Int

    // Validity counters.
    private(set) var requiredMissing: Int
    private(set) var shortOptional: Int = 0
    private(set) var pinDeficits: Int
    private(set) var overBudget: Int = 0

    private enum Change {
        case hours(person: Int, demand: Int, offset: Int, old: Double)
        case select(project: Int)
        case deselect(project: Int, start: Int)
    }

    private var journal: [Change] = []
    /// Construction's scarcity order per demand (alternative uses among projects still undecided);
    /// `nil` uses the model's static order.
    var scarcityOverride: [[Int]?]
    /// Elementary steps taken (hours offered or changed): a deterministic measure of effort.
    var work = 0
    private var slots: PairIndex

    init(model: GreedyIndex) {
        m = model
        start = Array(repeating: -1, count: model.projectCount)
        load = Array(repeating: 0, count: model.personCount * model.periods)
        concurrent = Array(repeating: 0, count: model.personCount * model.periods)
        team = Array(repeating: [], count: model.projectCount)
        projectsOf = Array(repeating: [], count: model.personCount)
        covered = model.need.map { Array(repeating: 0, count: $0.count) }
        shortCells = Array(repeating: 0, count: model.projectCount)
        unmet = Array(repeating: 0, count: model.projectCount)
        projectCost = Array(repeating: 0, count: model.projectCount)
        pinHave = Array(repeating: 0, count: model.pins.count)
        changed = model.baselineTotal
        startChanges = model.baselineStartCount
        requiredMissing = model.required.reduce(0) { $0 + ($1 ? 1 : 0) }
        pinDeficits = model.pins.count
        slots = PairIndex(people: model.personCount, projects: model.projectCount)
        scarcityOverride = Array(repeating: nil, count: model.demandCount)
        portfolio = GreedyPortfolioState(model.portfolio)
    }

    // MARK: - Reading
    //
    // The readers the inner loops call are `mutating` although they change nothing: a debug build
    // copies the whole state (every array retained and released) to call a non-mutating method from
    // a mutating one, which made debug runs some ten times slower. Release builds are unaffected.

    /// The objective of the current plan (spec section 2).
    var objective: Double {
        valueSum - totalCost - m.unmetPenalty * unmetMandatory - m.assignmentPenalty * Double(pairs)
            - m.changePenalty * changed - m.startChangePenalty * Double(startChanges)
    }

    /// Whether the current plan breaks no rule (dependencies, windows and freezes are kept by the moves).
    var isValid: Bool {
        requiredMissing == 0 && shortOptional == 0 && pinDeficits == 0 && overBudget == 0
            && totalCost <= m.globalBudget + m.globalBudgetTolerance
            && portfolio.systemsAndAlternativesHold && (m.portfolio.groups.isEmpty || balanceShortfall == 0)
    }

    /// How far the balance rules are from holding (0 when they all hold).
    var balanceShortfall: Double { portfolio.balanceShortfall(m.portfolio) }

    /// Whether project `j` is selected.
    @inline(__always)
    func isSelected(_ j: Int) -> Bool { start[j] >= 0 }

    /// Journal position to roll back to.
    var mark: Int { journal.count }

    /// Index of person `p` in project `j`'s team.
    @inline(__always)
    mutating func memberIndex(_ j: Int, _ p: Int) -> Int? {
        let i = slots[p, j]
        return i >= 0 ? i : nil
    }

    /// Hours of person `p` on demand `d` at project offset `o`.
    mutating func hours(_ p: Int, _ d: Int, _ o: Int) -> Double {
        let j = m.demandProject[d]
        guard let i = memberIndex(j, p) else { return 0 }
        return team[j][i].hours[m.demandLocal[d] * m.duration[j] + o]
    }

    /// Whether person `p` has hours on project `j` at offset `o`.
    @inline(__always)
    mutating func works(_ p: Int, on j: Int, offset o: Int) -> Bool {
        guard let i = memberIndex(j, p) else { return false }
        return team[j][i].cellsAtOffset[o] > 0
    }

    /// Usable hours person `p` still has in period `t`.
    @inline(__always)
    mutating func residual(_ p: Int, _ t: Int) -> Double {
        let cell = p * m.periods + t
        return max(0, m.capacity[cell] - load[cell])
    }

    /// Whether person `p` may take work on project `j` in period `t` without breaking their concurrency limit.
    @inline(__always)
    mutating func mayJoin(_ p: Int, _ j: Int, _ t: Int) -> Bool {
        let limit = m.maxConcurrent[p]
        if limit == Int.max { return true }
        if Int(concurrent[p * m.periods + t]) < limit { return true }
        return works(p, on: j, offset: t - start[j])
    }

    /// Money project `j` may still spend on staff (project and global budget together).
    @inline(__always)
    mutating func budgetRoom(_ j: Int) -> Double {
        min(m.budget[j] - projectCost[j], m.globalBudget - totalCost)
    }

    /// Hours still uncovered on demand `d` at offset `o` (0 within tolerance).
    @inline(__always)
    mutating func gap(_ d: Int, _ o: Int) -> Double {
        let left = m.need[d][o] - covered[d][o]
        return left > m.needTolerance[d][o] ? left : 0
    }

    /// Whether pin `k` holds.
    mutating func pinHolds(_ k: Int) -> Bool {
        let pin = m.pins[k]
        return start[pin.project] >= 0 && pin.hours - pinHave[k] <= 0.5 * Tolerance.of(pin.hours)
    }

    // MARK: - Primitive changes

    /// Selects project `j` at start `s` (it must not be selected).
    mutating func select(_ j: Int, at s: Int, log: Bool = true) {
        let before = pinStates(j)
        start[j] = s
        valueSum += m.portfolio.worth(j, s, value: m.value[j])
        let starts = start
        if !m.portfolio.synergiesOf[j].isEmpty { valueSum += m.portfolio.synergy(j) { starts[$0] >= 0 } }
        portfolio.count(j, at: s, duration: m.duration[j], sign: 1, m.portfolio) { starts[$0] >= 0 }
        let bs = m.baselineStart[j]
        if bs >= 0, bs == s { startChanges -= 1 }
        var count = 0
        var hours = 0.0
        for d in m.projectDemands[j] {
            for o in m.need[d].indices where m.need[d][o] > m.needTolerance[d][o] {
                count += 1
                hours += m.need[d][o]
            }
        }
        shortCells[j] = count
        unmet[j] = hours
        if m.mandatory[j] {
            unmetMandatory += hours
        } else if count > 0 {
            shortOptional += 1
        }
        if m.required[j] { requiredMissing -= 1 }
        updatePins(j, before)
        if log { journal.append(.select(project: j)) }
    }

    /// Unselects project `j`, which must have no hours.
    mutating func deselect(_ j: Int, log: Bool = true) {
        let s = start[j]
        guard s >= 0 else { return }
        let before = pinStates(j)
        valueSum -= m.portfolio.worth(j, s, value: m.value[j])
        if !m.portfolio.synergiesOf[j].isEmpty {
            let selected = start
            valueSum -= m.portfolio.synergy(j) { selected[$0] >= 0 }
        }
        let bs = m.baselineStart[j]
        if bs >= 0, bs == s { startChanges += 1 }
        if m.mandatory[j] {
            unmetMandatory -= unmet[j]
        } else if shortCells[j] > 0 {
            shortOptional -= 1
        }
        shortCells[j] = 0
        unmet[j] = 0
        if m.required[j] { requiredMissing += 1 }
        start[j] = -1
        let starts = start
        portfolio.count(j, at: s, duration: m.duration[j], sign: -1, m.portfolio) { starts[$0] >= 0 }
        updatePins(j, before)
        if log { journal.append(.deselect(project: j, start: s)) }
    }

    private mutating func pinStates(_ j: Int) -> [Bool] {
        m.pinsOfProject[j].map { pinHolds($0) }
    }

    private mutating func updatePins(_ j: Int, _ before: [Bool]) {
        for (i, k) in m.pinsOfProject[j].enumerated() {
            let now = pinHolds(k)
            if now != before[i] { pinDeficits += now ? -1 : 1 }
        }
    }

    /// Sets the hours of person `p` on demand `d` at offset `o` of its (selected) project.
    ///
    /// Values at or below 1e-9 become 0. The caller keeps capacity, concurrency and coverage.
    mutating func setHours(_ p: Int, _ d: Int, _ o: Int, _ newValue: Double, log: Bool = true) {
        let j = m.demandProject[d]
        let s = start[j]
        guard s >= 0 else { return }
        let value = newValue > 1e-9 ? newValue : 0
        work &+= 1
        let dur = m.duration[j]
        let slot = m.demandLocal[d] * dur + o
        var index = memberIndex(j, p)
        let old = index.map { team[j][$0].hours[slot] } ?? 0
        if value == old { return }
        if index == nil {
            team[j].append(TeamMember(
                person: p, hours: Array(repeating: 0, count: m.projectDemands[j].count * dur),
                cellsAtOffset: Array(repeating: 0, count: dur), cells: 0))
            index = team[j].count - 1
            slots[p, j] = team[j].count - 1
        }
        guard let i = index else { return }
        let t = s + o
        let delta = value - old
        team[j][i].hours[slot] = value
        if old == 0 {
            if team[j][i].cells == 0 {
                pairs += 1
                projectsOf[p].append(j)
            }
            team[j][i].cells += 1
            if team[j][i].cellsAtOffset[o] == 0 { concurrent[p * m.periods + t] += 1 }
            team[j][i].cellsAtOffset[o] += 1
        } else if value == 0 {
            team[j][i].cells -= 1
            team[j][i].cellsAtOffset[o] -= 1
            if team[j][i].cellsAtOffset[o] == 0 { concurrent[p * m.periods + t] -= 1 }
        }
        if team[j][i].cells == 0 {
            pairs -= 1
            // Swap-remove: the last member takes the freed slot.
            let last = team[j].count - 1
            if i != last {
                team[j].swapAt(i, last)
                slots[team[j][i].person, j] = i
            }
            team[j].removeLast()
            slots[p, j] = -1
            if let k = projectsOf[p].firstIndex(of: j) {
                projectsOf[p].swapAt(k, projectsOf[p].count - 1)
                projectsOf[p].removeLast()
            }
        }

        load[p * m.periods + t] += delta
        let money = delta * m.cost[p]
        let wasOver = projectCost[j] > m.budget[j] + m.budgetTolerance[j]
        projectCost[j] += money
        totalCost += money
        if m.portfolio.measuresCost { portfolio.addCost(money, project: j, m.portfolio) }
        let isOver = projectCost[j] > m.budget[j] + m.budgetTolerance[j]
        if wasOver != isOver { overBudget += isOver ? 1 : -1 }

        // Coverage.
        let need = m.need[d][o]
        let tolerance = m.needTolerance[d][o]
        let oldShort = need - covered[d][o] > tolerance ? need - covered[d][o] : 0
        covered[d][o] += delta
        let newShort = need - covered[d][o] > tolerance ? need - covered[d][o] : 0
        if oldShort != newShort {
            unmet[j] += newShort - oldShort
            if m.mandatory[j] { unmetMandatory += newShort - oldShort }
            let wasShort = oldShort > 0
            let isShort = newShort > 0
            if wasShort != isShort {
                let before = shortCells[j]
                shortCells[j] += isShort ? 1 : -1
                if !m.mandatory[j] {
                    if before == 0 && shortCells[j] > 0 { shortOptional += 1 }
                    if before > 0 && shortCells[j] == 0 { shortOptional -= 1 }
                }
            }
        }

        // Change against the baseline.
        if m.changePenalty > 0 {
            let b = m.baseline(p, d, t)
            changed += abs(value - b) - abs(old - b)
        }

        // Pins of this person on this project.
        if !m.pinsOfPerson[p].isEmpty { updatePins(person: p, project: j, demand: d, period: t, delta: delta) }

        if log { journal.append(.hours(person: p, demand: d, offset: o, old: old)) }
    }

    private mutating func updatePins(person p: Int, project j: Int, demand d: Int, period t: Int, delta: Double) {
        for k in m.pinsOfPerson[p] {
            let pin = m.pins[k]
            guard pin.project == j, pin.countingDemands.contains(d) else { continue }
            if let period = pin.period, period != t { continue }
            let before = pinHolds(k)
            pinHave[k] += delta
            let now = pinHolds(k)
            if before != now { pinDeficits += now ? -1 : 1 }
        }
    }

    /// Undoes every change after `mark`.
    mutating func rollback(to mark: Int) {
        while journal.count > mark, let change = journal.popLast() {
            switch change {
            case let .hours(person, demand, offset, old):
                setHours(person, demand, offset, old, log: false)
            case let .select(project):
                deselect(project, log: false)
            case let .deselect(project, start):
                select(project, at: start, log: false)
            }
        }
    }

    /// Forgets the journal (after a move is kept and no outer move can roll it back).
    mutating func commit() {
        journal.removeAll(keepingCapacity: true)
    }

    // MARK: - Compound changes

    /// Removes every hour of project `j`.
    mutating func clearStaff(_ j: Int) {
        while let member = team[j].last {
            let dur = m.duration[j]
            for (k, d) in m.projectDemands[j].enumerated() {
                for o in 0..<dur where member.hours[k * dur + o] > 0 {
                    setHours(member.person, d, o, 0)
                }
            }
        }
    }

    /// Removes project `j` and, first, every selected project that depends on it.
    ///
    /// Returns `false` (having changed nothing it could not roll back) when a required project would go.
    @discardableResult
    mutating func remove(_ j: Int) -> Bool {
        guard start[j] >= 0 else { return true }
        if m.required[j] { return false }
        for k in m.dependents[j] where start[k] >= 0 {
            if !remove(k) { return false }
        }
        clearStaff(j)
        deselect(j)
        return true
    }

    /// The allocation on the problem's indices.
    func allocation() -> Allocation {
        var result = Allocation(projectCount: m.projectCount)
        for j in 0..<m.projectCount where start[j] >= 0 {
            result.starts[j] = start[j]
            let dur = m.duration[j]
            for member in team[j] {
                for (k, d) in m.projectDemands[j].enumerated() {
                    for o in 0..<dur where member.hours[k * dur + o] > 0 {
                        result.hours[CellKey(person: member.person, demand: d, period: start[j] + o)] =
                            member.hours[k * dur + o]
                    }
                }
            }
        }
        return result
    }
}

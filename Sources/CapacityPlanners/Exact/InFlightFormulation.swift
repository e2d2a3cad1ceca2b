// The exact model of a portfolio in flight (spec v3, Part A; Docs/formulation.md, "The portfolio
// in flight"): a binary per project span (start and finish), hours from the status period on,
// fixed lines covered by the start's profile, flexible lines by their total at a bounded rate.
#if GLPK
import CapacityPlanning
import Optimization

/// The integer program of a problem that uses version 3's portfolio in flight.
///
/// - Complexity: O(J·W·L) span binaries for J projects with W starts and L finishes each, and
///   O(Σ_d P_d·T) hours columns for P_d people qualified for line d over T periods from the status
///   period on; spans whose active periods meet a freeze are left out.
struct InFlightFormulation {
    /// A project's span: its first and last period.
    struct Span: Hashable {
        let start: Int
        let finish: Int
    }

    let problem: PlanningProblem
    var model = Model(name: "capacity-plan-in-flight")
    /// Each project's spans with their binaries.
    private(set) var spans: [[(span: Span, variable: Variable)]]
    /// The hours columns.
    private(set) var hours: [CellKey: Variable] = [:]
    /// Per project and period (from the status period on): the spans active then.
    private var active: [[Int: [Variable]]]
    private var objective: [Variable: Double] = [:]
    var constant = 0.0
    /// Each hire instance's start binaries, by person index (version 3, Part B; `+Supply`).
    var hireStarts: [Int: [(start: Int, variable: Variable)]] = [:]
    /// Each course's start binaries, by course index.
    var courseStarts: [Int: [(start: Int, variable: Variable)]] = [:]
    /// The auxiliary columns, kept so that a plan can be written as a solution (`values(for:)`).
    private var unmetOfLine: [Int: Variable] = [:]
    private var unmetOfCell: [CellKey: Variable] = [:]   // person −1: a fixed line's period
    private var working: [CellKey: Variable] = [:]       // person, demand −(project + 1), period
    private var pairOf: [Int: Variable] = [:]            // person × projects + project
    private(set) var synergyOf: [(projects: [Int], variable: Variable)] = []
    private var changeOf: [CellKey: Variable] = [:]

    init(problem: PlanningProblem) {
        self.problem = problem
        spans = Array(repeating: [], count: problem.projects.count)
        active = Array(repeating: [:], count: problem.projects.count)
        model.setObjective(LinearExpression(), sense: .maximize)
        addSpans()
        addSupply()
        addHours()
        addCourseQualification()
        addLines()
        addCapacityAndConcurrency()
        addAssignmentPairs()
        addBudgets()
        addDependenciesAndPins()
        addSystemsAndAlternatives()
        addBalance()
        addSynergies()
        addBaselineTerms()
        for (v, c) in objective.sorted(by: { $0.key.index < $1.key.index }) where c != 0 {
            model.setObjectiveCoefficient(v, c)
        }
        model.objectiveConstant = constant
    }

    /// Rows, columns, non-zeros and binaries.
    var size: ModelSize {
        ModelSize(rows: model.constraintCount, columns: model.variableCount, nonZeros: model.nonZeroCount,
                  binaries: model.integerCount)
    }

    private var now: Int { problem.statusPeriod }

    mutating func add(_ v: Variable, _ c: Double) { objective[v, default: 0] += c }

    mutating func row(_ terms: [(Variable, Double)], lower: Double?, upper: Double?) {
        model.addConstraint(variables: terms.map(\.0), coefficients: terms.map(\.1), lower: lower, upper: upper)
    }

    /// The selection of project `j`: the sum of its span binaries.
    private func selection(_ j: Int) -> [(Variable, Double)] { spans[j].map { ($0.variable, 1) } }

    // MARK: Spans

    /// A binary per start and finish the rules allow (rules 2, 13; a span active in a freeze or on a
    /// system whose limit is 0 is left out, rule 10); worth per span (section 4); Σ ≤ 1, = 1 when required.
    private mutating func addSpans() {
        for info in problem.projects {
            guard let range = info.startRange else {
                if info.required { row([], lower: 1, upper: nil) }  // infeasible: structuralInfeasibilities says why
                continue
            }
            let flexible = info.demands.filter { problem.demands[$0].isFlexible }
            for s in range {
                guard let all = info.finishes(start: s) else { continue }
                // Finishes only where they can matter: without a flexible line a later finish only
                // costs (delay, lateness, system use, dependents wait); a project that may not fall
                // short cannot finish before its flexible work fits at its rates.
                let first = max(all.lowerBound, info.mandatory ? all.lowerBound : earliestFinish(flexible, start: s))
                guard first <= all.upperBound else { continue }
                let finishes = flexible.isEmpty ? first...first : first...all.upperBound
                for f in finishes where !blockedBySystem(info, from: max(s, now), to: f) {
                    let y = model.addBinary()
                    spans[info.index].append((Span(start: s, finish: f), y))
                    add(y, info.worth(start: s, finish: f))
                    if f >= now {
                        for t in max(s, now)...min(f, problem.periodCount - 1) { active[info.index][t, default: []].append(y) }
                    }
                }
            }
            row(selection(info.index), lower: info.required ? 1 : nil, upper: 1)
        }
    }

    /// The first finish at which every flexible line's work fits at its rate, from `max(start, S)`;
    /// `Int.min` when no line has work left (a started project may then finish before `S`).
    private func earliestFinish(_ lines: [Int], start: Int) -> Int {
        var periods = 0.0
        for d in lines {
            let demand = problem.demands[d]
            guard let work = demand.work, work > Tolerance.of(work) else { continue }
            let rate = demand.maxPerPeriod ?? .infinity
            periods = max(periods, ((work - Tolerance.of(work)) / rate).rounded(.up), 1)  // the checker's tolerance
        }
        guard periods > 0 else { return .min }
        return max(start, now) + Int(min(periods, Double(problem.periodCount + 1))) - 1
    }

    private func blockedBySystem(_ info: ProjectInfo, from: Int, to: Int) -> Bool {
        guard from <= to else { return false }
        return info.systems.contains { k in
            let system = problem.systems[k]
            return system.limit == 0 || (from...to).contains { system.isFrozen($0) }
        }
    }

    // MARK: Hours

    /// Hours of a qualified person on a line in each period from the status period on in which some
    /// span can need them: a fixed line inside the profile of a start, a flexible one while active.
    private mutating func addHours() {
        for demand in problem.demands {
            for t in now..<problem.periodCount where canNeed(demand, period: t) {
                let need = lineBound(demand, period: t)
                for p in demand.eligiblePeople + demand.supplyEligible where mayWork(p, on: demand.index, in: t) {
                    let x = model.addVariable(upperBound: min(cellCapacity(p, t), need))
                    hours[CellKey(person: p, demand: demand.index, period: t)] = x
                    add(x, -problem.people[p].objectiveRate)
                }
            }
        }
    }

    /// The most hours line `demand` can take in period `t` from everyone together: a flexible
    /// line's rate (and its work), a fixed line's largest profile hours over its spans (rule 5).
    /// One person's hours on the line are at most that too: a bound that makes the rows tying
    /// hours to a pair or concurrency binary as tight as they can be (their LP no longer lets a
    /// person's 8 hours on a line open a fifth of a binary sized by a 40-hour week).
    private func lineBound(_ demand: DemandInfo, period t: Int) -> Double {
        if let work = demand.work { return min(demand.maxPerPeriod ?? work, work) }
        return spans[demand.project].reduce(0) { max($0, demand.hours(start: $1.span.start, period: t)) }
    }

    /// The upper bound of an hours column as the model holds it (its person's capacity, or less:
    /// `lineBound`): the big M of the rows that tie the column to a binary.
    func cellBound(_ cell: CellKey) -> Double {
        hours[cell].flatMap { model.bounds(of: $0)?.upper } ?? cellCapacity(cell.person, cell.period)
    }

    private func canNeed(_ demand: DemandInfo, period t: Int) -> Bool {
        if demand.isFlexible { return active[demand.project][t] != nil && (demand.work ?? 0) > 0 }
        return spans[demand.project].contains { demand.hours(start: $0.span.start, period: t) > 0 }
    }

    private func cells(of demand: Int, period t: Int) -> [(Variable, Double)] {
        (problem.demands[demand].eligiblePeople + problem.demands[demand].supplyEligible).compactMap { p in
            hours[CellKey(person: p, demand: demand, period: t)].map { ($0, 1) }
        }
    }

    // MARK: Lines (rule 5)

    private mutating func addLines() {
        let penalty = problem.policy.unmetPenaltyPerHour
        for demand in problem.demands {
            let info = problem.projects[demand.project]
            if let work = demand.work {
                // Total: Σ x + unmet = work · selected; at most maxPerPeriod while active.
                var total: [(Variable, Double)] = []
                for t in now..<problem.periodCount {
                    let here = cells(of: demand.index, period: t)
                    total += here
                    guard !here.isEmpty else { continue }
                    let rate = demand.maxPerPeriod ?? work
                    row(here + (active[info.index][t] ?? []).map { ($0, -rate) }, lower: nil, upper: 0)
                }
                if info.mandatory {
                    let unmet = model.addVariable()
                    add(unmet, -penalty)
                    total.append((unmet, 1))
                    unmetOfLine[demand.index] = unmet
                }
                row(total + selection(info.index).map { ($0.0, -work) }, lower: 0, upper: 0)
                continue
            }
            // A fixed line: Σ x (+ unmet) = the profile of the chosen start in each period.
            for t in now..<problem.periodCount {
                var need: [(Variable, Double)] = []
                for (span, y) in spans[info.index] {
                    let h = demand.hours(start: span.start, period: t)
                    if h > 0 { need.append((y, -h)) }
                }
                guard !need.isEmpty else { continue }
                var terms = cells(of: demand.index, period: t) + need
                if info.mandatory {
                    let unmet = model.addVariable()
                    add(unmet, -penalty)
                    terms.append((unmet, 1))
                    unmetOfCell[CellKey(person: -1, demand: demand.index, period: t)] = unmet
                }
                row(terms, lower: 0, upper: 0)
            }
        }
    }

    // MARK: People (rules 6, 7) and pairs

    private mutating func addCapacityAndConcurrency() {
        var byPersonPeriod: [Int: [(variable: Variable, project: Int, key: CellKey)]] = [:]
        for (cell, x) in hours.sorted(by: { $0.value.index < $1.value.index }) {
            byPersonPeriod[cell.person * problem.periodCount + cell.period, default: []]
                .append((x, problem.demands[cell.demand].project, cell))
        }
        for key in supplyLoadKeys() where byPersonPeriod[key] == nil { byPersonPeriod[key] = [] }
        for (key, list) in byPersonPeriod.sorted(by: { $0.key < $1.key }) {
            let person = problem.people[key / problem.periodCount]
            let t = key % problem.periodCount
            let supply = supplyLoad(person: person.index, period: t)
            if list.count > 1 || !supply.terms.isEmpty {
                row(list.map { ($0.variable, 1) } + supply.terms, lower: nil, upper: supply.capacity)
            }
            let projects = Set(list.map(\.project)).sorted()
            guard let limit = person.maxConcurrentProjects, projects.count > limit else { continue }
            var chosen: [(Variable, Double)] = []
            for j in projects {
                let on = model.addBinary()
                chosen.append((on, 1))
                working[CellKey(person: key / problem.periodCount, demand: -(j + 1), period: t)] = on
                for cell in list where cell.project == j { row([(cell.variable, 1), (on, -cellBound(cell.key))], lower: nil, upper: 0) }
            }
            row(chosen, lower: nil, upper: Double(limit))
        }
    }

    private mutating func addAssignmentPairs() {
        let penalty = problem.policy.assignmentPenalty
        guard penalty > 0 else { return }
        var pairs: [Int: Variable] = [:]
        for (cell, x) in hours.sorted(by: { $0.value.index < $1.value.index }) {
            let key = cell.person * problem.projects.count + problem.demands[cell.demand].project
            let pair = pairs[key] ?? {
                let v = model.addBinary()
                add(v, -penalty)
                return v
            }()
            pairs[key] = pair
            pairOf[key] = pair
            row([(x, 1), (pair, -cellBound(cell))], lower: nil, upper: 0)
        }
    }

    // MARK: Budgets (rule 8: actuals count)

    private mutating func addBudgets() {
        var byProject = Array(repeating: [(Variable, Double)](), count: problem.projects.count)
        var all: [(Variable, Double)] = []
        for (cell, x) in hours.sorted(by: { $0.value.index < $1.value.index }) {
            let rate = problem.people[cell.person].costPerHour
            guard rate != 0 else { continue }
            byProject[problem.demands[cell.demand].project].append((x, rate))
            // The portfolio counts a hire's salary whole (supplyCosts), not its hours.
            if problem.people[cell.person].hire == nil { all.append((x, rate)) }
        }
        for info in problem.projects {
            if let budget = info.budget { row(byProject[info.index], lower: nil, upper: budget - info.actualSpend) }
        }
        if let budget = problem.policy.budget { row(all + supplyCosts(), lower: nil, upper: budget - problem.actualSpend) }
    }

    // MARK: Dependencies (rule 3) and pins (rule 9)

    private mutating func addDependenciesAndPins() {
        for info in problem.projects where info.started == nil {
            for i in info.dependencies {
                for start in Set(spans[info.index].map(\.span.start)).sorted() {
                    let mine = spans[info.index].filter { $0.span.start == start }.map { ($0.variable, 1.0) }
                    let before = spans[i].filter { $0.span.finish < start }.map { ($0.variable, -1.0) }
                    row(mine + before, lower: nil, upper: 0)
                }
            }
        }
        for pin in problem.pins {
            var terms: [(Variable, Double)] = []
            for d in pin.countingDemands {
                for t in now..<problem.periodCount where pin.period == nil || pin.period == t {
                    if let x = hours[CellKey(person: pin.person, demand: d, period: t)] { terms.append((x, 1)) }
                }
            }
            row(terms, lower: pin.hours, upper: nil)
        }
    }

    // MARK: Systems (rule 10) and alternatives (rule 12)

    private mutating func addSystemsAndAlternatives() {
        for system in problem.systems {
            guard let limit = system.limit, system.projects.count > limit else { continue }
            for t in now..<problem.periodCount {
                let terms = system.projects.flatMap { (active[$0][t] ?? []).map { ($0, 1.0) } }
                if terms.count > limit { row(terms, lower: nil, upper: Double(limit)) }
            }
        }
        for info in problem.projects {
            for i in info.excludes where i > info.index {
                row(selection(info.index) + selection(i), lower: nil, upper: 1)
            }
        }
    }

    // MARK: Balance (rule 11)

    private mutating func addBalance() {
        for group in problem.balanceGroups {
            let rule = group.rule
            var measure = Array(repeating: [(Variable, Double)](), count: problem.projects.count)
            for info in problem.projects {
                switch rule.measure {
                case .projects: measure[info.index] = selection(info.index)
                case .value: measure[info.index] = selection(info.index).map { ($0.0, info.value) }
                case .cost: measure[info.index] = []
                }
            }
            if rule.measure == .cost {
                for (cell, x) in hours.sorted(by: { $0.value.index < $1.value.index }) {
                    measure[problem.demands[cell.demand].project].append((x, problem.people[cell.person].costPerHour))
                }
            }
            for (share, side) in [(rule.minShare, 1.0), (rule.maxShare, -1.0)] {
                if side > 0 ? share <= 0 : share >= 1 { continue }
                var terms: [(Variable, Double)] = []
                for info in problem.projects {
                    let g = group.members[info.index] ? 1.0 : 0.0
                    let factor = side > 0 ? g - share : share - g
                    if factor != 0 { terms += measure[info.index].map { ($0.0, $0.1 * factor) } }
                }
                row(terms, lower: 0, upper: nil)
            }
        }
    }

    // MARK: Synergies (section 4)

    /// `w ≤ selected` for each project of a bonus; `w ≥ Σ selected − (n − 1)` for a loss; worth
    /// `(Π probabilities) · value`.
    private mutating func addSynergies() {
        for synergy in problem.synergies where synergy.value != 0 && synergy.projects.count >= 2 {
            let worth = synergy.projects.reduce(1.0) { $0 * problem.projects[$1].probability } * synergy.value
            let w = model.addVariable(upperBound: 1)
            add(w, worth)
            synergyOf.append((synergy.projects, w))
            if synergy.value > 0 {
                for j in synergy.projects { row([(w, 1)] + selection(j).map { ($0.0, -1) }, lower: nil, upper: 0) }
            } else {
                let all = synergy.projects.flatMap { selection($0).map { ($0.0, -1.0) } }
                row([(w, 1)] + all, lower: Double(1 - synergy.projects.count), upper: nil)
            }
        }
    }

    // MARK: Baseline (change and start-change terms, from the status period on)

    private mutating func addBaselineTerms() {
        let perHour = problem.policy.changePenaltyPerHour
        if perHour > 0 {
            for (cell, x) in hours.sorted(by: { $0.value.index < $1.value.index }) {
                let b = problem.baseline.hours[cell] ?? 0
                let change = model.addVariable()
                add(change, -perHour)
                changeOf[cell] = change
                row([(change, 1), (x, -1)], lower: -b, upper: nil)
                row([(change, 1), (x, 1)], lower: b, upper: nil)
            }
            for (cell, b) in problem.baseline.hours where cell.period >= now && hours[cell] == nil {
                constant -= perHour * b
            }
        }
        let perStart = problem.policy.startChangePenalty
        guard perStart > 0 else { return }
        for (j, start) in problem.baseline.starts {
            constant -= perStart
            for (span, y) in spans[j] where span.start == start { add(y, perStart) }
        }
    }

    // MARK: The plan

    /// `allocation` as a solution of the model (a warm start), or `nil` when it uses a span or an
    /// hours column the model left out.
    func values(for allocation: Allocation) -> [Double]? {
        let allocation = allocation.withHiresInStartOrder(problem)
        var x = [Double](repeating: 0, count: model.variableCount)
        for (j, list) in spans.enumerated() {
            guard let s = allocation.starts[j] else { continue }
            guard let f = allocation.finish(of: j, in: problem),
                  let chosen = list.first(where: { $0.span == Span(start: s, finish: f) }) else { return nil }
            x[chosen.variable.index] = 1
        }
        var lineTotal: [Int: Double] = [:]
        var cellTotal: [CellKey: Double] = [:]
        var worked: Set<CellKey> = []
        var paired: Set<Int> = []
        for (cell, h) in allocation.hours where h > 0 {
            guard let v = hours[cell] else { return nil }
            x[v.index] = h
            let j = problem.demands[cell.demand].project
            lineTotal[cell.demand, default: 0] += h
            cellTotal[CellKey(person: -1, demand: cell.demand, period: cell.period), default: 0] += h
            worked.insert(CellKey(person: cell.person, demand: -(j + 1), period: cell.period))
            paired.insert(cell.person * problem.projects.count + j)
        }
        for (d, v) in unmetOfLine where allocation.isSelected(problem.demands[d].project) {
            x[v.index] = max(0, (problem.demands[d].work ?? 0) - (lineTotal[d] ?? 0))
        }
        for (key, v) in unmetOfCell {
            guard let s = allocation.starts[problem.demands[key.demand].project] else { continue }
            x[v.index] = max(0, problem.demands[key.demand].hours(start: s, period: key.period) - (cellTotal[key] ?? 0))
        }
        for (key, v) in working where worked.contains(key) { x[v.index] = 1 }
        for (key, v) in pairOf where paired.contains(key) { x[v.index] = 1 }
        for (projects, w) in synergyOf where projects.allSatisfy(allocation.isSelected) { x[w.index] = 1 }
        for (cell, v) in changeOf { x[v.index] = abs((allocation.hours[cell] ?? 0) - (problem.baseline.hours[cell] ?? 0)) }
        guard writeSupply(of: allocation, into: &x) else { return nil }
        return x
    }

    /// The project each column belongs to (its spans, hours, unmet hours, concurrency and pair
    /// binaries, change columns); −1 for a synergy's column, which belongs to all its projects.
    var columnOwners: [Int] {
        var owner = [Int](repeating: -1, count: model.variableCount)
        for (j, list) in spans.enumerated() { for (_, y) in list { owner[y.index] = j } }
        for (cell, x) in hours { owner[x.index] = problem.demands[cell.demand].project }
        for (d, v) in unmetOfLine { owner[v.index] = problem.demands[d].project }
        for (key, v) in unmetOfCell { owner[v.index] = problem.demands[key.demand].project }
        for (key, v) in working { owner[v.index] = -key.demand - 1 }
        for (key, v) in pairOf { owner[v.index] = key % problem.projects.count }
        for (cell, v) in changeOf { owner[v.index] = problem.demands[cell.demand].project }
        return owner
    }

    /// The allocation of a solution: the chosen span of each project and the hours.
    func allocation(from values: [Double]) -> Allocation {
        var allocation = Allocation(projectCount: problem.projects.count)
        for (j, list) in spans.enumerated() {
            guard let chosen = list.first(where: { values[$0.variable.index] > 0.5 }) else { continue }
            allocation.starts[j] = chosen.span.start
            allocation.finishes[j] = chosen.span.finish
        }
        for (cell, x) in hours {
            let h = values[x.index]
            if h > 1e-9, allocation.isSelected(problem.demands[cell.demand].project) { allocation.hours[cell] = h }
        }
        readSupply(from: values, into: &allocation)
        return allocation
    }
}
#endif

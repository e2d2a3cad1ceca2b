// The builder of the exact model: one method per row family (Docs/formulation.md gives each).
#if GLPK
import CapacityPlanning
import Optimization

/// Builds the model row family by row family; see Docs/formulation.md for each. The rows of
/// spec v2 (systems, alternatives, balance) are in `ExactFormulation+Portfolio.swift`.
struct ExactModelBuilder {
    let problem: PlanningProblem
    let scope: ModelScope
    let names: Bool
    let elastic: Bool
    let shape: ModelShape
    var model = Model(name: "capacity-plan")
    var constant = 0.0
    var starts: [[Int: Variable]]
    var hours: [CellKey: Variable] = [:]
    var works: [ExactFormulation.WorkKey: Variable] = [:]
    var pairs: [Int: Variable] = [:]
    var overlaps: [CellKey: Variable] = [:]
    var slacks: [(variable: Variable, label: String, scale: Double)] = []
    var coverageRows: [ExactFormulation.DemandPeriod: ConstraintRef] = [:]
    /// Objective coefficients, applied at the end (elastic models replace them).
    var objective: [Variable: Double] = [:]
    /// Hours variables per (person, period).
    var cellsOfPersonPeriod: [[Variable]] = []
    /// Upper bound of each hours variable.
    var upper: [Variable: Double] = [:]
    /// The pooled relaxation's hours variables, one per demand and period.
    var pooled: [ExactFormulation.DemandPeriod: Variable] = [:]
    /// The class relaxation's hours variables: person, demand class, the class's project (where it
    /// has one) and period of each.
    var classHours: [(variable: Variable, person: Int, demandClass: Int, project: Int?, period: Int)] = []
    /// The class of each demand in the class relaxation, by demand index.
    var classOfDemand: [Int: Int] = [:]

    init(problem: PlanningProblem, scope: ModelScope, names: Bool, elastic: Bool, shape: ModelShape) {
        self.problem = problem
        self.scope = scope
        self.names = names
        self.elastic = elastic
        self.shape = shape
        self.starts = Array(repeating: [:], count: problem.projects.count)
    }

    mutating func build() {
        model.setObjective(LinearExpression(), sense: elastic ? .minimize : .maximize)
        addStarts()
        if shape.poolsPeople {
            addPooledHours()
            addCoverage()
            addPooledSupply()
            addPooledBudgets()
        } else if shape.poolsDemands {
            addClassHoursAndCoverage()
            addCapacityAndConcurrency()
            addClassBudgets()
        } else {
            addHours()
            addCoverage()
            addCapacityAndConcurrency()
            addAssignmentPairs()
            addBudgets()
        }
        addDependencies()
        if shape.poolsDemands {
            addClassPins()
        } else if !shape.poolsPeople {
            addPins()
        }
        addBaselineTerms()
        addSystems()
        addAlternatives()
        addBalance()
        if shape.aggregatedRows && !shape.poolsPeople {
            addAggregatedCapacity()
            addBudgetCover()
        }
        if !elastic {
            for (v, c) in objective.sorted(by: { $0.key.index < $1.key.index }) where c != 0 {
                model.setObjectiveCoefficient(v, c)
            }
            // GLPK sees the true objective, so its relative gap is measured against it.
            model.objectiveConstant = constant
        }
    }

    func name(_ text: @autoclosure () -> String) -> String {
        guard names else { return "" }
        let cleaned = text().map { $0.isLetter || $0.isNumber || "_.[],-".contains($0) ? $0 : "_" }
        return String(String(cleaned).prefix(200))
    }

    mutating func addObjective(_ v: Variable, _ c: Double) {
        objective[v, default: 0] += c
    }

    mutating func addSlack(_ label: String, scale: Double) -> Variable {
        let s = model.addVariable(name("slack[\(slacks.count)]"), lowerBound: 0)
        model.setObjectiveCoefficient(s, 1 / max(scale, 1e-9))
        slacks.append((s, label, scale))
        return s
    }

    // Selection: z(j,s) ∈ {0,1}; Σ_s z(j,s) ≤ 1, = 1 for required projects (spec rules 1, 2).
    private mutating func addStarts() {
        for info in problem.projects where scope.free[info.index] {
            guard let range = scope.startRanges[info.index] else { continue }
            var vars: [Variable] = []
            for s in range where !info.closedStarts.contains(s) {
                let z = model.addBinary(name("z[\(info.id),\(s)]"))
                starts[info.index][s] = z
                vars.append(z)
                addObjective(z, info.worth(start: s))
            }
            if scope.required[info.index] {
                if elastic {
                    let slack = addSlack("required project '\(info.id)' cannot be scheduled", scale: 1e-3)
                    model.addConstraint(variables: vars + [slack], coefficients: Array(repeating: 1, count: vars.count + 1),
                                        lower: 1, upper: 1, name: name("select[\(info.id)]"))
                } else {
                    model.addConstraint(variables: vars, coefficients: Array(repeating: 1, count: vars.count),
                                        lower: 1, upper: 1, name: name("select[\(info.id)]"))
                }
            } else if vars.count > 1 {
                model.addConstraint(variables: vars, coefficients: Array(repeating: 1, count: vars.count),
                                    lower: nil, upper: 1, name: name("select[\(info.id)]"))
            } else if let only = vars.first {
                model.setBounds(only, lower: 0, upper: 1)
            }
        }
    }

    /// The most hours demand `d` can need in period `t` over the project's possible starts.
    func peakDemand(_ d: Int, period t: Int) -> Double {
        let demand = problem.demands[d]
        guard let range = scope.startRanges[demand.project] else { return 0 }
        var peak = 0.0
        for s in range { peak = max(peak, demand.hours(start: s, period: t)) }
        return peak
    }

    /// Adds demand `demand`'s hours in period `t` at each of its project's starts, h_d(s,t)·z(j,s),
    /// to `terms`; returns the most of them (what the demand can need in `t`).
    func addStartHours(of demand: DemandInfo, period t: Int, to terms: inout [Variable: Double]) -> Double {
        var peak = 0.0
        for (s, z) in starts[demand.project] {
            let h = demand.hours(start: s, period: t)
            guard h > 0 else { continue }
            terms[z, default: 0] += h
            peak = max(peak, h)
        }
        return peak
    }

    // Hours x(p,d,t) ≥ 0 for eligible p where the demand can be positive and p has capacity (rule 4).
    private mutating func addHours() {
        let periods = problem.periodCount
        cellsOfPersonPeriod = Array(repeating: [], count: problem.people.count * periods)
        let policy = problem.policy
        for demand in problem.demands {
            let info = problem.projects[demand.project]
            guard scope.free[info.index], let range = scope.startRanges[info.index], !demand.eligiblePeople.isEmpty
            else { continue }
            for t in range.lowerBound..<(range.upperBound + info.duration) {
                let peak = peakDemand(demand.index, period: t)
                guard peak > 0 else { continue }
                for p in demand.eligiblePeople {
                    let cap = scope.capacity[p * periods + t]
                    guard cap > 1e-9, scope.slots[p * periods + t] != 0 else { continue }
                    let ub = min(cap, peak)
                    let x = model.addVariable(name("x[\(problem.people[p].id),\(info.id).\(demand.id),\(t)]"),
                                              lowerBound: 0, upperBound: ub)
                    let cell = CellKey(person: p, demand: demand.index, period: t)
                    hours[cell] = x
                    upper[x] = ub
                    cellsOfPersonPeriod[p * periods + t].append(x)
                    var c = -problem.people[p].costPerHour - policy.changePenaltyPerHour
                    if info.mandatory { c += policy.unmetPenaltyPerHour }
                    addObjective(x, c)
                }
            }
        }
        addUnmetPenaltyConstant()
    }

    /// Unmet hours of mandatory projects cost H_j at zero staffing (rule 5, objective); each hour
    /// staffed earns the penalty back through its variable's coefficient.
    mutating func addUnmetPenaltyConstant() {
        for info in problem.projects where info.mandatory && scope.free[info.index] && scope.startRanges[info.index] != nil {
            constant -= problem.policy.unmetPenaltyPerHour * info.totalHours
        }
    }

    func ub(_ v: Variable) -> Double { upper[v] ?? 0 }

    // Coverage: Σ_p x(p,d,t) − Σ_s h_d[t−s]·z(j,s) = 0 (≤ 0 for mandatory) (rule 5).
    private mutating func addCoverage() {
        var byDemandPeriod: [Int: [Variable]] = [:]
        let periods = problem.periodCount
        for (cell, v) in hours { byDemandPeriod[cell.demand * periods + cell.period, default: []].append(v) }
        for (key, v) in pooled { byDemandPeriod[key.demand * periods + key.period, default: []].append(v) }
        for demand in problem.demands {
            let info = problem.projects[demand.project]
            guard scope.free[info.index], let range = scope.startRanges[info.index] else { continue }
            for t in range.lowerBound..<(range.upperBound + info.duration) {
                var vars = (byDemandPeriod[demand.index * periods + t] ?? []).sorted { $0.index < $1.index }
                var coefs = Array(repeating: 1.0, count: vars.count)
                for s in range {
                    let h = demand.hours(start: s, period: t)
                    if h > 0, let z = starts[info.index][s] {
                        vars.append(z)
                        coefs.append(-h)
                    }
                }
                guard coefs.contains(where: { $0 < 0 }) else { continue }
                let row = model.addConstraint(variables: vars, coefficients: coefs, lower: info.mandatory ? nil : 0, upper: 0,
                                              name: name("cover[\(info.id).\(demand.id),\(t)]"))
                coverageRows[ExactFormulation.DemandPeriod(demand: demand.index, period: t)] = row
            }
        }
    }

    // Capacity: Σ x(p,·,t) ≤ cap(p,t) (rule 6). Concurrency: Σ_d x(p,d,t) ≤ U·w(p,j,t), Σ_j w ≤ m (rule 7).
    private mutating func addCapacityAndConcurrency() {
        let periods = problem.periodCount
        var cellOf: [Variable: CellKey] = [:]
        for (cell, v) in hours { cellOf[v] = cell }
        for person in problem.people {
            for t in 0..<periods {
                let cells = cellsOfPersonPeriod[person.index * periods + t]
                guard !cells.isEmpty else { continue }
                let cap = scope.capacity[person.index * periods + t]
                let sumUpper = cells.reduce(0) { $0 + ub($1) }
                if sumUpper > cap + 1e-9 {
                    model.addConstraint(variables: cells,
                                        coefficients: Array(repeating: 1, count: cells.count),
                                        lower: nil, upper: cap, name: name("cap[\(person.id),\(t)]"))
                }
                guard !shape.dropsFocusLimits, let limit = scope.slots[person.index * periods + t] else { continue }
                var byProject: [Int: [Variable]] = [:]
                for x in cells {
                    guard let cell = cellOf[x] else { continue }
                    byProject[problem.demands[cell.demand].project, default: []].append(x)
                }
                guard byProject.count > limit else { continue }
                var ws: [Variable] = []
                for j in byProject.keys.sorted() {
                    let xs = byProject[j] ?? []
                    let bigM = min(cap, xs.reduce(0) { $0 + ub($1) })
                    let w = model.addBinary(name("w[\(person.id),\(problem.projects[j].id),\(t)]"))
                    works[ExactFormulation.WorkKey(person: person.index, project: j, period: t)] = w
                    ws.append(w)
                    model.addConstraint(variables: xs + [w],
                                        coefficients: Array(repeating: 1, count: xs.count) + [-bigM],
                                        lower: nil, upper: 0, name: name("link[\(person.id),\(problem.projects[j].id),\(t)]"))
                }
                model.addConstraint(variables: ws, coefficients: Array(repeating: 1, count: ws.count),
                                    lower: nil, upper: Double(limit), name: name("conc[\(person.id),\(t)]"))
            }
        }
    }

    // Assignment pairs: v(p,j) ≥ w(p,j,t), or Σ_d x(p,d,t) ≤ U·v(p,j); v(p,j) ≤ Σ_s z(j,s) (objective term).
    private mutating func addAssignmentPairs() {
        let penalty = problem.policy.assignmentPenalty
        guard penalty > 0, !shape.dropsFocusLimits else { return }
        let projectCount = max(1, problem.projects.count)
        var groups: [ExactFormulation.WorkKey: [Variable]] = [:]
        for (cell, v) in hours {
            let j = problem.demands[cell.demand].project
            groups[ExactFormulation.WorkKey(person: cell.person, project: j, period: cell.period), default: []].append(v)
        }
        let keys = groups.keys.sorted { ($0.person, $0.project, $0.period) < ($1.person, $1.project, $1.period) }
        for key in keys {
            let pairKey = key.person * projectCount + key.project
            let v: Variable
            if let existing = pairs[pairKey] {
                v = existing
            } else {
                v = model.addBinary(name("v[\(problem.people[key.person].id),\(problem.projects[key.project].id)]"))
                pairs[pairKey] = v
                addObjective(v, -penalty)
                let zs = starts[key.project].keys.sorted().compactMap { starts[key.project][$0] }
                model.addConstraint(variables: [v] + zs, coefficients: [1] + Array(repeating: -1, count: zs.count),
                                    lower: nil, upper: 0, name: name("pairsel[\(pairKey)]"))
            }
            if let w = works[key] {
                model.addConstraint(variables: [w, v], coefficients: [1, -1], lower: nil, upper: 0,
                                    name: name("pairw[\(pairKey),\(key.period)]"))
            } else {
                let xs = (groups[key] ?? []).sorted { $0.index < $1.index }
                let bigM = min(problem.people[key.person].capacity[key.period],
                               xs.reduce(0) { $0 + ub($1) })
                model.addConstraint(variables: xs + [v], coefficients: Array(repeating: 1, count: xs.count) + [-bigM],
                                    lower: nil, upper: 0, name: name("pairx[\(pairKey),\(key.period)]"))
            }
        }
    }

    // Budgets: Σ c_p·x ≤ budget_j per project, and over all projects ≤ policy.budget (rule 8).
    private mutating func addBudgets() {
        var byProject: [Int: [(Variable, Double)]] = [:]
        var all: [(Variable, Double)] = []
        for (cell, v) in hours.sorted(by: { $0.value.index < $1.value.index }) {
            let cost = problem.people[cell.person].costPerHour
            guard cost > 0 else { continue }
            byProject[problem.demands[cell.demand].project, default: []].append((v, cost))
            all.append((v, cost))
        }
        for info in problem.projects where scope.free[info.index] {
            guard let budget = info.budget, let terms = byProject[info.index] else { continue }
            let most = terms.reduce(0) { $0 + $1.1 * ub($1.0) }
            guard most > budget else { continue }
            var vars = terms.map(\.0)
            var coefs = terms.map(\.1)
            if elastic {
                vars.append(addSlack("budget of project '\(info.id)' (\(budget))", scale: max(1, budget)))
                coefs.append(-1)
            }
            model.addConstraint(variables: vars, coefficients: coefs, lower: nil, upper: budget,
                                name: name("budget[\(info.id)]"))
        }
        if let budget = scope.globalBudget, !all.isEmpty, all.reduce(0, { $0 + $1.1 * ub($1.0) }) > budget {
            var vars = all.map(\.0)
            var coefs = all.map(\.1)
            if elastic {
                vars.append(addSlack("portfolio budget (\(budget))", scale: max(1, budget)))
                coefs.append(-1)
            }
            model.addConstraint(variables: vars, coefficients: coefs, lower: nil, upper: budget, name: name("budget"))
        }
    }

    // Dependencies, time-indexed: for each τ, Σ_{s≤τ} z(j,s) ≤ Σ_{s≤τ−D_i} z(i,s) (rule 3).
    private mutating func addDependencies() {
        for info in problem.projects where scope.free[info.index] {
            guard let range = scope.startRanges[info.index] else { continue }
            for i in info.dependencies where scope.free[i] {
                let dep = problem.projects[i]
                let depRange = scope.startRanges[i]
                for tau in range {
                    let mine = range.filter { $0 <= tau }.compactMap { starts[info.index][$0] }
                    let theirs = (depRange.map { Array($0) } ?? []).filter { $0 <= tau - dep.duration }
                        .compactMap { starts[i][$0] }
                    // Skip rows that can never bind: every start of i up to τ−D_i… covers all of i's starts
                    // and j is not required to imply anything more than y_j ≤ y_i at the last τ.
                    if tau != range.upperBound, theirs.count == (depRange?.count ?? 0), !theirs.isEmpty {
                        continue
                    }
                    model.addConstraint(variables: mine + theirs,
                                        coefficients: Array(repeating: 1, count: mine.count) + Array(repeating: -1, count: theirs.count),
                                        lower: nil, upper: 0, name: name("dep[\(info.id),\(dep.id),\(tau)]"))
                }
            }
        }
    }

    // Pins: Σ x over the pin's person, demands and periods ≥ hours (rule 9); the project is required.
    private mutating func addPins() {
        for pin in problem.pins where scope.free[pin.project] {
            var vars: [Variable] = []
            for d in pin.countingDemands {
                for t in 0..<problem.periodCount {
                    if let period = pin.period, period != t { continue }
                    if let x = hours[CellKey(person: pin.person, demand: d, period: t)] { vars.append(x) }
                }
            }
            var coefs = Array(repeating: 1.0, count: vars.count)
            if elastic {
                vars.append(addSlack("pin \(pin.index) (\(problem.people[pin.person].id) on \(problem.projects[pin.project].id), \(pin.hours) h)",
                                     scale: max(1, pin.hours)))
                coefs.append(1)
            }
            model.addConstraint(variables: vars, coefficients: coefs, lower: pin.hours, upper: nil,
                                name: name("pin[\(pin.index)]"))
        }
    }

    // Change: |x − b| = x + b − 2·min(x, b), with m ≤ x, m ≤ b (objective); start change: penalty·(1 − z(j, s0)).
    private mutating func addBaselineTerms() {
        let policy = problem.policy
        if policy.changePenaltyPerHour > 0 && !shape.poolsPeople && !shape.poolsDemands {
            let cells = problem.baseline.hours.keys
                .filter { scope.free[problem.demands[$0.demand].project] }
                .sorted { ($0.person, $0.demand, $0.period) < ($1.person, $1.demand, $1.period) }
            for cell in cells {
                constant -= policy.changePenaltyPerHour * (problem.baseline.hours[cell] ?? 0)
                guard let x = hours[cell], let b = problem.baseline.hours[cell] else { continue }
                let m = model.addVariable(name("m[\(x.index)]"), lowerBound: 0, upperBound: min(b, ub(x)))
                overlaps[cell] = m
                model.addConstraint(variables: [m, x], coefficients: [1, -1], lower: nil, upper: 0, name: name("overlap[\(x.index)]"))
                addObjective(m, 2 * policy.changePenaltyPerHour)
            }
        }
        if policy.startChangePenalty > 0 {
            for (j, s0) in problem.baseline.starts.sorted(by: { $0.key < $1.key }) where scope.free[j] {
                constant -= policy.startChangePenalty
                if let z = starts[j][s0] { addObjective(z, policy.startChangePenalty) }
            }
        }
    }
}
#endif

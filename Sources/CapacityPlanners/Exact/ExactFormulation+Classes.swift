// The class relaxation (Docs/formulation.md, "The class relaxation"): the selection relaxation
// with the demands that the same people can do merged into one class. People keep their own
// capacity and rate; an hours variable x(p,c,t) is what person p works on class c in period t.
// With continuous hours this is exact for coverage, capacity and cost (any hour of a class can go
// to any of its demands). A project whose budget can bind keeps classes of its own, so its cost is
// known exactly; the change penalty is charged on a class's total against the class's baseline total,
// which is never more than the exact penalty; balance rules measured in cost are left out (giving
// every project its own classes tripled the model of mid-size-pmo and slowed its bound more than
// the rows tightened it). On mid-size-pmo it has a tenth of the selection relaxation's columns
// and the same optimum, which GLPK's branch and bound approaches many times faster.
#if GLPK
import CapacityPlanning
import Optimization

extension ExactModelBuilder {
    /// A class: the demands that the same people qualify for, mandatory or not (a mandatory
    /// project's hours may go unmet, the others' may not), of one project where its budget can bind.
    struct DemandClass: Hashable {
        let people: [Int]
        let mandatory: Bool
        let project: Int?
    }

    /// The class of `demand`: its qualified people, whether its project is mandatory, and the
    /// project itself where the project's budget can bind. Also sizes the model before it is built
    /// (`RelaxationBound.classColumns`).
    static func demandClass(of demand: DemandInfo, in problem: PlanningProblem) -> DemandClass {
        let info = problem.projects[demand.project]
        return DemandClass(people: demand.eligiblePeople, mandatory: info.mandatory,
                           project: budgetCanBind(info, in: problem) ? info.index : nil)
    }

    /// The classes of the free projects' demands that someone can staff, in a stable order.
    func demandClasses() -> [(key: DemandClass, demands: [Int])] {
        var order: [DemandClass] = []
        var members: [DemandClass: [Int]] = [:]
        for demand in problem.demands {
            let info = problem.projects[demand.project]
            guard scope.free[info.index], scope.startRanges[info.index] != nil, !starts[info.index].isEmpty,
                  !demand.eligiblePeople.isEmpty else { continue }
            let key = Self.demandClass(of: demand, in: problem)
            if members[key] == nil { order.append(key) }
            members[key, default: []].append(demand.index)
        }
        return order.map { ($0, members[$0] ?? []) }
    }

    /// Whether project `info`'s budget can bind: its hours at the dearest qualified rates would
    /// exceed it. Only then does it need classes of its own (the others' cost never matters).
    private static func budgetCanBind(_ info: ProjectInfo, in problem: PlanningProblem) -> Bool {
        guard let budget = info.budget else { return false }
        let dearest = info.demands.reduce(0.0) { total, d in
            let demand = problem.demands[d]
            let rate = demand.eligiblePeople.map { problem.people[$0].costPerHour }.max() ?? 0
            return total + demand.totalHours * rate
        }
        return dearest > budget + 1e-9
    }

    /// For each class c and period t: hours x(p,c,t) ∈ [0, min(cap, peak demand of the class)] for
    /// each qualified person with capacity, and coverage Σ_p x(p,c,t) = Σ_{d∈c} Σ_s h_d(s,t)·z(j_d,s)
    /// (≤ for a mandatory class, whose hours earn the unmet penalty back).
    mutating func addClassHoursAndCoverage() {
        let periods = problem.periodCount
        cellsOfPersonPeriod = Array(repeating: [], count: problem.people.count * periods)
        let penalty = problem.policy.unmetPenaltyPerHour
        for (c, entry) in demandClasses().enumerated() {
            for d in entry.demands { classOfDemand[d] = c }
            for t in 0..<periods {
                var demandTerms: [Variable: Double] = [:]
                var peak = 0.0
                for d in entry.demands {
                    peak += addStartHours(of: problem.demands[d], period: t, to: &demandTerms)
                }
                guard peak > 0 else { continue }
                var vars: [Variable] = []
                for p in entry.key.people {
                    let cap = scope.capacity[p * periods + t]
                    guard cap > 1e-9, scope.slots[p * periods + t] != 0 else { continue }
                    let ub = min(cap, peak)
                    let x = model.addVariable(name("x[\(problem.people[p].id),class\(c),\(t)]"), lowerBound: 0, upperBound: ub)
                    upper[x] = ub
                    cellsOfPersonPeriod[p * periods + t].append(x)
                    classHours.append((x, p, c, entry.key.project, t))
                    addObjective(x, -problem.people[p].costPerHour + (entry.key.mandatory ? penalty : 0))
                    addClassChangePenalty(x, person: p, demands: entry.demands, period: t)
                    vars.append(x)
                }
                let zs = demandTerms.sorted { $0.key.index < $1.key.index }
                model.addConstraint(variables: vars + zs.map(\.key),
                                    coefficients: Array(repeating: 1, count: vars.count) + zs.map { -$0.value },
                                    lower: entry.key.mandatory ? nil : 0, upper: 0, name: name("cover[class\(c),\(t)]"))
            }
        }
        addUnmetPenaltyConstant()
    }

    /// The change penalty on class hours X against the class's baseline hours B for the person and
    /// period: −penalty·|X − B| = −penalty·(X + B − 2·min(X, B)), never below the exact penalty
    /// Σ_d |x_d − b_d| ≥ |X − B| (a relaxation, exact where B = 0).
    private mutating func addClassChangePenalty(_ x: Variable, person p: Int, demands: [Int], period t: Int) {
        let perHour = problem.policy.changePenaltyPerHour
        guard perHour > 0 else { return }
        addObjective(x, -perHour)
        let planned = demands.reduce(0.0) { $0 + (problem.baseline.hours[CellKey(person: p, demand: $1, period: t)] ?? 0) }
        guard planned > 0 else { return }
        constant -= perHour * planned
        let m = model.addVariable(name("m[\(x.index)]"), lowerBound: 0, upperBound: min(planned, ub(x)))
        model.addConstraint(variables: [m, x], coefficients: [1, -1], lower: nil, upper: 0, name: name("overlap[\(x.index)]"))
        addObjective(m, 2 * perHour)
    }

    /// Budgets at each person's rate: a project's over its own classes, the portfolio's over all.
    mutating func addClassBudgets() {
        var byProject: [Int: [(Variable, Double)]] = [:]
        var all: [(Variable, Double)] = []
        for cell in classHours {
            let rate = problem.people[cell.person].costPerHour
            guard rate > 0 else { continue }
            if let j = cell.project { byProject[j, default: []].append((cell.variable, rate)) }
            all.append((cell.variable, rate))
        }
        for info in problem.projects where scope.free[info.index] {
            guard let budget = info.budget, let terms = byProject[info.index],
                  terms.reduce(0, { $0 + $1.1 * ub($1.0) }) > budget else { continue }
            model.addConstraint(variables: terms.map(\.0), coefficients: terms.map(\.1), lower: nil, upper: budget,
                                name: name("budget[\(info.id)]"))
        }
        guard let budget = scope.globalBudget, all.reduce(0, { $0 + $1.1 * ub($1.0) }) > budget else { return }
        model.addConstraint(variables: all.map(\.0), coefficients: all.map(\.1), lower: nil, upper: budget, name: name("budget"))
    }

    /// Pins: what the person works on the classes of the pin's demands in its periods is at least
    /// the pinned hours (those classes hold the pinned demand's hours and maybe more).
    mutating func addClassPins() {
        for pin in problem.pins where scope.free[pin.project] {
            let classes = Set(pin.countingDemands.compactMap { classOfDemand[$0] })
            let vars = classHours.filter { cell in
                cell.person == pin.person && classes.contains(cell.demandClass) && (pin.period.map { $0 == cell.period } ?? true)
            }.map(\.variable)
            model.addConstraint(variables: vars, coefficients: Array(repeating: 1, count: vars.count), lower: pin.hours, upper: nil,
                                name: name("pin[\(pin.index)]"))
        }
    }
}
#endif

// The pooled relaxation (Docs/formulation.md, "The pooled relaxation"): the people pooled per
// demand. One hours variable y(d,t) per demand and period, paid at the demand's cheapest
// qualified rate; for every group of demands, what they staff in a period is at most what the
// people qualified for any of them can supply together (Hall's condition, which every real
// staffing meets). Every plan maps to a point of it with an objective at least as high, so its
// optimum bounds the exact model's; it has a few thousand columns where the exact one has
// hundreds of thousands.
#if GLPK
import CapacityPlanning
import Optimization

extension ExactModelBuilder {
    /// y(d,t) ∈ [0, min(peak demand, what the qualified people can supply)].
    mutating func addPooledHours() {
        let policy = problem.policy
        for demand in problem.demands {
            let info = problem.projects[demand.project]
            guard scope.free[info.index], let range = scope.startRanges[info.index], !demand.eligiblePeople.isEmpty
            else { continue }
            for t in range.lowerBound..<(range.upperBound + info.duration) {
                let peak = peakDemand(demand.index, period: t)
                let supply = pooledSupply(of: demand.eligiblePeople, period: t)
                let ub = min(peak, supply)
                guard ub > 1e-9 else { continue }
                let y = model.addVariable(name("y[\(info.id).\(demand.id),\(t)]"), lowerBound: 0, upperBound: ub)
                pooled[ExactFormulation.DemandPeriod(demand: demand.index, period: t)] = y
                upper[y] = ub
                var c = -(demand.cheapestRate ?? 0)
                if info.mandatory { c += policy.unmetPenaltyPerHour }
                addObjective(y, c)
            }
        }
        addUnmetPenaltyConstant()
    }

    /// What `people` can work in period `t` together.
    func pooledSupply(of people: some Sequence<Int>, period t: Int) -> Double {
        let periods = problem.periodCount
        return people.reduce(0.0) { total, p in
            scope.slots[p * periods + t] == 0 ? total : total + scope.capacity[p * periods + t]
        }
    }

    /// For each group E of people — each demand's qualified people, each skill's, everyone — and
    /// each period: Σ y(d,t) over the demands whose qualified people all lie in E ≤ supply(E,t).
    mutating func addPooledSupply() {
        var candidates: [[Int]] = []
        var seen = Set<[Int]>()
        var bySkill: [Int: Set<Int>] = [:]
        var everyone = Set<Int>()
        for demand in problem.demands where !demand.eligiblePeople.isEmpty {
            let set = demand.eligiblePeople.sorted()
            if seen.insert(set).inserted { candidates.append(set) }
            bySkill[demand.skill, default: []].formUnion(set)
            everyone.formUnion(set)
        }
        for skill in bySkill.keys.sorted() {
            let set = (bySkill[skill] ?? []).sorted()
            if seen.insert(set).inserted { candidates.append(set) }
        }
        let all = everyone.sorted()
        if seen.insert(all).inserted { candidates.append(all) }

        let demandsWithHours = problem.demands.filter { !$0.eligiblePeople.isEmpty }
        for (g, group) in candidates.enumerated() {
            let members = Set(group)
            let inside = demandsWithHours.filter { Set($0.eligiblePeople).isSubset(of: members) }.map(\.index)
            guard inside.count > 1 else { continue }  // one demand alone: its variable's upper bound says it
            for t in 0..<problem.periodCount {
                let vars = inside.compactMap { pooled[ExactFormulation.DemandPeriod(demand: $0, period: t)] }
                guard vars.count > 1 else { continue }
                let supply = pooledSupply(of: group, period: t)
                guard vars.reduce(0, { $0 + ub($1) }) > supply + 1e-9 else { continue }
                model.addConstraint(variables: vars, coefficients: Array(repeating: 1, count: vars.count),
                                    lower: nil, upper: supply, name: name("pool[\(g),\(t)]"))
            }
        }
    }

    /// Budgets at the cheapest qualified rates: per project and over the portfolio (rule 8).
    mutating func addPooledBudgets() {
        var byProject: [Int: [(Variable, Double)]] = [:]
        var all: [(Variable, Double)] = []
        for (key, y) in pooled.sorted(by: { $0.value.index < $1.value.index }) {
            let rate = problem.demands[key.demand].cheapestRate ?? 0
            guard rate > 0 else { continue }
            byProject[problem.demands[key.demand].project, default: []].append((y, rate))
            all.append((y, rate))
        }
        for info in problem.projects where scope.free[info.index] {
            guard let budget = info.budget, let terms = byProject[info.index],
                  terms.reduce(0, { $0 + $1.1 * ub($1.0) }) > budget else { continue }
            model.addConstraint(variables: terms.map(\.0), coefficients: terms.map(\.1), lower: nil, upper: budget,
                                name: name("budget[\(info.id)]"))
        }
        if let budget = scope.globalBudget, all.reduce(0, { $0 + $1.1 * ub($1.0) }) > budget {
            model.addConstraint(variables: all.map(\.0), coefficients: all.map(\.1), lower: nil, upper: budget,
                                name: name("budget"))
        }
    }
}
#endif

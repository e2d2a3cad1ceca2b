// Rows on the start binaries alone that the LP implies only in aggregate (Docs/formulation.md,
// "Aggregated rows"): what the chosen starts demand of a group of people in a period against what
// they can supply (Hall's condition, for each skill's people and for everyone), and what the chosen projects must at least cost against the budget.
// They do not move the LP bound; they give branch and cut knapsack rows on binaries to branch and
// cut on (cover and MIR cuts), which the hours variables otherwise hide.
#if GLPK
import CapacityPlanning
import Optimization

extension ExactModelBuilder {
    /// Hall's condition on the start binaries: for each group E of people — each skill's qualified
    /// people, everyone — and each period t,
    /// Σ_{d: qualified(d) ⊆ E} Σ_s h_d(s,t)·z(j,s) ≤ Σ_{p∈E} cap(p,t); only where the row can bind.
    /// Mandatory projects' demands are left out (their hours may go unmet).
    mutating func addAggregatedCapacity() {
        let periods = problem.periodCount
        let demands = problem.demands.filter { demand in
            let j = demand.project
            return scope.free[j] && !problem.projects[j].mandatory && !starts[j].isEmpty && !demand.eligiblePeople.isEmpty
        }
        var groups: [[Int]] = []
        var seen = Set<[Int]>()
        var bySkill: [Int: Set<Int>] = [:]
        for demand in demands { bySkill[demand.skill, default: []].formUnion(demand.eligiblePeople) }
        for skill in bySkill.keys.sorted() {
            let people = (bySkill[skill] ?? []).sorted()
            if seen.insert(people).inserted { groups.append(people) }
        }
        let everyone = Set(bySkill.values.joined()).sorted()
        if seen.insert(everyone).inserted { groups.append(everyone) }
        for (g, group) in groups.enumerated() {
            let members = Set(group)
            let inside = demands.filter { members.isSuperset(of: $0.eligiblePeople) }
            for t in 0..<periods {
                let supply = group.reduce(0.0) { total, p in
                    scope.slots[p * periods + t] == 0 ? total : total + scope.capacity[p * periods + t]
                }
                var terms: [Variable: Double] = [:]
                var most = 0.0
                for demand in inside { most += addStartHours(of: demand, period: t, to: &terms) }
                guard most > supply + 1e-9 else { continue }
                let sorted = terms.sorted { $0.key.index < $1.key.index }
                model.addConstraint(variables: sorted.map(\.key), coefficients: sorted.map(\.value),
                                    lower: nil, upper: supply, name: name("supply[\(g),\(t)]"))
            }
        }
    }

    /// Σ_{j,s} c_j·z(j,s) ≤ budget left, where c_j is project j's `cheapestStaffingCost`: no plan
    /// spends less on a project it staffs (mandatory projects are left out, their hours may go
    /// unmet). Only where the row can bind.
    mutating func addBudgetCover() {
        guard let budget = scope.globalBudget else { return }
        var terms: [(Variable, Double)] = []
        var most = 0.0
        for info in problem.projects where scope.free[info.index] && !info.mandatory && !starts[info.index].isEmpty {
            let cheapest = info.cheapestStaffingCost
            guard cheapest > 0 else { continue }
            for (_, z) in starts[info.index].sorted(by: { $0.key < $1.key }) { terms.append((z, cheapest)) }
            most += cheapest
        }
        guard most > budget + 1e-9 else { return }
        model.addConstraint(variables: terms.map(\.0), coefficients: terms.map(\.1), lower: nil, upper: budget,
                            name: name("budgetcover"))
    }
}
#endif

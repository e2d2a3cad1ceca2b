// The rows of spec v2 on the start binaries (Docs/formulation.md, "Version 2"): system limits per
// period, alternatives, and balance shares. Freezes need no row: the closed starts have no binary,
// and the strategic value and delay cost are the start binaries' objective coefficients.
#if GLPK
import CapacityPlanning
import Optimization

extension ExactModelBuilder {
    /// The start binaries of free project `j` under which it is active in period `t`.
    private func activeStarts(_ j: Int, in t: Int) -> [Variable] {
        let duration = problem.projects[j].duration
        return starts[j].filter { $0.key <= t && t < $0.key + duration }.sorted { $0.key < $1.key }.map(\.value)
    }

    /// Σ_j Σ_{s ≤ t < s+D_j} z(j,s) ≤ limit − fixed use, per system and period, where more
    /// projects could be active than the limit allows (rule 10).
    mutating func addSystems() {
        let periods = problem.periodCount
        for system in problem.systems {
            guard let limit = system.limit else { continue }
            let candidates = system.projects.filter { scope.free[$0] && !starts[$0].isEmpty }
            guard !candidates.isEmpty else { continue }
            for t in 0..<periods {
                let room = limit - scope.systemUse[system.index * periods + t]
                var vars: [Variable] = []
                var active = 0
                for j in candidates {
                    let zs = activeStarts(j, in: t)
                    if !zs.isEmpty { active += 1 }
                    vars += zs
                }
                guard active > room else { continue }
                var coefs = Array(repeating: 1.0, count: vars.count)
                if elastic {
                    vars.append(addSlack("limit of system '\(system.id)' (\(limit)) in period \(t)", scale: 1))
                    coefs.append(-1)
                }
                model.addConstraint(variables: vars, coefficients: coefs, lower: nil, upper: Double(max(0, room)),
                                    name: name("system[\(system.id),\(t)]"))
            }
        }
    }

    /// Σ_s z(i,s) + Σ_s z(j,s) ≤ 1 for alternatives i and j (rule 12).
    mutating func addAlternatives() {
        for info in problem.projects where scope.free[info.index] && !starts[info.index].isEmpty {
            for i in info.excludes where i > info.index && scope.free[i] && !starts[i].isEmpty {
                var vars = starts[info.index].sorted { $0.key < $1.key }.map(\.value)
                    + starts[i].sorted { $0.key < $1.key }.map(\.value)
                var coefs = Array(repeating: 1.0, count: vars.count)
                if elastic {
                    vars.append(addSlack("alternatives '\(info.id)' and '\(problem.projects[i].id)'", scale: 1e-3))
                    coefs.append(-1)
                }
                model.addConstraint(variables: vars, coefficients: coefs, lower: nil, upper: 1,
                                    name: name("excl[\(info.id),\(problem.projects[i].id)]"))
            }
        }
    }

    /// The measure of each free project as terms on its variables: its start binaries (`projects`,
    /// `value`) or its hours variables at their cost per hour (`cost`).
    private func measureTerms(_ measure: BalanceMeasure) -> [Int: [(Variable, Double)]] {
        var terms: [Int: [(Variable, Double)]] = [:]
        switch measure {
        case .projects, .value:
            for info in problem.projects where scope.free[info.index] {
                let weight = measure == .projects ? 1 : info.value
                guard weight != 0 else { continue }
                terms[info.index] = starts[info.index].sorted { $0.key < $1.key }.map { ($0.value, weight) }
            }
        case .cost:
            for (cell, v) in hours.sorted(by: { $0.value.index < $1.value.index }) {
                let rate = problem.people[cell.person].costPerHour
                guard rate != 0 else { continue }
                terms[problem.demands[cell.demand].project, default: []].append((v, rate))
            }
        }
        return terms
    }

    /// Balance (rule 11), with the fixed projects' measure F_G (group) and F (all) as constants:
    /// Σ_j (g_j − min)·m_j ≥ min·F − F_G and Σ_j (max − g_j)·m_j ≥ F_G − max·F.
    mutating func addBalance() {
        for group in problem.balanceGroups {
            let rule = group.rule
            // The pooled and class relaxations do not know what each project costs: no row (a relaxation).
            if (shape.poolsPeople || shape.poolsDemands) && rule.measure == .cost { continue }
            let terms = measureTerms(rule.measure)
            let fixed = scope.balanceFixed[group.index]
            let bounds: [(share: Double, side: Double, rhs: Double, label: String)] = [
                (rule.minShare, 1, rule.minShare * fixed.total - fixed.group, "minimum"),
                (rule.maxShare, -1, fixed.group - rule.maxShare * fixed.total, "maximum"),
            ]
            for bound in bounds {
                // A minimum of 0 and a maximum of 1 always hold.
                if bound.side > 0 ? bound.share <= 0 : bound.share >= 1 { continue }
                var vars: [Variable] = []
                var coefs: [Double] = []
                for j in terms.keys.sorted() {
                    let g = group.members[j] ? 1.0 : 0.0
                    let factor = bound.side > 0 ? g - bound.share : bound.share - g
                    guard factor != 0, let list = terms[j] else { continue }
                    for (v, weight) in list {
                        vars.append(v)
                        coefs.append(factor * weight)
                    }
                }
                guard !vars.isEmpty || bound.rhs > 0 else { continue }
                if elastic {
                    vars.append(addSlack("balance rule policy.balance[\(group.index)] (\(rule.groupName), \(bound.label) "
                                         + "\(Format.percent(bound.share, decimals: 1)) of \(rule.measure.rawValue))", scale: max(1, abs(bound.rhs))))
                    coefs.append(1)
                }
                model.addConstraint(variables: vars, coefficients: coefs, lower: bound.rhs, upper: nil,
                                    name: name("balance[\(group.index),\(bound.label)]"))
            }
        }
    }
}
#endif

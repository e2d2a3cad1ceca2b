// The plan rules spec v2 adds: shared systems (10), balance (11) and alternatives (12).

extension PlanChecker {
    // MARK: - Rule 10

    /// Each system's active projects per period against its limit, and work in its freezes.
    static func checkSystems(_ allocation: Allocation, _ problem: PlanningProblem, _ out: inout [PlanViolation]) {
        for system in problem.systems {
            var active: [Int: [Int]] = [:]
            for j in system.projects {
                guard let start = allocation.starts[j], let finish = allocation.finish(of: j, in: problem) else { continue }
                // Version 3: active from the status period on, until its finish.
                let from = max(start, problem.statusPeriod, 0)
                let periods = from..<max(from, min(finish + 1, problem.periodCount))
                for t in periods { active[t, default: []].append(j) }
            }
            for (t, projects) in active.sorted(by: { $0.key < $1.key }) {
                let ids = projects.map { problem.projects[$0].id }
                if system.isFrozen(t) {
                    out.append(PlanViolation(.system,
                        "\(ids.map { "'\($0)'" }.joined(separator: ", ")) \(ids.count == 1 ? "is" : "are") active on system '\(system.id)' in period \(t), which is frozen",
                        projects: ids, periods: [t], amount: Double(ids.count)))
                } else if let limit = system.limit, projects.count > limit {
                    out.append(PlanViolation(.system,
                        "\(projects.count) projects are active on system '\(system.id)' in period \(t), more than its limit \(limit): \(ids.joined(separator: ", "))",
                        projects: ids, periods: [t], amount: Double(projects.count - limit)))
                }
            }
        }
    }

    // MARK: - Rule 11

    /// Each balance group's share of the selected portfolio's measure against its rule.
    static func checkBalance(_ allocation: Allocation, _ problem: PlanningProblem, _ out: inout [PlanViolation]) {
        guard !problem.balanceGroups.isEmpty else { return }
        let cost = staffCostByProject(allocation, problem)
        for group in problem.balanceGroups {
            let (inGroup, total) = shares(of: group, allocation, problem, staffCost: cost)
            let rule = group.rule
            let least = rule.minShare * total
            let most = rule.maxShare * total
            let share = total > 0 ? inGroup / total : 0
            if inGroup < least - Tolerance.of(least) {
                out.append(PlanViolation(.balance,
                    "group \(rule.groupName) has \(Format.percent(share, decimals: 1)) of the portfolio's \(rule.measure.rawValue), less than its minimum \(Format.percent(rule.minShare, decimals: 1)) (policy.balance[\(group.index)])",
                    projects: group.projects.filter { allocation.isSelected($0) }.map { problem.projects[$0].id },
                    amount: least - inGroup))
            } else if inGroup > most + Tolerance.of(most) {
                out.append(PlanViolation(.balance,
                    "group \(rule.groupName) has \(Format.percent(share, decimals: 1)) of the portfolio's \(rule.measure.rawValue), more than its maximum \(Format.percent(rule.maxShare, decimals: 1)) (policy.balance[\(group.index)])",
                    projects: group.projects.filter { allocation.isSelected($0) }.map { problem.projects[$0].id },
                    amount: inGroup - most))
            }
        }
    }

    /// The group's measure and the whole selected portfolio's, for `allocation`.
    public static func shares(of group: BalanceGroup, _ allocation: Allocation, _ problem: PlanningProblem,
                              staffCost: [Double]) -> (group: Double, total: Double) {
        var inGroup = 0.0
        var total = 0.0
        for info in problem.projects where allocation.isSelected(info.index) {
            let m = problem.balanceMeasure(group.rule.measure, project: info.index, staffCost: staffCost[info.index])
            total += m
            if group.members[info.index] { inGroup += m }
        }
        return (inGroup, total)
    }

    /// Staff cost per project, summed in cell order (deterministic).
    public static func staffCostByProject(_ allocation: Allocation, _ problem: PlanningProblem) -> [Double] {
        var cost = [Double](repeating: 0, count: problem.projects.count)
        let cells = allocation.hours.filter { $0.value > 0 }.sorted {
            ($0.key.person, $0.key.demand, $0.key.period) < ($1.key.person, $1.key.demand, $1.key.period)
        }
        for (cell, h) in cells { cost[problem.demands[cell.demand].project] += h * problem.people[cell.person].costPerHour }
        return cost
    }

    // MARK: - Rule 12

    /// Selected projects that exclude each other.
    static func checkAlternatives(_ allocation: Allocation, _ problem: PlanningProblem, _ out: inout [PlanViolation]) {
        for info in problem.projects where allocation.isSelected(info.index) {
            for i in info.excludes where i > info.index && allocation.isSelected(i) {
                out.append(PlanViolation(.alternatives,
                    "'\(info.id)' and '\(problem.projects[i].id)' are alternatives (they exclude each other) but both are selected",
                    projects: [info.id, problem.projects[i].id]))
            }
        }
    }
}

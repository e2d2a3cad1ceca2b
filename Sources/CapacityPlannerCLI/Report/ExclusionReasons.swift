// Why a project is not in the plan, where one reason is plain to see.
import CapacityPlanning

/// Finds an obvious reason why a project was left out of a plan.
///
/// Each test is one a PMO can verify by hand, checked in this order: the project can never
/// be selected (window, dependencies); a dependency is not selected; nobody has a skill it
/// needs; its value does not cover the cheapest possible staffing; its own budget, or what
/// is left of the portfolio budget, cannot pay for that staffing; for every start it could
/// take, some demand needs more hours in some period than the qualified people have free
/// (an optimistic test: it ignores concurrency limits and that one person's free hours may
/// be counted for several demands). When none applies, there is no single obvious reason:
/// the project competes with the selected work for the same people.
struct ExclusionReasons {
    /// The problem.
    let problem: PlanningProblem
    /// The plan on indices.
    let allocation: Allocation
    private let labels: PeriodLabels
    /// Usable hours per person and period not booked by the plan.
    private let free: [[Double]]
    /// Staff cost of the plan.
    private let plannedCost: Double

    /// Prepares the tests for `allocation`.
    init(problem: PlanningProblem, allocation: Allocation) {
        self.problem = problem
        self.allocation = allocation
        labels = PeriodLabels(problem.scenario.horizon)
        var free = problem.people.map(\.capacity)
        var cost = 0.0
        for (cell, h) in allocation.hours where h > 0 && free.indices.contains(cell.person)
            && free[cell.person].indices.contains(cell.period) {
            free[cell.person][cell.period] -= h
            cost += h * problem.people[cell.person].costPerHour
        }
        self.free = free
        plannedCost = cost
    }

    private func name(_ j: Int) -> String { problem.scenario.projects[j].resolvedName }

    private func skillName(_ d: DemandInfo) -> String {
        let skill = problem.skills.indices.contains(d.skill) ? problem.skills[d.skill] : "?"
        return d.minLevel > 1 ? "\(skill) at level \(d.minLevel)+" : skill
    }

    /// The least staff cost of project `j`: every demanded hour at its cheapest qualified person's rate.
    func cheapestCost(of j: Int) -> Double? {
        var total = 0.0
        for d in problem.projects[j].demands {
            let demand = problem.demands[d]
            guard demand.totalHours > 0 else { continue }
            guard let rate = demand.eligiblePeople.map({ problem.people[$0].costPerHour }).min() else { return nil }
            total += demand.totalHours * rate
        }
        return total
    }

    /// A short reason in the PMO's words, or `nil` when no single reason is obvious.
    func reason(for j: Int) -> String? {
        let info = problem.projects[j]
        let project = problem.scenario.projects[j]
        let periods = problem.periodCount
        if !project.fitsWindow(periods: periods) {
            let last = project.lastAllowedPeriod(periods: periods)
            if last < project.earliestStart {
                return "Its window is empty (earliest start \(labels.short(project.earliestStart)), "
                    + "deadline \(labels.short(last)))."
            }
            let room = last - project.earliestStart + 1
            return "Does not fit its window: it takes \(info.duration) \(labels.unitName), "
                + "the window (\(labels.short(project.earliestStart))–\(labels.short(last))) has \(room)."
        }
        if !info.canBeSelected {
            let blocked = info.dependencies.filter { !problem.projects[$0].canBeSelected }
            if !blocked.isEmpty {
                return "Depends on \(list(blocked.map(name))), which can never be selected."
            }
            return "Its dependencies cannot finish in time for it to meet its deadline."
        }
        let missing = info.dependencies.filter { !allocation.isSelected($0) }
        if !missing.isEmpty {
            return "Depends on \(list(missing.map(name))), which \(missing.count == 1 ? "is" : "are") not selected."
        }
        let unstaffable = info.demands.map { problem.demands[$0] }.filter { $0.totalHours > 0 && $0.eligiblePeople.isEmpty }
        if let demand = unstaffable.first {
            return "Nobody has \(skillName(demand))."
        }
        guard let cheapest = cheapestCost(of: j) else { return nil }
        if info.value <= 0 {
            return "It has no value in the scenario (value 0)."
        }
        if info.value < cheapest {
            return "Staffing it costs at least \(Format.compactMoney(cheapest)); it is worth \(Format.compactMoney(info.value))."
        }
        if let budget = info.budget, budget + Tolerance.of(budget) < cheapest {
            return "Its budget (\(Format.compactMoney(budget))) is below the cheapest staffing (\(Format.compactMoney(cheapest)))."
        }
        if let budget = problem.policy.budget, plannedCost + cheapest > budget + Tolerance.of(budget) {
            return "The portfolio budget has \(Format.compactMoney(max(0, budget - plannedCost))) left; "
                + "staffing it needs at least \(Format.compactMoney(cheapest))."
        }
        return capacityReason(info)
    }

    /// "Not enough free backend at level 4+ …" when every possible start lacks qualified hours somewhere.
    private func capacityReason(_ info: ProjectInfo) -> String? {
        guard let starts = info.startRange else { return nil }
        // Bounded work: a very long horizon with many possible starts gets no capacity reason.
        let cells = info.demands.reduce(0) { $0 + problem.demands[$1].hours.count * max(1, problem.demands[$1].eligiblePeople.count) }
        guard starts.count.multipliedReportingOverflow(by: cells).partialValue <= 5_000_000,
              !starts.count.multipliedReportingOverflow(by: cells).overflow else { return nil }
        // For each start, the worst shortfall; keep the start whose worst shortfall is smallest.
        var best: (shortfall: Double, demand: Int, period: Int, need: Double, have: Double)?
        for start in starts {
            var worst: (shortfall: Double, demand: Int, period: Int, need: Double, have: Double)?
            for d in info.demands {
                let demand = problem.demands[d]
                for (offset, need) in demand.hours.enumerated() where need > 0 {
                    let t = start + offset
                    guard t >= 0, t < problem.periodCount else { continue }
                    let have = demand.eligiblePeople.reduce(0.0) { $0 + max(0, free[$1][t]) }
                    let short = need - have
                    if short > Tolerance.of(need), short > (worst?.shortfall ?? 0) {
                        worst = (short, d, t, need, have)
                    }
                }
            }
            guard let worst else { return nil }
            if best == nil || worst.shortfall < (best?.shortfall ?? .infinity) { best = worst }
        }
        guard let best else { return nil }
        let demand = problem.demands[best.demand]
        return "Not enough free \(skillName(demand)) in its window: "
            + "in \(labels.label(best.period)) it needs \(Format.hours(best.need)) h, "
            + "\(Format.hours(best.have)) h are free."
    }

    private func list(_ names: [String]) -> String {
        switch names.count {
        case 0: return ""
        case 1: return names[0]
        default: return names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "")
        }
    }
}

// Why a project is not selected: the binding reasons, and the cost of forcing it in.
import CapacityPlanning

/// Explains the projects the analysed plan leaves out.
struct SelectionAnalysis {
    let problem: PlanningProblem
    let allocation: Allocation
    let staffing: StaffingCheck

    /// The reasons for every project left out, by value (highest first).
    ///
    /// Each reason is a formula over the scenario and the plan's other work (Docs/analysis.md):
    /// window and dependencies from the start range; skill and concurrency from max flows over
    /// the hours the plan leaves free; budgets and value from the cheapest possible staffing.
    func reasons() -> [NotSelectedProject] {
        let planCost = allocation.hours.reduce(0.0) { $0 + $1.value * problem.people[$1.key.person].costPerHour }
        var out: [NotSelectedProject] = []
        for info in problem.projects where allocation.starts[info.index] == nil {
            var reasons: [NotSelectedProject.Reason] = []
            guard info.startRange != nil else {
                let alternatives = info.excludes.filter { problem.projects[$0].required }.map { problem.projects[$0].id }
                let detail: String
                if info.windowStarts == nil {
                    detail = "Its window cannot hold its \(info.duration) periods."
                } else if !alternatives.isEmpty {
                    detail = "Its alternative \(alternatives.joined(separator: ", ")) must be selected."
                } else if !info.systems.isEmpty {
                    detail = "Every start its window and dependencies allow overlaps a freeze of a system it changes."
                } else {
                    detail = "Its dependencies finish too late for any start in its window."
                }
                reasons.append(.init(kind: alternatives.isEmpty ? .window : .alternative, detail: detail))
                out.append(NotSelectedProject(project: info.id, value: info.value, reasons: reasons))
                continue
            }
            let missing = info.dependencies.filter { allocation.starts[$0] == nil }.map { problem.projects[$0].id }
            if !missing.isEmpty {
                reasons.append(.init(kind: .dependency,
                                     detail: "It depends on \(missing.joined(separator: ", ")), which the plan leaves out."))
            }
            let unqualified = info.demands.map { problem.demands[$0] }.filter { $0.totalHours > 0 && $0.eligiblePeople.isEmpty }
            if let demand = unqualified.first {
                let skill = problem.skills[demand.skill] + (demand.minLevel > 1 ? " at level \(demand.minLevel)+" : "")
                reasons.append(.init(kind: .skill, detail: "Nobody has \(skill)."))
            } else if let beside = staffing.bestStart(info.index, supply: .besideThePlan), beside.hours > Tolerance.of(info.totalHours) {
                reasons.append(.init(kind: .skill, detail: "Beside the plan's other work it is "
                    + "\(Format.hoursWithUnit(beside.hours)) short at its best start (period \(beside.start)): "
                    + describe(beside.lines, project: info.index) + "."))
            } else if let capped = staffing.bestStart(info.index, supply: .besideThePlanWithConcurrency),
                      capped.hours > Tolerance.of(info.totalHours) {
                reasons.append(.init(kind: .concurrency, detail: "Its qualified people have the hours, but those free enough are "
                    + "already on as many projects as they may be: \(Format.hoursWithUnit(capped.hours)) short at its best start "
                    + "(period \(capped.start))."))
            }
            let cheapest = info.fullyStaffable ? info.cheapestStaffingCost : .infinity
            let staffed = staffing.bestStart(info.index, supply: .besideThePlan).flatMap { $0.hours <= Tolerance.of(info.totalHours) ? $0.start : nil }
            reasons += PortfolioConflicts(problem: problem, allocation: allocation)
                .reasons(info.index, cheapest: cheapest, staffedStart: staffed)
            if let budget = info.budget, cheapest > budget + Tolerance.of(budget) {
                reasons.append(.init(kind: .projectBudget, detail: "Its budget \(Format.money(budget)) is below its cheapest possible "
                    + "staffing, \(Format.money(cheapest)) (every hour at its cheapest qualified person's rate)."))
            }
            if let portfolio = problem.policy.budget, planCost + cheapest > portfolio + Tolerance.of(portfolio) {
                reasons.append(.init(kind: .portfolioBudget, detail: "The plan spends \(Format.money(planCost)) of the portfolio budget "
                    + "\(Format.money(portfolio)); its cheapest staffing, \(Format.money(cheapest)), does not fit beside that."))
            }
            if info.bestWorth < cheapest - Tolerance.of(cheapest) {
                let worth = info.bestWorth == info.value ? "value \(Format.money(info.value))"
                    : "worth at its earliest start \(Format.money(info.bestWorth)) (value, strategic value and delay)"
                reasons.append(.init(kind: .value, detail: "Its \(worth) is below its cheapest possible "
                    + "staffing cost \(Format.money(cheapest))."))
            }
            if reasons.isEmpty {
                reasons.append(.init(kind: .displacesBetterWork, detail: "It fits beside the plan's other work and budgets, "
                    + "but staffing it would take hours or money that earn more elsewhere (see the forced re-solve)."))
            }
            out.append(NotSelectedProject(project: info.id, value: info.value, reasons: reasons))
        }
        return out.sorted { ($0.value, $1.project) > ($1.value, $0.project) }
    }

    /// Forces the highest-value projects left out into the portfolio one at a time and
    /// re-solves, recording what that costs and what it displaces.
    ///
    /// A project is forced in by a pin of a thousandth of an hour for its cheapest qualified
    /// person: the spec then requires it selected (and its dependencies), and, unlike making it
    /// mandatory, still requires it fully staffed. A mandatory project left out is re-solved as is.
    func forceIn(_ projects: inout [NotSelectedProject], base: Reference, solver: Resolver, limit: Int) {
        var tried = 0
        for k in projects.indices where tried < limit {
            let id = projects[k].project
            guard let j = problem.projectIndex[id], problem.projects[j].startRange != nil else { continue }
            tried += 1
            var forced = base.scenario
            if !problem.projects[j].mandatory {
                guard let pin = Self.forcingPin(j, in: problem) else {
                    projects[k].forcedIn = ForcedSelection(
                        outcome: SolveOutcome(status: .infeasible, solver: solver.options.planner.rawValue, seconds: 0,
                                              error: "nobody qualifies for any of its demands, so it can never be fully staffed"),
                        change: nil, unmetHours: 0, displaced: [])
                    continue
                }
                forced.pins.append(pin)
            }
            solver.options.progress?("forcing \(id) into the portfolio")
            let result = solver.solve(forced)
            var unmet = 0.0
            var displaced: [String] = []
            if let plan = result.plan?.plan {
                unmet = plan.projects.first { $0.id == id }?.unmetHours ?? 0
                let selected = Set(plan.projects.filter(\.selected).map(\.id))
                displaced = base.selected.subtracting(selected).sorted()
            }
            projects[k].forcedIn = ForcedSelection(
                outcome: result.outcome, change: result.outcome.objective.map { $0 - base.objective },
                unmetHours: unmet, displaced: displaced)
        }
    }

    /// The pin that forces project `j` in: its cheapest qualified person (then the first by id),
    /// on the demand with the most hours that person qualifies for, a thousandth of an hour.
    static func forcingPin(_ j: Int, in problem: PlanningProblem) -> Pin? {
        let demands = problem.projects[j].demands.map { problem.demands[$0] }
            .filter { !$0.eligiblePeople.isEmpty && $0.totalHours > 0 }
            .sorted { ($0.totalHours, $1.id) > ($1.totalHours, $0.id) }
        guard let demand = demands.first,
              let person = demand.eligiblePeople.min(by: { (problem.people[$0].costPerHour, problem.people[$0].id)
                  < (problem.people[$1].costPerHour, problem.people[$1].id) }) else { return nil }
        return Pin(person: problem.people[person].id, project: problem.projects[j].id, demand: demand.id, hours: 0.001)
    }

    /// `backend ≥ 4: 30 h in periods 3–5; data ≥ 2: 10 h in period 6`.
    func describe(_ lines: [UnmetDemand], project j: Int) -> String {
        var byDemand: [String: (hours: Double, periods: [Int])] = [:]
        for line in lines {
            byDemand[line.demand, default: (0, [])].hours += line.hours
            byDemand[line.demand, default: (0, [])].periods.append(line.period)
        }
        return byDemand.keys.sorted().map { id in
            let entry = byDemand[id] ?? (0, [])
            let label = problem.demandIndex(project: j, id: id).map { d in
                "\(problem.skills[problem.demands[d].skill]) ≥ \(problem.demands[d].minLevel)"
            } ?? id
            return "\(label): \(Format.hoursWithUnit(entry.hours)) in \(periodList(entry.periods))"
        }.joined(separator: "; ")
    }
}

/// `period 3`, `periods 3–5`, `periods 1, 3–5`.
func periodList(_ periods: [Int]) -> String {
    let sorted = Array(Set(periods)).sorted()
    guard !sorted.isEmpty else { return "no period" }
    var runs: [String] = []
    var start = sorted[0]
    var last = sorted[0]
    for p in sorted.dropFirst() {
        if p == last + 1 {
            last = p
            continue
        }
        runs.append(start == last ? "\(start)" : "\(start)–\(last)")
        (start, last) = (p, p)
    }
    runs.append(start == last ? "\(start)" : "\(start)–\(last)")
    return (sorted.count == 1 ? "period " : "periods ") + runs.joined(separator: ", ")
}

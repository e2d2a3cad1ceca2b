// Resolutions (hire, delay, extend, drop, raise a budget or a system limit, relax a balance rule), each
// re-solved; and the budget trade-off curve.
import CapacityPlanners
import CapacityPlanning

/// Proposes concrete changes from the conflicts found and evaluates each by re-solving.
struct ResolutionPlanner {
    let problem: PlanningProblem
    let base: Reference
    let solver: Resolver
    let report: ConflictReport
    /// The analysed plan, whose conflicts the candidates address.
    let allocation: Allocation
    /// Staffing checks against the analysed plan (shared with the analysis: answers are remembered).
    let staffing: StaffingCheck
    let limit: Int

    /// The evaluated resolutions, best change in objective first.
    func evaluate() -> [Resolution] {
        let before = ConflictKey.all(in: base.plan.allocation, for: problem)
        var out: [Resolution] = []
        for (change, description) in candidates().prefix(limit) {
            guard let scenario = try? change.apply(to: base.scenario) else { continue }
            solver.options.progress?("re-solving: \(description)")
            let result = solver.solve(scenario, warmStart: base.plan.plan)
            var clears: [String] = []
            if let plan = result.plan, let changed = result.problem {
                let after = ConflictKey.all(in: plan.allocation, for: changed)
                clears = before.subtracting(after).map(\.description).sorted()
            }
            out.append(Resolution(change: change, description: description, outcome: result.outcome,
                                  objectiveChange: result.outcome.objective.map { $0 - base.objective }, clears: clears))
        }
        return out.sorted { a, b in
            switch (a.objectiveChange, b.objectiveChange) {
            case let (x?, y?): return x != y ? x > y : a.description < b.description
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a.description < b.description
            }
        }
    }

    /// Candidate changes, most pressing first, without duplicates.
    func candidates() -> [(ScenarioChange, String)] {
        var out: [(ScenarioChange, String)] = []
        var seen: Set<ScenarioChange> = []
        func add(_ change: ScenarioChange, _ description: String) {
            if seen.insert(change).inserted { out.append((change, description)) }
        }
        // Mandatory projects at risk: hire for their largest shortfall, or give them more time.
        for risk in report.deadlineRisks where risk.mandatory && risk.kind != .noStartInWindow {
            guard let j = problem.projectIndex[risk.project] else { continue }
            if let hire = hire(for: risk.shortfall, project: j) { add(hire.0, hire.1 + " for \(risk.project)") }
            let k = max(1, problem.projects[j].duration / 2)
            add(.extendDeadline(risk.project, by: k), "Move \(risk.project)'s deadline \(k) period(s) later")
        }
        // Skill shortages: hire the dominant skill over each run of short periods.
        for run in shortageRuns() {
            let (_, rate) = typical(skill: run.skill, level: run.level)
            add(.hire(skill: run.skill, level: run.level, hoursPerPeriod: run.hours, periods: run.periods, costPerHour: rate),
                "Hire or contract \(Format.hoursWithUnit(run.hours)) a period of \(run.skill) at level ≥ \(run.level) in "
                    + "\(periodList(Array(run.periods))) (at \(Format.money(rate))/h)")
        }
        // Contention: move or drop the least valuable project of each group.
        for group in report.contention {
            let members = group.projects.compactMap { problem.projectIndex[$0.project] }
            guard let weakest = members.min(by: { (problem.projects[$0].value, problem.projects[$0].id)
                    < (problem.projects[$1].value, problem.projects[$1].id) }) else { continue }
            let info = problem.projects[weakest]
            if let start = allocation.starts[weakest] {
                let lastPeriod = min(base.scenario.projects[weakest].deadline ?? problem.periodCount - 1, problem.periodCount - 1)
                let k = min(group.periods.count, lastPeriod - info.duration + 1 - start)
                if k >= 1 {
                    add(.delay(info.id, by: k, earliestStart: start + k),
                        "Delay \(info.id) by \(k) period(s) (start no earlier than period \(start + k))")
                }
            }
            add(.drop(info.id), "Drop \(info.id) (value \(Format.money(info.value)))")
        }
        portfolioCandidates(add)
        // Valuable projects left out for want of a skill or of budget.
        for entry in report.notSelected {
            guard let j = problem.projectIndex[entry.project] else { continue }
            if entry.reasons.contains(where: { $0.kind == .skill }),
               let best = staffing.bestStart(j, supply: .besideThePlan),
               let hire = hire(for: best.lines, project: j) {
                add(hire.0, hire.1 + " so \(entry.project) can go ahead")
            }
            if entry.reasons.contains(where: { $0.kind == .projectBudget }) {
                let info = problem.projects[j]
                let cheapest = info.fullyStaffable ? info.cheapestStaffingCost : .infinity
                if cheapest.isFinite {
                    let amount = (cheapest * 1.25).rounded(.up)
                    add(.raiseProjectBudget(entry.project, to: amount), "Raise \(entry.project)'s budget to \(Format.money(amount))")
                }
            }
        }
        // A portfolio budget that the reference plan nearly exhausts.
        if let budget = problem.policy.budget, budget > 0 {
            let spent = base.plan.check.objective.staffCost
            if spent >= 0.95 * budget {
                let amount = (budget * 1.2).rounded(.up)
                add(.raisePortfolioBudget(to: amount), "Raise the portfolio budget by 20 % to \(Format.money(amount))")
            }
        }
        return out
    }

    /// Version 2: move a project out of each system collision or freeze of the analysed plan; let one
    /// more project change a system that is full or that keeps a project out; widen balance rules
    /// the reference plan presses against.
    func portfolioCandidates(_ add: (ScenarioChange, String) -> Void) {
        for collision in report.collisions {
            let members = collision.projects.compactMap { problem.projectIndex[$0] }
            guard let weakest = members.min(by: { (problem.projects[$0].value, problem.projects[$0].id)
                    < (problem.projects[$1].value, problem.projects[$1].id) }),
                  let start = allocation.starts[weakest] else { continue }
            let info = problem.projects[weakest]
            let k = collision.period - start + 1
            if let range = info.startRange, start + k <= range.upperBound, k >= 1 {
                add(.delay(info.id, by: k, earliestStart: start + k),
                    "Start \(info.id) after the \(collision.kind == .freeze ? "freeze" : "collision") on \(collision.system) "
                        + "(no earlier than period \(start + k))")
            }
            if collision.kind == .overLimit, let limit = collision.limit {
                add(.raiseSystemLimit(collision.system, to: limit + 1),
                    "Let \(limit + 1) projects change \(collision.system) at once")
            }
        }
        for entry in report.notSelected where entry.reasons.contains(where: { $0.kind == .system }) {
            guard let j = problem.projectIndex[entry.project] else { continue }
            for k in problem.projects[j].systems {
                guard let limit = problem.systems[k].limit else { continue }
                add(.raiseSystemLimit(problem.systems[k].id, to: limit + 1),
                    "Let \(limit + 1) projects change \(problem.systems[k].id) at once so \(entry.project) can go ahead")
            }
        }
        // Balance rules that keep a project out: widen each just enough to let it in.
        let reference = base.plan.allocation
        let cost = PlanChecker.staffCostByProject(reference, problem)
        for entry in report.notSelected where entry.reasons.contains(where: { $0.kind == .balance }) {
            guard let j = problem.projectIndex[entry.project] else { continue }
            for group in problem.balanceGroups {
                var (inGroup, total) = PlanChecker.shares(of: group, reference, problem, staffCost: cost)
                let m = problem.balanceMeasure(group.rule.measure, project: j, staffCost: problem.projects[j].fullyStaffable ? problem.projects[j].cheapestStaffingCost : 0)
                total += m
                if group.members[j] { inGroup += m }
                guard total > 0 else { continue }
                let share = inGroup / total
                let rule = group.rule
                if group.members[j], share > rule.maxShare {
                    let widened = min(1, (share * 100).rounded(.up) / 100)
                    add(.relaxBalanceRule(group.index, minShare: rule.minShare, maxShare: widened),
                        "Raise the maximum share of \(rule.groupName) to \(Format.percent(widened)) of \(rule.measure.rawValue) "
                            + "so \(entry.project) can go ahead (policy.balance[\(group.index)])")
                } else if !group.members[j], share < rule.minShare {
                    let widened = max(0, (share * 100).rounded(.down) / 100)
                    add(.relaxBalanceRule(group.index, minShare: widened, maxShare: rule.maxShare),
                        "Lower the minimum share of \(rule.groupName) to \(Format.percent(widened)) of \(rule.measure.rawValue) "
                            + "so \(entry.project) can go ahead (policy.balance[\(group.index)])")
                }
            }
        }
        let alignment = StrategySummary(allocation: reference, problem: problem)
        for share in alignment.balance {
            let atMin = share.minShare > 0 && share.share <= share.minShare + 0.02
            let atMax = share.maxShare < 1 && share.share >= share.maxShare - 0.02
            guard atMin || atMax else { continue }
            let minShare = atMin ? max(0, share.minShare - 0.1) : share.minShare
            let maxShare = atMax ? min(1, share.maxShare + 0.1) : share.maxShare
            add(.relaxBalanceRule(share.rule, minShare: minShare, maxShare: maxShare),
                "Relax the balance rule on \(share.tag) = \(share.value) to \(Format.percent(minShare))–\(Format.percent(maxShare)) "
                    + "of \(share.measure) (policy.balance[\(share.rule)])")
        }
    }

    /// A hire covering the largest demand of `lines` (skill at the demand's level, the most
    /// hours a period it misses, over the periods it misses).
    func hire(for lines: [UnmetDemand], project j: Int) -> (ScenarioChange, String)? {
        var byDemand: [String: [UnmetDemand]] = [:]
        for line in lines { byDemand[line.demand, default: []].append(line) }
        guard let (id, worst) = byDemand.max(by: { a, b in
            (a.value.reduce(0) { $0 + $1.hours }, b.key) < (b.value.reduce(0) { $0 + $1.hours }, a.key)
        }), let d = problem.demandIndex(project: j, id: id) else { return nil }
        let skill = problem.skills[problem.demands[d].skill]
        let level = problem.demands[d].minLevel
        let periods = worst.map(\.period)
        guard let first = periods.min(), let last = periods.max() else { return nil }
        let hours = (worst.map(\.hours).max() ?? 0).rounded(.up)
        guard hours > 0 else { return nil }
        let (_, rate) = typical(skill: skill, level: level)
        return (.hire(skill: skill, level: level, hoursPerPeriod: hours, periods: first...last, costPerHour: rate),
                "Hire or contract \(Format.hoursWithUnit(hours)) a period of \(skill) at level ≥ \(level) in "
                    + "\(periodList(Array(first...last))) (at \(Format.money(rate))/h)")
    }

    /// Runs of consecutive short periods with the same dominant (skill, level), and the most
    /// hours short in any of them.
    func shortageRuns() -> [(skill: String, level: Int, periods: ClosedRange<Int>, hours: Double)] {
        var runs: [(skill: String, level: Int, periods: ClosedRange<Int>, hours: Double)] = []
        for shortage in report.skillShortages.sorted(by: { $0.period < $1.period }) {
            guard let dominant = shortage.demands.max(by: { ($0.hours, $1.skill) < ($1.hours, $0.skill) }) else { continue }
            let hours = shortage.shortageHours.rounded(.up)
            if let k = runs.lastIndex(where: { $0.skill == dominant.skill && $0.level == dominant.minLevel
                                               && $0.periods.upperBound + 1 >= shortage.period }) {
                let run = runs[k]
                runs[k] = (run.skill, run.level, run.periods.lowerBound...max(run.periods.upperBound, shortage.period),
                           max(run.hours, hours))
            } else {
                runs.append((dominant.skill, dominant.minLevel, shortage.period...shortage.period, hours))
            }
        }
        return runs
    }

    private func typical(skill: String, level: Int) -> (Double, Double) {
        typicalPerson(skill: skill, level: level, in: problem)
    }
}

/// The best objective as the portfolio budget varies.
struct TradeOff {
    let base: Reference
    let solver: Resolver
    let fractions: [Double]

    /// The curve, or `nil` when there is nothing to vary (no fractions, or no budget and no spend).
    func curve() -> TradeOffCurve? {
        guard !fractions.isEmpty else { return nil }
        let reference = base.problem.policy.budget ?? base.plan.check.objective.staffCost
        guard reference > 0 else { return nil }
        var budgets: [Double?] = Array(Set(fractions.filter { $0 > 0 && $0.isFinite }.map { ($0 * reference).rounded() })).sorted()
        budgets.append(nil)
        var points: [TradeOffCurve.Point] = []
        for budget in budgets {
            var scenario = base.scenario
            scenario.policy.budget = budget
            solver.options.progress?("re-solving with portfolio budget \(budget.map(Format.money) ?? "unlimited")")
            let result = solver.solve(scenario, warmStart: base.plan.plan)
            var point = TradeOffCurve.Point(budget: budget, outcome: result.outcome, selected: [])
            if let plan = result.plan {
                let breakdown = plan.check.objective
                point.value = breakdown.value
                point.staffCost = breakdown.staffCost
                point.selected = plan.plan.projects.filter(\.selected).map(\.id)
            }
            points.append(point)
        }
        return TradeOffCurve(parameter: "policy.budget", points: points)
    }
}

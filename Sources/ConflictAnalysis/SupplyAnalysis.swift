// The supply analysis (spec v3, section 6): for each hire entry and course of the analysed plan,
// the work it makes possible and its worth — the plan's objective less the scenario re-solved
// without it.
import CapacityPlanning

/// Measures the hires and courses of one plan of a problem with supply.
struct SupplyAnalysis {
    let problem: PlanningProblem
    /// The analysed plan, as the checker read it.
    let plan: CheckedPlan
    let solver: Resolver

    /// Every hire entry (role, start) and course of the plan, in the plan's order, each re-solved without it.
    func decisions() -> [SupplyDecision] {
        let labels = PeriodLabels(problem.scenario.horizon)
        func date(_ t: Int) -> String? { labels.firstDay(of: t).map(PeriodLabels.isoDate(dayNumber:)) }
        let allocation = plan.allocation
        let objective = plan.check.objective.total
        let names = Dictionary(uniqueKeysWithValues: problem.people.map { ($0.id, $0.index) })
        var out: [SupplyDecision] = []
        for hire in plan.plan.hires ?? [] {
            guard let r = problem.scenario.hiring.firstIndex(where: { $0.id == hire.role }) else { continue }
            let role = problem.roles[r]
            // The plan numbers a role's hires in the order of their starts: these are the ones starting here.
            let earlier = (plan.plan.hires ?? []).filter { $0.role == hire.role && $0.start < hire.start }.reduce(0) { $0 + $1.count }
            let people = (0..<hire.count).map { Scenario.hireName(role: hire.role, number: earlier + $0 + 1) }
            let instances = Set(people.compactMap { names[$0] })
            let work = hours(of: { instances.contains($0.person) }, in: allocation)
            var without = problem.scenario
            without.hiring[r].maxHires = max(0, without.hiring[r].maxHires - hire.count)
            let solved = solver.solve(without)
            out.append(SupplyDecision(
                kind: .hire, role: hire.role, count: hire.count, people: people, start: hire.start,
                startLabel: labels.short(hire.start), startDate: date(hire.start),
                cost: Double(hire.count) * role.cost(start: hire.start), work: work,
                worth: solved.outcome.objective.map { objective - $0 }, withoutIt: solved.outcome))
        }
        for taken in plan.plan.training ?? [] {
            guard let c = problem.courses.firstIndex(where: { $0.id == taken.course }) else { continue }
            let course = problem.courses[c]
            let work = hours(of: { cell in
                cell.person == course.person && !problem.demands[cell.demand].eligiblePeople.contains(course.person)
            }, in: allocation)
            var without = problem.scenario
            without.training.remove(at: c)
            let solved = solver.solve(without)
            let qualifies = course.qualifiesFrom(start: taken.start)
            out.append(SupplyDecision(
                kind: .course, course: course.id, person: problem.people[course.person].id,
                skill: problem.scenario.training[c].skill, level: course.level, start: taken.start,
                startLabel: labels.short(taken.start), startDate: date(taken.start),
                runsLabel: labels.range(taken.start, qualifies - 1), qualifiesFrom: qualifies,
                qualifiesFromLabel: qualifies < problem.periodCount ? labels.short(qualifies) : nil,
                cost: course.cost, work: work, worth: solved.outcome.objective.map { objective - $0 },
                withoutIt: solved.outcome))
        }
        return out
    }

    /// Hours of the cells `matching` selects, by project (most first).
    private func hours(of matching: (CellKey) -> Bool, in allocation: Allocation) -> [ProjectHours] {
        var byProject: [Int: Double] = [:]
        for (cell, h) in allocation.hours where h > 0 && matching(cell) {
            byProject[problem.demands[cell.demand].project, default: 0] += h
        }
        return byProject.sorted { ($0.value, -$0.key) > ($1.value, -$1.key) }
            .map { ProjectHours(project: problem.projects[$0.key].id, hours: $0.value) }
    }
}

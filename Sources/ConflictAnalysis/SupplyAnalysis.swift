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

    /// Every hire entry (role, start) and course of the plan (`SupplySummary`), each re-solved without it.
    func decisions() -> [SupplyDecision] {
        let labels = PeriodLabels(problem.scenario.horizon)
        func date(_ t: Int) -> String? { labels.firstDay(of: t).map(PeriodLabels.isoDate(dayNumber:)) }
        func hours(_ work: [SupplySummary.Work]) -> [ProjectHours] { work.map { ProjectHours(project: $0.project, hours: $0.hours) } }
        let objective = plan.check.objective.total
        let summary = SupplySummary(allocation: plan.allocation, problem: problem)
        var out: [SupplyDecision] = []
        for hire in summary.hires {
            guard let r = problem.scenario.hiring.firstIndex(where: { $0.id == hire.role }) else { continue }
            var without = problem.scenario
            without.hiring[r].maxHires = max(0, without.hiring[r].maxHires - hire.count)
            let solved = solver.solve(without)
            out.append(SupplyDecision(
                kind: .hire, role: hire.role, count: hire.count, people: hire.people, start: hire.start,
                startLabel: labels.short(hire.start), startDate: date(hire.start), cost: hire.cost, work: hours(hire.work),
                worth: solved.outcome.objective.map { objective - $0 }, withoutIt: solved.outcome))
        }
        for course in summary.courses {
            guard let c = problem.scenario.training.firstIndex(where: { $0.id == course.course }) else { continue }
            var without = problem.scenario
            without.training.remove(at: c)
            let solved = solver.solve(without)
            out.append(SupplyDecision(
                kind: .course, course: course.course, person: course.person, skill: course.skill, level: course.level,
                start: course.start, startLabel: labels.short(course.start), startDate: date(course.start),
                runsLabel: labels.range(course.start, course.end), qualifiesFrom: course.qualifiesFrom,
                qualifiesFromLabel: course.qualifiesFrom < problem.periodCount ? labels.short(course.qualifiesFrom) : nil,
                cost: course.cost, work: hours(course.work), worth: solved.outcome.objective.map { objective - $0 },
                withoutIt: solved.outcome))
        }
        return out
    }
}

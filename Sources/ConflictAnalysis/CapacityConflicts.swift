// Over-allocation (rule 6 broken by the plan) and orphaned baseline work.
import CapacityPlanning

/// The plan's bookings against each person's usable capacity.
struct CapacityView {
    let problem: PlanningProblem

    /// Every (person, period) where `allocation` books more than `capacity × utilizationCap`,
    /// beyond the spec's tolerance, by person then period.
    func overAllocations(_ allocation: Allocation) -> [OverAllocation] {
        let periods = problem.periodCount
        var booked: [Int: [Int: Double]] = [:]  // person·T + period → project → hours
        for (cell, h) in allocation.hours where h > 0 {
            let j = problem.demands[cell.demand].project
            booked[cell.person * periods + cell.period, default: [:]][j, default: 0] += h
        }
        var out: [OverAllocation] = []
        for key in booked.keys.sorted() {
            let (p, t) = (key / periods, key % periods)
            let byProject = booked[key] ?? [:]
            let total = byProject.keys.sorted().reduce(0.0) { $0 + (byProject[$1] ?? 0) }
            let usable = problem.people[p].capacity[t]
            guard total > usable + Tolerance.of(usable) else { continue }
            let projects = byProject.map { ProjectHours(project: problem.projects[$0.key].id, hours: $0.value) }
                .sorted { ($0.hours, $1.project) > ($1.hours, $0.project) }
            out.append(OverAllocation(person: problem.people[p].id, period: t, bookedHours: total, usableHours: usable,
                                      excessHours: total - usable, projects: projects))
        }
        return out
    }

    /// Baseline assignments that name a person, project or demand the scenario no longer has,
    /// or a period outside the horizon (in baseline order).
    func orphanedWork(_ scenario: Scenario) -> [OrphanedWork] {
        guard let baseline = scenario.baseline else { return [] }
        return baseline.assignments.compactMap { a in
            let reason: OrphanedWork.Reason
            if problem.personIndex[a.person] == nil {
                reason = .personGone
            } else if problem.projectIndex[a.project] == nil {
                reason = .projectGone
            } else if problem.demandIndex(projectID: a.project, demandID: a.demand) == nil {
                reason = .demandGone
            } else if a.period < 0 || a.period >= problem.periodCount {
                reason = .outsideHorizon
            } else {
                return nil
            }
            return OrphanedWork(person: a.person, project: a.project, demand: a.demand, period: a.period,
                                hours: a.hours, reason: reason)
        }
    }
}

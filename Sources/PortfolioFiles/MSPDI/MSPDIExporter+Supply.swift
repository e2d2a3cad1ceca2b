// A plan's supply (format v3, Part B) in a Microsoft Project file: each hire the plan makes is a
// generic resource available from its start. Courses have no place in a Project file (the
// command line warns).
import CapacityPlanning

extension MSPDIExporter {
    /// A generic resource for a hire instance, with its name (`ROLE#K`) and UID.
    struct HireResource {
        /// `ROLE#K`, as the plan's assignments name it.
        let name: String
        /// Its resource UID.
        let uid: Int
        /// The resource.
        let resource: MSPDIDocument.Resource
    }

    /// The hire instances `plan` makes as generic resources (`IsGeneric` 1), numbered from
    /// `firstUID` by role and number: each named `ROLE#K` with its role's skills and rate
    /// (`StandardRate`, the salary per hour), the role's capacity from the hire's start (an
    /// availability period of 0 before it, as a person's leave is written), and a note of its role,
    /// start and hiring cost. None when the problem has no roles.
    static func hireResources(_ plan: Plan, problem: PlanningProblem, calendar: MSPDICalendar,
                              firstUID: Int) -> [HireResource] {
        guard !problem.roles.isEmpty else { return [] }
        let hires = Allocation(plan: plan, problem: problem).hires.sorted { $0.key < $1.key }
        var out: [HireResource] = []
        for (p, start) in hires {
            guard problem.people.indices.contains(p), let slot = problem.people[p].hire,
                  problem.scenario.hiring.indices.contains(slot.role) else { continue }
            let role = problem.scenario.hiring[slot.role]
            let name = problem.people[p].id
            let capacity = (0..<calendar.periods).map { $0 >= start ? role.capacity : 0 }
            let uid = firstUID + out.count
            var resource = resource(Person(id: name, skills: role.skills, capacity: .perPeriod(capacity),
                                           costPerHour: role.costPerHour),
                                    uid: uid, calendar: calendar)
            resource.IsGeneric = "1"
            let from = PeriodLabels.isoDate(dayNumber: calendar.firstWorkingDay(start))
            resource.Notes = "Hire \(slot.number) of role '\(role.id)'"
                + (role.name.map { " (\($0))" } ?? "")
                + " from \(from) (period \(start)): hiring cost \(number(role.hireCost)), salary \(number(role.costPerHour)) "
                + "an hour of its \(number(role.capacity)) hours a period to the end of the plan."
            out.append(HireResource(name: name, uid: uid, resource: resource))
        }
        return out
    }
}

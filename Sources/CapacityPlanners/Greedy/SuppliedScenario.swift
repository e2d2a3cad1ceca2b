// A scenario with a supply decision made into people, for greedy (GreedyPlanner+Supply.swift):
// each hire a person with its role's skills from its start, each trained person split in time at
// the end of each course into a twin with the course's level.
import CapacityPlanning

/// `problem`'s scenario with `supply` as people, and the way back to `problem`'s people.
struct SuppliedScenario {
    /// The scenario without `hiring` and `training`, with the hires and twins as people.
    let scenario: Scenario
    /// The person of `problem` each added person stands for (a twin's person, a hire's instance).
    let owner: [Int: Int]
    /// Each hire instance of `problem` used, and its start.
    let hires: [Int: Int]
    /// The courses taken.
    let courses: [Int: Int]

    init(_ problem: PlanningProblem, _ supply: GreedySupply) {
        var scenario = problem.scenario
        scenario.hiring = []
        scenario.training = []
        let periods = problem.periodCount
        let cap = max(problem.policy.utilizationCap, 1e-9)
        var owner: [Int: Int] = [:]
        var hires: [Int: Int] = [:]
        var taken: [Int: [(course: Course, start: Int)]] = [:]
        for (c, start) in supply.courses {
            taken[problem.courses[c].person, default: []].append((problem.scenario.training[c], start))
        }
        for (p, list) in taken.sorted(by: { $0.key < $1.key }) {
            var person = scenario.people[p]
            let raw = (0..<periods).map { person.capacity[$0] }
            var own = raw
            for (course, start) in list {
                for t in start..<min(periods, start + course.duration) { own[t] = max(0, own[t] - course.hoursPerPeriod / cap) }
            }
            // Segments between the courses' ends: each a twin with the levels reached by then.
            let ends = Array(Set(list.map { $0.start + $0.course.duration })).filter { $0 < periods }.sorted()
            var skills = person.skills
            for (k, from) in ends.enumerated() {
                let to = k + 1 < ends.count ? ends[k + 1] : periods
                for (course, start) in list where start + course.duration == from {
                    skills[course.skill] = max(skills[course.skill] ?? 0, course.level)
                }
                var twin = person
                twin.id = Self.unusedID("\(person.id)~\(k + 1)", in: scenario)
                twin.name = person.name
                twin.skills = skills
                twin.capacity = .perPeriod((0..<periods).map { $0 >= from && $0 < to ? own[$0] : 0 })
                owner[scenario.people.count] = p
                scenario.people.append(twin)
            }
            let first = ends.first ?? periods
            person.capacity = .perPeriod((0..<periods).map { $0 < first ? own[$0] : 0 })
            scenario.people[p] = person
        }
        // A hire's hours are already paid by its salary (the objective charges nothing more), but a
        // project's budget counts them at the role's rate (spec v3, rule 8): where a project has a
        // budget, greedy prices them so, or its plans would overspend that budget and be refused.
        let budgeted = scenario.projects.contains { $0.budget != nil }
        for (r, starts) in supply.hires.sorted(by: { $0.key < $1.key }) {
            let role = problem.scenario.hiring[r]
            for (k, start) in starts.sorted().enumerated() where k < problem.roles[r].instances.count {
                let instance = problem.roles[r].instances[k]
                owner[scenario.people.count] = instance
                hires[instance] = start
                scenario.people.append(Person(
                    id: Self.unusedID(problem.people[instance].id, in: scenario), name: role.name, skills: role.skills,
                    capacity: .perPeriod((0..<periods).map { $0 >= start ? role.capacity : 0 }),
                    costPerHour: budgeted ? role.costPerHour : 0))
            }
        }
        // The portfolio budget pays the hires' salaries and the courses first.
        if let budget = scenario.policy.budget {
            var chosen = Allocation(projectCount: problem.projects.count)
            chosen.hires = hires
            chosen.courses = supply.courses
            let cost = problem.supplyCost(of: chosen)
            scenario.policy.budget = max(0, budget - cost.hiring - cost.training)
        }
        self.scenario = scenario
        self.owner = owner
        self.hires = hires
        self.courses = supply.courses
    }

    /// `id`, or with a suffix when a person already has it.
    private static func unusedID(_ id: String, in scenario: Scenario) -> String {
        var candidate = id
        var n = 1
        while scenario.people.contains(where: { $0.id == candidate }) { n += 1; candidate = "\(id)~\(n)" }
        return candidate
    }

    /// A plan of the supplied scenario as a plan of `problem`: the added people's hours on the
    /// people they stand for, with the hires and courses.
    func mapBack(_ allocation: Allocation, onto problem: PlanningProblem) -> Allocation {
        var mapped = Allocation(starts: allocation.starts, hours: [:], finishes: allocation.finishes)
        for (cell, h) in allocation.hours {
            let p = cell.person < problem.scenarioPeopleCount ? cell.person : (owner[cell.person] ?? cell.person)
            mapped.hours[CellKey(person: p, demand: cell.demand, period: cell.period), default: 0] += h
        }
        mapped.hires = hires
        mapped.courses = courses
        return mapped
    }
}

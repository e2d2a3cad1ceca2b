// A plan's hires and courses as people read them (spec v3, Part B): each hire entry and course
// with its periods, its cost and the work it makes possible. The text report, the HTML report and
// the analysis all start from it.

/// The supply decisions of one plan.
public struct SupplySummary: Sendable, Equatable {
    /// Hours on one project.
    public struct Work: Sendable, Equatable {
        /// The project's id.
        public var project: String
        /// The hours.
        public var hours: Double
    }

    /// `count` hires of one role starting in the same period.
    public struct HireEntry: Sendable, Equatable {
        /// The role's id.
        public var role: String
        /// The role's display name.
        public var name: String
        /// How many start together.
        public var count: Int
        /// Their first period.
        public var start: Int
        /// Their names in the plan, `ROLE#K`.
        public var people: [String]
        /// Usable hours a period of each.
        public var capacity: Double
        /// Their hours by project, most first.
        public var work: [Work]
        /// Hiring cost and salary to the horizon's end, all of them together.
        public var cost: Double
        /// Periods between the status period and the role's earliest start (the lead time), 0 when none.
        public var leadTime: Int
    }

    /// A course the plan takes.
    public struct CourseEntry: Sendable, Equatable {
        /// The course's id.
        public var course: String
        /// Who attends.
        public var person: String
        /// The skill it teaches.
        public var skill: String
        /// The level reached.
        public var level: Int
        /// Its first and last period.
        public var start: Int, end: Int
        /// The first period the level counts (`end + 1`).
        public var qualifiesFrom: Int
        /// The person's hours on lines only the course qualifies them for, by project, most first.
        public var work: [Work]
        /// Its cost.
        public var cost: Double
    }

    /// The hire entries, by role in scenario order, then start.
    public var hires: [HireEntry]
    /// The courses taken, in scenario order.
    public var courses: [CourseEntry]

    /// Whether the plan hires or trains at all.
    public var isEmpty: Bool { hires.isEmpty && courses.isEmpty }

    /// The supply of `allocation` (hire instances numbered in the order of their starts, as the plan names them).
    public init(allocation: Allocation, problem: PlanningProblem) {
        let allocation = allocation.withHiresInStartOrder(problem)
        func work(_ matching: (CellKey) -> Bool) -> [Work] {
            var byProject: [Int: Double] = [:]
            for (cell, h) in allocation.hours where h > 1e-9 && matching(cell) {
                byProject[problem.demands[cell.demand].project, default: 0] += h
            }
            return byProject.sorted { ($0.value, -$0.key) > ($1.value, -$1.key) }
                .map { Work(project: problem.projects[$0.key].id, hours: $0.value) }
        }
        var hires: [HireEntry] = []
        for role in problem.roles {
            let scenarioRole = problem.scenario.hiring[role.index]
            let hired = role.instances.compactMap { p in allocation.hires[p].map { (p, $0) } }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
            var k = 0
            while k < hired.count {
                let start = hired[k].1
                let group = hired[k...].prefix { $0.1 == start }.map(\.0)
                let members = Set(group)
                hires.append(HireEntry(
                    role: role.id, name: scenarioRole.resolvedName, count: group.count, start: start,
                    people: group.map { problem.people[$0].id }, capacity: role.capacity,
                    work: work { members.contains($0.person) }, cost: Double(group.count) * role.cost(start: start),
                    leadTime: max(0, scenarioRole.earliestStart - problem.statusPeriod)))
                k += group.count
            }
        }
        let courses = allocation.courses.keys.sorted().filter(problem.courses.indices.contains).map { c -> CourseEntry in
            let course = problem.courses[c]
            let start = allocation.courses[c] ?? 0
            return CourseEntry(
                course: course.id, person: problem.people[course.person].id, skill: problem.scenario.training[c].skill,
                level: course.level, start: start, end: start + course.duration - 1, qualifiesFrom: course.qualifiesFrom(start: start),
                work: work { $0.person == course.person && !problem.demands[$0.demand].eligiblePeople.contains(course.person) },
                cost: course.cost)
        }
        self.hires = hires
        self.courses = courses
    }
}

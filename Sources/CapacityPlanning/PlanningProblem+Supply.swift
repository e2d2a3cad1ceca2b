// Supply on the problem's indices (spec v3, Part B): the roles and their hire instances, the
// courses, and who could work on a demand line once hired or trained.

/// Which hire a person of the problem is: hire `number` (from 1) of role `role`, named `ROLE#K`.
public struct HireSlot: Sendable, Equatable {
    /// Index in `PlanningProblem.roles`.
    public let role: Int
    /// K in `ROLE#K`, from 1.
    public let number: Int
}

/// A role that may be hired for, by dense index.
public struct RoleInfo: Sendable, Equatable {
    /// Index in `PlanningProblem.roles`.
    public let index: Int
    /// The role's id in the scenario.
    public let id: String
    /// Level per skill index (0 without the skill).
    public let levels: [Int]
    /// Usable hours a period of one hire: capacity × utilisation cap.
    public let capacity: Double
    /// The salary per hour of capacity; the rate of a hire's hours in project budgets and balance.
    public let costPerHour: Double
    /// One-off cost of each hire.
    public let hireCost: Double
    /// Salary of one hire for one period: the role's raw capacity × `costPerHour`.
    public let salaryPerPeriod: Double
    /// The starts a hire may have: `max(earliestStart, S) … periods − 1`; `nil` when none.
    public let starts: ClosedRange<Int>?
    /// The people of the problem that are its hires `ROLE#1 … ROLE#maxHires`, in order.
    public let instances: [Int]
    /// Hires that can ever be of use: no more than the qualified hours of all the lines it
    /// could work on, in hires' capacities (a plan with more hires is valid, never better) —
    /// all of `maxHires` when the assignment penalty or a baseline's hours on hires make more matter.
    public let usefulHires: Int
    /// Periods of the horizon (a hire is paid from its start to the end).
    let periods: Int

    /// What one hire starting in `start` costs: the hiring cost and the salary to the horizon's end.
    public func cost(start: Int) -> Double {
        hireCost + salaryPerPeriod * Double(periods - start)
    }
}

/// A course, by dense index.
public struct CourseInfo: Sendable, Equatable {
    /// Index in `PlanningProblem.courses`.
    public let index: Int
    /// The course's id in the scenario.
    public let id: String
    /// The person who attends (index in `PlanningProblem.people`).
    public let person: Int
    /// The skill it teaches (index in `PlanningProblem.skills`); `nil` when no demand line needs it.
    public let skill: Int?
    /// The level the person has from its end on (or their own, if higher).
    public let level: Int
    /// Periods it runs.
    public let duration: Int
    /// Hours of the person's capacity it takes each period it runs.
    public let hoursPerPeriod: Double
    /// One-off cost.
    public let cost: Double
    /// The starts it may have: `max(earliestStart, S) … periods − duration`; `nil` when none.
    public let starts: ClosedRange<Int>?

    /// Whether the course, started in `start`, runs in `period`.
    public func runs(start: Int, period: Int) -> Bool { period >= start && period < start + duration }

    /// The first period the person has the course's level when it starts in `start`.
    public func qualifiesFrom(start: Int) -> Int { start + duration }
}

extension PlanningProblem {
    /// The hire instances of `roles` as people of the problem, after the scenario's own
    /// `firstIndex` people: no capacity of their own (a plan's hire gives it, `capacity(of:…)`),
    /// their role's levels and rate, no concurrency limit.
    static func hireInstances(_ roles: [Role], skillIndex: [String: Int], skillCount: Int,
                              periods: Int, firstIndex: Int) -> [PersonInfo] {
        var people: [PersonInfo] = []
        for (r, role) in roles.enumerated() {
            var levels = Array(repeating: 0, count: skillCount)
            for (skill, level) in role.skills { if let s = skillIndex[skill] { levels[s] = level } }
            for k in 1...max(1, role.maxHires) where k <= role.maxHires {
                var person = PersonInfo(
                    index: firstIndex + people.count, id: Scenario.hireName(role: role.id, number: k),
                    costPerHour: role.costPerHour, capacity: Array(repeating: 0, count: periods),
                    maxConcurrentProjects: nil, levels: levels, team: nil)
                person.hire = HireSlot(role: r, number: k)
                people.append(person)
            }
        }
        return people
    }

    /// The roles on indices; `instances` are the people `hireInstances` made, in the same order.
    static func roleInfos(_ roles: [Role], people: [PersonInfo], demands: [DemandInfo], skillIndex: [String: Int],
                          skillCount: Int, periods: Int, status: Int, cap: Double, everyHireMatters: Bool) -> [RoleInfo] {
        var byRole: [Int: [Int]] = [:]
        for person in people { if let slot = person.hire { byRole[slot.role, default: []].append(person.index) } }
        return roles.enumerated().map { r, role in
            var levels = Array(repeating: 0, count: skillCount)
            for (skill, level) in role.skills { if let s = skillIndex[skill] { levels[s] = level } }
            let first = max(role.earliestStart, status)
            let usable = max(0, role.capacity * cap)
            let qualifiedHours = demands.filter { levels.indices.contains($0.skill) && levels[$0.skill] >= $0.minLevel }
                .reduce(0.0) { $0 + $1.totalHours }
            // More hires than the qualified hours can use only cost — unless pairs are priced (a
            // third hire can save a pair) or a baseline names them: then every allowed hire may matter.
            let need = usable > 0 ? qualifiedHours / usable : 0
            let useful = everyHireMatters ? role.maxHires
                : need >= Double(role.maxHires) ? role.maxHires : Int(need.rounded(.up))
            return RoleInfo(index: r, id: role.id, levels: levels, capacity: usable, costPerHour: role.costPerHour,
                            hireCost: role.hireCost, salaryPerPeriod: role.capacity * role.costPerHour,
                            starts: first <= periods - 1 ? first...(periods - 1) : nil,
                            instances: byRole[r] ?? [], usefulHires: max(0, useful), periods: periods)
        }
    }

    /// The courses on indices (a course naming an unknown person is a validation error, so none is left out).
    static func courseInfos(_ courses: [Course], personIndex: [String: Int], skillIndex: [String: Int],
                            periods: Int, status: Int) -> [CourseInfo] {
        courses.enumerated().compactMap { c, course in
            guard let p = personIndex[course.person] else { return nil }
            let first = max(course.earliestStart, status)
            let last = periods - course.duration
            return CourseInfo(index: c, id: course.id, person: p, skill: skillIndex[course.skill], level: course.level,
                              duration: course.duration, hoursPerPeriod: course.hoursPerPeriod, cost: course.cost,
                              starts: first <= last ? first...last : nil)
        }
    }

    /// The people who could work on demand line `d` only through a supply decision, ascending:
    /// hires of a role qualified for it, and people who qualify once a course ends.
    static func supplyEligible(skill s: Int, minLevel: Int, eligible: [Int], people: [PersonInfo],
                               courses: [CourseInfo]) -> [Int] {
        var extra = Set<Int>()
        for person in people where person.hire != nil && person.levels[s] >= minLevel { extra.insert(person.index) }
        for course in courses where course.skill == s && course.level >= minLevel && course.starts != nil {
            extra.insert(course.person)
        }
        extra.subtract(eligible)
        return extra.sorted()
    }
}

extension PlanningProblem {
    /// Whether the problem has supply to decide (version 3, Part B).
    public var hasSupply: Bool { !roles.isEmpty || !courses.isEmpty }

    /// The courses that would qualify `person` for demand line `demand`, by index.
    public func qualifyingCourses(person: Int, demand: Int) -> [Int] {
        let line = demands[demand]
        return (coursesOf[person] ?? []).filter { courses[$0].skill == line.skill && courses[$0].level >= line.minLevel }
    }

    /// Whether `person` may work on `demand` in `period` under `allocation`'s hires and courses
    /// (spec v3, rules 4 and 15): qualified by their own levels, a hire of a qualified role, or
    /// qualified by a course that has ended by then.
    public func qualifies(person p: Int, demand d: Int, period t: Int, in allocation: Allocation) -> Bool {
        let line = demands[d]
        let levels = people[p].levels
        if levels.indices.contains(line.skill), levels[line.skill] >= line.minLevel { return true }
        return qualifyingCourses(person: p, demand: d).contains { c in
            allocation.courses[c].map { courses[c].qualifiesFrom(start: $0) <= t } ?? false
        }
    }

    /// `person`'s usable hours in `period` under `allocation`'s hires: their own, or for a hire
    /// instance its role's from its start on (0 when the plan does not hire it). Courses are not
    /// subtracted (`courseHours(of:period:in:)`).
    public func capacity(of p: Int, period t: Int, in allocation: Allocation) -> Double {
        guard let slot = people[p].hire else { return people[p].capacity[t] }
        guard let start = allocation.hires[p], start <= t else { return 0 }
        return roles[slot.role].capacity
    }

    /// Hours of `person`'s capacity that `allocation`'s courses take in `period`.
    public func courseHours(of p: Int, period t: Int, in allocation: Allocation) -> Double {
        (coursesOf[p] ?? []).reduce(0) { sum, c in
            guard let start = allocation.courses[c], courses[c].runs(start: start, period: t) else { return sum }
            return sum + courses[c].hoursPerPeriod
        }
    }

    /// What `allocation`'s hires and courses cost: each hire's hiring cost and salary from its
    /// start to the horizon's end, and each course's cost (spec v3, section 4).
    public func supplyCost(of allocation: Allocation) -> (hiring: Double, training: Double) {
        var hiring = 0.0
        for (p, start) in allocation.hires.sorted(by: { $0.key < $1.key }) {
            if let slot = people[p].hire { hiring += roles[slot.role].cost(start: start) }
        }
        var training = 0.0
        for c in allocation.courses.keys.sorted() where courses.indices.contains(c) { training += courses[c].cost }
        return (hiring, training)
    }
}

// Capacity before and after a plan's supply (format v3, Part B): for each skill a role or a course
// adds, the usable hours per period of the people qualified for it, without and with the hires and
// courses the plan takes.
import CapacityPlanning

/// The usable hours per period of everyone with `skill` at `level` or above: the scenario's people
/// alone (`before`), and with the plan's hires and courses (`after`).
///
/// `after` counts a hire from its start (its role's capacity × the utilisation cap), a course's
/// level from the period it ends, and takes a running course's hours off its person's hours
/// (spec v3, rules 4, 6 and 15). The rows are for the skills the plan's hires and courses add; the
/// levels shown for a skill are those its demand lines ask for that such a role or course reaches
/// (the level a line needs is what qualifies), or the role's or course's own level when no line it
/// reaches needs the skill.
struct SupplyCapacity: Equatable {
    /// The skill.
    let skill: String
    /// The least level counted.
    let level: Int
    /// What the plan takes that adds to it: "hires of Data engineer", "course dev-ml", in scenario order.
    let sources: [String]
    /// Usable hours per period of the scenario's people with the skill at `level` or above.
    let before: [Double]
    /// The same with the plan's hires and courses.
    let after: [Double]

    /// One row per skill and level that the plan's hires and courses add to, by skill and level;
    /// empty when the plan hires nobody and takes no course.
    ///
    /// - Complexity: O(rows · (P + C) · T) for P people and hire instances, C courses and T periods.
    static func rows(_ problem: PlanningProblem, allocation: Allocation) -> [SupplyCapacity] {
        let scenario = problem.scenario
        // What each role and course supplies: (skill, level, source).
        var supplied: [(skill: String, level: Int, source: String)] = []
        let hiredRoles = Set(allocation.hires.keys.compactMap { p in
            problem.people.indices.contains(p) ? problem.people[p].hire?.role : nil
        })
        for (r, role) in scenario.hiring.enumerated() where hiredRoles.contains(r) {
            for (skill, level) in role.skills.sorted(by: { $0.key < $1.key }) where level > 0 {
                supplied.append((skill, level, "hires of \(role.resolvedName)"))
            }
        }
        for (c, course) in scenario.training.enumerated() where course.level > 0 && allocation.courses[c] != nil {
            supplied.append((course.skill, course.level, "course \(course.id)"))
        }
        // The levels demand lines ask for, per skill.
        var asked: [String: Set<Int>] = [:]
        for demand in problem.demands where problem.skills.indices.contains(demand.skill) {
            asked[problem.skills[demand.skill], default: []].insert(max(1, demand.minLevel))
        }
        var sources: [SkillLevel: [String]] = [:]
        for (skill, level, source) in supplied {
            let reached = (asked[skill] ?? []).filter { $0 <= level }
            for k in reached.isEmpty ? [level] : Array(reached) where !(sources[SkillLevel(skill, k)] ?? []).contains(source) {
                sources[SkillLevel(skill, k), default: []].append(source)
            }
        }
        return sources.keys.sorted().map { key in
            let (before, after) = hours(problem, allocation: allocation, skill: key.skill, level: key.level)
            return SupplyCapacity(skill: key.skill, level: key.level, sources: sources[key] ?? [], before: before, after: after)
        }
    }

    /// The hours of `skill` at `level` or above per period, before and after the plan's supply.
    private static func hours(_ problem: PlanningProblem, allocation: Allocation, skill: String,
                              level: Int) -> (before: [Double], after: [Double]) {
        let periods = problem.periodCount
        let scenario = problem.scenario
        var before = [Double](repeating: 0, count: periods)
        var after = [Double](repeating: 0, count: periods)
        for i in 0..<min(problem.scenarioPeopleCount, scenario.people.count) {
            let own = scenario.people[i].skills[skill] ?? 0
            // The first period from which a course the plan takes gives the person `level`.
            let taught = (problem.coursesOf[i] ?? []).compactMap { c -> Int? in
                let course = problem.courses[c]
                guard scenario.training.indices.contains(course.index), let start = allocation.courses[c] else { return nil }
                let given = scenario.training[course.index]
                return given.skill == skill && given.level >= level ? course.qualifiesFrom(start: start) : nil
            }.min()
            for t in 0..<periods {
                if own >= level { before[t] += problem.people[i].capacity[t] }
                if own >= level || t >= (taught ?? periods) {
                    after[t] += max(0, problem.capacity(of: i, period: t, in: allocation)
                                       - problem.courseHours(of: i, period: t, in: allocation))
                }
            }
        }
        for (p, _) in allocation.hires.sorted(by: { $0.key < $1.key }) {
            guard problem.people.indices.contains(p), let slot = problem.people[p].hire,
                  scenario.hiring.indices.contains(slot.role),
                  (scenario.hiring[slot.role].skills[skill] ?? 0) >= level else { continue }
            for t in 0..<periods { after[t] += problem.capacity(of: p, period: t, in: allocation) }
        }
        return (before, after)
    }

    /// A skill and a least level, ordered by skill, then level.
    private struct SkillLevel: Hashable, Comparable {
        let skill: String
        let level: Int

        init(_ skill: String, _ level: Int) {
            self.skill = skill
            self.level = level
        }

        static func < (a: SkillLevel, b: SkillLevel) -> Bool { (a.skill, a.level) < (b.skill, b.level) }
    }
}

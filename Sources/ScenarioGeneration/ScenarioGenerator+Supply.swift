// Format version 3's supply (Part B) laid over a generated scenario: roles to hire for the skills
// most short of people, and courses that would qualify people for lines they cannot do yet. For
// the property tests and the supply benchmark ladder.

public import CapacityPlanning

extension ScenarioGenerator {
    /// `scenario` (a generated one, any version) as a version-3 scenario with `hiring` and
    /// `training`, deterministically from `seed`.
    ///
    /// - Roles: for the skills whose demanded hours most exceed the qualified people's capacity
    ///   (one per four skills demanded, at least one), a role with that skill at level 4 (and a
    ///   second skill at 3 half the time); capacity 40, 1.1–1.5 × the mean hourly cost, a hiring
    ///   cost of 2–6 weeks of salary, a lead time of 2–6 periods after the status period, 1–3 hires.
    /// - Courses: about one person in five gets a course in a skill some line needs above their
    ///   level: to level 3–4, 1–4 periods, 4–16 hours a period, 1,000–6,000.
    public static func supply(_ scenario: Scenario, seed: UInt64) -> Scenario {
        var out = scenario
        out.version = 3
        var rng = SeededGenerator.stream(seed, 0x5AB1)
        let periods = scenario.horizon.periods
        let status = scenario.statusPeriod
        var demanded: [String: Double] = [:]
        var highest: [String: Int] = [:]
        for project in scenario.projects {
            for line in project.demands {
                demanded[line.skill, default: 0] += line.work ?? line.hours.expanded(to: project.duration).reduce(0, +)
                highest[line.skill] = max(highest[line.skill] ?? 0, line.minLevel)
            }
        }
        var supplied: [String: Double] = [:]
        for person in scenario.people {
            let hours = (0..<periods).reduce(0.0) { $0 + person.capacity[$1] }
            for (skill, level) in person.skills where level >= (highest[skill] ?? 6) - 1 { supplied[skill, default: 0] += hours }
        }
        let meanRate = scenario.people.isEmpty ? 80 : scenario.people.reduce(0.0) { $0 + $1.costPerHour } / Double(scenario.people.count)
        let short = demanded.keys.sorted { ((demanded[$0] ?? 0) - (supplied[$0] ?? 0), $0) > ((demanded[$1] ?? 0) - (supplied[$1] ?? 0), $1) }
        for (k, skill) in short.prefix(max(1, short.count / 4)).enumerated() {
            var skills = [skill: 4]
            if rng.chance(0.5), let other = short.dropFirst(k + 1).first { skills[other] = 3 }
            let rate = (meanRate * rng.double(1.1, 1.5)).rounded()
            out.hiring.append(Role(
                id: "\(skill)-hire", name: "\(skill) hire", skills: skills, capacity: 40, costPerHour: rate,
                hireCost: (40 * rate * Double(rng.int(in: 2...6))).rounded(),
                earliestStart: min(periods - 1, status + rng.int(in: 2...6)), maxHires: rng.int(in: 1...3)))
        }
        for person in scenario.people where rng.chance(0.2) {
            let options = highest.keys.sorted().filter { (person.skills[$0] ?? 0) < min(4, highest[$0] ?? 0) }
            guard !options.isEmpty else { continue }
            let skill = options[rng.below(options.count)]
            out.training.append(Course(
                id: "\(person.id)-\(skill)", person: person.id, skill: skill, level: rng.int(in: max(3, person.skills[skill] ?? 0)...4),
                duration: rng.int(in: 1...4), hoursPerPeriod: Double(4 * rng.int(in: 1...4)),
                cost: Double(1000 * rng.int(in: 1...6)), earliestStart: status))
        }
        return out
    }
}

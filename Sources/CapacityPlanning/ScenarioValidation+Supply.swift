// Validation of what spec v3 adds for supply (section 5, Part B): roles that may be hired and
// courses, and what the other checks need to know of them (a hire's name `ROLE#K`, the levels a
// person reaches through courses).
import StrictJSON

extension Scenario {
    /// The most hires all roles together may allow (`Σ maxHires`; an implementation limit: every
    /// hire a role allows is a person of the problem, with per-period arrays, whether the plan
    /// hires it or not).
    public static let maxHires = 1_000
}

extension ScenarioValidator {
    // MARK: Roles

    /// Each role's id (non-empty, unique, without `#`, not a person's), skills, numbers (the
    /// roles' `maxHires` adding up to at most `Scenario.maxHires`), and whether a hire can ever
    /// start inside the horizon (a warning when not).
    mutating func checkHiring() {
        for (r, role) in scenario.hiring.enumerated() where roleIndex[role.id] == nil {
            roleIndex[role.id] = r
        }
        var allowed = 0
        for (r, role) in scenario.hiring.enumerated() {
            var base: String { "hiring[\(r)]" }
            if role.id.isEmpty {
                error("\(base).id", "role id is empty")
            } else if let first = roleIndex[role.id], first != r {
                error("\(base).id", "role id '\(role.id)' is duplicated (first at hiring[\(first)])")
            } else if role.id.contains("#") {
                error("\(base).id", "\(base).id '\(role.id)' contains '#' (hires are named ROLE#K)")
            } else if let p = personIndex[role.id] {
                error("\(base).id", "role id '\(role.id)' is a person's id (people[\(p)]); "
                      + "a role's hires are named '\(role.id)#1', '\(role.id)#2', …")
            }
            for (skill, level) in role.skills.sorted(by: { $0.key < $1.key }) where !Self.levels.contains(level) {
                error(JSONPath.member("\(base).skills", skill), "level of skill '\(skill)' must be an integer 1…5, got \(level)")
            }
            checkNonNegative(role.capacity, "\(base).capacity", "capacity")
            checkNonNegative(role.costPerHour, "\(base).costPerHour", "costPerHour")
            checkNonNegative(role.hireCost, "\(base).hireCost", "hireCost")
            let startOK = checkInteger(role.earliestStart, "\(base).earliestStart", "earliestStart", minimum: 0)
            // One error, at the role whose maxHires takes the sum past the limit.
            if checkInteger(role.maxHires, "\(base).maxHires", "maxHires", minimum: 0), allowed <= Scenario.maxHires {
                let what = role.maxHires > Scenario.maxHires || allowed == 0
                    ? "maxHires \(role.maxHires) is" : "the roles' maxHires add up to \(allowed + role.maxHires) with this one,"
                allowed += min(role.maxHires, Scenario.maxHires + 1)
                if allowed > Scenario.maxHires {
                    error("\(base).maxHires", "\(what) more than this planner supports (at most \(Scenario.maxHires) "
                          + "hires over all roles: every hire a role allows is a person of the problem)")
                }
            }
            if startOK, let periods, let status = statusPeriod, max(role.earliestStart, status) > periods - 1 {
                warning(base, "role '\(role.id)' can never be hired: its first start "
                        + "\(firstStartText(role.earliestStart, status)) lies after the horizon's last period \(periods - 1)")
            }
        }
    }

    /// A person whose id is the name of a hire of a declared role (`ROLE#K`): plans, pins,
    /// actuals and baselines could not tell them apart.
    mutating func checkPeopleAgainstHireNames() {
        guard !roleIndex.isEmpty else { return }
        for (i, person) in scenario.people.enumerated() {
            if let r = hiredRole(named: person.id) {
                error("people[\(i)].id", "person id '\(person.id)' is the name of a hire of role '\(scenario.hiring[r].id)' "
                      + "(hires are named ROLE#K); rename the person or the role")
            }
        }
    }

    // MARK: Courses

    /// Each course's id (non-empty, unique), person (known), skill, level, duration and numbers,
    /// and whether it can ever finish inside the horizon (a warning when not).
    mutating func checkTraining() {
        var firstCourse: [String: Int] = [:]
        for (c, course) in scenario.training.enumerated() {
            var base: String { "training[\(c)]" }
            if course.id.isEmpty {
                error("\(base).id", "course id is empty")
            } else if let first = firstCourse[course.id] {
                error("\(base).id", "course id '\(course.id)' is duplicated (first at training[\(first)])")
            } else {
                firstCourse[course.id] = c
            }
            if personIndex[course.person] == nil, personIDsKnown {
                error("\(base).person", "\(base).person '\(course.person)' is not a person")
            }
            if course.skill.isEmpty { error("\(base).skill", "skill is empty") }
            if !Self.levels.contains(course.level) {
                error("\(base).level", "level must be an integer 1…5, got \(course.level)")
            }
            let durationOK = checkInteger(course.duration, "\(base).duration", "duration", minimum: 1)
            checkNonNegative(course.hoursPerPeriod, "\(base).hoursPerPeriod", "hoursPerPeriod")
            checkNonNegative(course.cost, "\(base).cost", "cost")
            let startOK = checkInteger(course.earliestStart, "\(base).earliestStart", "earliestStart", minimum: 0)
            if durationOK, startOK, let periods, let status = statusPeriod,
               max(course.earliestStart, status) + course.duration - 1 > periods - 1 {
                warning(base, "course '\(course.id)' can never finish inside the horizon: its first start "
                        + "\(firstStartText(course.earliestStart, status)) + duration \(course.duration) - 1 "
                        + "> the horizon's last period \(periods - 1)")
            }
        }
    }

    /// `earliestStart 3`, or `status period 4` when that comes later.
    func firstStartText(_ earliestStart: Int, _ status: Int) -> String {
        status > earliestStart ? "status period \(status)" : "earliestStart \(earliestStart)"
    }

    // MARK: What other checks need

    /// The role whose hire `name` is (`ROLE#K`, K a decimal integer ≥ 1 without leading zeros,
    /// ROLE a known role), or `nil`.
    func hiredRole(named name: String) -> Int? {
        guard !roleIndex.isEmpty, let hash = name.firstIndex(of: "#"),
              let r = roleIndex[String(name[..<hash])] else { return nil }
        let number = name[name.index(after: hash)...]
        guard let first = number.first, first != "0", number.count <= 18,
              number.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return r
    }

    /// Whether `name` is a hire the scenario's roles allow: `ROLE#K` with K ≤ the role's `maxHires`
    /// (a baseline's hours on it are compared like any person's; on a higher K they are orphaned).
    func isAllowedHire(_ name: String) -> Bool {
        guard let r = hiredRole(named: name), let hash = name.firstIndex(of: "#"),
              let k = Int(name[name.index(after: hash)...]) else { return false }
        return k <= scenario.hiring[r].maxHires
    }

    /// Why a pin's person is not a person: a hire (never pinned), a role, or an unknown id.
    func unknownPinPersonText(_ name: String) -> String {
        if let r = hiredRole(named: name) {
            return "pin names '\(name)', a hire of role '\(scenario.hiring[r].id)': hires are never pinned "
                + "(the plan decides them)"
        }
        if roleIndex[name] != nil {
            return "pin names role '\(name)', not a person: hires are never pinned (the plan decides them)"
        }
        return "pin names unknown person '\(name)'"
    }

    /// Person `p`'s skill levels with what their courses teach, counting a course only when it can
    /// end by `period` (the horizon's last period when `nil`): from then on its level, if higher.
    func levels(of p: Int, by period: Int?) -> [String: Int] {
        var skills = scenario.people[p].skills
        let person = scenario.people[p].id
        let last = period ?? periods.map { $0 - 1 }
        for course in scenario.training where course.person == person && Self.levels.contains(course.level) {
            let qualifies = max(course.earliestStart, statusPeriod ?? 0) + course.duration
            if let last, course.duration >= 1, qualifies > last { continue }
            skills[course.skill] = max(skills[course.skill] ?? 0, course.level)
        }
        return skills
    }
}

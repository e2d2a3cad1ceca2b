// Key figures of a plan: load against capacity by person, team and skill; coverage and cost by project.

/// Booked hours against capacity for one person.
public struct PersonLoad: Sendable, Equatable, Codable {
    /// The person's id.
    public var id: String
    /// The person's team; `nil` when it has none.
    public var team: String?
    /// Booked hours per period.
    public var hours: [Double]
    /// Contracted capacity per period (before the utilisation cap).
    public var capacity: [Double]
    /// Usable capacity per period (after the utilisation cap).
    public var usable: [Double]
    /// Booked ÷ contracted capacity per period; `nil` where capacity is 0.
    public var utilization: [Double?]
}

/// Booked hours against capacity for one team (people without a team form the team "").
public struct TeamLoad: Sendable, Equatable, Codable {
    /// The team's name (`""` for people without a team).
    public var team: String
    /// Booked hours per period.
    public var hours: [Double]
    /// Contracted capacity per period.
    public var capacity: [Double]
    /// Booked ÷ capacity per period; `nil` where capacity is 0.
    public var utilization: [Double?]
}

/// Demand and booked hours for one skill.
public struct SkillLoad: Sendable, Equatable, Codable {
    /// The skill's name.
    public var skill: String
    /// Hours that selected projects demand in this skill, per period.
    public var demanded: [Double]
    /// Hours booked on those demands, per period.
    public var booked: [Double]
    /// Contracted capacity of everyone who has the skill at any level, per period.
    /// People with several skills count in each, so these do not add up across skills.
    public var headroom: [Double]
}

/// Coverage and cost of one project.
public struct ProjectKPI: Sendable, Equatable, Codable {
    /// The project's id.
    public var id: String
    /// Whether the plan selects the project.
    public var selected: Bool
    /// Its start, when selected.
    public var start: Int?
    /// Hours demanded (when selected).
    public var demandedHours: Double
    /// Hours the plan books on it, over all demands and periods.
    public var bookedHours: Double
    /// Booked ÷ demanded (1 when nothing is demanded).
    public var coverage: Double
    /// Staff cost of those hours (hours × each person's cost per hour).
    public var cost: Double
    /// Its budget; `nil` when it has none.
    public var budget: Double?
}

/// The key figures of a plan.
public struct PlanKPIs: Sendable, Equatable, Codable {
    /// Load per person, in scenario order.
    public var people: [PersonLoad]
    /// Per team, sorted by name.
    public var teams: [TeamLoad]
    /// Per skill, sorted by name.
    public var skills: [SkillLoad]
    /// Per project, in scenario order.
    public var projects: [ProjectKPI]
    /// The objective and each of its terms.
    public var objective: ObjectiveBreakdown

    /// Computes the figures of `allocation`.
    ///
    /// - Complexity: O(cells + P·T + J·D·duration).
    public init(allocation: Allocation, problem: PlanningProblem) {
        let periods = problem.periodCount
        var personHours = [[Double]](repeating: [Double](repeating: 0, count: periods), count: problem.people.count)
        var skillBooked = [[Double]](repeating: [Double](repeating: 0, count: periods), count: problem.skills.count)
        var projectHours = [Double](repeating: 0, count: problem.projects.count)
        var projectCost = [Double](repeating: 0, count: problem.projects.count)
        for (cell, h) in allocation.hours where h > 0 && cell.period >= 0 && cell.period < periods {
            let demand = problem.demands[cell.demand]
            personHours[cell.person][cell.period] += h
            skillBooked[demand.skill][cell.period] += h
            projectHours[demand.project] += h
            projectCost[demand.project] += h * problem.people[cell.person].costPerHour
        }

        func ratio(_ a: [Double], _ b: [Double]) -> [Double?] {
            zip(a, b).map { $1 > 0 ? $0 / $1 : nil }
        }

        var people: [PersonLoad] = []
        var teamHours: [String: [Double]] = [:]
        var teamCapacity: [String: [Double]] = [:]
        var skillHeadroom = [[Double]](repeating: [Double](repeating: 0, count: periods), count: problem.skills.count)
        for (i, person) in problem.scenario.people.enumerated() {
            let raw = person.capacity.expanded(to: periods)
            people.append(PersonLoad(id: person.id, team: person.team, hours: personHours[i], capacity: raw,
                                     usable: problem.people[i].capacity, utilization: ratio(personHours[i], raw)))
            let team = person.team ?? ""
            teamHours[team] = zip(teamHours[team] ?? Array(repeating: 0, count: periods), personHours[i]).map(+)
            teamCapacity[team] = zip(teamCapacity[team] ?? Array(repeating: 0, count: periods), raw).map(+)
            for (s, level) in problem.people[i].levels.enumerated() where level > 0 {
                for t in 0..<periods { skillHeadroom[s][t] += raw[t] }
            }
        }
        self.people = people
        self.teams = teamHours.keys.sorted().map { team in
            let hours = teamHours[team] ?? []
            let capacity = teamCapacity[team] ?? []
            return TeamLoad(team: team, hours: hours, capacity: capacity, utilization: ratio(hours, capacity))
        }

        var skillDemand = [[Double]](repeating: [Double](repeating: 0, count: periods), count: problem.skills.count)
        // A flexible line (version 3) asks, in each period, for what the plan books on it there;
        // what it leaves short is spread over the project's active periods from the status period on.
        var flexibleBooked: [Int: [Double]] = [:]
        for (cell, h) in allocation.hours where h > 0 && problem.demands[cell.demand].isFlexible {
            flexibleBooked[cell.demand, default: Array(repeating: 0, count: periods)][cell.period] += h
        }
        var projects: [ProjectKPI] = []
        for info in problem.projects {
            let start = allocation.starts[info.index]
            var demanded = 0.0
            if let start {
                for d in info.demands {
                    let demand = problem.demands[d]
                    if let work = demand.work {
                        let booked = flexibleBooked[d] ?? Array(repeating: 0, count: periods)
                        let finish = allocation.finish(of: info.index, in: problem) ?? start
                        let first = max(0, start, problem.statusPeriod)
                        let active = first..<max(first, min(finish + 1, periods))
                        let short = max(0, work - booked.reduce(0, +)) / Double(max(1, active.count))
                        for t in 0..<periods { skillDemand[demand.skill][t] += booked[t] + (active.contains(t) ? short : 0) }
                        demanded += work
                        continue
                    }
                    for (offset, h) in demand.hours.enumerated() where start + offset >= 0 && start + offset < periods {
                        skillDemand[demand.skill][start + offset] += h
                        demanded += h
                    }
                }
            }
            projects.append(ProjectKPI(
                id: info.id, selected: start != nil, start: start, demandedHours: demanded,
                bookedHours: projectHours[info.index],
                coverage: demanded > 0 ? projectHours[info.index] / demanded : 1,
                cost: projectCost[info.index], budget: info.budget))
        }
        self.projects = projects
        self.skills = problem.skills.enumerated().map { s, name in
            SkillLoad(skill: name, demanded: skillDemand[s], booked: skillBooked[s], headroom: skillHeadroom[s])
        }
        self.objective = ObjectiveBreakdown(allocation: allocation, problem: problem)
    }
}

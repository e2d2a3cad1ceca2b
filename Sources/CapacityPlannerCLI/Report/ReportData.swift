// Everything the HTML report shows, computed once from the problem and the plan.
import CapacityPlanning
import ConflictAnalysis

/// The figures behind the report: the plan on indices, its KPIs and check, people grouped
/// by team, demand and supply per skill, and why each project was left out.
struct ReportData {
    /// One person's row in the heatmap.
    struct PersonRow {
        /// Index in the problem.
        let index: Int
        /// The person's id.
        let id: String
        /// Display name.
        let name: String
        /// Booked hours per period.
        let booked: [Double]
        /// Contracted capacity per period (before the utilisation cap).
        let capacity: [Double]
        /// Usable capacity per period (after the cap).
        let usable: [Double]
        /// Projects the person works on, by display name, most hours first.
        let projects: [String]
        /// Hours the plan's courses take per period (version 3, Part B; all 0 without courses).
        let training: [Double]
        /// For a hire instance `ROLE#K`: the period its hire starts (it has no capacity before).
        let hiredFrom: Int?
    }

    /// A team and its people, in scenario order.
    struct TeamGroup {
        /// The team's name ("No team" for people without one).
        let name: String
        /// Its people.
        let people: [PersonRow]
        /// Booked hours per period, all members together.
        let booked: [Double]
        /// Contracted capacity per period, all members together.
        let capacity: [Double]
        /// Hours the plan's courses take per period, all members together.
        let training: [Double]
    }

    /// Demand and supply of one skill over time.
    struct SkillSeries {
        /// The skill.
        let skill: String
        /// Hours that selected projects demand, per period.
        let demanded: [Double]
        /// Hours booked on those demands, per period.
        let booked: [Double]
        /// Usable hours of everyone with the skill at any level, per period.
        let supply: [Double]
        /// Number of people with the skill.
        let people: Int

        /// The highest demand ÷ supply over the horizon (infinite when demand meets no supply).
        var peakLoad: Double {
            zip(demanded, supply).map { d, s in s > 0 ? d / s : (d > 0 ? .infinity : 0) }.max() ?? 0
        }
    }

    /// A project the plan leaves out.
    struct Exclusion {
        /// Index in the problem.
        let index: Int
        /// Why, when a reason is obvious.
        let reason: String?
    }

    /// The report's title.
    let title: String
    /// The problem.
    let problem: PlanningProblem
    /// The plan shown.
    let plan: Plan
    /// Period labels.
    let labels: PeriodLabels
    /// The plan on indices.
    let allocation: Allocation
    /// Key figures.
    let kpis: PlanKPIs
    /// The checker's verdict (an infeasible plan is reported as not valid).
    let check: PlanCheck
    /// People by team, teams in order of first appearance.
    let teams: [TeamGroup]
    /// The hire instances the plan hires (`ROLE#K`, version 3, Part B), as a group after the
    /// teams; `nil` when it hires nobody. Instances it does not hire are never shown.
    let hires: TeamGroup?
    /// Skills, busiest (highest peak demand ÷ supply) first.
    let skills: [SkillSeries]
    /// Projects left out, in scenario order.
    let exclusions: [Exclusion]
    /// Warnings about the scenario and from the planner, without repeats.
    let warnings: [String]
    /// The heatmap's and skill charts' columns: one period each, or runs of periods so that
    /// there are at most `maxColumns` of them.
    let columns: [Range<Int>]

    /// The most columns the heatmap and skill charts draw.
    static let maxColumns = 104

    /// The grouping key of people without a team (a team name starting with U+0000 is not expected).
    private static let noTeam = "\u{0}no team"

    /// Whether there is a plan to show (status not `infeasible`).
    var hasPlan: Bool { plan.status != .infeasible }

    /// Computes the report's figures for `checked` (a plan of `problem` and its check); `leftOut`
    /// is the analysis's explanation of the projects the plan leaves out, when an analysis of this
    /// plan already has it.
    init(title: String, problem: PlanningProblem, checked: CheckedPlan, leftOut: [NotSelectedProject]? = nil) {
        self.title = title
        self.problem = problem
        self.plan = checked.plan
        labels = PeriodLabels(problem.scenario.horizon)
        let allocation = checked.allocation
        let kpis = PlanKPIs(allocation: allocation, problem: problem)
        self.allocation = allocation
        self.kpis = kpis
        check = checked.check
        let periods = problem.periodCount
        let width = max(1, (periods + Self.maxColumns - 1) / Self.maxColumns)
        columns = stride(from: 0, to: periods, by: width).map { $0..<min(periods, $0 + width) }

        // Hours per person and project, for "works on".
        var personProject: [Int: [Int: Double]] = [:]
        for (cell, h) in allocation.hours where h > 0 {
            personProject[cell.person, default: [:]][problem.demands[cell.demand].project, default: 0] += h
        }
        var order: [String] = []
        var members: [String: [PersonRow]] = [:]
        for (i, person) in problem.scenario.people.enumerated() where kpis.people.indices.contains(i) {
            let load = kpis.people[i]
            let projects = (personProject[i] ?? [:]).sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .map { problem.scenario.projects[$0.key].resolvedName }
            let row = PersonRow(index: i, id: person.id, name: person.resolvedName, booked: load.hours,
                                capacity: load.capacity, usable: load.usable, projects: projects,
                                training: (0..<periods).map { problem.courseHours(of: i, period: $0, in: allocation) },
                                hiredFrom: nil)
            // People without a team gather in a group after all named teams.
            let team = person.team.flatMap { $0.isEmpty ? nil : $0 } ?? Self.noTeam
            if members[team] == nil && team != Self.noTeam { order.append(team) }
            members[team, default: []].append(row)
        }
        if members[Self.noTeam] != nil { order.append(Self.noTeam) }
        teams = order.map { key in
            Self.group(key == Self.noTeam ? "No team" : key, members[key] ?? [], periods: periods)
        }
        let hired = Self.hireRows(problem, allocation: allocation, personProject: personProject)
        hires = hired.isEmpty ? nil : Self.group("Hires", hired, periods: periods)

        // Everyone who works in the plan: the scenario's people and the instances it hires.
        let staff = Array(0..<problem.scenarioPeopleCount) + hired.map(\.index)
        skills = kpis.skills.enumerated().map { s, load in
            var supply = [Double](repeating: 0, count: periods)
            var count = 0
            for p in staff {
                let person = problem.people[p]
                // The skill from the start, or from the end of a course the plan takes (version 3).
                let own = person.levels.indices.contains(s) && person.levels[s] > 0
                let taught = (problem.coursesOf[p] ?? []).compactMap { c -> Int? in
                    guard problem.courses[c].skill == s, let start = allocation.courses[c] else { return nil }
                    return problem.courses[c].qualifiesFrom(start: start)
                }.min()
                guard own || taught != nil else { continue }
                count += 1
                for t in 0..<periods where own || t >= (taught ?? periods) {
                    supply[t] += max(0, problem.capacity(of: p, period: t, in: allocation)
                                        - problem.courseHours(of: p, period: t, in: allocation))
                }
            }
            return SkillSeries(skill: load.skill, demanded: load.demanded, booked: load.booked, supply: supply, people: count)
        }
        .filter { $0.demanded.contains { $0 > 0 } || $0.people > 0 }
        .sorted { a, b in
            let (x, y) = (a.peakLoad, b.peakLoad)
            return x != y ? x > y : a.skill < b.skill
        }

        // The analysis's one explanation; its first (binding) reason is shown, unless the only
        // reason is that the project displaces better work (no single plain reason).
        let explained = leftOut ?? LeftOutExplanation.reasons(for: problem, allocation: allocation)
        let reasons = Dictionary(explained.map { ($0.project, $0) },
                                 uniquingKeysWith: { first, _ in first })
        exclusions = problem.projects.filter { !allocation.isSelected($0.index) }.map { info in
            let plain = reasons[info.id]?.reasons.first { $0.kind != .displacesBetterWork }
            return Exclusion(index: info.index, reason: plain?.detail)
        }

        var seen = Set<String>()
        warnings = (problem.warnings.map(\.description) + (plan.details?.warnings ?? [])).filter { seen.insert($0).inserted }
    }

    /// A group of `people` with their hours and capacity summed per period.
    private static func group(_ name: String, _ people: [PersonRow], periods: Int) -> TeamGroup {
        var booked = [Double](repeating: 0, count: periods)
        var capacity = [Double](repeating: 0, count: periods)
        var training = [Double](repeating: 0, count: periods)
        for p in people {
            for t in 0..<periods {
                booked[t] += p.booked.indices.contains(t) ? p.booked[t] : 0
                capacity[t] += p.capacity.indices.contains(t) ? p.capacity[t] : 0
                training[t] += p.training.indices.contains(t) ? p.training[t] : 0
            }
        }
        return TeamGroup(name: name, people: people, booked: booked, capacity: capacity, training: training)
    }

    /// The hire instances `allocation` hires, by role and number: "Data engineer #1", with the
    /// role's capacity from the hire's start (0 before) and their booked hours.
    private static func hireRows(_ problem: PlanningProblem, allocation: Allocation,
                                 personProject: [Int: [Int: Double]]) -> [PersonRow] {
        let periods = problem.periodCount
        let hired = allocation.hires.keys.filter { problem.people.indices.contains($0) && problem.people[$0].hire != nil }
            .sorted()
        return hired.compactMap { p -> PersonRow? in
            guard let slot = problem.people[p].hire, problem.scenario.hiring.indices.contains(slot.role),
                  let start = allocation.hires[p] else { return nil }
            let role = problem.scenario.hiring[slot.role]
            var booked = [Double](repeating: 0, count: periods)
            for (cell, h) in allocation.hours where cell.person == p && h > 0 && booked.indices.contains(cell.period) {
                booked[cell.period] += h
            }
            let projects = (personProject[p] ?? [:]).sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .map { problem.scenario.projects[$0.key].resolvedName }
            return PersonRow(index: p, id: problem.people[p].id, name: "\(role.resolvedName) #\(slot.number)", booked: booked,
                             capacity: (0..<periods).map { $0 >= start ? max(0, role.capacity) : 0 },
                             usable: (0..<periods).map { problem.capacity(of: p, period: $0, in: allocation) },
                             projects: projects, training: Array(repeating: 0, count: periods), hiredFrom: start)
        }
    }
}

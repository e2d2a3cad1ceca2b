// A plan's objective explained: term by term, project by project, and the staff cost by person
// and team, each list summing to the objective (issue "the weekly cycle", item 1).

/// Where a plan's objective comes from, in lines that each sum to it.
///
/// - `terms`: the objective's terms (spec v1 §2, v2 §3, v3 §4), each signed as it counts
///   (costs negative); their sum is the objective.
/// - `projects` and `portfolio`: the same objective attributed to the projects (a project's
///   value, strategic value, delay and late cost, the staff cost, unmet, assignment and change
///   penalties of its hours, the start-change penalty of its baseline start) and, for what
///   belongs to no single project, to the portfolio (synergies, hires, courses); the projects'
///   `contribution`s plus the portfolio's sum to the objective.
/// - `people`, `teams`, `hires`, `courses`: the staff cost by person and by team, and the hiring
///   and training cost line by line; each list sums to its term.
///
/// ```swift
/// let explained = ObjectiveExplanation(allocation: checked.allocation, problem: problem)
/// for line in explained.projects { print(line.project, line.contribution) }
/// ```
public struct ObjectiveExplanation: Sendable, Equatable, Codable {
    /// One term of the objective.
    public struct Term: Sendable, Equatable, Codable {
        /// Its name, as in `ObjectiveBreakdown` and the checker's report (`value`, `staffCost`, …).
        public var term: String
        /// What it adds to the objective: positive for value, negative for a cost or penalty.
        public var amount: Double
        /// What it prices, when it is a count or hours (`unmetHours`, assignment pairs, changed
        /// hours, start changes); `nil` otherwise.
        public var quantity: Double?
    }

    /// One project's share of the objective.
    public struct ProjectLine: Sendable, Equatable, Codable {
        /// The project's id.
        public var project: String
        /// Whether the plan selects it (a dropped baseline project may still cost change penalties).
        public var selected: Bool
        /// Its value (times its probability, version 3).
        public var value: Double
        /// Its strategic value (version 2).
        public var strategicValue: Double
        /// Its cost of delay.
        public var delayCost: Double
        /// Its late penalty (version 3).
        public var lateCost: Double
        /// The staff cost of its hours from the status period on.
        public var staffCost: Double
        /// The penalty of its unmet hours.
        public var unmetPenalty: Double
        /// The penalty of the people assigned to it.
        public var assignmentPenalty: Double
        /// The penalty of its hours that differ from the baseline.
        public var changePenalty: Double
        /// The penalty of its baseline start changed or dropped.
        public var startChangePenalty: Double
        /// What it adds to the objective: value + strategic value − the costs and penalties above.
        public var contribution: Double
    }

    /// What belongs to the portfolio rather than to one project.
    public struct PortfolioLine: Sendable, Equatable, Codable {
        /// The synergies' value (version 3).
        public var synergyValue: Double
        /// The hires' cost (version 3, Part B).
        public var hiringCost: Double
        /// The courses' cost (version 3, Part B).
        public var trainingCost: Double
        /// `synergyValue − hiringCost − trainingCost`.
        public var contribution: Double
    }

    /// Hours and their staff cost for one person or one team.
    public struct StaffLine: Sendable, Equatable, Codable {
        /// The person's id (in `people`), or the team's name (in `teams`; `nil` for people without one).
        public var name: String?
        /// The person's team (in `people`).
        public var team: String?
        /// Hours from the status period on.
        public var hours: Double
        /// Their cost in the objective (a hire's hours cost nothing beyond its salary).
        public var cost: Double
    }

    /// One hire's cost (its hiring cost and salary to the horizon's end).
    public struct HireLine: Sendable, Equatable, Codable {
        /// The person the hire is (`ROLE#K`).
        public var person: String
        /// The role.
        public var role: String
        /// Its first period.
        public var start: Int
        /// Its cost.
        public var cost: Double
    }

    /// One course taken and its cost.
    public struct CourseLine: Sendable, Equatable, Codable {
        /// The course's id.
        public var course: String
        /// Who attends.
        public var person: String
        /// Its first period.
        public var start: Int
        /// Its cost.
        public var cost: Double
    }

    /// The objective the lines explain.
    public var objective: Double
    /// The terms, signed; they sum to `objective`.
    public var terms: [Term]
    /// Every project that adds or costs anything (selected ones, and dropped baseline ones with penalties).
    public var projects: [ProjectLine]
    /// What belongs to no single project; with `projects` it sums to `objective`.
    public var portfolio: PortfolioLine
    /// Staff cost by person with hours, most expensive first; sums to the `staffCost` term.
    public var people: [StaffLine]
    /// Staff cost by team (people without a team under `name` `nil`); sums to the `staffCost` term.
    public var teams: [StaffLine]
    /// The hires, in start order (version 3, Part B).
    public var hires: [HireLine]
    /// The courses taken (version 3, Part B).
    public var courses: [CourseLine]

    /// Explains the objective of `allocation` (a valid plan's, on `problem`'s indices).
    ///
    /// - Complexity: O(n log n) in the cells and baseline cells, like `ObjectiveBreakdown`.
    public init(allocation: Allocation, problem: PlanningProblem) {
        let breakdown = ObjectiveBreakdown(allocation: allocation, problem: problem)
        objective = breakdown.total
        terms = Self.terms(of: breakdown)

        let policy = problem.policy
        var lines = problem.projects.map { info in
            ProjectLine(project: info.id, selected: allocation.isSelected(info.index), value: 0, strategicValue: 0,
                        delayCost: 0, lateCost: 0, staffCost: 0, unmetPenalty: 0, assignmentPenalty: 0, changePenalty: 0,
                        startChangePenalty: 0, contribution: 0)
        }
        for info in problem.projects {
            guard let start = allocation.starts[info.index] else { continue }
            let j = info.index
            guard problem.isInFlight, let finish = allocation.finish(of: j, in: problem) else {
                lines[j].value = info.value
                lines[j].strategicValue = info.strategicValue
                lines[j].delayCost = info.costOfDelay * Double(start - info.earliestStart)
                continue
            }
            lines[j].value = info.probability * info.value
            lines[j].strategicValue = info.probability * info.strategicValue
            lines[j].delayCost = info.probability * info.costOfDelay * Double(finish - info.earliestFinish)
            lines[j].lateCost = info.probability * info.latePenaltyPerPeriod * Double(info.periodsLate(finish: finish))
        }

        // Hours from the status period on, by project, person and (person, project) pair.
        let now = problem.statusPeriod
        var personHours = [Double](repeating: 0, count: problem.people.count)
        var personCost = [Double](repeating: 0, count: problem.people.count)
        var pairs = Set<[Int]>()
        let cells = allocation.hours.filter { $0.value > 0 && $0.key.period >= now }.sorted {
            ($0.key.person, $0.key.demand, $0.key.period) < ($1.key.person, $1.key.demand, $1.key.period)
        }
        for (cell, h) in cells {
            let j = problem.demands[cell.demand].project
            let cost = h * problem.people[cell.person].objectiveRate
            lines[j].staffCost += cost
            personHours[cell.person] += h
            personCost[cell.person] += cost
            if pairs.insert([cell.person, j]).inserted { lines[j].assignmentPenalty += policy.assignmentPenalty }
            lines[j].changePenalty += policy.changePenaltyPerHour * abs(h - (problem.baseline.hours[cell] ?? 0))
        }
        for (cell, b) in problem.baseline.hours where cell.period >= now && (allocation.hours[cell] ?? 0) <= 0 {
            lines[problem.demands[cell.demand].project].changePenalty += policy.changePenaltyPerHour * b
        }
        for (j, unmet) in allocation.unmetHoursByProject(problem).enumerated() where lines.indices.contains(j) {
            lines[j].unmetPenalty = policy.unmetPenaltyPerHour * unmet
        }
        for (j, start) in problem.baseline.starts where allocation.starts[j] != start {
            lines[j].startChangePenalty = policy.startChangePenalty
        }
        for j in lines.indices {
            let l = lines[j]
            lines[j].contribution = l.value + l.strategicValue - l.delayCost - l.lateCost - l.staffCost - l.unmetPenalty
                - l.assignmentPenalty - l.changePenalty - l.startChangePenalty
        }
        projects = lines.filter { line in
            line.selected || line.changePenalty != 0 || line.startChangePenalty != 0 || line.staffCost != 0
        }
        let synergy = breakdown.synergyValue ?? 0, hiring = breakdown.hiringCost ?? 0, training = breakdown.trainingCost ?? 0
        portfolio = PortfolioLine(synergyValue: synergy, hiringCost: hiring, trainingCost: training,
                                  contribution: synergy - hiring - training)

        people = problem.people.indices.filter { personHours[$0] > 0 }
            .map { StaffLine(name: problem.people[$0].id, team: problem.people[$0].team, hours: personHours[$0], cost: personCost[$0]) }
            .sorted { ($0.cost, $1.name ?? "") > ($1.cost, $0.name ?? "") }
        var byTeam: [String?: StaffLine] = [:]
        for line in people {
            byTeam[line.team, default: StaffLine(name: line.team, team: nil, hours: 0, cost: 0)].hours += line.hours
            byTeam[line.team]?.cost += line.cost
        }
        teams = byTeam.values.sorted { ($0.cost, $1.name ?? "") > ($1.cost, $0.name ?? "") }

        hires = allocation.hires.sorted { ($0.value, $0.key) < ($1.value, $1.key) }.compactMap { p, start in
            guard problem.people.indices.contains(p), let slot = problem.people[p].hire else { return nil }
            let role = problem.roles[slot.role]
            return HireLine(person: problem.people[p].id, role: role.id, start: start, cost: role.cost(start: start))
        }
        courses = allocation.courses.sorted { $0.key < $1.key }.compactMap { c, start in
            guard problem.courses.indices.contains(c) else { return nil }
            let course = problem.courses[c]
            return CourseLine(course: course.id, person: problem.people[course.person].id, start: start, cost: course.cost)
        }
    }

    /// The breakdown's terms, signed as they count; the v2 and v3 terms only where the
    /// scenario has them (a v1 plan explains with v1's terms).
    static func terms(of b: ObjectiveBreakdown) -> [Term] {
        var out = [Term(term: "value", amount: b.value)]
        if b.strategicValue != 0 { out.append(Term(term: "strategicValue", amount: b.strategicValue)) }
        if let synergy = b.synergyValue { out.append(Term(term: "synergyValue", amount: synergy)) }
        if b.delayCost != 0 { out.append(Term(term: "delayCost", amount: -b.delayCost)) }
        if let late = b.lateCost { out.append(Term(term: "lateCost", amount: -late)) }
        out.append(Term(term: "staffCost", amount: -b.staffCost))
        if let hiring = b.hiringCost { out.append(Term(term: "hiringCost", amount: -hiring)) }
        if let training = b.trainingCost { out.append(Term(term: "trainingCost", amount: -training)) }
        out.append(Term(term: "unmetPenalty", amount: -b.unmetPenalty, quantity: b.unmetHours))
        out.append(Term(term: "assignmentPenalty", amount: -b.assignmentPenalty, quantity: Double(b.assignmentPairs)))
        out.append(Term(term: "changePenalty", amount: -b.changePenalty, quantity: b.changedHours))
        out.append(Term(term: "startChangePenalty", amount: -b.startChangePenalty, quantity: Double(b.startChanges)))
        return out
    }
}

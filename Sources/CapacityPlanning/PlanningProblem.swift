// The normalised problem: a valid scenario turned into dense indices, built once
// and shared by every planner, the checker and the analysis.
import Synchronization

/// A valid scenario in dense, planner-friendly form.
///
/// Build it once per scenario; every planner, the plan checker and the
/// analysis share it. Building validates the scenario first.
///
/// - Complexity: O(P·S + J·(D + Δ) + Σ_d P + B) to build, where P is people,
///   S skills, J projects, D demands, Δ dependency edges and B baseline entries:
///   each demand scans the people once to find who qualifies.
public struct PlanningProblem: Sendable {
    /// A number no other problem built by this process has: a `CheckedPlan` remembers by it
    /// which problem it was checked against (copies of this value share it).
    public let identity: UInt64
    private static let built = Atomic<UInt64>(0)
    /// The scenario it was built from.
    public let scenario: Scenario
    /// Warnings found while validating (projects that never fit, orphaned baseline work, …).
    public let warnings: [ScenarioIssue]
    /// Number of periods in the horizon (`horizon.periods`).
    public let periodCount: Int
    /// Skill names by index (sorted).
    public let skills: [String]
    /// People by index (scenario order).
    public let people: [PersonInfo]
    /// Projects by index (scenario order).
    public let projects: [ProjectInfo]
    /// Demands by global index (projects in order, then each project's demands in order).
    public let demands: [DemandInfo]
    /// Pins by index (scenario order).
    public let pins: [PinInfo]
    /// Projects ordered so that every dependency comes before its dependents.
    public let topologicalOrder: [Int]
    /// The baseline on indices (empty without one).
    public let baseline: BaselineInfo
    /// The shared systems (version 2), in scenario order.
    public let systems: [SystemInfo]
    /// The balance rules (version 2) with their groups, in scenario order.
    public let balanceGroups: [BalanceGroup]
    /// The status period `S` (version 3; 0 otherwise): no plan has hours before it.
    public let statusPeriod: Int
    /// The synergies (version 3), in scenario order.
    public let synergies: [SynergyInfo]
    /// Staff cost of every actual (version 3): the portfolio budget counts it.
    public let actualSpend: Double
    /// Whether the scenario uses version 3's portfolio in flight or its supply
    /// (`Scenario.usesInFlightKeys`, `usesSupplyKeys`): its plans are read, checked and planned
    /// by version 3's rules.
    public let isInFlight: Bool
    /// The roles that may be hired for (version 3, Part B); their hires are people of the problem
    /// after the scenario's own (`PersonInfo.hire`).
    public let roles: [RoleInfo]
    /// The courses (version 3, Part B).
    public let courses: [CourseInfo]
    /// The courses of each person who has any, by person index.
    public let coursesOf: [Int: [Int]]
    /// The scenario's own people: the first `scenarioPeopleCount` of `people` (hire instances follow).
    public let scenarioPeopleCount: Int
    /// The scenario's policy: utilisation cap, penalties, portfolio budget and balance rules.
    public var policy: Policy { scenario.policy }

    /// Person index by id.
    public let personIndex: [String: Int]
    /// Project index by id.
    public let projectIndex: [String: Int]
    private let demandIndexByKey: [String: [String: Int]]

    /// Validates `scenario` and builds the normalised problem.
    ///
    /// - Throws: `ScenarioError` listing every error when the scenario is invalid.
    public init(_ scenario: Scenario) throws(ScenarioError) {
        let issues = scenario.validate()
        let errors = issues.filter { $0.severity == .error }
        guard errors.isEmpty else { throw ScenarioError(issues: errors) }
        self.init(validated: scenario, warnings: issues.filter { $0.severity == .warning })
    }

    /// The demand of project `project` whose id is `id`, if any.
    public func demandIndex(project: Int, id: String) -> Int? {
        guard projects.indices.contains(project) else { return nil }
        return demandIndexByKey[projects[project].id]?[id]
    }

    /// The demand named by a project id and demand id, if any.
    public func demandIndex(projectID: String, demandID: String) -> Int? {
        demandIndexByKey[projectID]?[demandID]
    }

    private init(validated scenario: Scenario, warnings: [ScenarioIssue]) {
        self.identity = Self.built.add(1, ordering: .relaxed).newValue
        self.scenario = scenario
        self.warnings = warnings
        let periods = scenario.horizon.periods
        self.periodCount = periods
        let cap = scenario.policy.utilizationCap
        let status = scenario.statusPeriod
        self.statusPeriod = status
        self.isInFlight = scenario.usesInFlightKeys || scenario.usesSupplyKeys

        // Skills: every skill a person has or a demand needs.
        var skillSet = Set<String>()
        for person in scenario.people { skillSet.formUnion(person.skills.keys) }
        for project in scenario.projects { for demand in project.demands { skillSet.insert(demand.skill) } }
        let skills = skillSet.sorted()
        self.skills = skills
        let skillIndex = Dictionary(uniqueKeysWithValues: skills.enumerated().map { ($1, $0) })

        // People.
        var personIndex: [String: Int] = [:]
        var people: [PersonInfo] = []
        people.reserveCapacity(scenario.people.count)
        for (i, person) in scenario.people.enumerated() {
            personIndex[person.id] = i
            var levels = Array(repeating: 0, count: skills.count)
            for (skill, level) in person.skills { if let s = skillIndex[skill] { levels[s] = level } }
            people.append(PersonInfo(
                index: i, id: person.id, costPerHour: person.costPerHour,
                capacity: person.capacity.expanded(to: periods).map { max(0, $0 * cap) },
                maxConcurrentProjects: person.maxConcurrentProjects, levels: levels, team: person.team))
        }
        // Hire instances (version 3, Part B) follow the scenario's own people.
        self.scenarioPeopleCount = people.count
        for instance in Self.hireInstances(scenario.hiring, skillIndex: skillIndex, skillCount: skills.count,
                                           periods: periods, firstIndex: people.count) {
            // A person may not have a hire's name (validation); never let a hire take theirs.
            if personIndex[instance.id] == nil { personIndex[instance.id] = instance.index }
            people.append(instance)
        }
        self.people = people
        self.personIndex = personIndex
        let courses = Self.courseInfos(scenario.training, personIndex: personIndex, skillIndex: skillIndex,
                                       periods: periods, status: status)
        self.courses = courses
        self.coursesOf = Dictionary(grouping: courses.indices, by: { courses[$0].person })

        // Projects and demands.
        var projectIndex: [String: Int] = [:]
        for (j, project) in scenario.projects.enumerated() { projectIndex[project.id] = j }
        self.projectIndex = projectIndex

        var demands: [DemandInfo] = []
        var demandIndexByKey: [String: [String: Int]] = [:]
        var demandsOfProject: [[Int]] = []
        for (j, project) in scenario.projects.enumerated() {
            var own: [Int] = []
            for demand in project.demands {
                let d = demands.count
                let s = skillIndex[demand.skill] ?? 0
                // A project longer than the horizon can never be selected: its profile is cut to the horizon.
                // A flexible line has no profile; a started project's fixed line only its periods from S on.
                var hours = demand.work == nil ? demand.hours.expanded(to: min(project.duration, periods)) : []
                if let started = project.started {
                    for offset in hours.indices where started + offset < status { hours[offset] = 0 }
                }
                let eligible = people.filter {
                    $0.hire == nil && $0.levels.indices.contains(s) && $0.levels[s] >= demand.minLevel
                }.map(\.index)
                let bySupply = Self.supplyEligible(skill: s, minLevel: demand.minLevel, eligible: eligible,
                                                   people: people, courses: courses)
                var info = DemandInfo(
                    index: d, id: demand.resolvedID, project: j, skill: s, minLevel: demand.minLevel,
                    hours: hours, totalHours: demand.work ?? hours.reduce(0, +), eligiblePeople: eligible,
                    cheapestRate: (eligible + bySupply).map { people[$0].objectiveRate }.min(),
                    work: demand.work, maxPerPeriod: demand.work == nil ? nil : demand.maxPerPeriod)
                info.supplyEligible = bySupply
                demands.append(info)
                demandIndexByKey[project.id, default: [:]][demand.resolvedID] = d
                own.append(d)
            }
            demandsOfProject.append(own)
        }
        self.demands = demands
        self.demandIndexByKey = demandIndexByKey
        let hiresInBaseline = scenario.baseline?.assignments.contains { a in
            personIndex[a.person].map { people[$0].hire != nil } ?? false
        } ?? false
        self.roles = Self.roleInfos(scenario.hiring, people: people, demands: demands, skillIndex: skillIndex,
                                    skillCount: skills.count, periods: periods, status: status, cap: cap,
                                    everyHireMatters: scenario.policy.assignmentPenalty > 0 || hiresInBaseline)

        // Dependencies (unique, known) and a topological order (validation guarantees no cycle).
        let count = scenario.projects.count
        var dependencies = Array(repeating: [Int](), count: count)
        var dependents = Array(repeating: [Int](), count: count)
        for (j, project) in scenario.projects.enumerated() {
            var seen = Set<Int>()
            for dep in project.dependsOn {
                guard let i = projectIndex[dep], i != j, seen.insert(i).inserted else { continue }
                dependencies[j].append(i)
                dependents[i].append(j)
            }
        }
        let order = Self.topologicalOrder(dependencies: dependencies, dependents: dependents)
        self.topologicalOrder = order

        // Pins on indices.
        var pins: [PinInfo] = []
        for (k, pin) in scenario.pins.enumerated() {
            guard let p = personIndex[pin.person], let j = projectIndex[pin.project] else { continue }
            var demand: Int?
            if let id = pin.demand {
                guard let d = demandIndexByKey[pin.project]?[id] else { continue }
                demand = d
            }
            let candidates = demand.map { [$0] } ?? demandsOfProject[j]
            // A line counts when the person qualifies, or a course can qualify them by the pin's period.
            let by = pin.period ?? (periods - 1)
            let counting = candidates.filter { d in
                demands[d].eligiblePeople.contains(p) || courses.contains { course in
                    course.person == p && course.skill == demands[d].skill && course.level >= demands[d].minLevel
                        && (course.starts.map { $0.lowerBound + course.duration <= by } ?? false)
                }
            }
            pins.append(PinInfo(index: k, person: p, project: j, demand: demand, period: pin.period,
                                hours: pin.hours, countingDemands: counting))
        }
        self.pins = pins

        // Required projects: mandatory, pinned, and (transitively) what they depend on.
        var required = scenario.projects.map(\.mandatory)
        for pin in pins { required[pin.project] = true }
        // A started project's dependencies are history (spec v3, rule 3): it does not require them.
        for j in order.reversed() where required[j] && scenario.projects[j].started == nil {
            for i in dependencies[j] { required[i] = true }
        }

        // Start ranges: own window, then earliest finishes of dependencies (forward),
        // then latest starts of required dependents (backward), then pinned periods.
        var lower = [Int](repeating: 0, count: count)
        var upper = [Int](repeating: 0, count: count)
        var possible = [Bool](repeating: true, count: count)
        var window: [ClosedRange<Int>?] = []
        for (j, project) in scenario.projects.enumerated() {
            lower[j] = min(max(0, project.firstStart(statusPeriod: status)), periods + 1)
            upper[j] = max(-1, project.started.map { min($0, project.latestStart(periods: periods)) }
                            ?? project.latestStart(periods: periods))
            window.append(lower[j] <= upper[j] ? lower[j]...upper[j] : nil)
        }
        // Version 2: systems close starts; alternatives of required projects, and projects that
        // exclude what they depend on, can never be selected.
        // A started project's dependencies are history: they neither block nor exclude it (spec v3).
        let live = dependencies.indices.map { scenario.projects[$0].started == nil ? dependencies[$0] : [] }
        let rules = PortfolioIndex(scenario: scenario, projectIndex: projectIndex, dependencies: live,
                                   required: required, windows: window)
        for j in rules.unselectable { possible[j] = false }
        // A started project's start is fixed: no system moves it (its past freezes are history; a
        // freeze from the status period on is the planner's concern, span by span).
        let started = scenario.projects.map { $0.started != nil }
        for j in order {
            if !started[j] { rules.advance(j, &lower[j], upper[j]) }
            for i in dependencies[j] where !started[j] {
                if !possible[i] { possible[j] = false }
                // Clamped just past the horizon: beyond it every start is impossible anyway,
                // and long chains of huge durations must not overflow.
                lower[j] = max(lower[j], min(lower[i] + scenario.projects[i].duration, periods + 1))
            }
            if !started[j] { rules.advance(j, &lower[j], upper[j]) }
            if lower[j] > upper[j] { possible[j] = false }
        }
        for j in order.reversed() where required[j] && possible[j] && scenario.projects[j].started == nil {
            for i in dependencies[j] {
                upper[i] = max(-1, min(upper[i], upper[j] - scenario.projects[i].duration))
                if !started[i] { rules.retreat(i, lower[i], &upper[i]) }
            }
        }
        for pin in pins {
            // A pinned period lies within the span; a started project's start does not move.
            guard let t = pin.period, !started[pin.project] else { continue }
            let longest = scenario.projects[pin.project].longestDuration
            lower[pin.project] = max(lower[pin.project], t - longest + 1)
            upper[pin.project] = min(upper[pin.project], t)
            rules.advance(pin.project, &lower[pin.project], upper[pin.project])
            rules.retreat(pin.project, lower[pin.project], &upper[pin.project])
        }

        let actuals = Self.actualSpend(scenario, personIndex: personIndex, projectIndex: projectIndex)
        var projects: [ProjectInfo] = []
        for (j, project) in scenario.projects.enumerated() {
            let staffing = Self.cheapestStaffing(demandsOfProject[j].map { demands[$0] }, mandatory: project.mandatory,
                                                 unmetPenalty: scenario.policy.unmetPenaltyPerHour)
            let ok = possible[j] && lower[j] <= upper[j]
            let range: ClosedRange<Int>? = ok ? lower[j]...upper[j] : nil
            projects.append(ProjectInfo(
                index: j, id: project.id, value: project.value,
                strategicValue: (scenario.strategy?.valuePerPoint ?? 0) * project.strategicScore(scenario.strategy),
                costOfDelay: project.costOfDelay, earliestStart: project.earliestStart,
                systems: rules.touches[j], excludes: rules.excludes[j],
                closedStarts: started[j] ? [] : range.map { rules.closedStarts(j, in: $0) } ?? [],
                mandatory: project.mandatory,
                required: required[j], duration: project.duration, windowStarts: window[j],
                startRange: range, budget: project.budget,
                dependencies: dependencies[j], dependents: dependents[j], demands: demandsOfProject[j],
                totalHours: demandsOfProject[j].reduce(0) { $0 + demands[$1].totalHours },
                cheapestStaffingCost: staffing.cost, unstaffableHours: staffing.unstaffable,
                leastObjectiveCost: staffing.objective,
                started: project.started, maxDuration: project.longestDuration,
                lastPeriod: project.lastAllowedPeriod(periods: periods), earliestFinish: project.earliestFinish,
                due: project.due, latePenaltyPerPeriod: project.latePenaltyPerPeriod,
                probability: project.resolvedProbability, actualSpend: actuals.byProject[j]))
        }
        self.actualSpend = actuals.total
        self.synergies = Self.synergies(scenario, projectIndex: projectIndex)
        self.projects = projects
        self.systems = rules.systems
        self.balanceGroups = rules.balanceGroups

        self.baseline = Self.mapBaseline(scenario.baseline, periods: periods, personIndex: personIndex,
                                         projectIndex: projectIndex, demandIndexByKey: demandIndexByKey)
    }

    private static func topologicalOrder(dependencies: [[Int]], dependents: [[Int]]) -> [Int] {
        var indegree = dependencies.map(\.count)
        var queue = indegree.indices.filter { indegree[$0] == 0 }
        var head = 0
        while head < queue.count {
            let i = queue[head]
            head += 1
            for j in dependents[i] {
                indegree[j] -= 1
                if indegree[j] == 0 { queue.append(j) }
            }
        }
        // A cycle would leave projects out; validation rejects cycles, but stay total.
        if queue.count < dependencies.count {
            let placed = Set(queue)
            queue.append(contentsOf: dependencies.indices.filter { !placed.contains($0) })
        }
        return queue
    }

    private static func mapBaseline(
        _ baseline: Baseline?, periods: Int, personIndex: [String: Int], projectIndex: [String: Int],
        demandIndexByKey: [String: [String: Int]]
    ) -> BaselineInfo {
        guard let baseline else { return .empty }
        var hours: [CellKey: Double] = [:]
        var total = 0.0
        for entry in baseline.assignments {
            guard let p = personIndex[entry.person], projectIndex[entry.project] != nil,
                  let d = demandIndexByKey[entry.project]?[entry.demand],
                  entry.period >= 0, entry.period < periods, entry.hours > 0, entry.hours.isFinite
            else { continue }
            hours[CellKey(person: p, demand: d, period: entry.period), default: 0] += entry.hours
            total += entry.hours
        }
        var starts: [Int: Int] = [:]
        for decision in baseline.projects where decision.selected {
            guard let j = projectIndex[decision.id], let start = decision.start else { continue }
            starts[j] = start
        }
        return BaselineInfo(hours: hours, starts: starts, totalHours: total)
    }
}

// The normalised problem: a valid scenario turned into dense indices, built once
// and shared by every planner, the checker and the analysis.
import Synchronization

/// A person, by dense index.
public struct PersonInfo: Sendable, Equatable {
    /// Index in `PlanningProblem.people`.
    public let index: Int
    /// The person's id in the scenario.
    public let id: String
    /// Staff cost of one hour.
    public let costPerHour: Double
    /// Usable hours per period: capacity × utilisation cap (one entry per period).
    public let capacity: [Double]
    /// Most distinct projects in one period; `nil` is unlimited.
    public let maxConcurrentProjects: Int?
    /// Level per skill index (0 when the person lacks the skill).
    public let levels: [Int]
    /// The person's team, for reports; `nil` when it has none.
    public let team: String?
}

/// A project, by dense index.
public struct ProjectInfo: Sendable, Equatable {
    /// Index in `PlanningProblem.projects`.
    public let index: Int
    /// The project's id in the scenario.
    public let id: String
    /// Benefit when selected (the project's own `value`).
    public let value: Double
    /// `valuePerPoint × strategic score` (version 2; 0 otherwise).
    public let strategicValue: Double
    /// Value lost per period it starts after `earliestStart` (version 2; 0 otherwise).
    public let costOfDelay: Double
    /// The scenario's `earliestStart`: delay is counted from here.
    public let earliestStart: Int
    /// Systems it changes (indices in `PlanningProblem.systems`, without repeats).
    public let systems: [Int]
    /// Its alternatives, named on either side (project indices, ascending, without repeats).
    public let excludes: [Int]
    /// Starts inside `startRange` that a system it touches closes (a freeze in its active periods).
    public let closedStarts: Set<Int>
    /// Whether the scenario marks it mandatory: every valid plan selects it, and only a mandatory
    /// project may be left short of staff.
    public let mandatory: Bool
    /// Must be selected in every valid plan: mandatory, pinned, or a dependency of such a project.
    public let required: Bool
    /// Periods from start to finish.
    public let duration: Int
    /// Starts its own window allows (`earliestStart … min(deadline, periods−1) − duration + 1`), `nil` when empty.
    public let windowStarts: ClosedRange<Int>?
    /// Starts every valid plan must choose from: the window, moved later by dependencies'
    /// earliest finishes, moved earlier by required dependents, and narrowed by pins that name a period.
    /// `nil` when the project can never be selected.
    public let startRange: ClosedRange<Int>?
    /// Staff-cost limit; `nil` is unlimited.
    public let budget: Double?
    /// Projects this one depends on (indices, without repeats).
    public let dependencies: [Int]
    /// Projects that depend on this one.
    public let dependents: [Int]
    /// Global indices of its demands, in scenario order.
    public let demands: [Int]
    /// Hours demanded over the whole project, all demands together.
    public let totalHours: Double
    /// The least its staff can cost when it is selected. The one rule for cheapest staffing, which
    /// the simple bound, the exact model's budget cover and the search's guide all use: every
    /// demanded hour at the cheapest hourly rate of a person qualified for it
    /// (`DemandInfo.cheapestRate`). An hour nobody is qualified for costs no staff money: it can
    /// only go unmet, which a mandatory project pays for with the unmet-hours penalty
    /// (`leastObjectiveCost`) and an optional one cannot do (`fullyStaffable` is false: no valid
    /// plan selects it).
    public let cheapestStaffingCost: Double
    /// Demanded hours nobody is qualified for.
    public let unstaffableHours: Double
    /// The least selecting it takes off the objective, by the same rule: `cheapestStaffingCost`,
    /// except that a mandatory project pays for each hour the lower of its cheapest rate and the
    /// unmet-hours penalty (the hour may go unmet instead; one nobody is qualified for must).
    public let leastObjectiveCost: Double

    /// Whether every demanded hour has someone qualified for it.
    public var fullyStaffable: Bool { unstaffableHours == 0 }

    /// Whether some valid plan could select it.
    public var canBeSelected: Bool { startRange != nil }

    /// Whether a valid plan may start it in `start`: inside `startRange` and not closed by a system.
    public func canStart(at start: Int) -> Bool {
        (startRange?.contains(start) ?? false) && !closedStarts.contains(start)
    }

    /// The starts a valid plan may choose, ascending.
    public var possibleStarts: [Int] {
        guard let range = startRange else { return [] }
        return closedStarts.isEmpty ? Array(range) : range.filter { !closedStarts.contains($0) }
    }

    /// What selecting it at `start` adds to the objective before staffing:
    /// `value + strategicValue − costOfDelay · (start − earliestStart)` (spec v2, section 3).
    public func worth(start: Int) -> Double {
        guard costOfDelay != 0 || strategicValue != 0 else { return value }
        return value + strategicValue - costOfDelay * Double(start - earliestStart)
    }

    /// The most `worth(start:)` can be: at its first possible start (`value` when it can never be selected).
    public var bestWorth: Double {
        guard let first = startRange?.lowerBound else { return value }
        return worth(start: first)
    }

    /// Periods in which the project could have work, over all its possible starts (empty if it can never be selected).
    public var candidatePeriods: Range<Int> {
        guard let range = startRange else { return 0..<0 }
        return range.lowerBound..<(range.upperBound + duration)
    }

    /// The offsets `k` in `0 ..< duration` whose period `start + k` lies in `0 ..< periods`.
    ///
    /// `start` must lie within ±`Allocation.startLimit` (allocations clamp to it).
    public func offsetsInHorizon(start: Int, periods: Int) -> Range<Int> {
        guard start < periods, start > -duration else { return 0..<0 }
        return max(0, -start)..<min(duration, periods - start)
    }

    /// Whether the project, started at `start`, is active in `period`.
    public func isActive(start: Int, period: Int) -> Bool {
        period >= start && period < start + duration
    }
}

/// A demand line, by dense (global) index.
public struct DemandInfo: Sendable, Equatable {
    /// Index in `PlanningProblem.demands`.
    public let index: Int
    /// The demand id within its project (the skill when none was given).
    public let id: String
    /// Index of the project that owns it.
    public let project: Int
    /// Index in `PlanningProblem.skills`.
    public let skill: Int
    /// Lowest level in the skill that qualifies a person (1…5).
    public let minLevel: Int
    /// Hours per project period, counted from the start (`duration` entries; cut to the
    /// horizon for a project longer than it, which can never be selected).
    public let hours: [Double]
    /// Sum of `hours`.
    public let totalHours: Double
    /// People whose level in the skill is at least `minLevel`, ascending.
    public let eligiblePeople: [Int]
    /// The lowest hourly cost among `eligiblePeople`; `nil` when nobody qualifies.
    public let cheapestRate: Double?

    /// Hours needed in `period` when the project starts at `start` (0 outside the project).
    public func hours(start: Int, period: Int) -> Double {
        let offset = period - start
        return hours.indices.contains(offset) ? hours[offset] : 0
    }
}

/// A pin, by dense indices.
public struct PinInfo: Sendable, Equatable {
    /// Index in the scenario's `pins`.
    public let index: Int
    /// Index of the pinned person in `PlanningProblem.people`.
    public let person: Int
    /// Index of the pinned project in `PlanningProblem.projects`; every valid plan selects it.
    public let project: Int
    /// Global index of the demand the pin names (`PlanningProblem.demands`); `nil` for any demand.
    public let demand: Int?
    /// The period the pin names; `nil` for any period.
    public let period: Int?
    /// The least hours the person works there, summed over what the pin leaves open.
    public let hours: Double
    /// Demands whose hours count toward the pin and for which the person qualifies.
    public let countingDemands: [Int]
}

/// Key of one assignment cell by dense indices.
public struct CellKey: Sendable, Hashable {
    /// Index in `PlanningProblem.people`.
    public let person: Int
    /// The demand (global index; it determines the project).
    public let demand: Int
    /// The period, an index in the horizon.
    public let period: Int

    /// Creates the key of `person`'s hours on `demand` in `period`.
    public init(person: Int, demand: Int, period: Int) {
        self.person = person
        self.demand = demand
        self.period = period
    }
}

/// The baseline mapped onto the scenario's indices; entries naming unknown things are left out.
public struct BaselineInfo: Sendable, Equatable {
    /// The baseline's hours by cell (only entries whose person, demand and period the scenario has).
    public let hours: [CellKey: Double]
    /// Start of each project the baseline selects (project index → start period).
    public let starts: [Int: Int]
    /// Sum of `hours`.
    public let totalHours: Double

    /// The baseline of a scenario without one: no hours and no starts.
    public static let empty = BaselineInfo(hours: [:], starts: [:], totalHours: 0)
}

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
        self.people = people
        self.personIndex = personIndex

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
                let hours = demand.hours.expanded(to: min(project.duration, periods))
                let eligible = people.filter { $0.levels.indices.contains(s) && $0.levels[s] >= demand.minLevel }.map(\.index)
                demands.append(DemandInfo(
                    index: d, id: demand.resolvedID, project: j, skill: s, minLevel: demand.minLevel,
                    hours: hours, totalHours: hours.reduce(0, +), eligiblePeople: eligible,
                    cheapestRate: eligible.map { people[$0].costPerHour }.min()))
                demandIndexByKey[project.id, default: [:]][demand.resolvedID] = d
                own.append(d)
            }
            demandsOfProject.append(own)
        }
        self.demands = demands
        self.demandIndexByKey = demandIndexByKey

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
            let counting = candidates.filter { demands[$0].eligiblePeople.contains(p) }
            pins.append(PinInfo(index: k, person: p, project: j, demand: demand, period: pin.period,
                                hours: pin.hours, countingDemands: counting))
        }
        self.pins = pins

        // Required projects: mandatory, pinned, and (transitively) what they depend on.
        var required = scenario.projects.map(\.mandatory)
        for pin in pins { required[pin.project] = true }
        for j in order.reversed() where required[j] {
            for i in dependencies[j] { required[i] = true }
        }

        // Start ranges: own window, then earliest finishes of dependencies (forward),
        // then latest starts of required dependents (backward), then pinned periods.
        var lower = [Int](repeating: 0, count: count)
        var upper = [Int](repeating: 0, count: count)
        var possible = [Bool](repeating: true, count: count)
        var window: [ClosedRange<Int>?] = []
        for (j, project) in scenario.projects.enumerated() {
            lower[j] = min(max(0, project.earliestStart), periods + 1)
            upper[j] = max(-1, project.latestStart(periods: periods))
            window.append(lower[j] <= upper[j] ? lower[j]...upper[j] : nil)
        }
        // Version 2: systems close starts; alternatives of required projects, and projects that
        // exclude what they depend on, can never be selected.
        let rules = PortfolioIndex(scenario: scenario, projectIndex: projectIndex, dependencies: dependencies,
                                   required: required, windows: window)
        for j in rules.unselectable { possible[j] = false }
        for j in order {
            rules.advance(j, &lower[j], upper[j])
            for i in dependencies[j] {
                if !possible[i] { possible[j] = false }
                // Clamped just past the horizon: beyond it every start is impossible anyway,
                // and long chains of huge durations must not overflow.
                lower[j] = max(lower[j], min(lower[i] + scenario.projects[i].duration, periods + 1))
            }
            rules.advance(j, &lower[j], upper[j])
            if lower[j] > upper[j] { possible[j] = false }
        }
        for j in order.reversed() where required[j] && possible[j] {
            for i in dependencies[j] {
                upper[i] = max(-1, min(upper[i], upper[j] - scenario.projects[i].duration))
                rules.retreat(i, lower[i], &upper[i])
            }
        }
        for pin in pins {
            guard let t = pin.period else { continue }
            let duration = scenario.projects[pin.project].duration
            lower[pin.project] = max(lower[pin.project], t - duration + 1)
            upper[pin.project] = min(upper[pin.project], t)
            rules.advance(pin.project, &lower[pin.project], upper[pin.project])
            rules.retreat(pin.project, lower[pin.project], &upper[pin.project])
        }

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
                closedStarts: range.map { rules.closedStarts(j, in: $0) } ?? [],
                mandatory: project.mandatory,
                required: required[j], duration: project.duration, windowStarts: window[j],
                startRange: range, budget: project.budget,
                dependencies: dependencies[j], dependents: dependents[j], demands: demandsOfProject[j],
                totalHours: demandsOfProject[j].reduce(0) { $0 + demands[$1].totalHours },
                cheapestStaffingCost: staffing.cost, unstaffableHours: staffing.unstaffable,
                leastObjectiveCost: staffing.objective))
        }
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

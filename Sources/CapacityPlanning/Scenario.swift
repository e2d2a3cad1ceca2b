// The scenario of spec v1 and v2 (`shared/spec/scenario-v1.md`, `scenario-v2.md`) as plain values.
// The version-2 types (strategy, systems, balance rules) are in `PortfolioRules.swift`.
//
// These types are what a service builds in code or decodes from JSON. Optional
// fields keep the difference between "absent" and "given" so that a scenario
// round-trips through JSON unchanged; the spec's defaults are exposed through
// computed properties (`resolvedName`, `resolvedDeadline(periods:)`, …).
//
// Strict decoding (unknown keys rejected, every problem listed with its JSON
// path) lives in `ScenarioDecoding.swift`; semantic checks in `ScenarioValidation.swift`.

/// A whole planning question: who is available, what could be done, and under which rules.
public struct Scenario: Sendable, Equatable {
    /// Format version: 1, or 2 for a scenario that may use strategy, systems, balance,
    /// cost of delay and alternatives, or 3 for one that may also use the portfolio in flight
    /// (status, actuals, started projects, flexible lines, due dates, probabilities, synergies;
    /// `ScenarioInFlight.swift`). A version-3 scenario without them means what version 2 does.
    public var version: Int
    /// The planning periods: how many, and the date and unit that label them.
    public var horizon: Horizon
    /// The pool of people the portfolio draws on.
    public var people: [Person]
    /// The candidate projects a plan selects from.
    public var projects: [Project]
    /// Decisions already made that every plan must keep.
    public var pins: [Pin]
    /// The plan currently published; prices change and is checked by conflict analysis.
    public var baseline: Baseline?
    /// Portfolio-wide rules and prices.
    public var policy: Policy
    /// The strategic drivers projects are scored against (version 2); `nil` when there is none.
    public var strategy: Strategy?
    /// Shared systems projects change, with their limits and freezes (version 2).
    public var systems: [System]
    /// Where the portfolio stands: the status period and the hours booked before it (version 3);
    /// `nil` is period 0 with nothing booked.
    public var status: Status?
    /// Values that count when all of some projects are selected (version 3).
    public var synergies: [Synergy]
    /// Roles the plan may hire for (version 3, Part B; `ScenarioSupply.swift`).
    public var hiring: [Role]
    /// Courses the plan may send people on (version 3, Part B).
    public var training: [Course]

    /// The most periods a horizon may have (an implementation limit: per-period arrays are
    /// allocated for every person; 10,000 weeks is almost two centuries).
    public static let maxPeriods = 10_000

    /// The largest number of hours or amount of money a scenario may state anywhere (an
    /// implementation limit: 10^15 hours or money units keeps every sum of the objective finite
    /// and exact to far below a cent; a stated 10^308 would make it infinite, which is not JSON).
    public static let maxQuantity = 1e15

    /// Creates a scenario. Version 2 is needed for a strategy, systems, balance rules and
    /// the projects' scores, tags, cost of delay, touches and excludes.
    public init(
        version: Int = 1,
        horizon: Horizon,
        people: [Person],
        projects: [Project],
        pins: [Pin] = [],
        baseline: Baseline? = nil,
        policy: Policy = Policy(),
        strategy: Strategy? = nil,
        systems: [System] = [],
        status: Status? = nil,
        synergies: [Synergy] = [],
        hiring: [Role] = [],
        training: [Course] = []
    ) {
        self.version = version
        self.horizon = horizon
        self.people = people
        self.projects = projects
        self.pins = pins
        self.baseline = baseline
        self.policy = policy
        self.strategy = strategy
        self.systems = systems
        self.status = status
        self.synergies = synergies
        self.hiring = hiring
        self.training = training
    }
}

/// The planning horizon: `periods` periods indexed `0 ..< periods`.
public struct Horizon: Sendable, Equatable {
    /// Number of periods (≥ 1).
    public var periods: Int
    /// ISO date of period 0; labels output only.
    public var start: String?
    /// Length of one period; labels output only.
    public var unit: PeriodUnit?

    /// Creates a horizon of `periods` periods; `start` and `unit` only label them in output.
    public init(periods: Int, start: String? = nil, unit: PeriodUnit? = nil) {
        self.periods = periods
        self.start = start
        self.unit = unit
    }
}

/// The calendar length of one period.
public enum PeriodUnit: String, Sendable, Equatable, CaseIterable {
    /// One day.
    case day
    /// One week.
    case week
    /// One calendar month.
    case month
    /// One quarter.
    case quarter
}

/// Hours per period: one number for every period, or one number per period.
///
/// Used for a person's capacity (one entry per horizon period) and for a
/// demand's hours (one entry per period of the project, counted from its start).
public enum Hours: Sendable, Equatable {
    /// The same number of hours in every period.
    case constant(Double)
    /// A number of hours for each period.
    case perPeriod([Double])

    /// The hours in period `index` (the constant, or the array's entry; 0 past the array's end).
    public subscript(index: Int) -> Double {
        switch self {
        case .constant(let value): return value
        case .perPeriod(let values): return values.indices.contains(index) ? values[index] : 0
        }
    }

    /// The profile expanded to `count` entries.
    public func expanded(to count: Int) -> [Double] {
        switch self {
        case .constant(let value): return Array(repeating: value, count: max(0, count))
        case .perPeriod(let values): return (0..<max(0, count)).map { values.indices.contains($0) ? values[$0] : 0 }
        }
    }
}

/// A person in the pool.
public struct Person: Sendable, Equatable {
    /// Unique, non-empty id; pins, plans and baselines name the person by it.
    public var id: String
    /// Display name; defaults to `id`.
    public var name: String?
    /// Skill name → level 1…5; a level of at least a demand's `minLevel` in its skill qualifies.
    public var skills: [String: Int]
    /// Hours available in each period, before the utilisation cap.
    public var capacity: Hours
    /// Staff cost of one hour of the person's work (≥ 0), in the unit of the projects' value.
    public var costPerHour: Double
    /// Most distinct projects in any one period; `nil` is unlimited.
    public var maxConcurrentProjects: Int?
    /// Team name, grouping people in reports and KPIs; no rule depends on it.
    public var team: String?

    /// Creates a person; omitted fields take the spec's defaults (no skills, cost 0, no concurrency
    /// limit, no team).
    public init(
        id: String,
        name: String? = nil,
        skills: [String: Int] = [:],
        capacity: Hours,
        costPerHour: Double = 0,
        maxConcurrentProjects: Int? = nil,
        team: String? = nil
    ) {
        self.id = id
        self.name = name
        self.skills = skills
        self.capacity = capacity
        self.costPerHour = costPerHour
        self.maxConcurrentProjects = maxConcurrentProjects
        self.team = team
    }

    /// The name to show: `name`, or the id when there is none.
    public var resolvedName: String { name ?? id }
}

/// A candidate project.
public struct Project: Sendable, Equatable {
    /// Unique, non-empty id; dependencies, pins, exclusions and plans name the project by it.
    public var id: String
    /// Display name; defaults to `id`.
    public var name: String?
    /// Benefit gained when the project is selected (≥ 0), in the same unit as staff cost.
    public var value: Double
    /// Must be selected; the only kind that may be left short of staff.
    public var mandatory: Bool
    /// Periods from start to finish (≥ 1).
    public var duration: Int
    /// First period in which it may start.
    public var earliestStart: Int
    /// Last period in which it may still have work; `nil` means `periods − 1`.
    public var deadline: Int?
    /// Most staff cost the project may spend; `nil` is unlimited.
    public var budget: Double?
    /// Projects that must be selected and finished before this one starts.
    public var dependsOn: [String]
    /// The work it needs: one line per skill (and level), with hours per period from its start.
    public var demands: [Demand]
    /// How strongly it serves each strategic driver: driver id → 0…5 (version 2; absent is 0).
    public var scores: [String: Int]
    /// Free classification (department, theme, …) used by balance rules and reports (version 2).
    public var tags: [String: String]
    /// Value lost for each period it starts after `earliestStart` (version 2).
    public var costOfDelay: Double
    /// Ids of the systems it changes in every period it is active (version 2).
    public var touches: [String]
    /// Ids of its alternatives: projects that may not be selected with it (version 2; symmetric).
    public var excludes: [String]
    /// The period it started in, for a project already in flight (version 3; before the status period).
    public var started: Int?
    /// The most periods it may take (version 3; ≥ `duration`); `nil` is `duration`.
    public var maxDuration: Int?
    /// The promised finish period (version 3; soft: missing it costs `latePenaltyPerPeriod` a period).
    public var due: Int?
    /// Cost of each period its finish lies after `due` (version 3).
    public var latePenaltyPerPeriod: Double
    /// The chance it goes ahead, in (0, 1] (version 3); `nil` is 1. It scales the value terms only.
    public var probability: Double?

    /// Creates a project; omitted fields take the spec's defaults (value 0, not mandatory, a window
    /// from period 0 to the horizon's end, no budget, no dependencies or demands, no version-2 keys).
    public init(
        id: String,
        name: String? = nil,
        value: Double = 0,
        mandatory: Bool = false,
        duration: Int,
        earliestStart: Int = 0,
        deadline: Int? = nil,
        budget: Double? = nil,
        dependsOn: [String] = [],
        demands: [Demand] = [],
        scores: [String: Int] = [:],
        tags: [String: String] = [:],
        costOfDelay: Double = 0,
        touches: [String] = [],
        excludes: [String] = [],
        started: Int? = nil,
        maxDuration: Int? = nil,
        due: Int? = nil,
        latePenaltyPerPeriod: Double = 0,
        probability: Double? = nil
    ) {
        self.id = id
        self.name = name
        self.value = value
        self.mandatory = mandatory
        self.duration = duration
        self.earliestStart = earliestStart
        self.deadline = deadline
        self.budget = budget
        self.dependsOn = dependsOn
        self.demands = demands
        self.scores = scores
        self.tags = tags
        self.costOfDelay = costOfDelay
        self.touches = touches
        self.excludes = excludes
        self.started = started
        self.maxDuration = maxDuration
        self.due = due
        self.latePenaltyPerPeriod = latePenaltyPerPeriod
        self.probability = probability
    }

    /// The name to show: `name`, or the id when there is none.
    public var resolvedName: String { name ?? id }

    /// The last period with work allowed: `min(deadline, periods − 1)`.
    public func lastAllowedPeriod(periods: Int) -> Int {
        min(deadline ?? (periods - 1), periods - 1)
    }

    /// The latest start its own window allows (may be below `earliestStart`: then it never fits).
    public func latestStart(periods: Int) -> Int {
        lastAllowedPeriod(periods: periods) - duration + 1
    }

    /// Whether its own window can hold it: `earliestStart + duration − 1 ≤ min(deadline, periods − 1)`;
    /// from the status period on (version 3), `firstStart(statusPeriod:) + duration − 1` must fit.
    public func fitsWindow(periods: Int, statusPeriod: Int = 0) -> Bool {
        firstStart(statusPeriod: statusPeriod) <= latestStart(periods: periods)
    }
}

/// Work a project needs from one skill.
public struct Demand: Sendable, Equatable {
    /// Names the demand line in assignments; defaults to the skill.
    public var id: String?
    /// The skill needed.
    public var skill: String
    /// Lowest level (1…5) that qualifies.
    public var minLevel: Int
    /// Hours needed in each period of the project, counted from its start (a fixed line); empty
    /// for a flexible line.
    public var hours: Hours
    /// For a flexible line (version 3): the hours it needs in total, in any periods while the
    /// project runs; for a started project, the estimate to complete. `nil` for a fixed line.
    public var work: Double?
    /// For a flexible line (version 3): the most hours in any one period; `nil` is unlimited.
    public var maxPerPeriod: Double?

    /// Creates a fixed line; `minLevel` defaults to 1 and the id to the skill.
    public init(id: String? = nil, skill: String, minLevel: Int = 1, hours: Hours) {
        self.id = id
        self.skill = skill
        self.minLevel = minLevel
        self.hours = hours
    }

    /// Creates a flexible line (version 3): `work` hours in total, at most `maxPerPeriod` a period.
    public init(id: String? = nil, skill: String, minLevel: Int = 1, work: Double, maxPerPeriod: Double? = nil) {
        self.init(id: id, skill: skill, minLevel: minLevel, hours: .perPeriod([]))
        self.work = work
        self.maxPerPeriod = maxPerPeriod
    }

    /// The id assignments use: `id`, or the skill when there is none.
    public var resolvedID: String { id ?? skill }
}

/// A decision already made: `person` works at least `hours` on `project`.
public struct Pin: Sendable, Equatable {
    /// Id of the person the pin commits.
    public var person: String
    /// The project's id; the project is then selected.
    public var project: String
    /// A demand id of that project; `nil` means any demand.
    public var demand: String?
    /// A period; `nil` means any period.
    public var period: Int?
    /// The least number of hours (> 0), summed over what is left open.
    public var hours: Double

    /// Creates a pin: `person` works at least `hours` on `project`, on `demand` and in `period` when
    /// given.
    public init(person: String, project: String, demand: String? = nil, period: Int? = nil, hours: Double) {
        self.person = person
        self.project = project
        self.demand = demand
        self.period = period
        self.hours = hours
    }
}

/// The plan currently published, in the plan format (only `projects` and `assignments` are read).
public struct Baseline: Sendable, Equatable {
    /// The projects as the published plan has them.
    public var projects: [ProjectDecision]
    /// The published hours; the change penalty prices every hour a plan differs from them.
    public var assignments: [Assignment]

    /// Creates a baseline; both lists default to empty.
    public init(projects: [ProjectDecision] = [], assignments: [Assignment] = []) {
        self.projects = projects
        self.assignments = assignments
    }
}

/// Portfolio-wide rules and prices: the utilisation cap, the objective's penalties, the portfolio
/// budget and (version 2) the balance rules.
public struct Policy: Sendable, Equatable {
    /// Share (0, 1] of each person's capacity that may be planned.
    public var utilizationCap: Double
    /// Cost of each demanded hour of a mandatory project left unstaffed.
    public var unmetPenaltyPerHour: Double
    /// Cost of each distinct (person, project) pair with any hours.
    public var assignmentPenalty: Double
    /// Most staff cost over all projects together; `nil` is unlimited.
    public var budget: Double?
    /// Cost of each hour by which an assignment differs from the baseline, either way.
    public var changePenaltyPerHour: Double
    /// Cost of each baseline-selected project that the plan drops or starts in another period.
    public var startChangePenalty: Double
    /// Shares of the selected portfolio each group must keep (version 2).
    public var balance: [BalanceRule]

    /// Creates a policy with the spec's defaults.
    public init(
        utilizationCap: Double = 1,
        unmetPenaltyPerHour: Double = 10000,
        assignmentPenalty: Double = 0,
        budget: Double? = nil,
        changePenaltyPerHour: Double = 0,
        startChangePenalty: Double = 0,
        balance: [BalanceRule] = []
    ) {
        self.utilizationCap = utilizationCap
        self.unmetPenaltyPerHour = unmetPenaltyPerHour
        self.assignmentPenalty = assignmentPenalty
        self.budget = budget
        self.changePenaltyPerHour = changePenaltyPerHour
        self.startChangePenalty = startChangePenalty
        self.balance = balance
    }
}

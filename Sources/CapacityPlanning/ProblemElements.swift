// The elements of the normalised problem on dense indices: people, projects, demand lines, pins,
// cells and the baseline (`PlanningProblem` builds them once).

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
    /// For a hire instance `ROLE#K` (version 3, Part B): its role and number. It has no capacity
    /// of its own (`capacity` is 0): a plan's hire gives it its role's from its start.
    public internal(set) var hire: HireSlot? = nil

    /// What one of its hours costs in the objective: `costPerHour`, but nothing for a hire,
    /// whose salary is paid whether it works or not (spec v3, section 4). Budgets and balance
    /// price a hire's hours at `costPerHour`, its role's.
    public var objectiveRate: Double { hire == nil ? costPerHour : 0 }
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
    /// The period it started in, for a project in flight (version 3): a plan that selects it
    /// starts it there.
    public let started: Int?
    /// The most periods it may take (version 3's `maxDuration`; `duration` otherwise).
    public let maxDuration: Int
    /// The last period it may have work: `min(deadline, periods − 1)`.
    public let lastPeriod: Int
    /// Its earliest finish (version 3): `(started, or earliestStart) + duration − 1`; delay is
    /// counted from it.
    public let earliestFinish: Int
    /// The promised finish (version 3); `nil` when there is none.
    public let due: Int?
    /// Cost of each period its finish lies after `due` (version 3).
    public let latePenaltyPerPeriod: Double
    /// The chance it goes ahead (version 3; 1 otherwise): it scales the value terms only.
    public let probability: Double
    /// Staff cost of its actuals (version 3): spent whether or not a plan selects it.
    public let actualSpend: Double

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

    /// The finishes its span allows after `start` (version 3): from `start + duration − 1` to
    /// `start + maxDuration − 1`, the deadline and the horizon's end; empty when none fits.
    public func finishes(start: Int) -> ClosedRange<Int>? {
        let first = start + duration - 1
        let last = min(start + maxDuration - 1, lastPeriod)
        return first <= last ? first...last : nil
    }

    /// Periods it lies after `due` when it finishes in `finish` (0 without a due date).
    public func periodsLate(finish: Int) -> Int {
        due.map { max(0, finish - $0) } ?? 0
    }

    /// What selecting it with this span adds to the objective before staffing (spec v3, section 4):
    /// `probability · (value + strategicValue − costOfDelay · (finish − earliestFinish)
    /// − latePenaltyPerPeriod · periods late)`. Equal to `worth(start:)` for a project of fixed span
    /// and probability 1 without a due date.
    public func worth(start: Int, finish: Int) -> Double {
        let delay = Double(finish - earliestFinish)
        let late = Double(periodsLate(finish: finish))
        return probability * (value + strategicValue - costOfDelay * delay - latePenaltyPerPeriod * late)
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
    /// The lowest hourly cost in the objective among `eligiblePeople` and `supplyEligible`
    /// (`PersonInfo.objectiveRate`: 0 for a hire); `nil` when nobody could qualify.
    public let cheapestRate: Double?
    /// For a flexible line (version 3): the hours it needs in total while the project runs (then
    /// `hours` is empty and `totalHours` is this). `nil` for a fixed line.
    public let work: Double?
    /// For a flexible line: the most hours in one period; `nil` is unlimited.
    public let maxPerPeriod: Double?
    /// People who could work on it only through a supply decision (version 3, Part B): hires of
    /// a qualified role, and people a course qualifies, ascending; none in `eligiblePeople`.
    public internal(set) var supplyEligible: [Int] = []

    /// Whether it is a flexible line (version 3).
    public var isFlexible: Bool { work != nil }

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


/// A synergy (version 3) on project indices.
public struct SynergyInfo: Sendable, Equatable {
    /// Index in the scenario's `synergies`.
    public let index: Int
    /// The projects (indices, distinct, ascending); the value counts when all are selected.
    public let projects: [Int]
    /// The bonus (negative: a loss), before the projects' probabilities.
    public let value: Double
}

// The portfolio in flight (spec v3, Part A): the status period, the hours already booked, and
// synergies between projects. The projects' and demand lines' own v3 keys are on `Project` and
// `Demand`.

/// Where the portfolio stands: the first period not yet done, and the hours booked before it.
public struct Status: Sendable, Equatable {
    /// The status period `S`: periods before it are the past (0 … periods).
    public var period: Int
    /// Hours already booked in the past.
    public var actuals: [Actual]

    /// Creates a status: `period` is the first period not yet done.
    public init(period: Int = 0, actuals: [Actual] = []) {
        self.period = period
        self.actuals = actuals
    }
}

/// Hours one person booked on one demand line of a started project in one past period.
public struct Actual: Sendable, Equatable {
    /// The person's id.
    public var person: String
    /// The (started) project's id.
    public var project: String
    /// The demand line's id within the project.
    public var demand: String
    /// The past period (before the status period, not before the project started).
    public var period: Int
    /// Hours booked (> 0).
    public var hours: Double

    /// Creates an actual: `hours` booked by `person` on `demand` of `project` in `period`.
    public init(person: String, project: String, demand: String, period: Int, hours: Double) {
        self.person = person
        self.project = project
        self.demand = demand
        self.period = period
        self.hours = hours
    }
}

/// A value (or, when negative, a loss) that counts when every named project is selected.
public struct Synergy: Sendable, Equatable {
    /// An optional name for reports.
    public var id: String?
    /// The projects (at least two distinct ids).
    public var projects: [String]
    /// The bonus when all are selected; negative for a loss.
    public var value: Double

    /// Creates a synergy among `projects` worth `value` when all are selected.
    public init(id: String? = nil, projects: [String], value: Double) {
        self.id = id
        self.projects = projects
        self.value = value
    }
}

extension Scenario {
    /// Whether it uses a key of version 3's Part A (status, actuals, started, flexible lines,
    /// maxDuration, due dates, probabilities, synergies).
    public var usesInFlightKeys: Bool {
        status != nil || !synergies.isEmpty || projects.contains { $0.usesInFlightKeys }
    }

    /// The status period `S` (0 without a status).
    public var statusPeriod: Int { status?.period ?? 0 }
}

extension Project {
    /// Whether it uses a key of version 3's Part A.
    public var usesInFlightKeys: Bool {
        started != nil || maxDuration != nil || due != nil || latePenaltyPerPeriod != 0 || probability != nil
            || demands.contains { $0.work != nil || $0.maxPerPeriod != nil }
    }

    /// The most periods it may take: `maxDuration`, or `duration` (version 3).
    public var longestDuration: Int { max(duration, maxDuration ?? duration) }

    /// The first period it may start in: `started` for a project in flight, else
    /// `max(earliestStart, statusPeriod)` (version 3; `earliestStart` when the status period is 0).
    public func firstStart(statusPeriod: Int) -> Int {
        started ?? max(earliestStart, statusPeriod)
    }

    /// Its earliest finish `e`: `(started, or earliestStart) + duration − 1`; delay is counted from it.
    public var earliestFinish: Int { (started ?? earliestStart) + duration - 1 }

    /// The chance it goes ahead: `probability`, or 1.
    public var resolvedProbability: Double { probability ?? 1 }
}

extension Demand {
    /// Whether it is a flexible line: `work` hours done at up to `maxPerPeriod` while the project runs.
    public var isFlexible: Bool { work != nil }
}

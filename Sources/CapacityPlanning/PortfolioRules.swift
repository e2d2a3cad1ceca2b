// The portfolio rules of spec v2 (`shared/spec/scenario-v2.md`, section 1) as plain values:
// the strategy projects are scored against, the shared systems they change, and the balance
// the selected portfolio must keep.

/// The strategic objectives projects are scored against, and what a point is worth.
public struct Strategy: Sendable, Equatable {
    /// The drivers, in the scenario's order.
    public var drivers: [Driver]
    /// Money the portfolio gains per point of strategic score of a selected project.
    public var valuePerPoint: Double

    /// Creates a strategy; with no drivers or a `valuePerPoint` of 0 it adds nothing to the objective.
    public init(drivers: [Driver] = [], valuePerPoint: Double = 0) {
        self.drivers = drivers
        self.valuePerPoint = valuePerPoint
    }
}

/// One strategic objective ("Grow in Asian markets").
public struct Driver: Sendable, Equatable {
    /// Unique, non-empty id; projects' `scores` name the driver by it.
    public var id: String
    /// Display name; defaults to `id`.
    public var name: String?
    /// Weight (≥ 0) of a point of score on this driver.
    public var weight: Double

    /// Creates a driver; the name defaults to the id.
    public init(id: String, name: String? = nil, weight: Double) {
        self.id = id
        self.name = name
        self.weight = weight
    }

    /// The name to show: `name`, or the id when there is none.
    public var resolvedName: String { name ?? id }
}

/// A system several projects may change (a payments core, a CRM): how many may change it at
/// once, and when nobody may (change freezes).
public struct System: Sendable, Equatable {
    /// Unique, non-empty id; projects' `touches` name the system by it.
    public var id: String
    /// Display name; defaults to `id`.
    public var name: String?
    /// Most selected projects active on it in any one period; `nil` is unlimited.
    public var maxConcurrentProjects: Int?
    /// Periods in which no project may be active on it.
    public var freezes: [Int]

    /// Creates a system; by default any number of projects may change it at once and it has no freeze.
    public init(id: String, name: String? = nil, maxConcurrentProjects: Int? = nil, freezes: [Int] = []) {
        self.id = id
        self.name = name
        self.maxConcurrentProjects = maxConcurrentProjects
        self.freezes = freezes
    }

    /// The name to show: `name`, or the id when there is none.
    public var resolvedName: String { name ?? id }
}

/// What a balance rule shares out among the selected projects.
public enum BalanceMeasure: String, Sendable, Equatable, CaseIterable {
    /// Staff cost (hours × cost per hour; no penalties).
    case cost
    /// The number of selected projects.
    case projects
    /// The projects' own `value` (no strategic value, no delay cost).
    case value
}

/// A share of the selected portfolio one group of projects must keep ("growth takes at least
/// 30 % of staff cost").
public struct BalanceRule: Sendable, Equatable {
    /// The tag key that defines the group.
    public var tag: String
    /// The group: projects whose `tags[tag]` equals this.
    public var value: String
    /// What is shared out: staff cost (the default), the number of selected projects, or their value.
    public var measure: BalanceMeasure
    /// The least share of the selected portfolio's measure the group must have, in [0, 1].
    public var minShare: Double
    /// The most share of the selected portfolio's measure the group may have, in [0, 1].
    public var maxShare: Double

    /// Creates a rule; the shares default to no limit.
    public init(tag: String, value: String, measure: BalanceMeasure = .cost, minShare: Double = 0, maxShare: Double = 1) {
        self.tag = tag
        self.value = value
        self.measure = measure
        self.minShare = minShare
        self.maxShare = maxShare
    }

    /// The group's name in messages and reports: `tag = value`, e.g. `theme = growth`.
    public var groupName: String { "\(tag) = \(value)" }

    /// Whether `project` belongs to the group.
    public func contains(_ project: Project) -> Bool { project.tags[tag] == value }
}

extension Project {
    /// Whether it uses any key of version 2 (scores, tags, cost of delay, touches, excludes).
    public var usesVersion2: Bool {
        !scores.isEmpty || !tags.isEmpty || costOfDelay != 0 || !touches.isEmpty || !excludes.isEmpty
    }

    /// Its strategic score `Σ_k weight_k · scores[k]` under `strategy` (0 without one), summed in driver order.
    public func strategicScore(_ strategy: Strategy?) -> Double {
        guard let strategy, !scores.isEmpty else { return 0 }
        var total = 0.0
        for driver in strategy.drivers { total += driver.weight * Double(scores[driver.id] ?? 0) }
        return total
    }
}

extension Scenario {
    /// Whether it uses any key of version 2.
    public var usesVersion2: Bool {
        strategy != nil || !systems.isEmpty || !policy.balance.isEmpty || projects.contains(where: \.usesVersion2)
    }
}

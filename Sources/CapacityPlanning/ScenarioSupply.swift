// Supply as a decision (spec v3, Part B): roles that may be hired and courses that raise a
// person's level. The plan's side (which hires and courses it takes) is in `PlanSupply.swift`.

/// A role the portfolio may hire for: every hire of it is a person `ROLE#K` from its start on.
public struct Role: Sendable, Equatable {
    /// Unique among roles, not a person's id, without `#` (hires are named `ROLE#K`).
    public var id: String
    /// Display name; `nil` is `id`.
    public var name: String?
    /// What every hire of the role can do: skill → level 1…5.
    public var skills: [String: Int]
    /// Hours a period of one hire (before the utilisation cap).
    public var capacity: Double
    /// Salary per hour of capacity: a hire costs `capacity × costPerHour` every period from its
    /// start to the end of the horizon, used or not.
    public var costPerHour: Double
    /// One-off cost of each hire.
    public var hireCost: Double
    /// First period a hire can start (the lead time).
    public var earliestStart: Int
    /// Most hires of the role over the horizon.
    public var maxHires: Int

    /// Creates a role.
    public init(id: String, name: String? = nil, skills: [String: Int] = [:], capacity: Double,
                costPerHour: Double = 0, hireCost: Double = 0, earliestStart: Int = 0, maxHires: Int) {
        self.id = id
        self.name = name
        self.skills = skills
        self.capacity = capacity
        self.costPerHour = costPerHour
        self.hireCost = hireCost
        self.earliestStart = earliestStart
        self.maxHires = maxHires
    }

    /// The display name: `name`, or `id`.
    public var resolvedName: String { name ?? id }
}

/// A course a person may attend: from the period it ends their level in one skill is `level`
/// (or their own, if higher); while it runs it takes `hoursPerPeriod` of their capacity.
public struct Course: Sendable, Equatable {
    /// Unique among courses.
    public var id: String
    /// The person who attends.
    public var person: String
    /// The skill it teaches.
    public var skill: String
    /// The level the person has in `skill` once the course ends (1…5).
    public var level: Int
    /// Periods it runs (≥ 1).
    public var duration: Int
    /// Hours of the person's capacity it takes in each period it runs.
    public var hoursPerPeriod: Double
    /// One-off cost.
    public var cost: Double
    /// First period it can start.
    public var earliestStart: Int

    /// Creates a course.
    public init(id: String, person: String, skill: String, level: Int, duration: Int,
                hoursPerPeriod: Double = 0, cost: Double = 0, earliestStart: Int = 0) {
        self.id = id
        self.person = person
        self.skill = skill
        self.level = level
        self.duration = duration
        self.hoursPerPeriod = hoursPerPeriod
        self.cost = cost
        self.earliestStart = earliestStart
    }
}

extension Scenario {
    /// Whether it uses a key of version 3's Part B (hiring, training).
    public var usesSupplyKeys: Bool { !hiring.isEmpty || !training.isEmpty }

    /// The name of hire `number` (from 1) of `role`: `ROLE#K`.
    public static func hireName(role: String, number: Int) -> String { "\(role)#\(number)" }
}

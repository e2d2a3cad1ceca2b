// A change to a scenario that a resolution proposes; applying it gives the scenario to re-solve.
public import CapacityPlanning

/// A concrete change to a scenario: hire, delay, extend a deadline, drop, raise a budget.
///
/// A flat value (one `kind` and the fields that kind uses) so that its JSON reads as what it
/// is. `apply(to:)` returns the changed scenario; re-solving that scenario reproduces the
/// resolution's objective.
public struct ScenarioChange: Sendable, Equatable, Hashable, Codable {
    /// What kind of change.
    public enum Kind: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
        /// Add a person (a hire or a contractor) with one skill at one level for some periods.
        case hire
        /// Make a project start no earlier than `firstPeriod` (its planned start plus `periods`).
        case delay
        /// Move a project's deadline `periods` later.
        case extendDeadline
        /// Take a project out of the portfolio (it can no longer be selected).
        case drop
        /// Raise a project's budget to `amount`.
        case raiseProjectBudget
        /// Raise the portfolio budget (`policy.budget`) to `amount`.
        case raisePortfolioBudget
        /// Let more projects change a shared system at once (`system`, `periods` = the new limit; version 2).
        case raiseSystemLimit
        /// Widen a balance rule (`rule` index, new `minShare` and `maxShare`; version 2).
        case relaxBalanceRule
        /// Lower a flexible line's `work` (`project`, `demand`) to `amount` hours (version 3).
        case descope
        /// Move a project's `due` date `periods` later (version 3).
        case moveDue
        /// Let the plan hire `count` of a declared `role` (its `maxHires`; version 3, Part B).
        case hireMore
    }

    /// What kind of change.
    public var kind: Kind
    /// The project (delay, extendDeadline, drop, raiseProjectBudget, descope, moveDue).
    public var project: String?
    /// The demand line's id within the project (descope).
    public var demand: String?
    /// The skill hired (hire).
    public var skill: String?
    /// The level hired (hire).
    public var level: Int?
    /// Hours a period the hire is available (hire).
    public var hoursPerPeriod: Double?
    /// First period (hire: first period available; delay: the new earliest start).
    public var firstPeriod: Int?
    /// Last period the hire is available (hire).
    public var lastPeriod: Int?
    /// The hire's cost per hour (hire).
    public var costPerHour: Double?
    /// Periods of delay or deadline extension.
    public var periods: Int?
    /// The new budget (raiseProjectBudget, raisePortfolioBudget).
    public var amount: Double?
    /// The system of `raiseSystemLimit`.
    public var system: String?
    /// The index in `policy.balance` of `relaxBalanceRule`.
    public var rule: Int?
    /// The new least share of `relaxBalanceRule`.
    public var minShare: Double?
    /// The new most share of `relaxBalanceRule`.
    public var maxShare: Double?
    /// The declared role of `hireMore`.
    public var role: String?
    /// The new `maxHires` of `hireMore`.
    public var count: Int?

    /// Hire `hoursPerPeriod` hours a period of `skill` at `level` in `firstPeriod...lastPeriod`, at `costPerHour`.
    public static func hire(skill: String, level: Int, hoursPerPeriod: Double, periods: ClosedRange<Int>,
                            costPerHour: Double) -> ScenarioChange {
        ScenarioChange(kind: .hire, skill: skill, level: level, hoursPerPeriod: hoursPerPeriod,
                       firstPeriod: periods.lowerBound, lastPeriod: periods.upperBound, costPerHour: costPerHour)
    }

    /// Start `project` no earlier than `earliestStart` (`periods` after its planned start).
    public static func delay(_ project: String, by periods: Int, earliestStart: Int) -> ScenarioChange {
        ScenarioChange(kind: .delay, project: project, firstPeriod: earliestStart, periods: periods)
    }

    /// Move `project`'s deadline `periods` later.
    public static func extendDeadline(_ project: String, by periods: Int) -> ScenarioChange {
        ScenarioChange(kind: .extendDeadline, project: project, periods: periods)
    }

    /// Take `project` out of the portfolio.
    public static func drop(_ project: String) -> ScenarioChange {
        ScenarioChange(kind: .drop, project: project)
    }

    /// Raise `project`'s budget to `amount`.
    public static func raiseProjectBudget(_ project: String, to amount: Double) -> ScenarioChange {
        ScenarioChange(kind: .raiseProjectBudget, project: project, amount: amount)
    }

    /// Raise the portfolio budget to `amount`.
    public static func raisePortfolioBudget(to amount: Double) -> ScenarioChange {
        ScenarioChange(kind: .raisePortfolioBudget, amount: amount)
    }

    /// Let `limit` projects change `system` at once.
    public static func raiseSystemLimit(_ system: String, to limit: Int) -> ScenarioChange {
        ScenarioChange(kind: .raiseSystemLimit, periods: limit, system: system)
    }

    /// Lower the `work` of flexible line `demand` of `project` to `hours`.
    public static func descope(_ project: String, demand: String, to hours: Double) -> ScenarioChange {
        ScenarioChange(kind: .descope, project: project, demand: demand, amount: hours)
    }

    /// Move `project`'s due date `periods` later.
    public static func moveDue(_ project: String, by periods: Int) -> ScenarioChange {
        ScenarioChange(kind: .moveDue, project: project, periods: periods)
    }

    /// Let the plan hire up to `count` of declared role `role` (a higher `maxHires`).
    public static func hireMore(_ role: String, to count: Int) -> ScenarioChange {
        ScenarioChange(kind: .hireMore, role: role, count: count)
    }

    /// Give balance rule `rule` the shares `minShare…maxShare`.
    public static func relaxBalanceRule(_ rule: Int, minShare: Double, maxShare: Double) -> ScenarioChange {
        ScenarioChange(kind: .relaxBalanceRule, rule: rule, minShare: minShare, maxShare: maxShare)
    }

    /// The id the hire gets in the changed scenario (unique among the scenario's people).
    public func hireID(in scenario: Scenario) -> String {
        let base = "hire-\(skill ?? "skill")-l\(level ?? 1)-p\(firstPeriod ?? 0)-\(lastPeriod ?? 0)"
        var id = base
        var n = 2
        while scenario.people.contains(where: { $0.id == id }) {
            id = "\(base)-\(n)"
            n += 1
        }
        return id
    }

    /// `scenario` with this change made.
    ///
    /// - Throws: `ScenarioError` when the change names something the scenario lacks, lacks a
    ///   field its kind needs, or leaves an invalid scenario (e.g. delaying a mandatory project
    ///   past its deadline).
    public func apply(to scenario: Scenario) throws(ScenarioError) -> Scenario {
        var changed = scenario
        func fail(_ path: String, _ message: String) -> ScenarioError {
            ScenarioError(issues: [.error("change.\(path)", message)])
        }
        func projectIndex() throws(ScenarioError) -> Int {
            guard let project else { throw fail("project", "is required for \(kind.rawValue)") }
            guard let j = scenario.projects.firstIndex(where: { $0.id == project }) else {
                throw fail("project", "'\(project)' is not a project of the scenario")
            }
            return j
        }
        switch kind {
        case .hire:
            guard let skill, !skill.isEmpty else { throw fail("skill", "is required for hire") }
            guard let level, (1...5).contains(level) else { throw fail("level", "must be an integer 1…5") }
            guard let hours = hoursPerPeriod, hours.isFinite, hours > 0 else { throw fail("hoursPerPeriod", "must be a number > 0") }
            guard let first = firstPeriod, let last = lastPeriod, first >= 0, first <= last,
                  last < scenario.horizon.periods else {
                throw fail("firstPeriod", "firstPeriod…lastPeriod must lie in 0…\(scenario.horizon.periods - 1)")
            }
            let cost = costPerHour ?? 0
            guard cost.isFinite, cost >= 0 else { throw fail("costPerHour", "must be a number ≥ 0") }
            let capacity = (0..<scenario.horizon.periods).map { (first...last).contains($0) ? hours : 0.0 }
            // The policy's utilisation cap applies to everyone: book the hire so `hours` are usable.
            let usable = capacity.map { $0 / scenario.policy.utilizationCap }
            changed.people.append(Person(id: hireID(in: scenario), name: "Hire: \(skill) level \(level)",
                                         skills: [skill: level], capacity: .perPeriod(usable), costPerHour: cost))
        case .delay:
            let j = try projectIndex()
            guard let first = firstPeriod, first >= 0 else { throw fail("firstPeriod", "must be a period ≥ 0") }
            changed.projects[j].earliestStart = max(changed.projects[j].earliestStart, first)
        case .extendDeadline:
            let j = try projectIndex()
            guard let k = periods, k >= 1 else { throw fail("periods", "must be an integer ≥ 1") }
            let current = changed.projects[j].deadline ?? (scenario.horizon.periods - 1)
            let (moved, overflow) = current.addingReportingOverflow(k)
            guard !overflow else { throw fail("periods", "moves the deadline out of range") }
            changed.projects[j].deadline = moved
        case .drop:
            let j = try projectIndex()
            let id = changed.projects[j].id
            changed.projects[j].mandatory = false
            // An empty window: the project can never be selected (spec: valid, with a warning).
            changed.projects[j].deadline = changed.projects[j].earliestStart - 1
            changed.pins.removeAll { $0.project == id }
        case .raiseProjectBudget:
            let j = try projectIndex()
            guard let amount, amount.isFinite, amount >= 0 else { throw fail("amount", "must be a number ≥ 0") }
            changed.projects[j].budget = amount
        case .raisePortfolioBudget:
            guard let amount, amount.isFinite, amount >= 0 else { throw fail("amount", "must be a number ≥ 0") }
            changed.policy.budget = amount
        case .raiseSystemLimit:
            guard let system, let k = scenario.systems.firstIndex(where: { $0.id == system }) else {
                throw fail("system", "'\(system ?? "")' is not a system of the scenario")
            }
            guard let limit = periods, limit >= 0 else { throw fail("periods", "the new limit must be an integer ≥ 0") }
            changed.systems[k].maxConcurrentProjects = limit
        case .relaxBalanceRule:
            guard let rule, scenario.policy.balance.indices.contains(rule) else {
                throw fail("rule", "is not the index of a balance rule")
            }
            changed.policy.balance[rule].minShare = minShare ?? changed.policy.balance[rule].minShare
            changed.policy.balance[rule].maxShare = maxShare ?? changed.policy.balance[rule].maxShare
        case .descope:
            let j = try projectIndex()
            guard let k = changed.projects[j].demands.firstIndex(where: { $0.resolvedID == demand }),
                  let work = changed.projects[j].demands[k].work else {
                throw fail("demand", "'\(demand ?? "")' is not a flexible line (one with work) of '\(project ?? "")'")
            }
            guard let amount, amount.isFinite, amount >= 0, amount <= work else {
                throw fail("amount", "must be a number of hours 0…\(work) (the line's work)")
            }
            changed.projects[j].demands[k].work = amount
        case .moveDue:
            let j = try projectIndex()
            guard let due = changed.projects[j].due else { throw fail("project", "'\(project ?? "")' has no due date") }
            guard let k = periods, k >= 1 else { throw fail("periods", "must be an integer ≥ 1") }
            let (moved, overflow) = due.addingReportingOverflow(k)
            guard !overflow else { throw fail("periods", "moves the due date out of range") }
            changed.projects[j].due = moved
        case .hireMore:
            guard let r = changed.hiring.firstIndex(where: { $0.id == role }) else {
                throw fail("role", "'\(role ?? "")' is not a role of the scenario's hiring")
            }
            guard let count, count > changed.hiring[r].maxHires else {
                throw fail("count", "must be an integer above the role's maxHires \(changed.hiring[r].maxHires)")
            }
            changed.hiring[r].maxHires = count
        }
        let errors = changed.validate().filter { $0.severity == .error }
        guard errors.isEmpty else { throw ScenarioError(issues: errors) }
        return changed
    }
}

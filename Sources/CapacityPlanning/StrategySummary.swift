// The plan's `strategy` summary (spec v2, section 5): how the selected portfolio serves each
// driver and how each balance group's share compares with its rule. Checkers ignore it.

/// The selected portfolio's alignment: score per driver and share per balance group.
public struct StrategySummary: Sendable, Equatable, Codable {
    /// One driver's part in the selected portfolio.
    public struct DriverScore: Sendable, Equatable, Codable {
        /// The driver's id.
        public var driver: String
        /// The driver's name to show (its id when it has none).
        public var name: String
        /// The driver's weight in the strategy.
        public var weight: Double
        /// Σ of the selected projects' scores on it (0…5 each, unweighted).
        public var points: Int
        /// `valuePerPoint · weight · points`: the money it adds to the objective.
        public var value: Double
    }

    /// One balance group's share against its rule.
    public struct GroupShare: Sendable, Equatable, Codable {
        /// Index of the rule in `policy.balance`.
        public var rule: Int
        /// The tag key that defines the group.
        public var tag: String
        /// The tag value that defines the group.
        public var value: String
        /// What is shared (`cost`, `projects` or `value`).
        public var measure: String
        /// The group's share of the selected portfolio's measure (0 for an empty portfolio).
        public var share: Double
        /// The rule's least share.
        public var minShare: Double
        /// The rule's most share.
        public var maxShare: Double
        /// Whether the share keeps the rule (within the checker's tolerance).
        public var holds: Bool
    }

    /// Score per driver, in the strategy's order.
    public var drivers: [DriverScore]
    /// Share per balance rule, in the policy's order.
    public var balance: [GroupShare]
    /// Σ strategic value of the selected projects.
    public var strategicValue: Double
    /// Σ delay cost of the selected projects.
    public var delayCost: Double

    /// The summary of `allocation`.
    ///
    /// - Complexity: O(J·K + cells) for J projects and K drivers.
    public init(allocation: Allocation, problem: PlanningProblem) {
        let scenario = problem.scenario
        let perPoint = scenario.strategy?.valuePerPoint ?? 0
        drivers = (scenario.strategy?.drivers ?? []).map { driver in
            var points = 0
            for (j, project) in scenario.projects.enumerated() where allocation.isSelected(j) {
                points += project.scores[driver.id] ?? 0
            }
            return DriverScore(driver: driver.id, name: driver.resolvedName, weight: driver.weight, points: points,
                               value: perPoint * driver.weight * Double(points))
        }
        let cost = problem.balanceGroups.isEmpty ? [] : PlanChecker.staffCostByProject(allocation, problem)
        balance = problem.balanceGroups.map { group in
            let (inGroup, total) = PlanChecker.shares(of: group, allocation, problem, staffCost: cost)
            let rule = group.rule
            let least = rule.minShare * total
            let most = rule.maxShare * total
            return GroupShare(rule: group.index, tag: rule.tag, value: rule.value, measure: rule.measure.rawValue,
                              share: total > 0 ? inGroup / total : 0, minShare: rule.minShare, maxShare: rule.maxShare,
                              holds: inGroup >= least - Tolerance.of(least) && inGroup <= most + Tolerance.of(most))
        }
        var strategicValue = 0.0
        var delayCost = 0.0
        for info in problem.projects {
            guard let start = allocation.starts[info.index] else { continue }
            if problem.isInFlight, let finish = allocation.finish(of: info.index, in: problem) {
                // Version 3's portfolio in flight: as the objective counts them (section 4).
                strategicValue += info.probability * info.strategicValue
                delayCost += info.probability * info.costOfDelay * Double(finish - info.earliestFinish)
                continue
            }
            strategicValue += info.strategicValue
            delayCost += info.costOfDelay * Double(start - info.earliestStart)
        }
        self.strategicValue = strategicValue
        self.delayCost = delayCost
    }
}

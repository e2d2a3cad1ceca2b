// The JSON form of a plan check: `capacity-planner check --format json` and `POST /v1/checks`.

/// A plan check as JSON: validity, the objective term by term, and every broken rule.
public struct PlanCheckReport: Sendable, Equatable, Codable {
    /// One broken rule.
    public struct Violation: Sendable, Equatable, Codable {
        /// The rule's number in spec section 2 (0 for the plan's shape).
        public var rule: Int
        /// What is wrong, with the amounts.
        public var message: String
        /// Ids of the people involved.
        public var people: [String]
        /// Ids of the projects involved.
        public var projects: [String]
        /// Periods involved (indices in the horizon).
        public var periods: [Int]
        /// By how much the limit is missed, when it is a quantity.
        public var amount: Double?
    }

    /// Whether the plan breaks no rule.
    public var valid: Bool
    /// The objective computed from the plan's contents.
    public var objective: Double
    /// The objective the plan states, if any.
    public var statedObjective: Double?
    /// The objective term by term.
    public var terms: ObjectiveBreakdown
    /// Every broken rule, in rule order; empty when the plan is valid.
    public var violations: [Violation]

    /// The report of `check` of `plan`.
    public init(_ check: PlanCheck, plan: Plan) {
        valid = check.isValid
        objective = check.objective.total
        statedObjective = plan.objective
        terms = check.objective
        violations = check.violations.map {
            Violation(rule: $0.rule.rawValue, message: $0.message, people: $0.people, projects: $0.projects,
                      periods: $0.periods, amount: $0.amount)
        }
    }
}

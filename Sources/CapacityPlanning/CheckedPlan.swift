// A plan read against a problem once: the wire plan, the plan on indices, and the verdict.

/// A plan together with what the checker found, made once where a plan enters (a planner's
/// result, a file, a request, a warm start) and handed on, so no layer reads or checks the
/// same plan again.
///
/// ```swift
/// let checked = CheckedPlan(plan, for: problem)
/// if checked.isValid { print(checked.check.objective.total) }
/// ```
public struct CheckedPlan: Sendable, Equatable {
    /// The plan as given.
    public let plan: Plan
    /// The plan on the problem's indices (entries naming unknown things left out).
    public let allocation: Allocation
    /// The checker's verdict and the plan's objective.
    public let check: PlanCheck

    /// Checks `plan` against `problem` (`PlanChecker.check`), keeping the plan on indices it read.
    public init(_ plan: Plan, for problem: PlanningProblem) {
        self.plan = plan
        (check, allocation) = PlanChecker.checkAndMap(plan, for: problem)
    }

    /// Whether the plan breaks no rule (a plan whose status is `infeasible` never is).
    public var isValid: Bool { check.isValid }
}

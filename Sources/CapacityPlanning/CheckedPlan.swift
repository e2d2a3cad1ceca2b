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
    /// The `PlanningProblem.identity` of the problem it was checked against.
    public let problemIdentity: UInt64

    /// Checks `plan` against `problem` (`PlanChecker.check`), keeping the plan on indices it read.
    public init(_ plan: Plan, for problem: PlanningProblem) {
        self.plan = plan
        problemIdentity = problem.identity
        (check, allocation) = PlanChecker.checkAndMap(plan, for: problem)
    }

    /// The same checked plan with `details` in place of its plan's: the checker ignores details,
    /// so the verdict stands without checking again.
    public func with(details: PlanDetails?) -> CheckedPlan {
        var plan = self.plan
        plan.details = details
        return CheckedPlan(plan: plan, allocation: allocation, check: check, problemIdentity: problemIdentity)
    }

    private init(plan: Plan, allocation: Allocation, check: PlanCheck, problemIdentity: UInt64) {
        self.plan = plan
        self.allocation = allocation
        self.check = check
        self.problemIdentity = problemIdentity
    }

    /// The plan's objective explained term by term, by project, person and team
    /// (`ObjectiveExplanation`); meaningful for a valid plan.
    public func explanation(for problem: PlanningProblem) -> ObjectiveExplanation {
        ObjectiveExplanation(allocation: checked(for: problem).allocation, problem: problem)
    }

    /// This checked plan when it was checked against `problem`, else its plan checked against
    /// `problem` now: a plan checked for another scenario is never taken for one of this.
    public func checked(for problem: PlanningProblem) -> CheckedPlan {
        problemIdentity == problem.identity ? self : CheckedPlan(plan, for: problem)
    }

    /// Whether the plan breaks no rule (a plan whose status is `infeasible` never is).
    public var isValid: Bool { check.isValid }
}

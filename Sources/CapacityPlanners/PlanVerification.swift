// The last step of every planner: no invalid plan leaves a planner.
public import CapacityPlanning

extension Plan {
    /// Returns the plan after the checker accepts it (an `infeasible` plan passes unchecked).
    ///
    /// - Throws: `PlanningError.invalidPlan` with the checker's violations.
    public func verified(for problem: PlanningProblem) throws(PlanningError) -> Plan {
        if status == .infeasible { return self }
        let check = PlanChecker.check(self, for: problem)
        guard check.isValid else {
            throw PlanningError(.invalidPlan, "\(solver ?? "planner") produced a plan that breaks the rules",
                                violations: check.violations)
        }
        return self
    }
}

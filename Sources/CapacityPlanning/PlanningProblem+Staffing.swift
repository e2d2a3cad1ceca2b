// The one rule for cheapest staffing (stated on `ProjectInfo.cheapestStaffingCost`), computed
// once per project when the problem is built.

extension PlanningProblem {
    /// `ProjectInfo.cheapestStaffingCost`, `unstaffableHours` and `leastObjectiveCost` of a
    /// project with these demands (the rule is stated on `cheapestStaffingCost`).
    static func cheapestStaffing(_ demands: [DemandInfo], mandatory: Bool,
                                         unmetPenalty: Double) -> (cost: Double, unstaffable: Double, objective: Double) {
        var cost = 0.0, unstaffable = 0.0, objective = 0.0
        for demand in demands where demand.totalHours > 0 {
            if let rate = demand.cheapestRate {
                cost += demand.totalHours * rate
            } else {
                unstaffable += demand.totalHours
            }
            if mandatory { objective += demand.totalHours * min(demand.cheapestRate ?? .infinity, unmetPenalty) }
        }
        return (cost, unstaffable, mandatory ? objective : cost)
    }
}

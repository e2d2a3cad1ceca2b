// A bound with people unlimited.
import CapacityPlanning

/// The bound that assumes unlimited people: every project that could pay for its cheapest possible
/// staffing, at that cost (mandatory projects' unstaffable hours at the unmet-hours penalty).
/// Valid for any scenario, cheap at any size, and weak where people are scarce.
enum SimpleBound {
    /// The bound (objective constant included).
    static func value(for problem: PlanningProblem) -> Double {
        let policy = problem.policy
        var total = 0.0
        for info in problem.projects where info.canBeSelected {
            var cheapest = 0.0
            var staffable = true
            for d in info.demands {
                let demand = problem.demands[d]
                let cost = demand.cheapestRate
                if info.mandatory {
                    cheapest += demand.totalHours * min(cost ?? .infinity, policy.unmetPenaltyPerHour)
                } else if let cost {
                    cheapest += demand.totalHours * cost
                } else if demand.totalHours > 0 {
                    staffable = false
                }
            }
            if info.mandatory || info.required { total += info.bestWorth - cheapest } else if staffable { total += max(0, info.bestWorth - cheapest) }
        }
        return total
    }
}

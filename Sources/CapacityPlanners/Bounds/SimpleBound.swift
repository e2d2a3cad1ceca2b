// A bound with people unlimited.
import CapacityPlanning

/// The bound that assumes unlimited people: every project that could pay for its cheapest possible
/// staffing, at that cost (`ProjectInfo.leastObjectiveCost`: mandatory projects' hours at the
/// unmet-hours penalty where that is cheaper or nobody is qualified).
/// Valid for any scenario, cheap at any size, and weak where people are scarce.
enum SimpleBound {
    /// The bound (objective constant included).
    static func value(for problem: PlanningProblem) -> Double {
        var total = 0.0
        for info in problem.projects where info.canBeSelected {
            if info.required {
                total += info.bestWorth - info.leastObjectiveCost
            } else if info.fullyStaffable {
                total += max(0, info.bestWorth - info.leastObjectiveCost)
            }
        }
        return total
    }
}

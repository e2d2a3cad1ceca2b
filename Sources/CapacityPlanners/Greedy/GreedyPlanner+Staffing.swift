// A plan for given starts: the greedy planner's staffing, without its choice of projects or starts.
import CapacityPlanning

extension GreedyPlanner {
    /// The projects of `starts` (project → start) selected at those starts and staffed greedily,
    /// required projects first, then by start: scarce people first, then the cheapest, freeing
    /// people by moving their other work where a cell cannot be covered. A project that cannot be
    /// staffed so is left out. The result is not checked: the caller checks it.
    ///
    /// The large-neighbourhood search uses it to start GLPK from a plan that already has the
    /// starts it is guided to (`StartGuide`): from the current plan, whose starts differ,
    /// GLPK found no staffing in the time a step has.
    ///
    /// - Complexity: that of staffing each project once (with repairs), as in one construction.
    static func staffing(_ starts: [Int: Int], for problem: PlanningProblem) -> Allocation {
        var state = GreedyState(model: GreedyIndex(problem: problem))
        let order = starts.keys.sorted {
            (problem.projects[$0].required ? 0 : 1, starts[$0] ?? 0, $0) < (problem.projects[$1].required ? 0 : 1, starts[$1] ?? 0, $1)
        }
        for j in order {
            guard let start = starts[j] else { continue }
            let before = state.mark
            var staffed = false
            for staffingOrder in [StaffingOrder.scarcity, .cost] {
                state.select(j, at: start)
                if state.staff(j, staffingOrder, repair: true) {
                    staffed = true
                    break
                }
                state.rollback(to: before)
            }
            if !staffed { state.rollback(to: before) }
        }
        return state.allocation()
    }
}

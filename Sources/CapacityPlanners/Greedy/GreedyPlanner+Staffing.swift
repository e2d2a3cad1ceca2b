// A plan for given starts: the greedy planner's staffing, without its choice of projects or starts.
package import CapacityPlanning

extension GreedyPlanner {
    /// The projects of `starts` (project → start) selected at those starts and staffed greedily,
    /// required projects first, then by start: scarce people first, then the cheapest, freeing
    /// people by moving their other work where a cell cannot be covered. A project that cannot be
    /// staffed so is left out. The result is not checked: the caller checks it.
    ///
    /// With `kept`, every project that `kept` selects at the start `starts` gives it keeps its
    /// staffing from `kept` exactly (the repairs may later move it to make room); only the others
    /// are staffed greedily, in what is left.
    ///
    /// The large-neighbourhood search uses it to start GLPK from a plan that already has the
    /// starts it is guided to (`StartGuide`): from the current plan, whose starts differ,
    /// GLPK found no staffing in the time a step has. Keeping the current plan's staffing of the
    /// projects the guide does not move made that plan much closer to the current one (on
    /// 60 × 25 × 16 seed 1, 706–714 k against 694 k from scratch; Docs/lns.md).
    ///
    /// - Complexity: that of staffing each project once (with repairs), as in one construction,
    ///   plus one pass over `kept`'s hours.
    package static func staffing(_ starts: [Int: Int], keeping kept: Allocation? = nil, for problem: PlanningProblem) -> Allocation {
        var state = GreedyState(model: GreedyIndex(problem: problem))
        var toStaff = starts
        if let kept {
            let same = kept.starts.indices.filter { kept.starts[$0] != nil && kept.starts[$0] == starts[$0] }
            state.load(same, from: kept, for: problem)
            for j in same { toStaff[j] = nil }
        }
        let order = toStaff.keys.sorted {
            (problem.projects[$0].required ? 0 : 1, toStaff[$0] ?? 0, $0) < (problem.projects[$1].required ? 0 : 1, toStaff[$1] ?? 0, $1)
        }
        for j in order {
            guard let start = toStaff[j] else { continue }
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

extension GreedyState {
    /// Selects `projects` (each selected by `plan`) at their starts in `plan`, with their hours
    /// from `plan`. `plan` must keep capacity, concurrency and coverage ≤ demand (a checked plan does).
    mutating func load(_ projects: [Int], from plan: Allocation, for problem: PlanningProblem) {
        for j in projects {
            guard let start = plan.starts[j] else { continue }
            select(j, at: start)
        }
        // In a fixed order (the dictionary's changes from run to run): teams are built in it, and
        // the repairs that follow walk them.
        let cells = plan.hours.filter { $0.value > 0 }.sorted {
            ($0.key.demand, $0.key.period, $0.key.person) < ($1.key.demand, $1.key.period, $1.key.person)
        }
        for (cell, hours) in cells {
            let j = problem.demands[cell.demand].project
            guard isSelected(j), let start = plan.starts[j] else { continue }
            setHours(cell.person, cell.demand, cell.period - start, hours)
        }
    }
}

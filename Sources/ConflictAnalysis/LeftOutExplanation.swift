// The one answer to "why is this project left out?", for the analysis and the HTML report alike.
public import CapacityPlanning

/// Explains every project a plan leaves out, by formulas over the scenario and the plan's other
/// work (Docs/analysis.md "Why not selected"): window and dependencies from the start range; skill
/// and concurrency from max flows over the hours the plan leaves free; budgets and value from the
/// project's cheapest possible staffing. No re-solve: the analysis adds the forced-in re-solve.
public enum LeftOutExplanation {
    /// The reasons for every project `allocation` leaves out, highest value first.
    ///
    /// - Complexity: one max flow per (project left out, possible start, period with demand), each
    ///   over the qualified people; the staffing check remembers each project's best start.
    public static func reasons(for problem: PlanningProblem, allocation: Allocation) -> [NotSelectedProject] {
        SelectionAnalysis(problem: problem, allocation: allocation,
                          staffing: StaffingCheck(problem: problem, allocation: allocation)).reasons()
    }
}

// The search on a portfolio in flight: its sub-problems are the in-flight model with the rest of the plan fixed.
#if GLPK
import CapacityPlanning
import Optimization

/// The in-flight model (`InFlightFormulation`) of a search, built once: each step fixes the columns of
/// the projects it does not free at the plan's values and hands GLPK what is left (`Model.fixing`).
struct InFlightModel: Sendable {
    let formulation: InFlightFormulation
    /// The project of each column (−1: a synergy's, fixed when all its projects are).
    let owners: [Int]
    /// The start of each span binary, by column.
    let spanStarts: [Int: Int]
    /// The projects each hire and course column can serve (version 3, Part B).
    let supplyProjects: [Int: Set<Int>]

    init(problem: PlanningProblem) {
        formulation = InFlightFormulation(problem: problem)
        owners = formulation.columnOwners
        var starts: [Int: Int] = [:]
        for list in formulation.spans { for (span, y) in list { starts[y.index] = span.start } }
        spanStarts = starts
        supplyProjects = formulation.supplyColumnProjects
    }

    /// The values that fix everything but `freed` at `plan` (a solution vector of the model), and the
    /// spans of a freed project that start outside its window at 0.
    func fixedValues(_ plan: [Double], freeing freed: Set<Int>, windows: [Int: ClosedRange<Int>]) -> [Int: Double] {
        var fixed: [Int: Double] = [:]
        for (c, j) in owners.enumerated() where j >= 0 {
            if !freed.contains(j) {
                fixed[c] = plan[c]
            } else if let window = windows[j], let start = spanStarts[c], !window.contains(start) {
                fixed[c] = 0
            }
        }
        for (projects, w) in formulation.synergyOf where !projects.contains(where: freed.contains) {
            fixed[w.index] = plan[w.index]
        }
        // A hire or course no freed project could use stays as the plan has it.
        for (column, projects) in supplyProjects where projects.isDisjoint(with: freed) {
            fixed[column] = plan[column]
        }
        return fixed
    }

    /// How far the LP relaxation's solution `relaxed` is from `plan` (both solutions of the model),
    /// project by project: Σ |relaxed − plan| over its span binaries (0 to 2) where above 0.02, and
    /// the starts between the relaxation's (with weight above 0.01) and the plan's own.
    func relaxationGaps(_ relaxed: [Double], plan: [Double]) -> (gaps: [Int: Double], windows: [Int: ClosedRange<Int>]) {
        var gaps: [Int: Double] = [:]
        var windows: [Int: ClosedRange<Int>] = [:]
        for (j, list) in formulation.spans.enumerated() where !list.isEmpty {
            var gap = 0.0
            var starts: [Int] = []
            for (span, y) in list {
                gap += abs(relaxed[y.index] - plan[y.index])
                if relaxed[y.index] > 0.01 || plan[y.index] > 0.5 { starts.append(span.start) }
            }
            guard gap > 0.02, let first = starts.min(), let last = starts.max() else { continue }
            gaps[j] = gap
            windows[j] = first...last
        }
        return (gaps, windows)
    }
}

extension Search {
    /// Re-optimises the freed projects of a portfolio in flight with everything else fixed, within
    /// `budget`, warm-started from `current`; as `solve(freeing:…)` does for the other versions.
    func solveInFlight(_ inFlight: InFlightModel, freeing freed: Set<Int>, windows: [Int: ClosedRange<Int>],
                       around current: Allocation, whole: Bool, budget: SubproblemBudget) -> SubproblemResult {
        let formulation = inFlight.formulation
        guard let plan = formulation.values(for: current) else {
            return SubproblemResult(allocation: nil, optimal: false, hitLimit: false,
                                    failure: "the plan uses a span or an hour the in-flight model leaves out")
        }
        let reduced = formulation.model.fixing(inFlight.fixedValues(plan, freeing: freed, windows: windows))
        guard reduced.brokenRows.isEmpty, reduced.model.variableCount > 0 else {
            return SubproblemResult(allocation: nil, optimal: false, hitLimit: false)
        }
        var solve = subproblemOptions(whole: whole, budget: budget, around: current, warmStart: reduced.reduced(plan),
                                      values: { formulation.values(for: $0).flatMap(reduced.reduced) })
        solve.scaling = true  // measured: plans as good or better on 60 × 25 × 16 and 120 × 40 × 26 (Docs/lns.md)
        return solved(reduced.model, solve) { formulation.allocation(from: reduced.expanded($0)) }
    }
}
#endif

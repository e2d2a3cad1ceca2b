// Starts to steer the search by: the class relaxation, warm-started from a plan, solved for its starts.
#if GLPK
package import CapacityPlanning
import Optimization

/// The starts the class relaxation (`ModelShape.classRelaxation`, Docs/formulation.md "Bounds")
/// prefers around a plan, with the plan's selection kept or chosen anew: the guided
/// neighbourhood's targets (Docs/lns.md, "Guided starts").
///
/// The search's neighbourhoods move a project a few periods at a time and re-staff only the
/// projects around it; the better plans of mid-size-pmo move four projects 4–13 weeks at once.
/// The class relaxation sees the whole portfolio's capacity at once, and GLPK improves on the plan
/// in seconds: it is warm-started from the current starts (the class LP with those starts fixed
/// is a solution of it), so a guide exists whenever that LP solves. Building the model takes
/// 4–8 ms on mid-size-pmo and 60 × 25 × 16, against the guide's 4 s: it is built for each guide.
package enum StartGuide {
    /// Project `j` → its start, for every project the guide selects: exactly those `current`
    /// selects when `keepSelection`, otherwise the relaxation's own choice. `nil` when GLPK found
    /// no solution within `timeLimit` seconds or `cancellation` stopped it.
    package static func starts(for problem: PlanningProblem, around current: Allocation, timeLimit: Double,
                               keepSelection: Bool = true, cancellation: PlanningCancellation? = nil) -> [Int: Int]? {
        let clock = ContinuousClock.now
        let formulation = ExactFormulation(problem: problem, shape: .classRelaxation)
        var model = formulation.model
        if keepSelection {
            for (j, starts) in formulation.starts.enumerated() where !starts.isEmpty {
                if current.starts[j] == nil {
                    for v in starts.values { model.setBounds(v, lower: 0, upper: 0) }
                } else {
                    let vars = Array(starts.values)
                    model.addConstraint(variables: vars, coefficients: Array(repeating: 1, count: vars.count), lower: 1, upper: 1)
                }
            }
        }
        let token = CancellationToken()
        cancellation?.onCancel { token.cancel() }
        // The current starts, fixed: the class LP then gives a solution of the relaxation to start from.
        var fixed = model
        for (j, starts) in formulation.starts.enumerated() {
            for (start, v) in starts {
                let on: Double = current.starts[j] == start ? 1 : 0
                fixed.setBounds(v, lower: on, upper: on)
            }
        }
        var lpOptions = SolveOptions()
        lpOptions.timeLimit = timeLimit / 2
        lpOptions.cancellation = token
        let warm = try? GLPK.solveRelaxation(fixed, options: lpOptions)
        var solve = SolveOptions()
        solve.relativeGap = 1e-4
        solve.branching = .hybridPseudocost
        solve.timeLimit = max(0.1, timeLimit - clock.secondsElapsed)
        solve.cancellation = token
        if let warm, warm.hasSolution { solve.warmStart = warm.values }
        guard let result = try? GLPK.solve(model, options: solve), result.hasSolution else { return nil }
        let starts = formulation.allocation(from: result.values, problem: problem).starts
        var guide: [Int: Int] = [:]
        for (j, start) in starts.enumerated() { if let start, !keepSelection || current.starts[j] != nil { guide[j] = start } }
        return guide
    }
}
#endif

// One step's sub-problem: the freed projects re-optimised by GLPK with everything else fixed.
#if GLPK
import CapacityPlanning
import Optimization
import Synchronization

extension Search {
    /// What one sub-problem gave.
    struct SubproblemResult {
        var allocation: Allocation?
        var optimal: Bool
        /// GLPK stopped at the time or node limit (the column budget shrinks).
        var hitLimit: Bool
        /// GLPK failed on the sub-problem (an error, not a limit), in words; counted in the statistics.
        var failure: String? = nil
    }


    /// Re-optimises the freed projects with everything else fixed, within `budget`
    /// (`SearchPolicy.budget`). A neighbourhood that is the whole problem is the exact planner,
    /// warm-started from the current plan, and takes the other searches' better plans as
    /// incumbents while it runs (`SolveOptions.offers`).
    func solve(freeing freed: Set<Int>, windows: [Int: ClosedRange<Int>], around current: Allocation,
               whole: Bool, budget: SubproblemBudget) -> SubproblemResult {
        if let inFlight {
            return solveInFlight(inFlight, freeing: freed, windows: windows, around: current, whole: whole, budget: budget)
        }
        let scope = ModelScope.around(current, freeing: freed, problem: problem, startWindows: windows)
        guard !scope.isHopeless else { return SubproblemResult(allocation: nil, optimal: false, hitLimit: false) }
        let formulation = ExactFormulation(problem: problem, scope: scope)
        let solve = subproblemOptions(whole: whole, budget: budget, around: current,
                                      warmStart: formulation.values(for: current, problem: problem),
                                      values: { [problem] in formulation.values(for: $0, problem: problem) })
        return solved(formulation.model, solve) { [problem] values in
            formulation.merging(formulation.allocation(from: values, problem: problem), into: current, problem: problem)
        }
    }

    /// The options every sub-problem is solved with: its budget (`SearchPolicy.budget`), a gap of
    /// 1e-6, the caller's cancellation, `warmStart`, and for the whole problem the other searches'
    /// better plans, written by `values`, offered to branch and cut as they come (each once).
    func subproblemOptions(whole: Bool, budget: SubproblemBudget, around current: Allocation, warmStart: [Double]?,
                           values: @escaping @Sendable (Allocation) -> [Double]?) -> SolveOptions {
        var solve = SolveOptions()
        solve.relativeGap = 1e-6
        // Pseudo-cost branching finds the exchanges (one project in, another out) far sooner
        // than GLPK's default on these sub-problems; the whole problem, where a proof is the
        // point, branches as the exact planner does, on the starts worth most, which closes the
        // gap sooner (measured; Docs/lns.md, Docs/formulation.md).
        solve.branching = whole ? .objectiveWeighted : .hybridPseudocost
        solve.warmStart = warmStart
        solve.nodeLimit = budget.nodes
        solve.timeLimit = budget.seconds
        if whole, let shared {
            let offered = Mutex(ObjectiveBreakdown(allocation: current, problem: problem).total)
            solve.offers = {
                guard let better = offered.withLock({ last -> (objective: Double, allocation: Allocation)? in
                    guard let better = shared.better(than: last) else { return nil }
                    last = better.objective
                    return better
                }) else { return nil }
                return values(better.allocation)
            }
        }
        let token = CancellationToken()
        options.cancellation?.onCancel { token.cancel() }
        solve.cancellation = token
        return solve
    }

    /// GLPK on a sub-problem's `model`; `plan` reads its solution's values as a whole plan.
    func solved(_ model: Model, _ solve: SolveOptions, plan: ([Double]) -> Allocation) -> SubproblemResult {
        let result: SolveResult
        do {
            result = try GLPK.solve(model, options: solve)
        } catch {
            // Kept and counted, not taken for a limit; the budget still shrinks, as a smaller
            // sub-problem is the likeliest to solve.
            return SubproblemResult(allocation: nil, optimal: false, hitLimit: true, failure: "\(error)")
        }
        guard result.hasSolution else { return SubproblemResult(allocation: nil, optimal: false, hitLimit: true) }
        let optimal = result.termination == .optimal || result.termination == .gapReached
        return SubproblemResult(allocation: plan(result.values), optimal: optimal, hitLimit: !optimal)
    }
}
#endif

// Starts to steer the search by: the class relaxation, with the plan's selection kept, solved for its starts.
#if GLPK
import CapacityPlanning
import Optimization

extension Search {
    /// Starts for the current plan's selected projects that the class relaxation
    /// (`ModelShape.classRelaxation`, Docs/formulation.md "Bounds") prefers when the selection is
    /// kept: project `j` → its start. `nil` when GLPK found no solution in `timeLimit` seconds.
    ///
    /// The search's neighbourhoods move a project a few periods at a time and re-staff only the
    /// projects around it; the better plans of mid-size-pmo move four projects 4–13 weeks at once
    /// (Docs/lns.md, "Guided starts"). The class relaxation sees the whole portfolio's capacity
    /// at once, and with the selection fixed GLPK solves it in seconds: it is warm-started from
    /// the current starts (the class LP with those starts fixed is a solution of it).
    func guideStarts(around current: Allocation, timeLimit: Double) -> [Int: Int]? {
        let formulation = ExactFormulation(problem: problem, shape: .classRelaxation)
        var model = formulation.model
        for (j, starts) in formulation.starts.enumerated() where !starts.isEmpty {
            if current.starts[j] == nil {
                for v in starts.values { model.setBounds(v, lower: 0, upper: 0) }
            } else {
                let vars = Array(starts.values)
                model.addConstraint(variables: vars, coefficients: Array(repeating: 1, count: vars.count), lower: 1, upper: 1)
            }
        }
        let token = CancellationToken()
        options.cancellation?.onCancel { token.cancel() }
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
        let began = elapsed
        let warm = try? GLPK.solveRelaxation(fixed, options: lpOptions)
        var solve = SolveOptions()
        solve.relativeGap = 1e-4
        solve.branching = .hybridPseudocost
        solve.timeLimit = max(0.1, timeLimit - (elapsed - began))
        solve.cancellation = token
        if let warm, warm.hasSolution { solve.warmStart = warm.values }
        guard let result = try? GLPK.solve(model, options: solve), result.hasSolution else { return nil }
        let starts = formulation.allocation(from: result.values, problem: problem).starts
        var guide: [Int: Int] = [:]
        for (j, start) in starts.enumerated() { if let start, current.starts[j] != nil { guide[j] = start } }
        return guide
    }

    /// The guided neighbourhood, when a guide is due: the first at the first stall
    /// (`guideStallSteps` fruitless steps) or at `guideShare` of the time, later ones at stalls,
    /// each around a plan no guide has been computed around (see `wantsGuide`).
    mutating func dueGuidedNeighbourhood(around current: Allocation, objective: Double)
        -> (freed: [Int], windows: [Int: ClosedRange<Int>], base: Allocation)?
    {
        let firstDue = guidedObjective == nil && elapsed >= guideShare * (timeLimit ?? .infinity)
        guard statistics.steps - lastImprovementStep >= guideStallSteps || firstDue,
              wantsGuide(objective: objective) else { return nil }
        guidedObjective = objective
        guard let guide = guideStarts(around: current, timeLimit: guideTimeLimit) else { return nil }
        return guidedNeighbourhood(guide, around: current)
    }

    /// Whether a stalled search should compute a guide now: once per plan, by the main search of
    /// a timed run, where the class relaxation is small enough to solve in seconds and time is left.
    func wantsGuide(objective: Double) -> Bool {
        guard !isHelper, !deterministic, !wholeProblemFits, guidedObjective != objective, let remaining,
              remaining > 3 * guideTimeLimit else { return false }
        return RelaxationBound.classColumns(problem) <= RelaxationBound.smallClassModel
    }

    /// Seconds a guide may take.
    var guideTimeLimit: Double { 4 }

    /// The guided neighbourhood: every selected project whose guide start differs from its
    /// current one, at the guide's start, with the ring re-staffed around them; `nil` when the
    /// guide agrees with the plan. Its sub-problem is solved around `base`: the guide's starts
    /// staffed greedily (`GreedyPlanner.staffing`) when the checker accepts that plan, so GLPK
    /// starts from a plan with those starts; otherwise the current plan (GLPK then starts cold).
    mutating func guidedNeighbourhood(_ guide: [Int: Int], around current: Allocation)
        -> (freed: [Int], windows: [Int: ClosedRange<Int>], base: Allocation)?
    {
        var freed: [Int] = []
        var windows: [Int: ClosedRange<Int>] = [:]
        for (j, target) in guide.sorted(by: { $0.key < $1.key }) {
            guard let start = current.starts[j], start != target else { continue }
            freed.append(j)
            windows[j] = target...target
        }
        guard !freed.isEmpty else { return nil }
        let staffed = GreedyPlanner.staffing(guide, for: problem)
        let base = PlanChecker.violations(of: staffed, for: problem).isEmpty ? staffed : current
        addRing(to: &freed, windows: &windows, around: base)
        return (freed, windows, base)
    }
}
#endif

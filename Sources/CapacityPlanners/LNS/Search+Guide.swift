// The guided neighbourhood: the projects whose start or selection a guide (`StartGuide`) would change.
#if GLPK
import CapacityPlanning

extension Search {
    /// The guided neighbourhood, when a guide is due: the first at the first stall
    /// (`SearchPolicy.guideStallSteps` fruitless steps) or at `SearchPolicy.guideShare` of the time, later ones at stalls,
    /// each around a plan no guide has been computed around (see `wantsGuide`).
    mutating func dueGuidedNeighbourhood(around current: Allocation, objective: Double)
        -> (freed: [Int], windows: [Int: ClosedRange<Int>], base: Allocation)?
    {
        guard stalledForGuide || (guidedObjective == nil && pastGuideShare),
              wantsGuide(objective: objective) else { return nil }
        guidedObjective = objective
        // Guides alternate: the plan's selection kept, then the relaxation's own; when one agrees
        // with the plan (or finds nothing), the other is tried at once.
        for _ in 0..<2 {
            let keepSelection = guidesComputed % 2 == 0
            guidesComputed += 1
            guard hasTimeForGuide else { return nil }
            if let guide = StartGuide.starts(for: problem, around: current, timeLimit: policy.guideSeconds,
                                             keepSelection: keepSelection, cancellation: options.cancellation),
               let guided = guidedNeighbourhood(guide, around: current) {
                return guided
            }
        }
        return nil
    }

    /// Whether a stalled search should compute a guide now: once per plan, by the main search of
    /// a timed run, where the class relaxation is small enough to solve in seconds and time is left.
    func wantsGuide(objective: Double) -> Bool {
        // The guide is a relaxation of the earlier versions' model: none in flight.
        guard inFlight == nil, !isHelper, !deterministic, !wholeProblemFits, guidedObjective != objective, hasTimeForGuide else { return false }
        return RelaxationBound.classColumns(problem) <= RelaxationBound.smallClassModel
    }

    /// Whether the search has gone `SearchPolicy.guideStallSteps` steps without a gain.
    var stalledForGuide: Bool { statistics.steps - lastImprovementStep >= policy.guideStallSteps }

    /// Whether `SearchPolicy.guideShare` of a timed run's time has passed.
    var pastGuideShare: Bool { elapsed >= policy.guideShare * (timeLimit ?? .infinity) }

    /// Whether a timed search has time for a guide and the step it leads to (or for the attempt on
    /// the whole problem, `dueWholeAttempt`).
    var hasTimeForGuide: Bool { remaining.map { $0 > 3 * policy.guideSeconds } ?? false }

    /// The guided neighbourhood: every project whose guide start differs from its current one
    /// (selected or not), at the guide's start, with the ring re-staffed around them; a project the
    /// guide leaves out is freed at its start and may be dropped. `nil` when the guide agrees with
    /// the plan. Its sub-problem is solved around `base`: the guide's starts, the projects it does
    /// not move keeping their current staffing and the others staffed greedily
    /// (`GreedyPlanner.staffing`), when the checker accepts that plan (else the guide's starts all
    /// staffed greedily, when it accepts that), so GLPK starts from a plan with those starts;
    /// otherwise the current plan (GLPK then starts cold).
    mutating func guidedNeighbourhood(_ guide: [Int: Int], around current: Allocation)
        -> (freed: [Int], windows: [Int: ClosedRange<Int>], base: Allocation)?
    {
        var freed: [Int] = []
        var windows: [Int: ClosedRange<Int>] = [:]
        for j in index.selectable where current.starts[j] != guide[j] {
            // At the guide's start; a project the guide leaves out keeps its start and may be dropped.
            guard let start = guide[j] ?? current.starts[j] else { continue }
            freed.append(j)
            windows[j] = start...start
        }
        guard !freed.isEmpty else { return nil }
        // Around the current staffing first; from scratch when the checker rejects that.
        var base = GreedyPlanner.staffing(guide, keeping: current, for: problem)
        if !PlanChecker.violations(of: base, for: problem).isEmpty { base = GreedyPlanner.staffing(guide, for: problem) }
        if !PlanChecker.violations(of: base, for: problem).isEmpty { base = current }
        addRing(to: &freed, windows: &windows, around: base)
        return (freed, windows, base)
    }
}
#endif

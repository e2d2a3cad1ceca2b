// The whole problem, tried once: where it is too large for a neighbourhood but small enough for a proof.
#if GLPK
import CapacityPlanning

extension Search {
    /// Whether every selectable project, with every start, fits the column budget: the main
    /// search's neighbourhood is then the whole problem.
    var wholeProblemFits: Bool { wholeProblemColumns <= columnBudget }

    /// Whether the main search of a timed run should now try the whole problem once, with
    /// `SearchPolicy.wholeAttemptShare` of the time left: where it is larger than the column budget
    /// but at most `SearchPolicy.wholeAttemptColumns`, at the first stall or at `guideShare` of the time (as the first
    /// guide), when more than 12 s are left (`hasTimeForGuide`). GLPK then either proves the plan
    /// optimal or returns its best plan; the search goes on from the better of the two (Docs/lns.md,
    /// "Trying the whole problem"). Nothing but cancellation interrupts it: meanwhile the main
    /// search reports no progress, and the second search goes on improving the plan.
    mutating func dueWholeAttempt() -> Bool {
        guard !isHelper, !deterministic, !wholeProblemAttempted, hasTimeForGuide, stalledForGuide || pastGuideShare,
              !wholeProblemFits, wholeProblemColumns <= policy.wholeAttemptColumns else { return false }
        wholeProblemAttempted = true
        return true
    }
}
#endif

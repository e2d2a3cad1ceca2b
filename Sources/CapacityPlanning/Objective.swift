// The objective of spec section 2, term by term.

/// A plan's objective split into its terms (spec section 2, "Objective").
///
/// `total = value − staffCost − unmetPenalty − assignmentPenalty − changePenalty − startChangePenalty`.
public struct ObjectiveBreakdown: Sendable, Equatable, Codable {
    /// Σ value of selected projects.
    public var value: Double
    /// Σ hours × costPerHour.
    public var staffCost: Double
    /// Demanded hours of selected projects left unstaffed.
    public var unmetHours: Double
    /// `unmetPenaltyPerHour × unmetHours`.
    public var unmetPenalty: Double
    /// Distinct (person, project) pairs with any hours.
    public var assignmentPairs: Int
    /// `assignmentPenalty × assignmentPairs`.
    public var assignmentPenalty: Double
    /// Σ |hours − baseline hours| over all cells.
    public var changedHours: Double
    /// `changePenaltyPerHour × changedHours`.
    public var changePenalty: Double
    /// Baseline-selected projects dropped or started elsewhere.
    public var startChanges: Int
    /// `startChangePenalty × startChanges`.
    public var startChangePenalty: Double

    /// The objective (maximised).
    public var total: Double {
        value - staffCost - unmetPenalty - assignmentPenalty - changePenalty - startChangePenalty
    }

    /// Evaluates the objective of `allocation`.
    ///
    /// - Complexity: O(cells + baseline cells + J·D·duration).
    public init(allocation: Allocation, problem: PlanningProblem) {
        let policy = problem.policy
        var value = 0.0
        for info in problem.projects where allocation.isSelected(info.index) { value += info.value }

        var cost = 0.0
        var pairs = Set<Int>()
        let projectCount = max(1, problem.projects.count)
        var changed = 0.0
        for (cell, h) in allocation.hours where h > 0 {
            cost += h * problem.people[cell.person].costPerHour
            pairs.insert(cell.person * projectCount + problem.demands[cell.demand].project)
            changed += abs(h - (problem.baseline.hours[cell] ?? 0))
        }
        for (cell, b) in problem.baseline.hours where (allocation.hours[cell] ?? 0) <= 0 {
            changed += b
        }
        let unmet = allocation.unmetHoursByProject(problem).reduce(0, +)

        var startChanges = 0
        for (j, start) in problem.baseline.starts where allocation.starts[j] != start {
            startChanges += 1
        }

        self.value = value
        self.staffCost = cost
        self.unmetHours = unmet
        self.unmetPenalty = policy.unmetPenaltyPerHour * unmet
        self.assignmentPairs = pairs.count
        self.assignmentPenalty = policy.assignmentPenalty * Double(pairs.count)
        self.changedHours = changed
        self.changePenalty = policy.changePenaltyPerHour * changed
        self.startChanges = startChanges
        self.startChangePenalty = policy.startChangePenalty * Double(startChanges)
    }
}

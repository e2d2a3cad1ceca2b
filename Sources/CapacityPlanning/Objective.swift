// The objective of spec section 2 (v1) and section 3 (v2), term by term.

/// A plan's objective split into its terms (spec v1 section 2, v2 section 3).
///
/// `total = value + strategicValue − delayCost − staffCost − unmetPenalty − assignmentPenalty
/// − changePenalty − startChangePenalty`; the two v2 terms are 0 for a version-1 scenario.
public struct ObjectiveBreakdown: Sendable, Equatable, Codable {
    /// Σ value of selected projects.
    public var value: Double
    /// Σ `valuePerPoint × strategic score` of selected projects (version 2).
    public var strategicValue: Double
    /// Σ `costOfDelay × (start − earliestStart)` of selected projects (version 2).
    public var delayCost: Double
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
        value + strategicValue - delayCost - staffCost - unmetPenalty - assignmentPenalty - changePenalty - startChangePenalty
    }

    /// Evaluates the objective of `allocation`.
    ///
    /// - Complexity: O(n log n) in the cells and baseline cells (sorted for a deterministic sum), + O(J·D·duration).
    public init(allocation: Allocation, problem: PlanningProblem) {
        let policy = problem.policy
        var value = 0.0
        var strategicValue = 0.0
        var delayCost = 0.0
        for info in problem.projects {
            guard let start = allocation.starts[info.index] else { continue }
            value += info.value
            strategicValue += info.strategicValue
            delayCost += info.costOfDelay * Double(start - info.earliestStart)
        }

        var cost = 0.0
        var pairs = Set<Int>()
        let projectCount = max(1, problem.projects.count)
        var changed = 0.0
        // Summed in cell order, so that equal plans have bit-for-bit equal objectives.
        let cells = allocation.hours.filter { $0.value > 0 }.sorted {
            ($0.key.person, $0.key.demand, $0.key.period) < ($1.key.person, $1.key.demand, $1.key.period)
        }
        for (cell, h) in cells {
            cost += h * problem.people[cell.person].costPerHour
            pairs.insert(cell.person * projectCount + problem.demands[cell.demand].project)
            changed += abs(h - (problem.baseline.hours[cell] ?? 0))
        }
        let baselineCells = problem.baseline.hours.filter { (allocation.hours[$0.key] ?? 0) <= 0 }.sorted {
            ($0.key.person, $0.key.demand, $0.key.period) < ($1.key.person, $1.key.demand, $1.key.period)
        }
        for (_, b) in baselineCells { changed += b }
        let unmet = allocation.unmetHoursByProject(problem).reduce(0, +)

        var startChanges = 0
        for (j, start) in problem.baseline.starts where allocation.starts[j] != start {
            startChanges += 1
        }

        self.value = value
        self.strategicValue = strategicValue
        self.delayCost = delayCost
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

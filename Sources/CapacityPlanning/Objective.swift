// The objective of spec section 2 (v1), section 3 (v2) and section 4 (v3), term by term.

/// A plan's objective split into its terms (spec v1 section 2, v2 section 3, v3 section 4).
///
/// `total = value + strategicValue + synergyValue − delayCost − lateCost − staffCost − hiringCost
/// − trainingCost − unmetPenalty − assignmentPenalty − changePenalty − startChangePenalty`; the two v2 terms are 0 for a
/// version-1 scenario, and the v3 ones are absent for a scenario without the portfolio in flight.
public struct ObjectiveBreakdown: Sendable, Equatable, Codable {
    /// Σ value of selected projects (each times its probability, version 3).
    public var value: Double
    /// Σ `valuePerPoint × strategic score` of selected projects (version 2; times the probability, v3).
    public var strategicValue: Double
    /// Σ `costOfDelay × (start − earliestStart)` of selected projects (version 2); in version 3
    /// `probability × costOfDelay × (finish − earliest finish)`.
    public var delayCost: Double
    /// Σ `probability × latePenaltyPerPeriod × periods after due` of selected projects (version 3).
    public var lateCost: Double?
    /// Σ `(Π probabilities) × value` of the synergies whose projects are all selected (version 3).
    public var synergyValue: Double?
    /// Σ hours × costPerHour (a hire's hours cost nothing more than its salary, `hiringCost`).
    public var staffCost: Double
    /// Σ over hires of the hiring cost and the salary from the start to the horizon's end
    /// (version 3, Part B; absent without supply).
    public var hiringCost: Double?
    /// Σ cost of the courses taken (version 3, Part B; absent without supply).
    public var trainingCost: Double?
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
        value + strategicValue + (synergyValue ?? 0) - delayCost - (lateCost ?? 0) - staffCost
            - (hiringCost ?? 0) - (trainingCost ?? 0) - unmetPenalty - assignmentPenalty - changePenalty - startChangePenalty
    }

    /// Evaluates the objective of `allocation`.
    ///
    /// - Complexity: O(n log n) in the cells and baseline cells (sorted for a deterministic sum), + O(J·D·duration).
    public init(allocation: Allocation, problem: PlanningProblem) {
        let policy = problem.policy
        var value = 0.0
        var strategicValue = 0.0
        var delayCost = 0.0
        var lateCost = 0.0
        for info in problem.projects {
            guard let start = allocation.starts[info.index] else { continue }
            guard problem.isInFlight, let finish = allocation.finish(of: info.index, in: problem) else {
                value += info.value
                strategicValue += info.strategicValue
                delayCost += info.costOfDelay * Double(start - info.earliestStart)
                continue
            }
            value += info.probability * info.value
            strategicValue += info.probability * info.strategicValue
            delayCost += info.probability * info.costOfDelay * Double(finish - info.earliestFinish)
            lateCost += info.probability * info.latePenaltyPerPeriod * Double(info.periodsLate(finish: finish))
        }
        var synergyValue = 0.0
        for synergy in problem.synergies where synergy.projects.allSatisfy(allocation.isSelected) {
            synergyValue += synergy.projects.reduce(1.0) { $0 * problem.projects[$1].probability } * synergy.value
        }
        // Version 3: the past is sunk; only hours from the status period on are priced or compared.
        let now = problem.statusPeriod

        var cost = 0.0
        var pairs = Set<Int>()
        let projectCount = max(1, problem.projects.count)
        var changed = 0.0
        // Summed in cell order, so that equal plans have bit-for-bit equal objectives.
        let cells = allocation.hours.filter { $0.value > 0 && $0.key.period >= now }.sorted {
            ($0.key.person, $0.key.demand, $0.key.period) < ($1.key.person, $1.key.demand, $1.key.period)
        }
        for (cell, h) in cells {
            cost += h * problem.people[cell.person].objectiveRate
            pairs.insert(cell.person * projectCount + problem.demands[cell.demand].project)
            changed += abs(h - (problem.baseline.hours[cell] ?? 0))
        }
        let baselineCells = problem.baseline.hours.filter {
            $0.key.period >= now && (allocation.hours[$0.key] ?? 0) <= 0
        }.sorted {
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
        self.lateCost = problem.isInFlight ? lateCost : nil
        self.synergyValue = problem.isInFlight ? synergyValue : nil
        self.staffCost = cost
        if problem.hasSupply {
            let supply = problem.supplyCost(of: allocation)
            self.hiringCost = supply.hiring
            self.trainingCost = supply.training
        }
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

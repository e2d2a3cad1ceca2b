// A plan on dense indices: what planners build and the checker reads.

/// A plan on the problem's indices: a start per selected project and hours per cell.
///
/// Planners work on this form; `plan(...)` turns it into the spec's `Plan`, and
/// `init(plan:problem:)` maps a `Plan` (a baseline, a warm start) back.
public struct Allocation: Sendable, Equatable {
    /// Start period per project index; `nil` when the project is not selected.
    public var starts: [Int?]
    /// Hours per (person, demand, period); only entries > 0 are meaningful.
    public var hours: [CellKey: Double]
    /// Finish period per project index (version 3); `nil` means `start + duration − 1`.
    public var finishes: [Int?]
    /// Start period of each hire instance the plan hires (person index → start; version 3, Part B).
    public var hires: [Int: Int] = [:]
    /// Start period of each course the plan takes (course index → start; version 3, Part B).
    public var courses: [Int: Int] = [:]

    /// An allocation with nothing selected.
    public init(projectCount: Int) {
        self.init(starts: Array(repeating: nil, count: projectCount), hours: [:])
    }

    /// Creates an allocation from its parts; every selected project finishes `duration` periods
    /// after its start unless `finishes` says otherwise.
    public init(starts: [Int?], hours: [CellKey: Double], finishes: [Int?]? = nil) {
        self.starts = starts
        self.hours = hours
        self.finishes = finishes ?? Array(repeating: nil, count: starts.count)
    }

    /// The last period of selected project `j`: its finish, or `start + duration − 1`; `nil` when
    /// it is not selected.
    public func finish(of j: Int, in problem: PlanningProblem) -> Int? {
        guard let start = starts[j] else { return nil }
        if finishes.indices.contains(j), let finish = finishes[j] { return finish }
        return start + problem.projects[j].duration - 1
    }

    /// Maps a plan onto `problem`'s indices as the checker reads it: entries naming unknown
    /// things are left out, and a project listed twice counts as its first listing.
    public init(plan: Plan, problem: PlanningProblem) {
        var starts = [Int?](repeating: nil, count: problem.projects.count)
        var finishes = [Int?](repeating: nil, count: problem.projects.count)
        var listed = [Bool](repeating: false, count: problem.projects.count)
        for decision in plan.projects {
            guard let j = problem.projectIndex[decision.id], !listed[j] else { continue }
            listed[j] = true
            if decision.selected {
                starts[j] = decision.start.map(Self.clamp)
                if starts[j] != nil, problem.isInFlight { finishes[j] = decision.finish.map(Self.clamp) }
            }
        }
        var hours: [CellKey: Double] = [:]
        for a in plan.assignments {
            guard let p = problem.personIndex[a.person],
                  let d = problem.demandIndex(projectID: a.project, demandID: a.demand),
                  a.period >= 0, a.period < problem.periodCount, a.hours.isFinite, a.hours > 0
            else { continue }
            hours[CellKey(person: p, demand: d, period: a.period), default: 0] += a.hours
        }
        self.init(starts: starts, hours: hours, finishes: finishes)
        var ignored: [PlanViolation] = []
        (self.hires, self.courses) = PlanChecker.mapSupply(plan, problem, &ignored)
    }

    /// Starts outside ±2⁵³ are clamped to it when a plan is read, so that start arithmetic
    /// cannot overflow (such a start breaks the window rule either way).
    public static let startLimit = 1 << 53

    /// `start` clamped to ±`startLimit`.
    public static func clamp(_ start: Int) -> Int { min(max(start, -startLimit), startLimit) }

    /// Whether project `j` is selected.
    public func isSelected(_ j: Int) -> Bool { starts.indices.contains(j) && starts[j] != nil }

    /// The spec's plan: every project once, assignments sorted by person, project, demand, period.
    ///
    /// Hours at or below `1e-9` are dropped. The objective is evaluated here, so the
    /// plan always carries the objective of exactly what it contains.
    public func plan(
        for problem: PlanningProblem,
        status: PlanStatus,
        solver: String,
        bound: Double? = nil,
        details: PlanDetails? = nil
    ) -> Plan {
        let unmet = unmetHoursByProject(problem)
        let version2 = problem.scenario.version >= 2
        let projects = problem.projects.map { info -> ProjectDecision in
            guard let start = starts[info.index] else { return ProjectDecision(id: info.id, selected: false) }
            var decision = ProjectDecision(id: info.id, selected: true, start: start,
                                           unmetHours: info.mandatory ? unmet[info.index] : 0)
            if version2 {
                decision.strategicScore = problem.scenario.projects[info.index].strategicScore(problem.scenario.strategy)
                decision.delayCost = info.costOfDelay * Double(start - info.earliestStart)
            }
            if problem.isInFlight, let finish = finish(of: info.index, in: problem) {
                decision.finish = finish
                decision.delayCost = info.costOfDelay * Double(finish - info.earliestFinish)
                if info.due != nil { decision.late = info.periodsLate(finish: finish) }
                if info.probability < 1 { decision.expectedValue = info.probability * (info.value + info.strategicValue) }
            }
            return decision
        }
        // Sorted on the dense indices (person, project, demand id, period) before any string is built.
        let cells = hours.filter { $0.value > 1e-9 }.sorted { a, b in
            let (x, y) = (a.key, b.key)
            if x.person != y.person { return x.person < y.person }
            let (dx, dy) = (problem.demands[x.demand], problem.demands[y.demand])
            if dx.project != dy.project { return dx.project < dy.project }
            if x.demand != y.demand { return dx.id < dy.id }
            return x.period < y.period
        }
        let supply = supplyDecisions(problem)
        let assignments = cells.map { cell, h in
            let demand = problem.demands[cell.demand]
            return Assignment(person: supply.names[cell.person] ?? problem.people[cell.person].id,
                              project: problem.projects[demand.project].id,
                              demand: demand.id, period: cell.period, hours: h)
        }
        // The objective of the plan as written: hires numbered in the order of their starts.
        let objective = ObjectiveBreakdown(allocation: withHiresInStartOrder(problem), problem: problem).total
        return Plan(status: status, solver: solver, objective: objective, bound: bound,
                    projects: projects, assignments: assignments, details: details,
                    strategy: version2 ? StrategySummary(allocation: self, problem: problem) : nil,
                    hires: supply.hires, training: supply.training)
    }

    /// Total unstaffed hours per project (0 for projects not selected), shortfalls within tolerance
    /// counted as 0: a fixed line's profile from the status period on, a flexible line's work
    /// less its hours from the status period on.
    public func unmetHoursByProject(_ problem: PlanningProblem) -> [Double] {
        var covered = [Double](repeating: 0, count: problem.demands.count * problem.periodCount)
        let cells = hours.filter { $0.value > 0 }.sorted {
            ($0.key.person, $0.key.demand, $0.key.period) < ($1.key.person, $1.key.demand, $1.key.period)
        }
        for (cell, h) in cells {
            covered[cell.demand * problem.periodCount + cell.period] += h
        }
        return problem.projects.map { info in
            guard let start = starts[info.index] else { return 0 }
            var total = 0.0
            for d in info.demands {
                if let work = problem.demands[d].work {
                    var have = 0.0
                    for t in problem.statusPeriod..<problem.periodCount { have += covered[d * problem.periodCount + t] }
                    if work - have > Tolerance.of(work) { total += work - have }
                    continue
                }
                let hours = problem.demands[d].hours
                for offset in info.offsetsInHorizon(start: start, periods: problem.periodCount) where offset < hours.count {
                    let t = start + offset
                    guard t >= problem.statusPeriod else { continue }  // the past is actuals, not the plan's
                    let need = hours[offset]
                    let have = covered[d * problem.periodCount + t]
                    let short = need - have
                    if short > Tolerance.of(need) { total += short }
                }
            }
            return total
        }
    }
}

/// The checker's numeric tolerance (spec section 2).
public enum Tolerance {
    /// `1e-6 × max(1, |rhs|)`: sums within this of a limit are taken as meeting it.
    public static func of(_ rhs: Double) -> Double { 1e-6 * max(1, abs(rhs)) }
}

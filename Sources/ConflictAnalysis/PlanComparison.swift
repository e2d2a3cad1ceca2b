// Two plans compared: of one scenario, or of two versions of it (last week's plan of record and
// this week's re-plan). What moved, and what each difference is worth.
public import CapacityPlanning

/// What differs between plan A and plan B, and the objective's change decomposed by term and by
/// project — each decomposition sums to `difference` (B − A).
///
/// Projects, people, roles and courses are matched by id, so B may be the plan of a later
/// version of the scenario (a project only one of them has counts as added or dropped).
///
/// ```swift
/// let comparison = PlanComparison(a: committed, problemA: lastWeek, b: replanned, problemB: thisWeek)
/// print(comparison.difference, comparison.projects.filter { $0.change == .newlyLate })
/// ```
public struct PlanComparison: Sendable, Equatable, Codable {
    /// How a project changed from A to B.
    public enum Change: String, Sendable, Equatable, Codable {
        /// Selected in B, not in A.
        case added
        /// Selected in A, not in B.
        case dropped
        /// Selected in both, starting or finishing elsewhere.
        case moved
        /// Selected in both, same start and finish, but late in B and not in A.
        case newlyLate
        /// Selected in both, same start and finish; only its hours or worth differ.
        case restaffed
    }

    /// One project that differs.
    public struct ProjectChange: Sendable, Equatable, Codable {
        /// The project's id.
        public var project: String
        /// How it changed (a moved project that also became late is `moved`, with `lateB` > 0).
        public var change: Change
        /// Start and finish in A and in B, when selected there.
        public var startA: Int?, startB: Int?, finishA: Int?, finishB: Int?
        /// Periods after its due date in A and in B (version 3), when selected there and due.
        public var lateA: Int?, lateB: Int?
        /// Hours booked in A and in B.
        public var hoursA: Double, hoursB: Double
        /// What it adds to the objective in A and in B (`ObjectiveExplanation.ProjectLine.contribution`).
        public var contributionA: Double, contributionB: Double
    }

    /// The hours of one person on one project in A and in B (only pairs that differ).
    public struct HoursMoved: Sendable, Equatable, Codable {
        /// The person's id.
        public var person: String
        /// The project's id.
        public var project: String
        /// Hours in A and in B.
        public var hoursA: Double, hoursB: Double
    }

    /// A hire or a course in one plan and not the other, or at another start.
    public struct SupplyChange: Sendable, Equatable, Codable {
        /// `hire` or `course`.
        public var kind: String
        /// The hire (`ROLE#K`, matched by role and number) or the course.
        public var name: String
        /// Its start in A and in B (`nil`: not in that plan).
        public var startA: Int?, startB: Int?
        /// Its cost in A and in B.
        public var costA: Double, costB: Double
    }

    /// A budget's spend in A and in B.
    public struct BudgetUse: Sendable, Equatable, Codable {
        /// The project's id; `nil` for the portfolio's budget.
        public var project: String?
        /// The budget (B's scenario's).
        public var budget: Double
        /// What A and B spend against it (staff cost priced as rule 8, actuals included).
        public var spendA: Double, spendB: Double
    }

    /// A balance group's share in A and in B (version 2).
    public struct ShareChange: Sendable, Equatable, Codable {
        /// `tag = value`, and what is measured.
        public var group: String, measure: String
        /// The shares.
        public var shareA: Double, shareB: Double
        /// B's rule.
        public var minShare: Double, maxShare: Double
        /// Whether the rule holds in A and in B.
        public var holdsA: Bool, holdsB: Bool
    }

    /// One line of a decomposition: its amount in A and in B.
    public struct Delta: Sendable, Equatable, Codable {
        /// A term's name (`staffCost`, …) or a project's id (`portfolio` for what belongs to none).
        public var name: String
        /// Its amount in A and in B (signed as it counts in the objective).
        public var a: Double, b: Double
        /// `b − a`.
        public var change: Double
    }

    /// The objectives of A and B, and B − A.
    public var objectiveA: Double, objectiveB: Double, difference: Double
    /// The change by term; the `change`s sum to `difference`.
    public var terms: [Delta]
    /// The change by project, with a `portfolio` line; the `change`s sum to `difference`. Largest change first.
    public var byProject: [Delta]
    /// The projects that differ, in B's scenario order then A's.
    public var projects: [ProjectChange]
    /// Hours moved between people and projects, largest change first.
    public var hours: [HoursMoved]
    /// Hires and courses that differ.
    public var supply: [SupplyChange]
    /// Budgets whose spend differs.
    public var budgets: [BudgetUse]
    /// Balance groups whose share differs.
    public var balance: [ShareChange]

    /// Compares plan `a` (valid for `problemA`) with plan `b` (valid for `problemB`).
    public init(a: CheckedPlan, problemA: PlanningProblem, b: CheckedPlan, problemB: PlanningProblem) {
        let (checkedA, checkedB) = (a.checked(for: problemA), b.checked(for: problemB))
        let explainedA = checkedA.explanation(for: problemA), explainedB = checkedB.explanation(for: problemB)
        objectiveA = explainedA.objective
        objectiveB = explainedB.objective
        difference = objectiveB - objectiveA
        terms = Self.deltas(explainedA.terms.map { ($0.term, $0.amount) }, explainedB.terms.map { ($0.term, $0.amount) })
        byProject = Self.deltas(explainedA.projects.map { ($0.project, $0.contribution) } + [("portfolio", explainedA.portfolio.contribution)],
                                explainedB.projects.map { ($0.project, $0.contribution) } + [("portfolio", explainedB.portfolio.contribution)])
            .filter { $0.change != 0 }
            .sorted { (abs($0.change), $1.name) > (abs($1.change), $0.name) }

        let sideA = Side(checkedA, problemA, explainedA), sideB = Side(checkedB, problemB, explainedB)
        projects = Self.projectChanges(sideA, sideB)
        hours = Self.hoursMoved(sideA, sideB)
        supply = Self.supplyChanges(explainedA, explainedB)
        budgets = Self.budgets(sideA, sideB)
        balance = Self.shares(sideA, sideB)
    }

    /// One plan's side: what the comparison reads of it, by id.
    private struct Side {
        let problem: PlanningProblem
        let allocation: Allocation
        /// Per project id: (start, finish, late, hours, contribution, staff spend for its budget).
        var projects: [String: (start: Int?, finish: Int?, late: Int?, hours: Double, contribution: Double, spend: Double)] = [:]
        /// Hours per "person\u{1F}project".
        var pairs: [String: Double] = [:]

        init(_ checked: CheckedPlan, _ problem: PlanningProblem, _ explained: ObjectiveExplanation) {
            self.problem = problem
            allocation = checked.allocation
            let contributions = Dictionary(explained.projects.map { ($0.project, $0.contribution) }, uniquingKeysWith: +)
            let kpis = PlanKPIs(allocation: allocation, problem: problem)
            for (info, kpi) in zip(problem.projects, kpis.projects) {
                let start = allocation.starts[info.index]
                let finish = start == nil ? nil : allocation.finish(of: info.index, in: problem)
                let late = finish.flatMap { f in info.due.map { _ in info.periodsLate(finish: f) } }
                projects[info.id] = (start, finish, late, kpi.bookedHours, contributions[info.id] ?? 0, kpi.cost + info.actualSpend)
            }
            for (cell, h) in allocation.hours where h > 0 {
                let key = problem.people[cell.person].id + "\u{1F}" + problem.projects[problem.demands[cell.demand].project].id
                pairs[key, default: 0] += h
            }
        }
    }

    /// Matches named amounts of A and B (a name only one side has is 0 on the other), in A's order then B's.
    static func deltas(_ a: [(String, Double)], _ b: [(String, Double)]) -> [Delta] {
        var order: [String] = []
        var values: [String: (a: Double, b: Double)] = [:]
        for (name, amount) in a {
            if values[name] == nil { order.append(name) }
            values[name, default: (0, 0)].a += amount
        }
        for (name, amount) in b {
            if values[name] == nil { order.append(name) }
            values[name, default: (0, 0)].b += amount
        }
        return order.map { name in
            let v = values[name] ?? (0, 0)
            return Delta(name: name, a: v.a, b: v.b, change: v.b - v.a)
        }
    }

    private static func projectChanges(_ a: Side, _ b: Side) -> [ProjectChange] {
        let ids = b.problem.projects.map(\.id) + a.problem.projects.map(\.id).filter { b.projects[$0] == nil }
        return ids.compactMap { id in
            let x = a.projects[id], y = b.projects[id]
            let inA = x?.start != nil, inB = y?.start != nil
            let change: Change
            switch (inA, inB) {
            case (false, false): return nil
            case (false, true): change = .added
            case (true, false): change = .dropped
            case (true, true):
                if x?.start != y?.start || x?.finish != y?.finish {
                    change = .moved
                } else if (y?.late ?? 0) > 0 && (x?.late ?? 0) == 0 {
                    change = .newlyLate
                } else if abs((x?.hours ?? 0) - (y?.hours ?? 0)) > 1e-6 || abs((x?.contribution ?? 0) - (y?.contribution ?? 0)) > 1e-6 {
                    change = .restaffed
                } else {
                    return nil
                }
            }
            return ProjectChange(project: id, change: change, startA: x?.start, startB: y?.start, finishA: x?.finish,
                                 finishB: y?.finish, lateA: x?.late, lateB: y?.late, hoursA: x?.hours ?? 0, hoursB: y?.hours ?? 0,
                                 contributionA: x?.contribution ?? 0, contributionB: y?.contribution ?? 0)
        }
    }

    private static func hoursMoved(_ a: Side, _ b: Side) -> [HoursMoved] {
        Set(a.pairs.keys).union(b.pairs.keys).compactMap { key -> HoursMoved? in
            let x = a.pairs[key] ?? 0, y = b.pairs[key] ?? 0
            guard abs(x - y) > 1e-6 else { return nil }
            let parts = key.split(separator: "\u{1F}", maxSplits: 1).map(String.init)
            return HoursMoved(person: parts[0], project: parts.count > 1 ? parts[1] : "", hoursA: x, hoursB: y)
        }
        .sorted { (abs($0.hoursB - $0.hoursA), $1.person, $1.project) > (abs($1.hoursB - $1.hoursA), $0.person, $0.project) }
    }

    private static func supplyChanges(_ a: ObjectiveExplanation, _ b: ObjectiveExplanation) -> [SupplyChange] {
        var out: [SupplyChange] = []
        let hiresA = Dictionary(a.hires.map { ($0.person, $0) }, uniquingKeysWith: { x, _ in x })
        let hiresB = Dictionary(b.hires.map { ($0.person, $0) }, uniquingKeysWith: { x, _ in x })
        for name in (a.hires.map(\.person) + b.hires.map(\.person).filter { hiresA[$0] == nil }) {
            let x = hiresA[name], y = hiresB[name]
            if x?.start != y?.start || x?.cost != y?.cost {
                out.append(SupplyChange(kind: "hire", name: name, startA: x?.start, startB: y?.start, costA: x?.cost ?? 0, costB: y?.cost ?? 0))
            }
        }
        let coursesA = Dictionary(a.courses.map { ($0.course, $0) }, uniquingKeysWith: { x, _ in x })
        let coursesB = Dictionary(b.courses.map { ($0.course, $0) }, uniquingKeysWith: { x, _ in x })
        for name in (a.courses.map(\.course) + b.courses.map(\.course).filter { coursesA[$0] == nil }) {
            let x = coursesA[name], y = coursesB[name]
            if x?.start != y?.start || x?.cost != y?.cost {
                out.append(SupplyChange(kind: "course", name: name, startA: x?.start, startB: y?.start, costA: x?.cost ?? 0, costB: y?.cost ?? 0))
            }
        }
        return out
    }

    private static func budgets(_ a: Side, _ b: Side) -> [BudgetUse] {
        var out: [BudgetUse] = []
        for info in b.problem.projects {
            guard let budget = info.budget else { continue }
            let x = a.projects[info.id]?.spend ?? 0, y = b.projects[info.id]?.spend ?? 0
            if abs(x - y) > 1e-6 { out.append(BudgetUse(project: info.id, budget: budget, spendA: x, spendB: y)) }
        }
        if let budget = b.problem.policy.budget {
            func total(_ side: Side) -> Double {
                let supply = side.problem.supplyCost(of: side.allocation)
                return side.projects.values.map(\.spend).reduce(0, +) + supply.hiring + supply.training
            }
            let x = total(a), y = total(b)
            if abs(x - y) > 1e-6 { out.append(BudgetUse(project: nil, budget: budget, spendA: x, spendB: y)) }
        }
        return out
    }

    private static func shares(_ a: Side, _ b: Side) -> [ShareChange] {
        guard b.problem.scenario.version >= 2 else { return [] }
        let sharesA = StrategySummary(allocation: a.allocation, problem: a.problem).balance
        let sharesB = StrategySummary(allocation: b.allocation, problem: b.problem).balance
        return sharesB.compactMap { y in
            let x = sharesA.first { $0.tag == y.tag && $0.value == y.value && $0.measure == y.measure }
            guard abs((x?.share ?? 0) - y.share) > 1e-9 || (x?.holds ?? true) != y.holds else { return nil }
            return ShareChange(group: "\(y.tag) = \(y.value)", measure: "\(y.measure)", shareA: x?.share ?? 0, shareB: y.share,
                               minShare: y.minShare, maxShare: y.maxShare, holdsA: x?.holds ?? true, holdsB: y.holds)
        }
    }
}

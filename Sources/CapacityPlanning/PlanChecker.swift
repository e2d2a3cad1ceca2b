// The plan checker: every rule of spec section 2 (v1) and rules 10–12 of v2 (in
// `PlanChecker+Version2.swift`), and the objective. All planners, the CLI's `check`
// and the tests use this one checker.

/// One way a plan breaks the rules of spec section 2.
public struct PlanViolation: Sendable, Equatable, CustomStringConvertible {
    /// The rule broken, numbered as in the spec (v1 rules 1–9, v2 rules 10–12, v3 rule 13); `format` for the plan's shape.
    public enum Rule: Int, Sendable, Equatable, Comparable, CaseIterable, CustomStringConvertible {
        /// The plan's shape: unknown ids, projects missing or listed twice, bad hours, duplicate assignments.
        case format = 0
        /// Rule 1: every mandatory project is selected.
        case mandatory = 1
        /// Rule 2: a selected project starts no earlier than `earliestStart` and ends by its deadline and the horizon's end.
        case window = 2
        /// Rule 3: a selected project's dependencies are selected and finished before it starts.
        case dependency = 3
        /// Rule 4: hours go only to selected projects, inside their active periods, and to people qualified for the demand.
        case eligibility = 4
        /// Rule 5, coverage: no demand gets more hours than it asks for, and only mandatory projects may fall short.
        case coverage = 5
        /// Rule 6: no person is booked beyond usable capacity (capacity × `utilizationCap`) in any period.
        case capacity = 6
        /// Rule 7: no person works on more than `maxConcurrentProjects` distinct projects in one period.
        case concurrency = 7
        /// Rule 8: staff cost keeps within each project's budget and the portfolio budget.
        case budget = 8
        /// Rule 9: every pin's project is selected and its person has at least the pinned hours there.
        case pin = 9
        /// Rule 10 (version 2): no shared system has more active projects than its limit, nor any in a freeze.
        case system = 10
        /// Rule 11 (version 2): every balance group keeps its share of the selected portfolio.
        case balance = 11
        /// Rule 12 (version 2): no two selected projects are alternatives that exclude each other.
        case alternatives = 12
        /// Rule 13 (version 3): no hours before the status period; a project not started starts
        /// from it on, a started one in the period it started.
        case status = 13
        /// Rule 14 (version 3): hires name a role, start in its range, and stay within `maxHires`.
        case hires = 14
        /// Rule 15 (version 3): courses are taken at most once, start and end in their range.
        case training = 15

        /// Orders rules by number.
        public static func < (a: Rule, b: Rule) -> Bool { a.rawValue < b.rawValue }

        /// `rule N (name)`.
        public var description: String {
            let names = ["format", "mandatory", "window", "dependency", "eligibility",
                         "coverage", "capacity", "concurrency", "budget", "pin", "system", "balance", "alternatives",
                         "status", "hires", "training"]
            let name = names.indices.contains(rawValue) ? names[rawValue] : "unnamed"
            return rawValue == 0 ? "format" : "rule \(rawValue) (\(name))"
        }
    }

    /// The rule broken.
    public var rule: Rule
    /// What is wrong, with the amounts.
    public var message: String
    /// People involved (ids).
    public var people: [String]
    /// Projects involved (ids).
    public var projects: [String]
    /// Periods involved (indices in the horizon).
    public var periods: [Int]
    /// By how much the limit is missed (hours or money), when it is a quantity.
    public var amount: Double?

    /// Creates a violation.
    public init(_ rule: Rule, _ message: String, people: [String] = [], projects: [String] = [],
                periods: [Int] = [], amount: Double? = nil) {
        self.rule = rule
        self.message = message
        self.people = people
        self.projects = projects
        self.periods = periods
        self.amount = amount
    }

    /// `rule N (name): message`.
    public var description: String { "\(rule): \(message)" }
}

/// The checker's verdict on a plan.
public struct PlanCheck: Sendable, Equatable {
    /// Every rule broken, in rule order; empty when the plan is valid.
    public var violations: [PlanViolation]
    /// The plan's objective as the spec defines it (computed from what the plan contains, valid or not).
    public var objective: ObjectiveBreakdown

    /// Whether the plan breaks no rule.
    public var isValid: Bool { violations.isEmpty }
}

/// Checks plans against a problem (spec section 2).
public enum PlanChecker {
    /// Checks every rule of spec section 2 and evaluates the objective.
    ///
    /// A plan whose status is `infeasible` has nothing to check and is reported as not valid.
    /// - Complexity: O(assignments + J·D·duration + baseline entries).
    public static func check(_ plan: Plan, for problem: PlanningProblem) -> PlanCheck {
        checkAndMap(plan, for: problem).check
    }

    /// `check(_:for:)` and the plan on indices it read (what `CheckedPlan` keeps).
    static func checkAndMap(_ plan: Plan, for problem: PlanningProblem) -> (check: PlanCheck, allocation: Allocation) {
        var violations: [PlanViolation] = []
        if plan.status == .infeasible {
            violations.append(PlanViolation(.format, "the plan's status is infeasible: there is no plan to check"))
        }
        let allocation = mapAndCheckFormat(plan, problem, &violations)
        violations += Self.violations(of: allocation, for: problem)
        if let bound = plan.bound, let objective = plan.objective, bound < objective - Tolerance.of(objective) {
            violations.append(PlanViolation(.format, "bound \(bound) is below the plan's own objective \(objective)"))
        }
        violations = violations.enumerated()
            .sorted { ($0.element.rule.rawValue, $0.offset) < ($1.element.rule.rawValue, $1.offset) }
            .map(\.element)
        let check = PlanCheck(violations: violations, objective: ObjectiveBreakdown(allocation: allocation, problem: problem))
        return (check, allocation)
    }

    /// Checks rules 1–12 on an allocation (the shape is right by construction).
    public static func violations(of allocation: Allocation, for problem: PlanningProblem) -> [PlanViolation] {
        var out: [PlanViolation] = []
        checkSelection(allocation, problem, &out)
        checkCells(allocation, problem, &out)
        checkPins(allocation, problem, &out)
        checkSystems(allocation, problem, &out)
        checkBalance(allocation, problem, &out)
        checkAlternatives(allocation, problem, &out)
        if problem.hasSupply { checkSupply(allocation, problem, &out) }
        return out
    }

    // MARK: - Format

    private static func mapAndCheckFormat(_ plan: Plan, _ problem: PlanningProblem,
                                          _ out: inout [PlanViolation]) -> Allocation {
        var starts = [Int?](repeating: nil, count: problem.projects.count)
        var finishes = [Int?](repeating: nil, count: problem.projects.count)
        let readsFinish = problem.isInFlight  // a v3 scenario without Part A means what v2 means
        var listed = [Bool](repeating: false, count: problem.projects.count)
        for (k, decision) in plan.projects.enumerated() {
            guard let j = problem.projectIndex[decision.id] else {
                out.append(PlanViolation(.format, "projects[\(k)] names unknown project '\(decision.id)'",
                                         projects: [decision.id]))
                continue
            }
            if listed[j] {
                out.append(PlanViolation(.format, "project '\(decision.id)' is listed more than once",
                                         projects: [decision.id]))
                continue
            }
            listed[j] = true
            if decision.selected {
                if let start = decision.start {
                    starts[j] = Allocation.clamp(start)
                    if readsFinish { finishes[j] = decision.finish.map(Allocation.clamp) }
                } else {
                    out.append(PlanViolation(.format, "selected project '\(decision.id)' has no start",
                                             projects: [decision.id]))
                }
            } else if decision.start != nil {
                out.append(PlanViolation(.format, "project '\(decision.id)' is not selected but has a start",
                                         projects: [decision.id]))
            } else if readsFinish && decision.finish != nil {
                out.append(PlanViolation(.format, "project '\(decision.id)' is not selected but has a finish",
                                         projects: [decision.id]))
            }
        }
        for info in problem.projects where !listed[info.index] {
            out.append(PlanViolation(.format, "project '\(info.id)' is missing from the plan's projects",
                                     projects: [info.id]))
        }

        var hours: [CellKey: Double] = [:]
        for (k, a) in plan.assignments.enumerated() {
            let at = "assignments[\(k)]"
            guard let p = problem.personIndex[a.person] else {
                out.append(PlanViolation(.format, "\(at) names unknown person '\(a.person)'", people: [a.person]))
                continue
            }
            guard problem.projectIndex[a.project] != nil else {
                out.append(PlanViolation(.format, "\(at) names unknown project '\(a.project)'", projects: [a.project]))
                continue
            }
            guard let d = problem.demandIndex(projectID: a.project, demandID: a.demand) else {
                out.append(PlanViolation(.format, "\(at) names demand '\(a.demand)', which project '\(a.project)' does not have",
                                         projects: [a.project]))
                continue
            }
            guard a.period >= 0, a.period < problem.periodCount else {
                out.append(PlanViolation(.format, "\(at) names period \(a.period) outside the horizon 0..<\(problem.periodCount)",
                                         people: [a.person], projects: [a.project], periods: [a.period]))
                continue
            }
            guard a.hours.isFinite, a.hours > 0 else {
                out.append(PlanViolation(.format, "\(at) has hours \(a.hours); assignments list hours > 0 only",
                                         people: [a.person], projects: [a.project], periods: [a.period]))
                continue
            }
            let cell = CellKey(person: p, demand: d, period: a.period)
            if hours[cell] != nil {
                out.append(PlanViolation(.format, "\(at) repeats (\(a.person), \(a.project), \(a.demand), period \(a.period))",
                                         people: [a.person], projects: [a.project], periods: [a.period]))
            }
            hours[cell, default: 0] += a.hours
        }
        var allocation = Allocation(starts: starts, hours: hours, finishes: finishes)
        (allocation.hires, allocation.courses) = mapSupply(plan, problem, &out)
        return allocation
    }

    // MARK: - Rules 1, 2, 3

    private static func checkSelection(_ allocation: Allocation, _ problem: PlanningProblem,
                                       _ out: inout [PlanViolation]) {
        let periods = problem.periodCount
        for info in problem.projects {
            let project = problem.scenario.projects[info.index]
            guard let start = allocation.starts[info.index] else {
                if info.mandatory {
                    out.append(PlanViolation(.mandatory, "mandatory project '\(info.id)' is not selected",
                                             projects: [info.id]))
                }
                continue
            }
            let last = project.lastAllowedPeriod(periods: periods)
            let finish = allocation.finish(of: info.index, in: problem) ?? start
            if problem.isInFlight {
                checkSpan(info, start: start, finish: finish, problem, &out)
            } else if start < project.earliestStart || start > last - info.duration + 1 {
                out.append(PlanViolation(
                    .window,
                    "project '\(info.id)' starts in \(start) and ends in \(start + info.duration - 1), outside its window \(project.earliestStart)…\(last)",
                    projects: [info.id], periods: [start]))
            }
            // A started project's dependencies are history (spec v3, rule 3).
            for i in info.dependencies where info.started == nil {
                let dep = problem.projects[i]
                guard let depStart = allocation.starts[i] else {
                    out.append(PlanViolation(.dependency, "project '\(info.id)' depends on '\(dep.id)', which is not selected",
                                             projects: [info.id, dep.id]))
                    continue
                }
                let depFinish = allocation.finish(of: i, in: problem) ?? (depStart + dep.duration - 1)
                if start <= depFinish {
                    out.append(PlanViolation(
                        .dependency,
                        "project '\(info.id)' starts in \(start) before '\(dep.id)' finishes (it ends in \(depFinish))",
                        projects: [info.id, dep.id], periods: [start]))
                }
            }
        }
    }

    // MARK: - Rules 4–8

    private static func checkCells(_ allocation: Allocation, _ problem: PlanningProblem,
                                   _ out: inout [PlanViolation]) {
        let periods = problem.periodCount
        let policy = problem.policy
        var load = [Double](repeating: 0, count: problem.people.count * periods)
        var covered = [Double](repeating: 0, count: problem.demands.count * periods)
        var projectCost = [Double](repeating: 0, count: problem.projects.count)
        var projectsOf: [Int: Set<Int>] = [:]  // person*periods+t → projects
        var totalCost = 0.0

        let cells = allocation.hours.filter { $0.value > 0 }.sorted {
            ($0.key.person, $0.key.demand, $0.key.period) < ($1.key.person, $1.key.demand, $1.key.period)
        }
        for (cell, h) in cells {
            let demand = problem.demands[cell.demand]
            let project = problem.projects[demand.project]
            let person = problem.people[cell.person]
            let t = cell.period
            if let start = allocation.starts[project.index] {
                // A flexible line may have hours until the finish; a fixed one only in its profile.
                let last = demand.isFlexible ? allocation.finish(of: project.index, in: problem) ?? start
                                             : start + project.duration - 1
                if t < start || t > last {
                    out.append(PlanViolation(.eligibility,
                        "\(person.id) has \(h) h on '\(project.id)' in period \(t), outside its active periods \(start)…\(last)",
                        people: [person.id], projects: [project.id], periods: [t], amount: h))
                }
                if t < problem.statusPeriod {
                    out.append(PlanViolation(.status,
                        "\(person.id) has \(h) h on '\(project.id)' in period \(t), before the status period \(problem.statusPeriod)",
                        people: [person.id], projects: [project.id], periods: [t], amount: h))
                }
            } else {
                out.append(PlanViolation(.eligibility,
                    "\(person.id) has \(h) h on '\(project.id)' in period \(t), but the project is not selected",
                    people: [person.id], projects: [project.id], periods: [t], amount: h))
            }
            if !problem.qualifies(person: cell.person, demand: cell.demand, period: t, in: allocation) {
                let level = person.levels[demand.skill]
                let course = problem.qualifyingCourses(person: cell.person, demand: cell.demand).isEmpty
                    ? "" : " (a course qualifies them only from the period after it ends)"
                out.append(PlanViolation(.eligibility,
                    "\(person.id) has \(problem.skills[demand.skill]) level \(level) in period \(t), below demand '\(demand.id)' of '\(project.id)' (min \(demand.minLevel))\(course)",
                    people: [person.id], projects: [project.id], periods: [t], amount: h))
            }
            load[cell.person * periods + t] += h
            covered[cell.demand * periods + t] += h
            projectCost[project.index] += h * person.costPerHour
            if person.hire == nil { totalCost += h * person.costPerHour }  // a hire's salary counts whole, below
            projectsOf[cell.person * periods + t, default: []].insert(project.index)
        }

        // Rule 5: coverage.
        for project in problem.projects {
            guard let start = allocation.starts[project.index] else { continue }
            for d in project.demands {
                let demand = problem.demands[d]
                if demand.isFlexible {
                    checkFlexibleCoverage(demand, of: project, covered: covered, problem, &out)
                    continue
                }
                for offset in project.offsetsInHorizon(start: start, periods: periods) where offset < demand.hours.count {
                    let t = start + offset
                    guard t >= problem.statusPeriod else { continue }  // the past is sunk (v3)
                    let need = demand.hours[offset]
                    let have = covered[d * periods + t]
                    if have > need + Tolerance.of(need) {
                        out.append(PlanViolation(.coverage,
                            "demand '\(demand.id)' of '\(project.id)' gets \(have) h in period \(t), more than the \(need) h demanded",
                            projects: [project.id], periods: [t], amount: have - need))
                    } else if need - have > Tolerance.of(need) && !project.mandatory {
                        out.append(PlanViolation(.coverage,
                            "demand '\(demand.id)' of non-mandatory '\(project.id)' is short \(need - have) h in period \(t)",
                            projects: [project.id], periods: [t], amount: need - have))
                    }
                }
            }
        }

        // Rule 6: capacity; rule 7: concurrency.
        for person in problem.people {
            for t in 0..<periods {
                let booked = load[person.index * periods + t] + problem.courseHours(of: person.index, period: t, in: allocation)
                let cap = problem.capacity(of: person.index, period: t, in: allocation)
                if booked > cap + Tolerance.of(cap) {
                    let names = (projectsOf[person.index * periods + t] ?? []).sorted().map { problem.projects[$0].id }
                    out.append(PlanViolation(.capacity,
                        "\(person.id) is booked \(booked) h in period \(t), over usable capacity \(cap) h",
                        people: [person.id], projects: names, periods: [t], amount: booked - cap))
                }
                if let limit = person.maxConcurrentProjects,
                   let set = projectsOf[person.index * periods + t], set.count > limit {
                    out.append(PlanViolation(.concurrency,
                        "\(person.id) works on \(set.count) projects in period \(t), more than \(limit)",
                        people: [person.id], projects: set.sorted().map { problem.projects[$0].id },
                        periods: [t], amount: Double(set.count - limit)))
                }
            }
        }

        // Rule 8: budgets (version 3: the actuals count, whether or not the project is selected).
        for project in problem.projects {
            let spend = project.actualSpend + projectCost[project.index]
            if let budget = project.budget, spend > budget + Tolerance.of(budget) {
                let actuals = project.actualSpend > 0 ? " (\(project.actualSpend) of it actuals)" : ""
                out.append(PlanViolation(.budget,
                    "'\(project.id)' costs \(spend)\(actuals), over its budget \(budget)",
                    projects: [project.id], amount: spend - budget))
            }
        }
        let supply = problem.supplyCost(of: allocation)
        let spend = problem.actualSpend + totalCost + supply.hiring + supply.training
        if let budget = policy.budget, spend > budget + Tolerance.of(budget) {
            let hiresAndCourses = supply.hiring + supply.training > 0 ? " (with hires and courses)" : ""
            out.append(PlanViolation(.budget, "staff cost \(spend)\(hiresAndCourses) is over the portfolio budget \(budget)",
                                     amount: spend - budget))
        }
    }

    // MARK: - Rule 9

    private static func checkPins(_ allocation: Allocation, _ problem: PlanningProblem,
                                  _ out: inout [PlanViolation]) {
        for pin in problem.scenario.pins {
            let label = "pin (\(pin.person) on \(pin.project)\(pin.demand.map { ", \($0)" } ?? "")\(pin.period.map { ", period \($0)" } ?? ""))"
            guard let j = problem.projectIndex[pin.project], let p = problem.personIndex[pin.person] else { continue }
            guard allocation.isSelected(j) else {
                out.append(PlanViolation(.pin, "\(label): project '\(pin.project)' is not selected",
                                         people: [pin.person], projects: [pin.project]))
                continue
            }
            var have = 0.0
            for d in problem.projects[j].demands {
                if let id = pin.demand, problem.demands[d].id != id { continue }
                for t in 0..<problem.periodCount {
                    if let period = pin.period, period != t { continue }
                    have += allocation.hours[CellKey(person: p, demand: d, period: t)] ?? 0
                }
            }
            if pin.hours - have > Tolerance.of(pin.hours) {
                out.append(PlanViolation(.pin, "\(label): \(have) h planned, at least \(pin.hours) h pinned",
                                         people: [pin.person], projects: [pin.project],
                                         periods: pin.period.map { [$0] } ?? [], amount: pin.hours - have))
            }
        }
    }
}

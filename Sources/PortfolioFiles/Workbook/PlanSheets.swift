// A plan as sheets for people who live in Excel: summary, schedule with dates, hours by person and period, utilisation.
public import CapacityPlanning

/// The plan's sheets of `report --format xlsx`: Summary, Schedule, Assignments, Utilisation, and
/// Supply when the scenario has roles or courses.
///
/// In version 3 the Schedule gives each project's finish, due date, periods late and actual hours;
/// with supply (Part B) the hire instances (`ROLE#K`) have rows in Assignments and Utilisation
/// after the scenario's people, and the Supply sheet lists the hires and courses
/// (`PlanSheets+Supply.swift`).
public enum PlanSheets {
    /// The sheets for `checked` (a plan of `problem` with the checker's verdict).
    public static func make(_ checked: CheckedPlan, problem: PlanningProblem) -> [SheetOutput] {
        let checked = checked.checked(for: problem)
        let plan = checked.plan
        let scenario = problem.scenario
        let periods = scenario.horizon.periods
        let labels = PeriodLabels(scenario.horizon)
        let check = checked.check
        let allocation = checked.allocation
        let kpis = PlanKPIs(allocation: allocation, problem: problem)
        func day(_ number: Int?) -> SheetOutput.Cell {
            guard let number else { return .empty }
            let date = PeriodLabels.civilDate(dayNumber: number)
            return .date(year: date.year, month: date.month, day: date.day)
        }
        let periodTitles = (0..<periods).map { labels.label($0) }

        let terms = check.objective
        var summary: [[SheetOutput.Cell]] = [
            [.text("status"), .text(plan.status.rawValue)],
            [.text("valid"), .text(check.isValid ? "yes" : "no (\(check.violations.count) broken rules)")],
            [.text("objective"), .amount(terms.total)],
        ]
        if let bound = plan.bound { summary.append([.text("bound"), .amount(bound)]) }
        if let gap = plan.details?.gap { summary.append([.text("gap"), .percent(gap)]) }
        summary += [
            [.text("value of selected projects"), .amount(terms.value)],
            [.text("staff cost"), .amount(terms.staffCost)],
            [.text("unmet hours"), .amount(terms.unmetHours)],
            [.text("projects selected"), .number(Double(plan.projects.filter(\.selected).count))],
            [.text("projects left out"), .number(Double(plan.projects.filter { !$0.selected }.count))],
        ]
        if scenario.version >= 2 {
            summary.insert(contentsOf: [[.text("strategic value"), .amount(terms.strategicValue)],
                                        [.text("cost of delay"), .amount(terms.delayCost)]], at: 6)
        }
        summary += supplySummary(terms, problem: problem)
        if let solver = plan.solver { summary.append([.text("solver"), .text(solver)]) }

        // In flight (version 3): the finish, the due date, periods late, and the hours already booked.
        let inFlight = scenario.version >= 3
        var booked: [String: Double] = [:]
        for actual in scenario.status?.actuals ?? [] { booked[actual.project, default: 0] += actual.hours }
        var schedule: [[SheetOutput.Cell]] = []
        for (info, kpi) in zip(problem.projects, kpis.projects) {
            let project = scenario.projects[info.index]
            let start = kpi.start
            let finish = start == nil ? nil : allocation.finish(of: info.index, in: problem)
            let unmet = plan.projects.first { $0.id == project.id }?.unmetHours
            var row: [SheetOutput.Cell] = [
                .text(project.id), .text(project.resolvedName), .text(kpi.selected ? "yes" : "no"),
                start.map { .number(Double($0)) } ?? .empty, start.map { .text(labels.label($0)) } ?? .empty,
                day(start.flatMap(labels.firstDay(of:))), day(finish.flatMap(labels.lastDay(of:))),
                .number(Double(project.duration)), project.mandatory ? .text("yes") : .empty, .amount(project.value),
                .amount(kpi.demandedHours), .amount(kpi.bookedHours), .percent(kpi.coverage), .amount(kpi.cost),
                project.budget.map { .amount($0) } ?? .empty, unmet.map { .amount($0) } ?? .empty,
            ]
            if inFlight {
                let late = finish.flatMap { f in project.due.map { max(0, f - $0) } }
                row += [finish.map { .number(Double($0)) } ?? .empty, project.due.map { .number(Double($0)) } ?? .empty,
                        late.map { .number(Double($0)) } ?? .empty, booked[project.id].map { .amount($0) } ?? .empty]
            }
            schedule.append(row)
        }

        // Hours by person, project and demand line, one column per period.
        var cells: [String: [Double]] = [:]
        var order: [String] = []
        var keys: [String: (String, String, String)] = [:]
        for a in plan.assignments where (0..<periods).contains(a.period) {
            let key = "\(a.person)\u{1F}\(a.project)\u{1F}\(a.demand)"
            if cells[key] == nil {
                cells[key] = Array(repeating: 0, count: periods)
                order.append(key)
                keys[key] = (a.person, a.project, a.demand)
            }
            cells[key]?[a.period] += a.hours
        }
        // The scenario's people in their order, then the hire instances (ROLE#K) by role and number.
        let personRank = Dictionary(problem.people.map { ($0.id, $0.index) }, uniquingKeysWith: { a, _ in a })
        let projectRank = Dictionary(scenario.projects.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        order.sort { a, b in
            guard let ka = keys[a], let kb = keys[b] else { return a < b }
            return (personRank[ka.0] ?? .max, projectRank[ka.1] ?? .max, ka.2) < (personRank[kb.0] ?? .max, projectRank[kb.1] ?? .max, kb.2)
        }
        let assignments: [[SheetOutput.Cell]] = order.compactMap { key in
            guard let (person, project, demand) = keys[key], let hours = cells[key] else { return nil }
            return [.text(person), .text(project), .text(demand)] + hours.map { $0 == 0 ? .empty : .amount($0) }
                + [.amount(hours.reduce(0, +))]
        }

        let utilisation: [[SheetOutput.Cell]] = kpis.people.map { load in
            let booked = load.hours.reduce(0, +), capacity = load.capacity.reduce(0, +)
            return [.text(load.id), load.team.map { .text($0) } ?? .empty]
                + load.utilization.map { $0.map { .percent($0) } ?? .empty }
                + [.amount(booked), .amount(capacity), capacity > 0 ? .percent(booked / capacity) : .empty]
        } + hireUtilisation(checked, problem: problem)

        return [
            SheetOutput(name: "Summary", header: ["figure", "value"], rows: summary, widths: [28, 18]),
            SheetOutput(name: "Schedule", header: ["project", "name", "selected", "start period", "start label", "start date",
                                                   "finish date", "duration", "mandatory", "value", "hours demanded",
                                                   "hours booked", "coverage", "staff cost", "budget", "unmet hours"]
                            + (inFlight ? ["finish period", "due", "periods late", "actual hours"] : []),
                        rows: schedule, widths: [18, 30, 9, 12, 16, 12, 12]),
            SheetOutput(name: "Assignments", header: ["person", "project", "demand"] + periodTitles + ["total"],
                        rows: assignments, widths: [14, 18, 14]),
            SheetOutput(name: "Utilisation", header: ["person", "team"] + periodTitles + ["hours booked", "capacity", "utilisation"],
                        rows: utilisation, widths: [14, 16]),
        ] + (supplySheet(checked, problem: problem).map { [$0] } ?? [])
    }
}

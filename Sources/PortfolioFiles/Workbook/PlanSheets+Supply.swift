// The plan's supply decisions (format v3, Part B) in the workbook: the Supply sheet (each hire
// instance and each course taken), the hires' rows of the Utilisation sheet, and their costs in the Summary.
import CapacityPlanning

extension PlanSheets {
    /// The Supply sheet's columns. A hire fills person (`ROLE#K`), role, its start, the hours the
    /// plan books on it and its costs (salary from its start to the horizon's end, hiring cost, and
    /// both); a course fills person (who attends), course, skill, level, the periods it runs, the
    /// period the person has the level from (may lie just past the horizon), the hours it takes of
    /// the person's capacity and its cost.
    public static let supplyColumns = [
        "decision", "person", "role", "course", "skill", "level", "start period", "start date", "end period", "end date",
        "qualifies from period", "qualifies from date", "hours booked", "salary", "hiring cost", "cost",
    ]

    /// The Supply sheet of `checked`'s hires and courses (`supplyColumns`): one row per hire
    /// instance the plan hires, in the order of the roles and their numbers, then one per course
    /// taken, in the scenario's order. `nil` when the scenario has neither roles nor courses.
    static func supplySheet(_ checked: CheckedPlan, problem: PlanningProblem) -> SheetOutput? {
        let scenario = problem.scenario
        guard scenario.usesSupplyKeys else { return nil }
        let labels = PeriodLabels(scenario.horizon)
        let allocation = checked.allocation
        func day(_ number: Int?) -> SheetOutput.Cell {
            guard let number else { return .empty }
            let date = PeriodLabels.civilDate(dayNumber: number)
            return .date(year: date.year, month: date.month, day: date.day)
        }
        func period(_ t: Int) -> SheetOutput.Cell { .number(Double(t)) }

        var booked: [Int: Double] = [:]  // person index → hours the plan books
        for (cell, hours) in allocation.hours where hours > 0 { booked[cell.person, default: 0] += hours }
        var rows: [[SheetOutput.Cell]] = []
        for (p, start) in allocation.hires.sorted(by: { $0.key < $1.key }) {
            guard problem.people.indices.contains(p), let slot = problem.people[p].hire,
                  problem.roles.indices.contains(slot.role) else { continue }
            let role = problem.roles[slot.role]
            let total = role.cost(start: start)
            rows.append([.text("hire"), .text(problem.people[p].id), .text(role.id), .empty, .empty, .empty,
                         period(start), day(labels.firstDay(of: start)), .empty, .empty, .empty, .empty,
                         .amount(booked[p] ?? 0), .amount(total - role.hireCost), .amount(role.hireCost), .amount(total)])
        }
        for (c, start) in allocation.courses.sorted(by: { $0.key < $1.key }) where scenario.training.indices.contains(c) {
            let course = scenario.training[c]
            let end = start + course.duration - 1, qualifies = start + course.duration
            rows.append([.text("course"), .text(course.person), .empty, .text(course.id), .text(course.skill),
                         .number(Double(course.level)), period(start), day(labels.firstDay(of: start)),
                         period(end), day(labels.lastDay(of: end)), period(qualifies), day(labels.firstDay(of: qualifies)),
                         .amount(course.hoursPerPeriod * Double(course.duration)), .empty, .empty, .amount(course.cost)])
        }
        return SheetOutput(name: "Supply", header: supplyColumns, rows: rows, widths: [9, 20, 18, 18, 12, 6])
    }

    /// The Utilisation rows of the hire instances `checked` hires (they are not among the
    /// scenario's people): no team, the hours booked per period against the role's capacity from
    /// the hire's start (0 before it), in `PlanSheets`' Utilisation columns.
    static func hireUtilisation(_ checked: CheckedPlan, problem: PlanningProblem) -> [[SheetOutput.Cell]] {
        let periods = problem.periodCount
        let allocation = checked.allocation
        guard !allocation.hires.isEmpty else { return [] }
        var hours: [Int: [Double]] = [:]  // hire instance → hours per period
        for (cell, h) in allocation.hours where h > 0 && allocation.hires[cell.person] != nil
            && (0..<periods).contains(cell.period) {
            hours[cell.person, default: Array(repeating: 0, count: periods)][cell.period] += h
        }
        return allocation.hires.sorted { $0.key < $1.key }.compactMap { p, start in
            guard problem.people.indices.contains(p), let slot = problem.people[p].hire,
                  problem.scenario.hiring.indices.contains(slot.role) else { return nil }
            let raw = problem.scenario.hiring[slot.role].capacity
            let capacity = (0..<periods).map { $0 >= start ? raw : 0 }
            let booked = hours[p] ?? Array(repeating: 0, count: periods)
            let totalBooked = booked.reduce(0, +), totalCapacity = capacity.reduce(0, +)
            return [.text(problem.people[p].id), .empty]
                + zip(booked, capacity).map { $1 > 0 ? .percent($0 / $1) : .empty }
                + [.amount(totalBooked), .amount(totalCapacity), totalCapacity > 0 ? .percent(totalBooked / totalCapacity) : .empty]
        }
    }

    /// The Summary rows of the supply's costs (hiring: salaries and hiring costs; training: the
    /// courses), when the problem has supply to decide.
    static func supplySummary(_ terms: ObjectiveBreakdown, problem: PlanningProblem) -> [[SheetOutput.Cell]] {
        guard problem.hasSupply else { return [] }
        return [[.text("hiring cost"), .amount(terms.hiringCost ?? 0)],
                [.text("training cost"), .amount(terms.trainingCost ?? 0)]]
    }
}

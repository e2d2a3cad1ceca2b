// The version-3 columns and files of `capacity-planner import`, the portfolio in flight: projects'
// start, longest duration, due date, late price and probability; flexible demand lines; the status
// period (a setting); an actuals file (hours booked in the past) and a synergies file.
public import CapacityPlanning
import Foundation

extension ScenarioImporter {
    /// Actuals columns: hours booked, from a timesheet export.
    static let actualColumns = ["person", "project", "demand", "period", "hours"]
    /// Synergy columns.
    static let synergyColumns = ["id", "projects", "value"]

    /// A project's version-3 columns.
    mutating func readVersion3Columns(_ table: Table, _ row: TableRow, into project: inout Project) {
        project.started = integer(table, row, "started")
        project.maxDuration = integer(table, row, "maxDuration")
        project.due = integer(table, row, "due")
        project.latePenaltyPerPeriod = number(table, row, "latePenaltyPerPeriod") ?? 0
        project.probability = number(table, row, "probability")
    }

    /// A demand row's amount: `hours` (a fixed profile) or `work` with an optional
    /// `maxPerPeriod` (a flexible line); `nil` after reporting a row that gives neither or both.
    mutating func demandAmount(_ table: Table, _ row: TableRow) -> (hours: Hours?, work: Double?, maxPerPeriod: Double?)? {
        let hours = hours(table, row, "hours")
        let work = number(table, row, "work")
        let maxPerPeriod = number(table, row, "maxPerPeriod")
        let givesHours = table.value("hours", in: row) != nil, givesWork = table.value("work", in: row) != nil
        switch (givesHours, givesWork) {
        case (false, false):
            let column = table.has("hours") || !table.has("work") ? "hours" : "work"
            fail(table, row, column: column, "\(column) is empty: give hours (one number, or one per project period) "
                 + "or work (a flexible line's total hours)")
            return nil
        case (true, true):
            fail(table, row, column: "work", "gives both hours and work: a line is fixed (hours) or flexible (work), not both")
            return nil
        default:
            guard hours != nil || work != nil else { return nil }  // the number was reported
            return (hours, work, maxPerPeriod)
        }
    }

    /// Reads the status period (a setting), the actuals and synergies files into `scenario`, and
    /// makes it version 3 when anything in flight is there.
    mutating func addVersion3Files(to scenario: inout Scenario, periods: Int?, settings: Settings) {
        let labels = PeriodLabels(scenario.horizon)
        if let text = settings.statusPeriod, let periods {
            switch Self.statusPeriod(text, labels: labels, periods: periods) {
            case .success(let period): scenario.status = Status(period: period)
            case .failure(let issue): errors.append(issue)
            }
        }
        if let source = version3Sources.actuals,
           let t = table(source, known: Self.actualColumns, required: ["person", "project", "period", "hours"]) {
            if settings.statusPeriod == nil {
                errors.append(.setting("status.period", "\(t.file) books hours in the past, but the status period is not "
                                       + "given: give the first period not yet done"))
            }
            scenario.status = scenario.status ?? Status(period: 0)
            readActuals(t, into: &scenario, periods: periods, labels: labels)
        }
        if let source = version3Sources.synergies,
           let t = table(source, known: Self.synergyColumns, required: ["projects", "value"]) {
            for row in t.rows {
                let projects = list(t, row, "projects")
                requireValue(t, row, "projects")
                let value = number(t, row, "value")
                requireValue(t, row, "value")
                guard !projects.isEmpty, let value else { continue }
                origins["synergies[\(scenario.synergies.count)]"] = (t, row.line)
                scenario.synergies.append(Synergy(id: t.value("id", in: row), projects: projects, value: value))
            }
        }
        if scenario.usesInFlightKeys { scenario.version = 3 }
    }

    /// The hours booked in one actuals file (the columns of `import`'s actuals file: person, project,
    /// demand, period as a number or a label of `scenario`'s horizon, hours), read against `scenario`
    /// (its horizon and demand lines): the entries, or every issue that stops them.
    public static func actuals(_ source: Source, for scenario: Scenario) -> Result<[Actual], ImportErrors> {
        var importer = ScenarioImporter()
        var read = scenario
        read.status = Status(period: 0)
        if let t = importer.table(source, known: actualColumns, required: ["person", "project", "period", "hours"]) {
            importer.readActuals(t, into: &read, periods: scenario.horizon.periods, labels: PeriodLabels(scenario.horizon))
        }
        guard importer.errors.isEmpty else { return .failure(ImportErrors(issues: importer.errors)) }
        return .success(read.status?.actuals ?? [])
    }

    /// The actuals: one entry per (person, project, demand line, period), the rows that name the
    /// same entry added up (a timesheet export has a row a day). A blank `demand` is the project's
    /// only line.
    mutating func readActuals(_ t: Table, into scenario: inout Scenario, periods: Int?, labels: PeriodLabels) {
        var entry: [String: Int] = [:]  // "person project demand period" → index in actuals
        var actuals = scenario.status?.actuals ?? []
        let projects = Dictionary(scenario.projects.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for row in t.rows {
            guard let person = required(t, row, "person"), let project = required(t, row, "project"),
                  let periodText = required(t, row, "period") else { continue }
            let hours = number(t, row, "hours")
            requireValue(t, row, "hours")
            guard let periods, let period = period(periodText, labels: labels, periods: periods, table: t, row: row),
                  let hours else { continue }
            var demand = t.value("demand", in: row)
            if demand == nil, let lines = projects[project]?.demands {
                guard lines.count == 1 else {
                    fail(t, row, column: "demand", "demand is empty, and project '\(project)' has \(lines.count) demand lines ("
                         + lines.map(\.resolvedID).joined(separator: ", ") + "): name one")
                    continue
                }
                demand = lines[0].resolvedID
            }
            let line = demand ?? ""
            let key = [person, project, line, String(period)].joined(separator: "\u{1F}")
            if let k = entry[key] {
                actuals[k].hours += hours
            } else {
                entry[key] = actuals.count
                origins["status.actuals[\(actuals.count)]"] = (t, row.line)
                actuals.append(Actual(person: person, project: project, demand: line, period: period, hours: hours))
            }
        }
        scenario.status?.actuals = actuals
    }
}

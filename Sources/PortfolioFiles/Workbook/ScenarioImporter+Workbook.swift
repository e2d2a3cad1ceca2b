// `import --xlsx`: one workbook with the import's tables as sheets, and an optional Settings sheet.
import CapacityPlanning

extension ScenarioImporter {
    /// The sheets a workbook import reads, by the importer's table; the first three are required.
    public static let sheetNames = ["People", "Projects", "Demands", "Availability", "Pins", "Systems", "Drivers",
                                    "Actuals", "Synergies", "Roles", "Courses"]
    /// The sheet of horizon and policy values (`setting`, `value`), which the command line overrides.
    public static let settingsSheet = "Settings"
    /// The sheets `report --format xlsx` adds and the import passes over.
    public static let planSheets = ["Summary", "Schedule", "Assignments", "Utilisation", "Supply"]

    /// Whether the import reads the sheet `name` (its tables and Settings; not the plan's sheets):
    /// pass it to `Workbook(xlsx:file:reading:)`.
    public static func readsSheet(_ name: String) -> Bool {
        (sheetNames + [settingsSheet]).contains { Table.normalise($0) == Table.normalise(name) }
    }

    /// The settings a workbook's Settings sheet gives (none when it has no such sheet), and
    /// its problems, by cell. Keys are the command line's options without `--`
    /// (`periods`, `start`, `unit`, `utilization-cap`, `unmet-penalty`, `assignment-penalty`,
    /// `budget`, `change-penalty`, `start-change-penalty`, `value-per-point`, `status-period`), matched without
    /// regard to case, spaces, `_` and `-`.
    public static func settings(in workbook: Workbook) -> (settings: Settings, errors: [ImportIssue]) {
        var settings = Settings()
        var errors: [ImportIssue] = []
        var warnings: [ImportIssue] = []
        guard let sheet = workbook.sheet(named: settingsSheet) else { return (settings, []) }
        let table = Table(file: sheet.name, inSheet: true, records: sheet.rows, known: ["setting", "value"],
                          required: ["setting", "value"], issues: &errors, warnings: &warnings)
        for row in table.rows {
            guard let key = table.value("setting", in: row) else { continue }
            guard let text = table.value("value", in: row) else {
                errors.append(table.issue(row, column: "value", "\(key) has no value"))
                continue
            }
            func number() -> Double? {
                guard let value = Self.number(text) else {
                    errors.append(table.issue(row, column: "value", "\(key) '\(text)' is not a number"))
                    return nil
                }
                return value
            }
            switch Table.normalise(key) {
            case "periods":
                guard let value = number() else { continue }
                guard value == value.rounded(), (1...Double(Scenario.maxPeriods)).contains(value) else {
                    errors.append(table.issue(row, column: "value", "periods must be a whole number 1…\(Scenario.maxPeriods), not \(text)"))
                    continue
                }
                settings.periods = Int(value)
            case "start":
                guard PeriodLabels.parseISODate(text) != nil else {
                    errors.append(table.issue(row, column: "value", "start must be an ISO date (YYYY-MM-DD), not '\(text)'"))
                    continue
                }
                settings.start = text
            case "unit":
                guard let unit = PeriodUnit(rawValue: text.lowercased()) else {
                    errors.append(table.issue(row, column: "value", "unit must be day, week, month or quarter, not '\(text)'"))
                    continue
                }
                settings.unit = unit
            case "utilizationcap", "utilisationcap": number().map { settings.policy.utilizationCap = $0 }
            case "unmetpenalty", "unmetpenaltyperhour": number().map { settings.policy.unmetPenaltyPerHour = $0 }
            case "assignmentpenalty": number().map { settings.policy.assignmentPenalty = $0 }
            case "budget": number().map { settings.policy.budget = $0 }
            case "changepenalty", "changepenaltyperhour": number().map { settings.policy.changePenaltyPerHour = $0 }
            case "startchangepenalty": number().map { settings.policy.startChangePenalty = $0 }
            case "valueperpoint": number().map { settings.valuePerPoint = $0 }
            case "statusperiod", "status": settings.statusPeriod = text
            default:
                errors.append(table.issue(row, column: "setting", "unknown setting '\(key)' (periods, start, unit, "
                                          + "utilization-cap, unmet-penalty, assignment-penalty, budget, change-penalty, "
                                          + "start-change-penalty, value-per-point, status-period)"))
            }
        }
        return (settings, errors)
    }

    /// Imports the sheets People, Projects and Demands (required) and Availability, Pins,
    /// Systems, Drivers, Actuals, Synergies, Roles and Courses (when present) of `workbook`, with the columns of the CSV import;
    /// problems are named by cell (`Demands!E7`). `file` names the workbook in messages about
    /// the workbook as a whole. Other sheets are listed as warnings, except the Settings sheet
    /// (read by `settings(in:)`) and the plan sheets that `report --format xlsx` writes.
    public static func run(workbook: Workbook, file: String, settings: Settings) -> Outcome {
        var errors: [ImportIssue] = []
        var warnings: [ImportIssue] = []
        var sources: [String: Source] = [:]
        for name in sheetNames {
            if let sheet = workbook.sheet(named: name) { sources[name] = Source(sheet: sheet.name, rows: sheet.rows) }
        }
        let known = Set((sheetNames + [settingsSheet] + planSheets).map(Table.normalise))
        for sheet in workbook.sheets where !known.contains(Table.normalise(sheet.name)) {
            warnings.append(ImportIssue(file: file, line: nil, message: "sheet '\(sheet.name)' is not read (ignored)"))
        }
        let missing = sheetNames.prefix(3).filter { sources[$0] == nil }
        guard let people = sources["People"], let projects = sources["Projects"], let demands = sources["Demands"] else {
            let present = workbook.sheets.map { "'\($0.name)'" }.joined(separator: ", ")
            errors.append(ImportIssue(file: file, line: nil, message: "the workbook has no sheet "
                                      + missing.map { "'\($0)'" }.joined(separator: ", ")
                                      + " (it has \(present.isEmpty ? "no sheets" : present))"))
            return Outcome(scenario: nil, errors: errors, warnings: warnings)
        }
        var outcome = run(people: people, projects: projects, demands: demands, availability: sources["Availability"],
                          pins: sources["Pins"], systems: sources["Systems"], drivers: sources["Drivers"],
                          actuals: sources["Actuals"], synergies: sources["Synergies"], roles: sources["Roles"],
                          courses: sources["Courses"], settings: settings)
        outcome.warnings = warnings + outcome.warnings
        return outcome
    }
}

// Spreadsheets exported from a PPM tool (people, projects, demands, availability, pins) into a scenario.
public import CapacityPlanning
public import Foundation

/// Builds a scenario (spec v1, or v2 with its columns and files) from CSV files and says where every problem is.
///
/// Columns (header names match without regard to case, spaces, `_` and `-`):
/// - people: `id`*, `name`, `team`, `capacity`* (hours per period: a number, or one number
///   per period separated by `;`), `costPerHour`, `maxConcurrentProjects`, `skills`
///   (`backend:4;data:2`).
/// - projects: `id`*, `name`, `value`, `mandatory` (true/false, yes/no, y/n, 1/0, x, or
///   blank), `duration`*, `earliestStart`, `deadline`, `budget`, `dependsOn` (`a;b`).
/// - demands: `project`*, `id`, `skill`*, `minLevel`, `hours`* (a number, or one per
///   project period separated by `;`).
/// - availability: `person`*, `period`* (0-based index, or an ISO date when the horizon
///   has a start), `hours`*: the person's capacity in that period (0 for leave).
/// - pins: `person`*, `project`*, `demand`, `period`, `hours`*.
/// - version 2 (any of these makes the scenario version 2; see `ScenarioImporter+Version2.swift`):
///   projects may add `tags` (`department=ecommerce;theme=growth`), `scores` (`asia=5;cost=1`),
///   `costOfDelay`, `touches` (`payments-core;crm`), `excludes` (`a;b`); a systems file has
///   `id`*, `name`, `maxConcurrentProjects`, `freezes` (periods or ISO dates, `24;25` or
///   `24-25`); a drivers file has `id`*, `name`, `weight`*.
/// - version 3, the portfolio in flight (see `ScenarioImporter+Version3.swift`): projects may add
///   `started`, `maxDuration`, `due`, `latePenaltyPerPeriod`, `probability`; a demand line gives
///   `work` (and `maxPerPeriod`) instead of `hours`; an actuals file has `person`*, `project`*,
///   `demand`, `period`*, `hours`*; a synergies file `id`, `projects`*, `value`*; the status period
///   is a setting.
/// - version 3, supply (see `ScenarioImporter+Supply.swift`): a roles file has `id`*, `name`, `skills`
///   (as people's), `capacity`*, `costPerHour`, `hireCost`, `earliestStart` (an index or an ISO date),
///   `maxHires`*; a courses file `id`*, `person`*, `skill`*, `level`*, `duration`*, `hoursPerPeriod`,
///   `cost`, `earliestStart`.
///
/// Starred columns are required; blank cells take the spec's defaults. Periods are
/// 0-based, as in the scenario format.
public struct ScenarioImporter {
    /// One table: a CSV file (its name for messages and its bytes) or a workbook's sheet.
    public struct Source: Sendable {
        /// The file as the user named it, or the sheet's name.
        public var name: String
        /// What it holds.
        var content: Content

        /// A table's contents: CSV bytes, or a sheet's rows.
        enum Content: Sendable {
            case csv(Data)
            case sheet([TableRow])
        }

        /// A CSV file named `name` with bytes `data`.
        public init(name: String, data: Data) {
            self.name = name
            content = .csv(data)
        }

        /// A workbook's sheet `name` with its rows (the first names the columns).
        public init(sheet name: String, rows: [TableRow]) {
            self.name = name
            content = .sheet(rows)
        }
    }

    /// The horizon and policy the command line gives.
    public struct Settings: Sendable {
        /// Number of periods; `nil` infers it (see `ScenarioImporter.inferPeriods`).
        public var periods: Int?
        /// ISO date of period 0.
        public var start: String?
        /// Length of a period.
        public var unit: PeriodUnit?
        /// Portfolio-wide rules and prices.
        public var policy = Policy()
        /// Money per point of strategic score (version 2; with a drivers file).
        public var valuePerPoint: Double?
        /// The status period (version 3): the first period not yet done, as a 0-based index or an
        /// ISO date inside it.
        public var statusPeriod: String?

        /// The scenario fields these settings give (an `ImportIssue.setting` is one of them).
        public static let fields: Set<String> = [
            "horizon.periods", "horizon.start", "horizon.unit", "policy.utilizationCap", "policy.unmetPenaltyPerHour",
            "policy.assignmentPenalty", "policy.budget", "policy.changePenaltyPerHour", "policy.startChangePenalty",
            "strategy.valuePerPoint", "status.period",
        ]

        /// Settings for an import; every value is optional.
        public init(periods: Int? = nil, start: String? = nil, unit: PeriodUnit? = nil, policy: Policy = Policy(),
                    valuePerPoint: Double? = nil, statusPeriod: String? = nil) {
            self.periods = periods
            self.start = start
            self.unit = unit
            self.policy = policy
            self.valuePerPoint = valuePerPoint
            self.statusPeriod = statusPeriod
        }
    }

    /// What an import produced.
    public struct Outcome: Sendable {
        /// The scenario, when no error was found.
        public var scenario: Scenario?
        /// Every error, by file and line (or sheet and cell).
        public var errors: [ImportIssue]
        /// Warnings: unused columns, the inferred horizon, the domain's warnings.
        public var warnings: [ImportIssue]
    }

    /// The columns each file may have, in documentation order.
    static let peopleColumns = ["id", "name", "team", "capacity", "costPerHour", "maxConcurrentProjects", "skills"]
    /// Project columns.
    static let projectColumns = ["id", "name", "value", "mandatory", "duration", "earliestStart", "deadline", "budget", "dependsOn",
                                 "tags", "scores", "costOfDelay", "touches", "excludes",
                                 "started", "maxDuration", "due", "latePenaltyPerPeriod", "probability"]
    /// Demand columns (`work` and `maxPerPeriod`: a flexible line, version 3).
    static let demandColumns = ["project", "id", "skill", "minLevel", "hours", "work", "maxPerPeriod"]
    /// Availability columns.
    static let availabilityColumns = ["person", "period", "hours"]
    /// Pin columns.
    static let pinColumns = ["person", "project", "demand", "period", "hours"]

    var errors: [ImportIssue] = []
    var warnings: [ImportIssue] = []
    /// JSON path prefix (`people[3]`, `projects[1].demands[0]`) → the table and row it came from.
    var origins: [String: (table: Table, line: Int)] = [:]
    /// The version-2 files (systems, drivers), read by `ScenarioImporter+Version2.swift`.
    var version2Sources: (systems: Source?, drivers: Source?) = (nil, nil)
    /// The version-3 files (actuals, synergies), read by `ScenarioImporter+Version3.swift`.
    var version3Sources: (actuals: Source?, synergies: Source?) = (nil, nil)
    /// The supply files (roles, courses; version 3, Part B), read by `ScenarioImporter+Supply.swift`.
    var supplySources: (roles: Source?, courses: Source?) = (nil, nil)

    /// Imports the files; `availability`, `pins`, `systems`, `drivers`, `actuals`, `synergies`, `roles`
    /// and `courses` are optional.
    public static func run(people: Source, projects: Source, demands: Source, availability: Source?, pins: Source?,
                    systems: Source? = nil, drivers: Source? = nil, actuals: Source? = nil, synergies: Source? = nil,
                    roles: Source? = nil, courses: Source? = nil, settings: Settings) -> Outcome {
        var importer = ScenarioImporter()
        importer.version2Sources = (systems, drivers)
        importer.version3Sources = (actuals, synergies)
        importer.supplySources = (roles, courses)
        return importer.build(people: people, projects: projects, demands: demands, availability: availability,
                              pins: pins, settings: settings)
    }

    // MARK: - Reading

    mutating func table(_ source: Source, known: [String], required: [String]) -> Table? {
        switch source.content {
        case .csv(let data):
            do throws(ImportIssue) {
                let records = try CSV.parse(data, file: source.name)
                return Table(file: source.name, records: records, known: known, required: required,
                             issues: &errors, warnings: &warnings)
            } catch {
                errors.append(error)
                return nil
            }
        case .sheet(let rows):
            return Table(file: source.name, inSheet: true, records: rows, known: known, required: required,
                         issues: &errors, warnings: &warnings)
        }
    }

    mutating func fail(_ table: Table, _ row: TableRow, column: String? = nil, _ message: String, setting: String? = nil) {
        var issue = table.issue(row, column: column, message)
        issue.setting = setting
        errors.append(issue)
    }

    /// A decimal number: digits with an optional point and exponent, nothing else.
    static func number(_ text: String) -> Double? {
        var sawDigit = false, sawPoint = false, sawExponent = false
        var previous: Character = " "
        for (k, c) in text.enumerated() {
            switch c {
            case "0"..."9": sawDigit = true
            case "+", "-": guard k == 0 || previous == "e" || previous == "E" else { return nil }
            case ".": guard !sawPoint && !sawExponent else { return nil }; sawPoint = true
            case "e", "E": guard sawDigit && !sawExponent else { return nil }; sawExponent = true
            default: return nil
            }
            previous = c
        }
        guard sawDigit, let value = Double(text), value.isFinite else { return nil }
        return value
    }

    mutating func number(_ table: Table, _ row: TableRow, _ column: String) -> Double? {
        guard let text = table.value(column, in: row) else { return nil }
        guard let value = Self.number(text) else {
            fail(table, row, column: column, "\(column) '\(text)' is not a number")
            return nil
        }
        return value
    }

    mutating func integer(_ table: Table, _ row: TableRow, _ column: String) -> Int? {
        guard let text = table.value(column, in: row) else { return nil }
        guard let value = Self.number(text), value == value.rounded(), abs(value) < 1e15 else {
            fail(table, row, column: column, "\(column) '\(text)' is not a whole number")
            return nil
        }
        return Int(value)
    }

    /// Reports a blank cell in a column that must have a value (a missing column is reported once, at the header).
    mutating func requireValue(_ table: Table, _ row: TableRow, _ column: String) {
        if table.has(column) && table.value(column, in: row) == nil { fail(table, row, column: column, "\(column) is empty") }
    }

    /// The rows of `table` with their ids, in order: a row without an id is reported (when the
    /// column is there) and a row whose id repeats an earlier row's is an error at its id; both are
    /// left out. `noun` names the thing in the message ("person id 'ada' repeats line 3").
    mutating func rowsWithUniqueIDs(_ table: Table, noun: String) -> [(row: TableRow, id: String)] {
        var firstLine: [String: Int] = [:]
        var rows: [(row: TableRow, id: String)] = []
        for row in table.rows {
            guard let id = required(table, row, "id") else { continue }
            if let first = firstLine[id] {
                fail(table, row, column: "id", "\(noun) id '\(id)' repeats \(table.lineWord) \(first)")
                continue
            }
            firstLine[id] = row.line
            rows.append((row, id))
        }
        return rows
    }

    mutating func required(_ table: Table, _ row: TableRow, _ column: String) -> String? {
        guard let text = table.value(column, in: row) else {
            if table.has(column) { fail(table, row, column: column, "\(column) is empty") }
            return nil
        }
        return text
    }

    /// A number, or numbers separated by `;` (one per period).
    mutating func hours(_ table: Table, _ row: TableRow, _ column: String) -> Hours? {
        guard let text = table.value(column, in: row) else { return nil }
        guard text.contains(";") else {
            guard let value = Self.number(text) else {
                fail(table, row, column: column, "\(column) '\(text)' is not a number (or numbers separated by ';')")
                return nil
            }
            return .constant(value)
        }
        var values: [Double] = []
        for (k, part) in text.split(separator: ";", omittingEmptySubsequences: false).enumerated() {
            let item = part.trimmingCharacters(in: .whitespaces)
            guard let value = Self.number(item) else {
                fail(table, row, column: column, "\(column): entry \(k + 1) '\(item)' of '\(text)' is not a number")
                return nil
            }
            values.append(value)
        }
        return .perPeriod(values)
    }

    private mutating func flag(_ table: Table, _ row: TableRow, _ column: String) -> Bool {
        guard let text = table.value(column, in: row) else { return false }
        switch text.lowercased() {
        case "true", "yes", "y", "1", "x": return true
        case "false", "no", "n", "0": return false
        default:
            fail(table, row, column: column, "\(column) '\(text)' is not true or false (also yes/no, y/n, 1/0, x or blank)")
            return false
        }
    }

    func list(_ table: Table, _ row: TableRow, _ column: String) -> [String] {
        guard let text = table.value(column, in: row) else { return [] }
        return text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The `skills` cell: `skill:level` items separated by `;` (`backend:4;data:2`), each skill once.
    mutating func skills(_ table: Table, _ row: TableRow) -> [String: Int] {
        var skills: [String: Int] = [:]
        for item in list(table, row, "skills") {
            let parts = item.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty else {
                fail(table, row, column: "skills", "skills: '\(item)' is not skill:level (e.g. backend:4;data:2)")
                continue
            }
            guard let level = Self.number(parts[1]), level == level.rounded(), abs(level) < 1e9 else {
                fail(table, row, column: "skills", "skills: the level '\(parts[1])' of '\(parts[0])' is not a whole number")
                continue
            }
            if skills[parts[0]] != nil {
                fail(table, row, column: "skills", "skills: '\(parts[0])' is listed twice")
            }
            skills[parts[0]] = Int(level)
        }
        return skills
    }

    // MARK: - Building

    private mutating func build(people peopleSource: Source, projects projectSource: Source, demands demandSource: Source,
                                availability availabilitySource: Source?, pins pinSource: Source?,
                                settings: Settings) -> Outcome {
        let peopleTable = table(peopleSource, known: Self.peopleColumns, required: ["id", "capacity"])
        let projectTable = table(projectSource, known: Self.projectColumns, required: ["id", "duration"])
        let demandTable = table(demandSource, known: Self.demandColumns, required: ["project", "skill"])
        let availabilityTable = availabilitySource.flatMap {
            table($0, known: Self.availabilityColumns, required: Self.availabilityColumns)
        }
        let pinTable = pinSource.flatMap { table($0, known: Self.pinColumns, required: ["person", "project", "hours"]) }

        // People.
        var people: [Person] = []
        if let t = peopleTable {
            for (row, id) in rowsWithUniqueIDs(t, noun: "person") {
                let capacity = hours(t, row, "capacity")
                requireValue(t, row, "capacity")
                origins["people[\(people.count)]"] = (t, row.line)
                people.append(Person(id: id, name: t.value("name", in: row), skills: skills(t, row),
                                     capacity: capacity ?? .constant(0), costPerHour: number(t, row, "costPerHour") ?? 0,
                                     maxConcurrentProjects: integer(t, row, "maxConcurrentProjects"),
                                     team: t.value("team", in: row)))
            }
        }

        // Projects.
        var projects: [Project] = []
        var projectIndex: [String: Int] = [:]
        if let t = projectTable {
            for row in t.rows {
                guard let id = required(t, row, "id") else { continue }
                if let first = projectIndex[id].flatMap({ origins["projects[\($0)]"]?.line }) {
                    fail(t, row, column: "id", "project id '\(id)' repeats \(t.lineWord) \(first)")
                    continue
                }
                let duration = integer(t, row, "duration")
                requireValue(t, row, "duration")
                projectIndex[id] = projects.count
                origins["projects[\(projects.count)]"] = (t, row.line)
                var project = Project(id: id, name: t.value("name", in: row), value: number(t, row, "value") ?? 0,
                                      mandatory: flag(t, row, "mandatory"), duration: duration ?? 1,
                                      earliestStart: integer(t, row, "earliestStart") ?? 0,
                                      deadline: integer(t, row, "deadline"), budget: number(t, row, "budget"),
                                      dependsOn: list(t, row, "dependsOn"))
                readVersion2Columns(t, row, into: &project)
                readVersion3Columns(t, row, into: &project)
                projects.append(project)
            }
        }

        // Demands, attached to their projects in file order.
        if let t = demandTable {
            if !t.has("hours") && !t.has("work") {
                errors.append(ImportIssue(file: t.file, line: nil, inSheet: t.inSheet,
                                          message: "missing column 'hours' (or 'work', for flexible lines)"))
            }
            for row in t.rows {
                guard let projectID = required(t, row, "project") else { continue }
                let skill = required(t, row, "skill")
                let amount = demandAmount(t, row)
                let minLevel = integer(t, row, "minLevel")
                guard let j = projectIndex[projectID] else {
                    fail(t, row, column: "project", "project '\(projectID)' is not in \(projectTable?.file ?? "the projects file")")
                    continue
                }
                guard let skill, let amount else { continue }
                origins["projects[\(j)].demands[\(projects[j].demands.count)]"] = (t, row.line)
                var demand = Demand(id: t.value("id", in: row), skill: skill, minLevel: minLevel ?? 1,
                                    hours: amount.hours ?? .perPeriod([]))
                demand.work = amount.work
                demand.maxPerPeriod = amount.maxPerPeriod
                projects[j].demands.append(demand)
            }
        }

        // The horizon.
        let periods = settings.periods ?? inferPeriods(people: people, projects: projects, availability: availabilityTable)
        let horizon = Horizon(periods: periods ?? 1, start: settings.start, unit: settings.unit)
        if periods == nil {
            errors.append(.setting("horizon.periods", "cannot tell how many periods the horizon has: give the number of periods"))
        }

        // Availability overrides capacity per period.
        if let t = availabilityTable, let periods {
            var seen: [String: Int] = [:]
            let personIndex = Dictionary(people.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
            let labels = PeriodLabels(horizon)
            for row in t.rows {
                guard let personID = required(t, row, "person"), let periodText = required(t, row, "period") else { continue }
                let amount = number(t, row, "hours")
                requireValue(t, row, "hours")
                guard let i = personIndex[personID] else {
                    fail(t, row, column: "person", "person '\(personID)' is not in \(peopleTable?.file ?? "the people file")")
                    continue
                }
                guard let period = self.period(periodText, labels: labels, periods: periods, table: t, row: row) else { continue }
                if let first = seen["\(i) \(period)"] {
                    fail(t, row, column: "period", "\(personID) in period \(period) repeats \(t.lineWord) \(first)")
                    continue
                }
                seen["\(i) \(period)"] = row.line
                guard let amount else { continue }
                var values = people[i].capacity.expanded(to: periods)
                if case .perPeriod(let given) = people[i].capacity, given.count != periods {
                    continue  // the domain reports the wrong length at the people file's line
                }
                values[period] = amount
                people[i].capacity = .perPeriod(values)
            }
        }

        // Pins.
        var pins: [Pin] = []
        if let t = pinTable {
            for row in t.rows {
                guard let person = required(t, row, "person"), let project = required(t, row, "project") else { continue }
                let amount = number(t, row, "hours")
                requireValue(t, row, "hours")
                let period = integer(t, row, "period")
                guard let amount else { continue }
                origins["pins[\(pins.count)]"] = (t, row.line)
                pins.append(Pin(person: person, project: project, demand: t.value("demand", in: row), period: period, hours: amount))
            }
        }

        var scenario = Scenario(horizon: horizon, people: people, projects: projects, pins: pins, policy: settings.policy)
        addVersion2Files(to: &scenario, periods: periods, settings: settings)
        addVersion3Files(to: &scenario, periods: periods, settings: settings)
        addSupplyFiles(to: &scenario, peopleFile: peopleTable?.file)

        // The domain's validation, every issue traced back to its row. It runs even when the
        // files had errors, so that all problems are listed at once; a row that already has an
        // error holds placeholders, so the domain's issues on that row are left out.
        let rowsWithErrors = Set(errors.compactMap { issue in issue.line.map { "\(issue.file):\($0)" } })
        for issue in scenario.validate() {
            let located = locate(issue)
            if let line = located.line, rowsWithErrors.contains("\(located.file):\(line)") { continue }
            if issue.severity == .error { errors.append(located) } else { warnings.append(located) }
        }
        // File by file in the order of the command line, then line by line.
        let order = [peopleSource, projectSource, demandSource, availabilitySource, pinSource,
                     version2Sources.systems, version2Sources.drivers,
                     version3Sources.actuals, version3Sources.synergies,
                     supplySources.roles, supplySources.courses].compactMap { $0?.name }
        func sorted(_ issues: [ImportIssue]) -> [ImportIssue] {
            issues.enumerated().sorted { a, b in
                let ka = (order.firstIndex(of: a.element.file) ?? order.count, a.element.line ?? 0, a.offset)
                let kb = (order.firstIndex(of: b.element.file) ?? order.count, b.element.line ?? 0, b.offset)
                return ka < kb
            }.map(\.element)
        }
        return Outcome(scenario: errors.isEmpty ? scenario : nil, errors: sorted(errors), warnings: sorted(warnings))
    }

    /// `issue` placed at the file and line its JSON path came from.
    private func locate(_ issue: ScenarioIssue) -> ImportIssue {
        var best: (prefix: String, origin: (table: Table, line: Int))?
        for (prefix, origin) in origins where issue.path == prefix || issue.path.hasPrefix(prefix + ".")
            || issue.path.hasPrefix(prefix + "[") {
            if prefix.count > (best?.prefix.count ?? -1) { best = (prefix, origin) }
        }
        if let best {
            var field = String(issue.path.dropFirst(best.prefix.count))
            if field.hasPrefix(".") { field.removeFirst() }
            // The domain's messages usually start with the key they are about ("hours has 2 entries …").
            let key = field.split(separator: ".").last.map { String($0.prefix { $0 != "[" }) } ?? ""
            // Some start with their own path ("hiring[0].id 'a#b' contains '#'"): the row names it, so the key is enough.
            var message = issue.message
            if !key.isEmpty, message.hasPrefix(issue.path + " ") { message = key + message.dropFirst(issue.path.count) }
            let named = field.isEmpty || (!key.isEmpty && message.hasPrefix(key))
            let first = String(field.split(separator: ".").first?.prefix { $0 != "[" } ?? "")
            let cell = first.isEmpty ? nil : first
            return best.origin.table.issue(TableRow(line: best.origin.line, fields: []), column: cell,
                                           (named ? "" : "\(field): ") + message)
        }
        if Settings.fields.contains(issue.path) {
            return .setting(issue.path, issue.message)
        }
        return ImportIssue(file: "scenario", line: nil, message: issue.description)
    }
}

// `capacity-planner import`
import ArgumentParser
import CapacityPlanning
import PortfolioFiles
import Foundation

/// `import --people … --projects … --demands …`, `import --xlsx FILE` or `import --mspdi FILE`:
/// spreadsheets from a PPM tool, an Excel workbook or a Microsoft Project file into a scenario.
struct ImportCommand: ParsableCommand {
    /// The command's name, abstract and help text (with exit codes and examples).
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn CSV exports, an Excel workbook or a Microsoft Project XML file into a scenario.",
        discussion: """
            Files are RFC 4180 CSV in UTF-8 (quotes, commas and line breaks in quotes, CRLF and a byte order \
            mark are fine). The first line names the columns; names match without regard to case, spaces, \
            '_' and '-'. Lists inside a cell are separated by ';'. Periods are 0-based. Required columns are \
            starred; blank cells take the format's defaults.

              people.csv        id*, name, team, capacity* (40, or 40;40;0;… one per period), costPerHour,
                                maxConcurrentProjects, skills (backend:4;data:2)
              projects.csv      id*, name, value, mandatory (true/false, yes/no, 1/0, x), duration*,
                                earliestStart, deadline, budget, dependsOn (a;b)
              demands.csv       project*, id, skill*, minLevel, hours* (30, or 10;20;30 one per project period)
              availability.csv  person*, period* (index, or ISO date with --start), hours* (capacity then)
              pins.csv          person*, project*, demand, period, hours*

            Format v3, the portfolio in flight: projects.csv may add started, maxDuration, due, \
            latePenaltyPerPeriod, probability; a demand line may give work (its total hours) and \
            maxPerPeriod instead of hours; --status-period (an index or an ISO date) names the first \
            period not yet done, and:
              actuals.csv       person*, project*, demand (blank: the project's only line), period* (index or
                                ISO date), hours*; rows naming the same person, line and period add up
              synergies.csv     id, projects* (a;b), value*

            Format v3, supply (roles that may be hired, courses that raise a person's level: the planner \
            decides them):
              roles.csv         id* (no '#'), name, skills (data:4;python:3), capacity*, costPerHour, hireCost,
                                earliestStart (index, or ISO date inside the period), maxHires*
              courses.csv       id*, person*, skill*, level*, duration*, hoursPerPeriod, cost, earliestStart

            --xlsx reads one workbook whose sheets People, Projects, Demands (required), Availability, Pins, \
            Systems, Drivers, Actuals, Synergies, Roles and Courses have the same columns; a Settings sheet (setting, value) \
            may give periods, start, unit, status-period and the policy options below, which the command \
            line overrides. Problems are named \
            by cell (Demands!E7). report --format xlsx writes such a workbook, with the plan's sheets added.

            --mspdi reads a Microsoft Project XML file (MSPDI, as Project, ProjectLibre and GanttProject \
            save it): resources become people, summary tasks projects, their subtasks demand lines; \
            Docs/cli.md has the mapping and what is dropped. Every element that cannot be mapped is a warning.

            Every problem is listed at once as file:line: what is wrong; the scenario is then checked with \
            the format's own validation, and its problems are traced back to the rows they come from. \
            Without --periods the horizon is the length of the capacity lists, else it reaches the latest \
            deadline or earliest finish.

            Exit codes: 0 the scenario was written; 1 a file or the scenario has errors (listed on standard \
            error); 2 bad usage (a file cannot be read, a bad option).

            Examples:
              capacity-planner import --people Examples/csv/people.csv --projects Examples/csv/projects.csv \\
                --demands Examples/csv/demands.csv --availability Examples/csv/availability.csv \\
                --periods 12 --start 2027-01-04 --utilization-cap 0.85 -o scenario.json
              capacity-planner import --people p.csv --projects j.csv --demands d.csv | capacity-planner solve -
              capacity-planner import --xlsx Examples/portfolio.xlsx -o scenario.json
              capacity-planner import --mspdi Examples/portfolio-plan.xml --unit week -o scenario.json
            """
    )

    /// An Excel workbook with the tables as sheets.
    @Option(help: "An Excel workbook (.xlsx) with sheets People, Projects, Demands, and optionally Availability, Pins, Systems, Drivers, Actuals, Synergies, Roles, Courses, Settings.")
    var xlsx: String?
    /// A Microsoft Project XML file.
    @Option(help: "A Microsoft Project XML file (MSPDI): resources, summary tasks, subtasks and assignments.")
    var mspdi: String?
    /// The people file, or `-`.
    @Option(help: "People: id, name, team, capacity, costPerHour, maxConcurrentProjects, skills.")
    var people: String?
    /// The projects file, or `-`.
    @Option(help: "Projects: id, name, value, mandatory, duration, earliestStart, deadline, budget, dependsOn; v2: tags, scores, costOfDelay, touches, excludes; v3: started, maxDuration, due, latePenaltyPerPeriod, probability.")
    var projects: String?
    /// The demands file, or `-`.
    @Option(help: "Demand lines: project, id, skill, minLevel, hours; v3: work and maxPerPeriod instead of hours (a flexible line).")
    var demands: String?
    /// The availability file, or `-`.
    @Option(help: "Capacity per person and period (leave, part-time weeks): person, period, hours.")
    var availability: String?
    /// The pins file, or `-`.
    @Option(help: "Hours already committed: person, project, demand, period, hours.")
    var pins: String?
    /// The shared systems file (version 2), or `-`.
    @Option(help: "Shared systems (format v2): id, name, maxConcurrentProjects, freezes (periods or ISO dates, 24;25 or 24-25).")
    var systems: String?
    /// The strategic drivers file (version 2), or `-`.
    @Option(help: "Strategic drivers (format v2): id, name, weight.")
    var drivers: String?
    /// The actuals file (version 3), or `-`.
    @Option(help: "Hours already booked (format v3): person, project, demand, period, hours; needs --status-period.")
    var actuals: String?
    /// The synergies file (version 3), or `-`.
    @Option(help: "Synergies (format v3): id, projects (a;b), value.")
    var synergies: String?
    /// The roles file (version 3, Part B), or `-`.
    @Option(help: "Roles that may be hired (format v3): id, name, skills (data:4;python:3), capacity, costPerHour, hireCost, earliestStart (index or ISO date), maxHires.")
    var roles: String?
    /// The courses file (version 3, Part B), or `-`.
    @Option(help: "Courses (format v3): id, person, skill, level, duration, hoursPerPeriod, cost, earliestStart (index or ISO date).")
    var courses: String?
    /// `status.period`.
    @Option(name: .customLong("status-period"),
            help: "The first period not yet done (format v3): a 0-based index, or an ISO date inside it (with --start).")
    var statusPeriod: String?
    /// `strategy.valuePerPoint`.
    @Option(name: .customLong("value-per-point"), help: "Money per point of strategic score (format v2, with --drivers).")
    var valuePerPoint: Double?

    /// `horizon.periods`; inferred when absent.
    @Option(help: "Number of periods in the horizon.") var periods: Int?
    /// `horizon.start`.
    @Option(help: "ISO date (YYYY-MM-DD) of period 0; labels reports, and lets availability name dates.")
    var start: String?
    /// `horizon.unit`; a week when neither this nor a workbook's Settings sheet gives it.
    @Option(help: "Length of a period: day, week, month or quarter (default: week).") var unit: PeriodUnit?

    /// `policy.utilizationCap`.
    @Option(name: .customLong("utilization-cap"), help: "Share (0, 1] of each person's capacity that may be planned.")
    var utilizationCap: Double?
    /// `policy.unmetPenaltyPerHour`.
    @Option(name: .customLong("unmet-penalty"), help: "Cost of each unstaffed hour of a mandatory project.")
    var unmetPenalty: Double?
    /// `policy.assignmentPenalty`.
    @Option(name: .customLong("assignment-penalty"), help: "Cost of each person–project pair.")
    var assignmentPenalty: Double?
    /// `policy.budget`.
    @Option(help: "Most staff cost over all projects together.") var budget: Double?
    /// `policy.changePenaltyPerHour`.
    @Option(name: .customLong("change-penalty"), help: "Cost of each hour that differs from the baseline.")
    var changePenalty: Double?
    /// `policy.startChangePenalty`.
    @Option(name: .customLong("start-change-penalty"), help: "Cost of each baseline project dropped or moved.")
    var startChangePenalty: Double?

    /// The output file.
    @Option(name: [.short, .long], help: "Write the scenario here instead of standard output.")
    var output: String?

    /// Rejects a bad horizon, two inputs on standard input, and numbers that are not finite.
    func validate() throws {
        if let periods, !(1...Scenario.maxPeriods).contains(periods) {
            throw ValidationError("--periods must be 1…\(Scenario.maxPeriods), not \(periods)")
        }
        if let start, PeriodLabels.parseISODate(start) == nil {
            throw ValidationError("--start must be an ISO date (YYYY-MM-DD), not '\(start)'")
        }
        let csv = [people, projects, demands, availability, pins, systems, drivers, actuals, synergies, roles, courses]
            .compactMap { $0 }
        let sources = [csv.isEmpty ? nil : "CSV files", xlsx.map { _ in "--xlsx" }, mspdi.map { _ in "--mspdi" }].compactMap { $0 }
        if sources.count != 1 {
            throw ValidationError(sources.isEmpty ? "give --people, --projects and --demands (CSV), --xlsx or --mspdi"
                                  : "give one source: \(sources.joined(separator: " or ")), not both")
        }
        if !csv.isEmpty {
            let missing = [("--people", people), ("--projects", projects), ("--demands", demands)].filter { $0.1 == nil }
            if !missing.isEmpty {
                throw ValidationError("the CSV import needs \(missing.map(\.0).joined(separator: ", "))")
            }
        }
        let inputs = csv + [xlsx, mspdi].compactMap { $0 }
        if inputs.filter({ $0 == "-" }).count > 1 {
            throw ValidationError("only one input can be '-' (standard input)")
        }
        for (name, value) in [("--utilization-cap", utilizationCap), ("--unmet-penalty", unmetPenalty),
                              ("--assignment-penalty", assignmentPenalty), ("--budget", budget),
                              ("--change-penalty", changePenalty), ("--start-change-penalty", startChangePenalty),
                              ("--value-per-point", valuePerPoint)] {
            if let value, !value.isFinite { throw ValidationError("\(name) must be a number, not \(value)") }
        }
    }

    /// `base` (the format's defaults, or a workbook's Settings sheet) with the command line's options over it.
    func settings(over base: ScenarioImporter.Settings = .init()) -> ScenarioImporter.Settings {
        var settings = base
        if let periods { settings.periods = periods }
        if let start { settings.start = start }
        settings.unit = unit ?? base.unit ?? .week
        if let valuePerPoint { settings.valuePerPoint = valuePerPoint }
        if let statusPeriod { settings.statusPeriod = statusPeriod }
        var policy = base.policy
        if let utilizationCap { policy.utilizationCap = utilizationCap }
        if let unmetPenalty { policy.unmetPenaltyPerHour = unmetPenalty }
        if let assignmentPenalty { policy.assignmentPenalty = assignmentPenalty }
        if let budget { policy.budget = budget }
        if let changePenalty { policy.changePenaltyPerHour = changePenalty }
        if let startChangePenalty { policy.startChangePenalty = startChangePenalty }
        settings.policy = policy
        return settings
    }

    /// The option that gives each import setting (`ImportIssue.setting`).
    static let options: [String: String] = [
        "horizon.periods": "--periods", "horizon.start": "--start", "horizon.unit": "--unit",
        "policy.utilizationCap": "--utilization-cap", "policy.unmetPenaltyPerHour": "--unmet-penalty",
        "policy.assignmentPenalty": "--assignment-penalty", "policy.budget": "--budget",
        "policy.changePenaltyPerHour": "--change-penalty", "policy.startChangePenalty": "--start-change-penalty",
        "strategy.valuePerPoint": "--value-per-point", "status.period": "--status-period",
    ]

    /// The settings given on the command line (the others come from a workbook's Settings
    /// sheet or the format's defaults).
    var givenSettings: Set<String> {
        let given: [(String, Bool)] = [
            ("horizon.periods", periods != nil), ("horizon.start", start != nil), ("horizon.unit", unit != nil),
            ("policy.utilizationCap", utilizationCap != nil), ("policy.unmetPenaltyPerHour", unmetPenalty != nil),
            ("policy.assignmentPenalty", assignmentPenalty != nil), ("policy.budget", budget != nil),
            ("policy.changePenaltyPerHour", changePenalty != nil), ("policy.startChangePenalty", startChangePenalty != nil),
            ("strategy.valuePerPoint", valuePerPoint != nil), ("status.period", statusPeriod != nil),
        ]
        return Set(given.filter(\.1).map(\.0))
    }

    /// An import problem in this command's words: a setting's problem under its option when the
    /// option gives it (`--utilization-cap: …`: given here, or a CSV import, where options are the
    /// only way); with a workbook whose Settings sheet may hold it, the field and both places
    /// (`policy.utilizationCap: … (Settings sheet, or --utilization-cap)`); a file's problem with
    /// the option that fixes it (`… (--start)`).
    func describe(_ issue: ImportIssue) -> String {
        guard let setting = issue.setting, let option = Self.options[setting] else { return issue.description }
        guard issue.line == nil && issue.file == setting else { return "\(issue) (\(option))" }
        if xlsx != nil && !givenSettings.contains(setting) { return "\(issue) (Settings sheet, or \(option))" }
        return "\(option): \(issue.message)"
    }

    /// Imports, lists every problem (exit 1) or writes the scenario.
    func run() throws {
        let outcome = try importScenario()
        let style = TextStyle.forStream(STDERR_FILENO)
        for warning in outcome.warnings { printError(style.yellow("warning: ") + describe(warning)) }
        guard var scenario = outcome.scenario, outcome.errors.isEmpty else {
            printError(style.red("error: ") + "the files do not make a valid scenario "
                       + "(\(outcome.errors.count) problem\(outcome.errors.count == 1 ? "" : "s")):")
            for issue in outcome.errors { printError("  " + describe(issue)) }
            throw Exit.invalidScenario
        }
        // The same validation every command applies when it reads a scenario.
        do throws(ScenarioError) {
            scenario = try PlanningProblem(scenario).scenario
        } catch {
            printError(style.red("error: ") + "the imported scenario is not valid:")
            for issue in error.issues { printError("  - \(issue)") }
            throw Exit.invalidScenario
        }
        var data = Data(scenario.jsonValue.serialized(pretty: true))
        if data.last != UInt8(ascii: "\n") { data.append(UInt8(ascii: "\n")) }
        try writeOutput(data, to: output)
        let demandCount = scenario.projects.reduce(0) { $0 + $1.demands.count }
        printError("imported \(scenario.people.count) people, \(scenario.projects.count) projects (\(demandCount) demand lines)"
                   + (scenario.pins.isEmpty ? "" : ", \(scenario.pins.count) pins")
                   + (scenario.status.map { ", status period \($0.period) with \($0.actuals.count) actuals" } ?? "")
                   + (scenario.hiring.isEmpty ? "" : ", \(scenario.hiring.count) role\(scenario.hiring.count == 1 ? "" : "s")")
                   + (scenario.training.isEmpty ? "" : ", \(scenario.training.count) course\(scenario.training.count == 1 ? "" : "s")")
                   + ", \(scenario.horizon.periods) \(PeriodLabels(scenario.horizon).unitName)"
                   + (output.map { $0 == "-" ? "" : " into \($0)" } ?? ""))
    }

    /// Reads the source the options name.
    private func importScenario() throws -> ScenarioImporter.Outcome {
        func name(_ path: String) -> String { path == "-" ? "<stdin>" : path }
        if let xlsx {
            let workbook = try readFile(xlsx) { data throws(FileError) in
                try Workbook(xlsx: data, file: name(xlsx), reading: ScenarioImporter.readsSheet)
            }
            let sheet = ScenarioImporter.settings(in: workbook)
            var outcome = ScenarioImporter.run(workbook: workbook, file: name(xlsx), settings: settings(over: sheet.settings))
            outcome.errors = sheet.errors + outcome.errors
            if !sheet.errors.isEmpty { outcome.scenario = nil }
            return outcome
        }
        if let mspdi {
            let document = try readFile(mspdi) { data throws(FileError) in try MSPDIDocument(data: data, file: name(mspdi)) }
            return MSPDIImporter.run(document, file: name(mspdi), settings: settings())
        }
        func source(_ path: String) throws -> ScenarioImporter.Source {
            ScenarioImporter.Source(name: name(path), data: try readInput(path))
        }
        guard let people, let projects, let demands else { throw Exit.usage }  // validate() requires them
        return ScenarioImporter.run(
            people: try source(people), projects: try source(projects), demands: try source(demands),
            availability: try availability.map(source), pins: try pins.map(source),
            systems: try systems.map(source), drivers: try drivers.map(source), actuals: try actuals.map(source),
            synergies: try synergies.map(source), roles: try roles.map(source), courses: try courses.map(source),
            settings: settings())
    }

    /// Reads `path` and decodes it, or says why the file cannot be read (exit 1).
    private func readFile<T>(_ path: String, _ decode: (Data) throws(FileError) -> T) throws -> T {
        let data = try readInput(path)
        do throws(FileError) {
            return try decode(data)
        } catch {
            printError(TextStyle.forStream(STDERR_FILENO).red("error: ") + error.description)
            throw Exit.invalidScenario
        }
    }
}

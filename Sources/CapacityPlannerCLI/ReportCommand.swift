// `capacity-planner report`
import ArgumentParser
import CapacityPlanning
import ConflictAnalysis
import Foundation
import PortfolioPages

/// `report SCENARIO [--plan PLAN] -o report.html`: one self-contained HTML page for a PMO's audience,
/// or the plan as an Excel workbook (`--format xlsx`) or a Microsoft Project file (`--format mspdi`).
struct ReportCommand: ParsableCommand {
    /// The command's name, abstract and help text (with exit codes and examples).
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a plan as one self-contained HTML page, an Excel workbook or a Microsoft Project XML file.",
        discussion: """
            The page has inline CSS and SVG only: no scripts, no fonts or images from the network. It shows \
            the headline figures, a Gantt chart of the selected projects with their windows, the objective \
            term by term, the projects left out (with a reason where one is plain), a utilisation heatmap \
            of people by team and period, and demand against supply for each skill. Without --plan the \
            scenario is solved first (--solver, default auto). Above \(HTMLReport.foldPeopleAbove) people \
            the heatmap shows team rows that open to list their people. For a portfolio in flight (format v3) \
            the chart shades the past before the status period, draws each bar from its start to its finish \
            with its actuals, due date and late periods, and a Forecast section lists each project's finish \
            against its due date and the baseline (with --analyze, each late project's mitigations, re-solved). \
            With roles or courses (format v3, Part B) a Supply section shows the plan's hires and courses on the \
            timeline, in tables whose totals are the objective's hiring and training costs, and the usable hours \
            by skill before and after them; the heatmap lists the people hired, from their start.

            --format xlsx writes a workbook with the plan's sheets (Summary; Schedule with start and finish \
            dates; Assignments, hours by person, project, demand line and period; Utilisation by person and \
            period; with roles or courses, Supply: each hire ROLE#K and course taken, with periods, dates and \
            costs) and the scenario's (People, Projects, Demands, Availability, Pins, Roles, Courses, Settings), \
            which `import --xlsx` reads back. --format mspdi writes Microsoft Project XML: people as resources \
            (hires as generic resources from their start), each project a summary task with a task per demand \
            line, the plan's hours as time-phased assignments, dependencies as links, left-out projects as \
            inactive tasks (Docs/cli.md).

            Exit codes: 0 the report was written; 1 the scenario is invalid; 2 bad usage; 3 no valid plan \
            exists (the report says why); 4 the --plan breaks a rule (the report lists the broken rules); \
            70 the planner failed.

            Examples:
              capacity-planner report Examples/mid-size-pmo.json -o report.html
              capacity-planner report Examples/mid-size-pmo.json --plan plan.json --title "H1 2027 portfolio" -o report.html
              capacity-planner report Examples/small-team.json --solver greedy -o - > report.html
              capacity-planner report Examples/small-team.json --plan plan.json --format xlsx -o plan.xlsx
              capacity-planner report Examples/small-team.json --plan plan.json --format mspdi -o plan.xml
            """
    )

    /// The scenario file, or `-`.
    @Argument(help: "The scenario JSON file, or '-' for standard input.")
    var scenario: String

    /// The plan to show; solved when absent.
    @Option(help: "A plan to report on (spec section 2), or '-' for standard input. Without it the scenario is solved.")
    var plan: String?

    /// How to solve without `--plan`.
    @OptionGroup var solving: SolvingOptions

    /// The page's title.
    @Option(help: "The page's title (default: the scenario's file name).")
    var title: String?

    /// The file to write, or `-`.
    @Option(name: [.short, .long], help: "The file to write, or '-' for standard output.")
    var output: String = "-"

    /// What to write.
    @Option(help: "html (one page), xlsx (an Excel workbook) or mspdi (Microsoft Project XML).")
    var format: ReportFormat = .html

    /// The report's formats.
    enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
        case html, xlsx, mspdi
    }

    /// Whether to add the conflict analysis.
    @Flag(help: "Add conflicts and resolutions, or for a portfolio in flight the forecast's mitigations (runs capacity-planner analyze on the plan: about 30 solves of --time-limit, default 5 s, each).")
    var analyze = false

    /// Rejects reading both files from standard input.
    func validate() throws {
        if scenario == "-" && plan == "-" {
            throw ValidationError("only one of SCENARIO and --plan can be '-' (standard input)")
        }
        if analyze && format != .html {
            throw ValidationError("--analyze adds to the HTML page only; leave it out with --format \(format.rawValue)")
        }
    }

    /// Writes the page, then exits 3 or 4 when there is no valid plan to show.
    func run() throws {
        let problem = try loadProblem(scenario)
        let checked = try self.plan.map { CheckedPlan(try loadPlan($0), for: problem) } ?? solving.plan(problem)
        let plan = checked.plan
        var analysis: ConflictReport?
        if analyze && plan.status != .infeasible {
            let options = AnalysisOptions(planner: solving.solver, timeLimit: solving.timeLimit ?? 5, seed: solving.seed)
            do throws(AnalysisError) {
                analysis = try ConflictAnalyzer(options: options).analyze(problem, checked: checked)
            } catch {
                printError("error: the analysis failed: \(error.message)")
                throw Exit.usage
            }
        }
        // With an analysis, the page's left-out reasons are the analysis's own (computed once); the
        // analysis of a portfolio in flight is its forecast only, so the page explains them itself.
        let leftOut = analysis.flatMap { $0.forecast == nil ? $0.notSelected : nil }
        let pageTitle = title ?? Self.defaultTitle(for: scenario)
        let check: PlanCheck
        switch format {
        case .html:
            let data = ReportData(title: pageTitle, problem: problem, checked: checked, leftOut: leftOut)
            check = data.check
            let page: String
            do throws(PageTemplateError) {
                page = try HTMLReport.render(data, analysis: analysis)
            } catch {
                printError("error: the report's page template is broken (\(error)); this is a bug in capacity-planner")
                throw Exit.internalError
            }
            try writeOutput(Data(page.utf8), to: output)
        case .xlsx:
            check = checked.check
            try writeBytes(try PlanFile.workbook(checked, problem: problem), to: output)
        case .mspdi:
            check = checked.check
            try writeBytes(try PlanFile.projectXML(plan, problem: problem, title: pageTitle), to: output)
        }
        if output != "-" { printError("wrote \(output)") }
        if plan.status == .infeasible {
            printError("no valid plan exists:")
            for line in plan.details?.diagnosis ?? [] { printError("  - \(line)") }
            throw Exit.noPlan
        }
        if !check.isValid {
            printError("the plan breaks \(check.violations.count) rule(s):")
            for violation in check.violations.prefix(20) { printError("  - \(violation)") }
            throw Exit.invalidPlan
        }
    }

    /// The scenario's file name without its extension, or "Portfolio plan" for standard input.
    static func defaultTitle(for path: String) -> String {
        guard path != "-" else { return "Portfolio plan" }
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return name.isEmpty ? "Portfolio plan" : name
    }
}

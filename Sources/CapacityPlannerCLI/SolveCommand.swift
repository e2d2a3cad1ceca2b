// `capacity-planner solve`
import ArgumentParser
import CapacityPlanners
import CapacityPlanning
import Foundation

/// `solve SCENARIO`: plans a scenario and writes the plan (spec section 3).
struct SolveCommand: ParsableCommand {
    /// The command's name, abstract and help text (with exit codes and examples).
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Plan a scenario: which projects go ahead, when, and who works on them.",
        discussion: """
            Solves that take longer than a second show their progress (incumbent, bound, gap, elapsed) \
            on standard error when it is a terminal.

            Exit codes: 0 a valid plan was written; 1 the scenario is invalid (errors on standard error); \
            2 bad usage; 3 no valid plan exists (the output's details.diagnosis says which pins or budgets conflict); \
            70 the planner failed.

            Examples:
              capacity-planner solve Examples/small-team.json --format text
              capacity-planner solve Examples/mid-size-pmo.json --solver auto --time-limit 30 -o plan.json
              cat scenario.json | capacity-planner solve - --solver greedy > plan.json
            """
    )

    /// The scenario file, or `-`.
    @Argument(help: "The scenario JSON file, or '-' for standard input.")
    var scenario: String

    /// Planner, time limit, gap, seed.
    @OptionGroup var solving: SolvingOptions

    /// The plan file; standard output when absent.
    @Option(name: [.short, .long], help: "Write the plan here instead of standard output.")
    var output: String?

    /// `json`, `text`, `xlsx` or `mspdi`.
    @Option(help: "json (the plan format of spec section 2), text (tables for people), xlsx (an Excel workbook) or mspdi (Microsoft Project XML).")
    var format: SolveFormat = .json

    /// What `solve` can write.
    enum SolveFormat: String, ExpressibleByArgument, CaseIterable {
        case json, text, xlsx, mspdi
    }

    /// Plans, writes the plan, exits 3 when no valid plan exists.
    func run() throws {
        let problem = try loadProblem(scenario)
        let checked = try solving.plan(problem)
        let plan = checked.plan
        switch format {
        case .json:
            try writeOutput(try encodeJSON(plan), to: output)
        case .text:
            let style = output == nil || output == "-" ? TextStyle.forStream(STDOUT_FILENO) : .plain
            let text = TextReport.plan(checked, problem: problem, style: style)
            try writeOutput(Data(text.utf8), to: output)
        case .xlsx:
            try writeBytes(try PlanFile.workbook(checked, problem: problem), to: output)
        case .mspdi:
            try writeBytes(try PlanFile.projectXML(plan, problem: problem, title: ReportCommand.defaultTitle(for: scenario)),
                           to: output)
        }
        if plan.status == .infeasible {
            printError("no valid plan exists:")
            for line in plan.details?.diagnosis ?? [] { printError("  - \(line)") }
            throw Exit.noPlan
        }
    }
}

// `capacity-planner analyze`
import ArgumentParser
import CapacityPlanners
import CapacityPlanning
import ConflictAnalysis
import Foundation

/// `analyze SCENARIO [--plan PLAN]`: conflicts and what would resolve them (spec section 3).
struct AnalyzeCommand: ParsableCommand {
    /// The command's name, abstract and help text (with exit codes and examples).
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Find where a plan breaks, why, and what each fix is worth.",
        discussion: """
            Analyses PLAN, or the scenario's baseline when it has one, or else a fresh plan: over-allocation, \
            orphaned baseline work, skill shortages (shared supply by max flow), contention between projects, \
            deadline risk, why each left-out project is out, marginal values of skills (LP duals and re-solves), \
            resolutions (hire, delay, extend, drop, raise a budget) each re-solved, and the budget trade-off curve. \
            Every change in objective is measured against one reference solve of the scenario as given, with the \
            same planner, time limit and seed (Docs/analysis.md).

            The analysis runs up to about 30 solves of --time-limit seconds each; progress goes to standard error.

            Exit codes: 0 the report was written; 1 the scenario is invalid; 2 bad usage (including a file that is \
            not a plan, or a plan with status infeasible).

            Examples:
              capacity-planner analyze Examples/replan-after-departures.json --format text
              capacity-planner analyze Examples/small-team.json --plan plan.json --solver glpk -o analysis.json
            """
    )

    /// The scenario file, or `-`.
    @Argument(help: "The scenario JSON file, or '-' for standard input.")
    var scenario: String

    /// The plan to analyse.
    @Option(help: "The plan to analyse (default: the scenario's baseline, else a fresh plan).")
    var plan: String?

    /// The planner of every solve.
    @Option(help: "Planner of every solve: glpk (exact, best for small scenarios), greedy or auto.")
    var solver: PlannerKind = .auto

    /// Seconds per solve.
    @Option(name: .customLong("time-limit"), parsing: .unconditional, help: "Time limit of each solve in seconds (default 5).")
    var timeLimit: Double = 5

    /// Seed of every solve.
    @Option(help: "Seed of every solve.")
    var seed: UInt64 = 1

    /// Resolutions to evaluate.
    @Option(help: "Most resolutions to evaluate (each is one solve).")
    var resolutions: Int = 10

    /// `json` or `text`.
    @Option(help: "json (the documented report) or text (for people).")
    var format: OutputFormat = .json

    /// A saved report to print instead of analysing.
    @Option(name: .customLong("from-report"), help: ArgumentHelp(
        "Print a report saved earlier with --format json (in --format) instead of analysing; SCENARIO is still checked.",
        valueName: "report.json"))
    var fromReport: String?

    /// The report file; standard output when absent.
    @Option(name: [.short, .long], help: "Write the report here instead of standard output.")
    var output: String?

    /// Rejects bad limits and reading both files from standard input.
    func validate() throws {
        if !(timeLimit > 0 && timeLimit.isFinite) {
            throw ValidationError("--time-limit must be a positive number of seconds, not \(timeLimit)")
        }
        if resolutions < 0 { throw ValidationError("--resolutions must be ≥ 0, not \(resolutions)") }
        if scenario == "-" && plan == "-" {
            throw ValidationError("only one of SCENARIO and --plan can be '-' (standard input)")
        }
    }

    /// Analyses and writes the report.
    func run() throws {
        let problem = try loadProblem(scenario)
        if let fromReport {
            let report: ConflictReport
            do {
                report = try JSONDecoder().decode(ConflictReport.self, from: try readInput(fromReport))
            } catch {
                printError("error: \(displayName(fromReport)) is not a saved analysis report: \(describe(error))")
                throw Exit.usage
            }
            try write(report)
            return
        }
        let given = try plan.map(loadPlan)
        let quiet = !Terminal.isTerminal(STDERR_FILENO)
        let options = AnalysisOptions(
            planner: solver, timeLimit: timeLimit, seed: seed, maxResolutions: resolutions,
            progress: quiet ? nil : { @Sendable line in printError("analyze: \(line)") })
        let report: ConflictReport
        do throws(AnalysisError) {
            report = try ConflictAnalyzer(options: options).analyze(problem, plan: given)
        } catch {
            printError("error: \(error.message)")
            for issue in error.issues { printError("  - \(issue)") }
            throw error.code == .invalidScenario ? Exit.invalidScenario : Exit.usage
        }
        try write(report)
    }

    private func write(_ report: ConflictReport) throws {
        switch format {
        case .json: try writeOutput(try encodeJSON(report), to: output)
        case .text: try writeOutput(Data(report.text().utf8), to: output)
        }
    }
}

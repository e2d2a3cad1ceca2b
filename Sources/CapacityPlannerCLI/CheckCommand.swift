// `capacity-planner check`
import ArgumentParser
import CapacityPlanning
import Foundation

/// `check SCENARIO PLAN`: whether a plan is valid, every rule it breaks, and its objective.
struct CheckCommand: ParsableCommand {
    /// The command's name, abstract and help text (with exit codes and examples).
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a plan against a scenario: every rule it breaks, and its objective.",
        discussion: """
            Prints whether the plan is valid, every rule of spec section 2 it breaks, and its objective \
            term by term (computed from the plan's contents, not taken from its 'objective' key).

            Exit codes: 0 the plan is valid; 1 the scenario is invalid; 2 bad usage (including a file that is \
            not a plan); 4 the plan breaks a rule (or has status infeasible).

            Examples:
              capacity-planner check Examples/small-team.json plan.json
              capacity-planner solve Examples/small-team.json | capacity-planner check Examples/small-team.json -
            """
    )

    /// The scenario file, or `-`.
    @Argument(help: "The scenario JSON file, or '-' for standard input.")
    var scenario: String

    /// The plan file, or `-`.
    @Argument(help: "The plan JSON file, or '-' for standard input.")
    var plan: String

    /// `text` or `json`.
    @Option(help: "text (for people) or json (valid, objective, terms, violations).")
    var format: OutputFormat = .text

    /// Rejects reading both files from standard input.
    func validate() throws {
        if scenario == "-" && plan == "-" {
            throw ValidationError("only one of SCENARIO and PLAN can be '-' (standard input)")
        }
    }

    /// Checks the plan, prints the verdict, exits 4 when it is not valid.
    func run() throws {
        let problem = try loadProblem(scenario)
        let plan = try loadPlan(plan)
        let check = PlanChecker.check(plan, for: problem)
        switch format {
        case .text:
            let text = TextReport.check(check, plan: plan, style: .forStream(STDOUT_FILENO))
            try writeOutput(Data(text.utf8), to: nil)
        case .json:
            try writeOutput(try encodeJSON(PlanCheckReport(check, plan: plan)), to: nil)
        }
        if !check.isValid { throw Exit.invalidPlan }
    }
}

// `capacity-planner`: the command-line front end (spec section 3).
import ArgumentParser
import Foundation

/// The root command. Exit codes: 0 success, 1 invalid scenario, 2 bad usage,
/// 3 no valid plan exists (spec section 3); `check` and `report --plan` exit 4 for an
/// invalid plan; 70 when a planner fails (see `Exit`).
@main
struct CapacityPlannerCommand: AsyncParsableCommand {
    /// The tool's name, abstract, help text and subcommands.
    static let configuration = CommandConfiguration(
        commandName: "capacity-planner",
        abstract: "Plan a project portfolio against a pool of people: select, schedule and staff.",
        discussion: """
            Scenario and plan files follow the CapacityPlanner format v1 (Docs/formats.md). \
            Use '-' for standard input.

            Example:
              capacity-planner solve Examples/small-team.json --format text
            """,
        subcommands: [SolveCommand.self, CheckCommand.self, AnalyzeCommand.self, CompareCommand.self, ReplanCommand.self, ReportCommand.self, ImportCommand.self, GenerateCommand.self,
                      ExportCommand.self, ServeCommand.self]
    )

    /// Parses and runs, mapping usage errors to exit code 2 as the spec asks.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

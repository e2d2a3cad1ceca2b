// `capacity-planner export`
import ArgumentParser
import CapacityPlanners
import CapacityPlanning
import Foundation

/// `export SCENARIO`: the exact planner's integer program as an MPS or LP file.
struct ExportCommand: ParsableCommand {
    /// The command's name, abstract and help text (with exit codes and examples).
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the exact planner's integer program as MPS or CPLEX LP, for any MIP solver.",
        discussion: """
            The file's objective omits a constant, printed on standard error: a solver's optimum plus \
            that constant is the plan's objective. Needs a build with the GLPK trait.

            Example:
              capacity-planner export Examples/small-team.json --format mps -o small-team.mps
              capacity-planner export Examples/mid-size-pmo.json --model classes -o bound.mps
            """
    )

    /// The scenario file, or `-`.
    @Argument(help: "The scenario JSON file, or '-' for standard input.") var scenario: String
    /// The file format.
    @Option(help: "mps or lp.") var format: ModelFileFormat = .mps
    /// Which model.
    @Option(help: "exact (the exact planner's model), aggregated (with the supply and budget-cover rows on the start binaries), relaxation (the selection bound's relaxation: focus limits out) pooled (people pooled per demand) or classes (demands merged by who can do them); the optima of the last three bound the exact one.")
    var model: ModelVariant = .exact
    /// The file to write.
    @Option(name: [.short, .long], help: "The file to write.") var output: String

    /// Writes the model, or explains that this build has no GLPK.
    func run() throws {
        let problem = try loadProblem(scenario)
        #if GLPK
        do {
            let constant = try ExactPlanner.exportModel(of: problem, format: format, to: output, variant: model)
            printError("wrote \(output); objective constant \(constant) (plan objective = solver optimum + constant)")
        } catch {
            printError("error: \(error.message)")
            throw ExitCode.failure
        }
        #else
        printError("error: this build has no GLPK (built with --disable-default-traits); export needs it")
        throw Exit.usage
        #endif
    }
}

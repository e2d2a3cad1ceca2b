// `capacity-planner solve`
public import ArgumentParser
import CapacityPlanners
import CapacityPlanning
import Foundation

struct SolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Plan a scenario: which projects go ahead, when, and who works on them.",
        discussion: """
            Exit codes: 0 a valid plan was written; 1 the scenario is invalid (errors on standard error); \
            2 bad usage; 3 no valid plan exists (the output's details.diagnosis says which pins or budgets conflict).

            Examples:
              capacity-planner solve Examples/small-team.json
              capacity-planner solve Examples/mid-size-pmo.json --solver auto --time-limit 30 --format text
              cat scenario.json | capacity-planner solve - --output plan.json
            """
    )

    @Argument(help: "The scenario JSON file, or '-' for standard input.")
    var scenario: String

    @Option(help: "Planner: glpk (exact), greedy (fast, no GLPK needed) or auto (greedy improved by GLPK).")
    var solver: PlannerKind = .auto

    @Option(name: .customLong("time-limit"), help: "Wall-clock limit in seconds.")
    var timeLimit: Double?

    @Option(name: .customLong("gap"), help: "Relative gap at which the exact planner stops and reports optimal.")
    var relativeGap: Double = 1e-6

    @Option(help: "Seed for the planners' random choices.")
    var seed: UInt64 = 0

    @Option(name: [.short, .long], help: "Write the plan here instead of standard output.")
    var output: String?

    @Option(help: "json (the plan format) or text (tables for people).")
    var format: OutputFormat = .json

    func validate() throws {
        if let timeLimit, !(timeLimit > 0 && timeLimit.isFinite) {
            throw ValidationError("--time-limit must be a positive number of seconds, not \(timeLimit)")
        }
        if !(relativeGap >= 0 && relativeGap.isFinite) {
            throw ValidationError("--gap must be a number ≥ 0, not \(relativeGap)")
        }
    }

    func run() throws {
        let problem = try loadProblem(scenario)
        let planner: any Planner
        do throws(PlanningError) {
            planner = try solver.makePlanner()
        } catch {
            printError("error: \(error.message)")
            throw Exit.usage
        }
        let progress = ProgressLine.forStandardError()
        var options = PlanningOptions(timeLimit: timeLimit, relativeGap: relativeGap, seed: seed)
        if let progress {
            options.progress = { @Sendable report in progress.update(report) }
        }
        let plan: Plan
        do throws(PlanningError) {
            plan = try planner.plan(problem, options: options)
        } catch {
            progress?.finish()
            printError("error: \(error)")
            throw error.code == .noPlanFound ? Exit.noPlan : ExitCode.failure
        }
        progress?.finish()
        switch format {
        case .json: try writeOutput(try encodeJSON(plan), to: output)
        case .text: try writeOutput(Data(TextReport.plan(plan, problem: problem).utf8), to: output)
        }
        if plan.status == .infeasible {
            printError("no valid plan exists:")
            for line in plan.details?.diagnosis ?? [] { printError("  - \(line)") }
            throw Exit.noPlan
        }
    }
}

extension PlannerKind: ExpressibleByArgument {}

/// One line of progress on standard error, redrawn in place; only when standard error is a terminal.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private var lastDraw = 0.0
    private var drawn = false

    /// A progress line when standard error is a terminal, else `nil`.
    static func forStandardError() -> ProgressLine? {
        isatty(STDERR_FILENO) != 0 ? ProgressLine() : nil
    }

    func update(_ p: PlanningProgress) {
        lock.lock()
        defer { lock.unlock() }
        guard p.elapsed >= 1, p.elapsed - lastDraw >= 0.2 else { return }
        lastDraw = p.elapsed
        drawn = true
        let incumbent = p.incumbent.map { TextReport.money($0) } ?? "–"
        let bound = p.bound.map { TextReport.money($0) } ?? "–"
        let gap = p.gap.map { String(format: "%.2f%%", $0 * 100) } ?? "–"
        let text = String(format: "%@ %6.1fs  incumbent %@  bound %@  gap %@", p.planner, p.elapsed, incumbent, bound, gap)
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}

// The planner options shared by `solve` and `report`, and running a planner with progress.
import ArgumentParser
import CapacityPlanners
import CapacityPlanning
import Foundation

/// `--solver`, `--time-limit`, `--gap`, `--seed`: how to plan.
struct SolvingOptions: ParsableArguments {
    /// Which planner runs.
    @Option(help: "Planner: glpk (exact), greedy (fast, no GLPK needed) or auto (greedy improved by GLPK).")
    var solver: PlannerKind = .auto

    /// Wall-clock limit in seconds.
    // `.unconditional` so that `--time-limit -1` reaches `validate()` and gets a clear message.
    @Option(name: .customLong("time-limit"), parsing: .unconditional,
            help: "Wall-clock limit in seconds (a number > 0). Without it auto stops after 30 s, glpk when proven optimal.")
    var timeLimit: Double?

    /// The exact planner's relative gap.
    @Option(name: .customLong("gap"), parsing: .unconditional,
            help: "Relative gap at which the exact planner stops and reports optimal.")
    var relativeGap: Double = 1e-6

    /// The planners' seed.
    @Option(help: "Seed for the planners' random choices: the same seed and limits give the same plan.")
    var seed: UInt64 = 0

    /// Rejects a time limit that is not a positive finite number and a negative or infinite gap.
    func validate() throws {
        if let timeLimit, !(timeLimit > 0 && timeLimit.isFinite) {
            throw ValidationError("--time-limit must be a positive number of seconds, not \(timeLimit)")
        }
        if !(relativeGap >= 0 && relativeGap.isFinite) {
            throw ValidationError("--gap must be a number ≥ 0, not \(relativeGap)")
        }
    }

    /// Runs the chosen planner on `problem`, with a progress line on a terminal.
    ///
    /// Returns the plan, which may have status `infeasible` (the caller decides the exit code).
    /// - Throws: `Exit.usage` when this build lacks the planner; `Exit.noPlan` when a heuristic
    ///   found no plan; `Exit.internalError` when the planner failed.
    func plan(_ problem: PlanningProblem) throws -> CheckedPlan {
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
            options.progress = { @Sendable report in
                progress.update(planner: report.planner, incumbent: report.incumbent, bound: report.bound, gap: report.gap,
                                boundSource: report.boundSource)
            }
        }
        defer { progress?.finish() }
        do throws(PlanningError) {
            return try planner.checkedPlan(problem, options: options)
        } catch {
            progress?.finish()
            if error.code == .noPlanFound {
                printError("error: no valid plan found: \(error.message)")
                throw Exit.noPlan
            }
            printError("error: the \(solver) planner failed: \(error)")
            throw error.code == .invalidOptions ? Exit.usage : Exit.internalError
        }
    }
}


// `capacity-bench --fingerprint`: every planner's objective on fixed inputs with fixed seeds and
// move limits, so that a refactoring can show it changed no plan (scripts/compare-objectives).
import CapacityPlanners
import CapacityPlanning
import ScenarioGeneration
import Foundation

/// One line of the fingerprint: a planner's status and objective on one scenario.
struct FingerprintLine: Codable, Sendable, Equatable {
    /// The fixture's file name, or the ladder rung and seed (`60x25x16:1`).
    var scenario: String
    /// The planner and its limits (`greedy/moves=200`).
    var planner: String
    /// The plan's status, or `error: …` when the planner threw.
    var status: String
    /// The plan's objective (absent for an infeasible plan or an error).
    var objective: Double?
}

/// Runs the deterministic planners on the shared fixtures and the quick ladder (seed 1).
///
/// Every run is deterministic: greedy and the large-neighbourhood search stop after a move
/// limit with no time limit (sub-problems then stop at a node limit), and the exact planner
/// runs to its proof, on the scenarios small enough for that.
struct Fingerprint {
    /// The v1 fixtures folder (`../shared/fixtures` by default).
    var fixturesDirectory: String

    /// The largest model (eligible cells) that the exact planner solves to its proof here.
    static let exactCellLimit = 2_500

    /// Every line, in a fixed order.
    func lines() -> [FingerprintLine] {
        var out: [FingerprintLine] = []
        for (name, scenario) in fixtures() {
            out += run(scenario, named: name)
        }
        for size in LadderSize.quick {
            let scenario = ScenarioGenerator(people: size.people, projects: size.projects, periods: size.periods,
                                             seed: 1, features: .all).generate()
            out += run(scenario, named: "\(size):1")
        }
        return out
    }

    private func fixtures() -> [(String, Scenario)] {
        let directory = URL(fileURLWithPath: fixturesDirectory)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".json") && $0 != "expected.json" && !$0.hasPrefix("invalid-") }
            .sorted()
        return names.compactMap { name in
            guard let data = try? Data(contentsOf: directory.appendingPathComponent(name)),
                  let scenario = try? Scenario(json: data) else { return nil }
            return (name, scenario)
        }
    }

    private func run(_ scenario: Scenario, named name: String) -> [FingerprintLine] {
        guard let problem = try? PlanningProblem(scenario) else {
            return [FingerprintLine(scenario: name, planner: "-", status: "invalid scenario", objective: nil)]
        }
        var runs: [(label: String, kind: PlannerKind, options: PlanningOptions)] = [
            ("greedy/moves=200/seed=1", .greedy, PlanningOptions(seed: 1, moveLimit: 200)),
            ("greedy/construction", .greedy, PlanningOptions(seed: 0, moveLimit: 0)),
            ("lns/moves=20/seed=1", .lns, PlanningOptions(seed: 1, moveLimit: 20)),
            ("auto/moves=20/seed=2", .auto, PlanningOptions(seed: 2, moveLimit: 20)),
        ]
        if ScenarioRunner.eligibleCells(problem) <= Self.exactCellLimit {
            runs.append(("glpk/proof", .glpk, PlanningOptions()))
        }
        return runs.filter { $0.kind.isAvailable }.map { run in
            let line = FingerprintLine(scenario: name, planner: run.label, status: "", objective: nil)
            do {
                let plan = try run.kind.makePlanner().plan(problem, options: run.options)
                var done = line
                done.status = plan.status.rawValue
                done.objective = plan.objective
                log("\(name) \(run.label): \(plan.status.rawValue) \(plan.objective.map { String($0) } ?? "-")")
                return done
            } catch {
                var failed = line
                failed.status = "error: \(error)"
                return failed
            }
        }
    }
}

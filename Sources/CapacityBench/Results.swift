// What the ladder measures, as written to results.json.
import CapacityPlanning

/// One planner's run on one scenario.
struct PlannerResult: Codable, Sendable {
    /// `greedy`, `glpk`, `auto` (or `lns`), or `greedy-construction` for greedy with `moveLimit` 0.
    var planner: String
    /// The plan's status (`optimal`, `feasible`, `infeasible`); `nil` when the planner failed or was stopped.
    var status: String?
    /// Wall-clock seconds of the planner's `plan` call.
    var seconds: Double?
    /// CPU seconds (user + system) of the process during `plan`; well below `seconds` on a busy machine.
    var cpuSeconds: Double?
    /// Seconds from the start of `plan` to the first progress report that carried an incumbent.
    var firstIncumbentSeconds: Double?
    /// The plan's objective as the plan checker computes it.
    var objective: Double?
    /// The best proven upper bound the planner reports (exact planners only).
    var bound: Double?
    /// What proves `bound` (`details.boundSource`: `optimum`, `selection-relaxation`, …).
    var boundSource: String?
    /// `(bound − objective) / max(1, |objective|)`, when a bound is known.
    var gap: Double?
    /// Branch-and-bound nodes (exact planners).
    var nodes: Int?
    /// The plan's `details.note`.
    var note: String?
    /// The exact model's size from `plan.details.model`.
    var model: ModelSize?
    /// Seconds to build `ExactFormulation(problem:)` on its own, before the planner runs (glpk only).
    var modelBuildSeconds: Double?
    /// Peak resident memory of the process after this planner, in MiB.
    var peakMemoryMiB: Double?
    /// Whether the plan checker accepted the plan (and its stated objective matched the checker's).
    var valid: Bool?
    /// The checker's violations, or an objective mismatch, when the plan is invalid.
    var violations: [String]?
    /// The planner's error, when it threw.
    var error: String?
    /// Incumbent and bound as the planner reported them while it ran (thinned to at most
    /// `TracePoint.maximumCount` points; the first and last are kept).
    var trace: [TracePoint]?

    /// The name of the extra greedy run with `moveLimit` 0: its construction alone, no local search.
    static let greedyConstruction = "greedy-construction"

    /// Creates an empty result for `planner`.
    init(planner: String) {
        self.planner = planner
    }

    /// Whether the planner returned a plan the checker rejects, returned no plan for a
    /// scenario that has one, or threw: a bug that makes the run fail.
    var isFailure: Bool {
        error != nil || valid == false || status == PlanStatus.infeasible.rawValue
    }

    /// Whether the planner proved its plan optimal.
    var isOptimal: Bool { status == PlanStatus.optimal.rawValue }
}

/// One progress report: when, the incumbent's objective and the bound at that moment.
struct TracePoint: Codable, Sendable, Equatable {
    /// Seconds since the planner's `plan` call began (model building included).
    var seconds: Double
    /// The best objective found so far, as the planner reported it.
    var objective: Double?
    /// The best proven upper bound so far, as the planner reported it.
    var bound: Double?

    /// The most points a trace keeps.
    static let maximumCount = 200

    /// The last point at or before `time` in `trace` (ordered by time), or `nil`.
    static func at(_ time: Double, in trace: [TracePoint]) -> TracePoint? {
        trace.last { $0.seconds <= time + 1e-9 }
    }

    /// `trace` with at most `maximumCount` points: the first, the last, and evenly spaced ones between.
    static func thinned(_ trace: [TracePoint]) -> [TracePoint] {
        guard trace.count > maximumCount else { return trace }
        let step = Double(trace.count - 1) / Double(maximumCount - 1)
        return (0..<maximumCount).map { trace[Int((Double($0) * step).rounded())] }
    }
}

/// What an external MIP solver reached on a scenario's exported model (written by
/// `scripts/highs_compare.py` as `external.json` in the output folder; objective constant included).
struct ExternalResult: Codable, Sendable {
    /// `PEOPLExPROJECTSxPERIODS`.
    var size: String
    /// The generator's seed.
    var seed: UInt64
    /// The solver and its version, e.g. `HiGHS 1.15.1`.
    var solver: String
    /// The time limit it was given, in seconds.
    var timeLimit: Double
    /// Wall-clock seconds it ran.
    var seconds: Double?
    /// Its best objective, plus the objective constant: comparable with the planners' objectives.
    var objective: Double?
    /// Its best bound, plus the objective constant.
    var bound: Double?
    /// Its model status (e.g. `Optimal`, `Time limit reached`).
    var status: String
    /// Threads it was allowed.
    var threads: Int?
    /// The LP relaxation's optimum of the same model (integrality dropped), plus the objective
    /// constant, when `highs_compare.py --lp` solved it within its time limit.
    var lpRelaxation: Double?
    /// Seconds HiGHS took for that LP.
    var lpSeconds: Double?
}

/// Everything measured on one generated scenario.
struct ScenarioResult: Codable, Sendable {
    /// The rung.
    var size: LadderSize
    /// The generator's seed.
    var seed: UInt64
    /// Seconds `ScenarioGenerator.generate()` took.
    var generateSeconds: Double?
    /// Seconds `PlanningProblem(scenario)` (validation and normalisation) took.
    var problemSeconds: Double?
    /// Demands over all projects.
    var demands: Int?
    /// Eligible (person, demand, period) cells: a qualified person with capacity in a period
    /// the demand's project can be active in — the problem's natural size.
    var eligibleCells: Int?
    /// The planners' runs, in the order they ran.
    var planners: [PlannerResult] = []
    /// The smallest upper bound any exact planner proved (the best known bound on the optimum).
    var bestBound: Double?
    /// The best objective any planner found.
    var bestObjective: Double?
    /// Greedy's gap to `bestBound`: `(bestBound − greedy) / max(1, |greedy|)`.
    var greedyGapToBestBound: Double?
    /// The exact model's objective constant (add it to an external solver's optimum of the exported MPS).
    var objectiveConstant: Double?
    /// Peak resident memory at the end of the scenario, in MiB (per scenario only with `--isolate`).
    var peakMemoryMiB: Double?
    /// The machine's 1-minute load average when the scenario ended (2 means both cores busy).
    var loadAverage: Double?
    /// Why the scenario did not complete (its child was stopped or crashed, the problem was invalid).
    var incomplete: String?

    /// Creates an empty result.
    init(size: LadderSize, seed: UInt64) {
        self.size = size
        self.seed = seed
    }

    /// `60x25x16 seed 1`.
    var label: String { "\(size) seed \(seed)" }

    /// The run of `planner`, if it ran.
    func result(_ planner: String) -> PlannerResult? {
        planners.first { $0.planner == planner }
    }

    /// Fills `bestBound`, `bestObjective` and `greedyGapToBestBound` from the planners' results.
    mutating func summarise() {
        let bounds = planners.filter { !$0.isFailure }.compactMap(\.bound)
        let objectives = planners.filter { !$0.isFailure }.compactMap(\.objective)
        bestObjective = objectives.max()
        bestBound = bounds.min().map { max($0, bestObjective ?? $0) }
        if let greedy = result("greedy")?.objective, let bound = bestBound {
            greedyGapToBestBound = Plan.relativeGap(objective: greedy, bound: bound)
        } else {
            greedyGapToBestBound = nil
        }
    }

    /// This result with `newer`'s measurements laid over it: the newer scenario figures, the
    /// newer run of each planner it has, and this result's runs of the planners it lacks.
    func merged(with newer: ScenarioResult) -> ScenarioResult {
        var out = newer
        let replaced = Set(newer.planners.map(\.planner))
        out.planners = newer.planners + planners.filter { !replaced.contains($0.planner) }
        if let old = peakMemoryMiB { out.peakMemoryMiB = max(old, newer.peakMemoryMiB ?? old) }
        out.objectiveConstant = newer.objectiveConstant ?? objectiveConstant
        if newer.incomplete == nil { out.incomplete = incomplete }
        out.summarise()
        return out
    }

    /// Whether some planner failed (invalid plan, error) — the run then exits non-zero.
    var hasFailure: Bool { planners.contains(where: \.isFailure) }

    /// The x value of the charts: eligible cells, or people × projects × periods when unknown.
    var chartSize: Double { Double(eligibleCells ?? size.volume) }
}

/// The machine and build a run was made on.
struct RunEnvironment: Codable, Sendable {
    /// `release` or `debug`.
    var build: String
    /// Whether the GLPK trait was built in.
    var glpk: Bool
    /// Logical processors.
    var cores: Int
    /// Physical memory in GiB.
    var memoryGiB: Double
    /// The operating system as Foundation reports it.
    var system: String
    /// When the run started (ISO 8601, UTC).
    var date: String
}

/// The whole run: settings, environment and one result per scenario.
struct BenchmarkRun: Codable, Sendable {
    /// Format version of this file.
    var version: Int = 1
    /// Time limit given to every planner, in seconds.
    var timeLimit: Double
    /// Planners run, in order.
    var planners: [String]
    /// Whether each scenario ran in its own child process.
    var isolated: Bool
    /// Machine and build.
    var environment: RunEnvironment
    /// Results, ordered by size then seed.
    var scenarios: [ScenarioResult]
}

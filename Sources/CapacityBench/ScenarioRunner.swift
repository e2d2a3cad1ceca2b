// Runs one rung of the ladder: generate, build the problem, run each planner, check each plan.
import CapacityPlanners
import CapacityPlanning
import ScenarioGeneration
import Foundation
import Synchronization

/// What every scenario of a run is given.
struct RunSettings: Sendable {
    /// Time limit for every planner, in seconds.
    var timeLimit: Double
    /// Planners to run, in order.
    var planners: [PlannerKind]
    /// Where to write each scenario's JSON and exact model (`--export-mps`), if anywhere.
    var exportDirectory: String?
    /// The scenarios' format: 2 adds the generator's version-2 complications (`--format-version 2`),
    /// 3 lays the portfolio in flight over those (`ScenarioGenerator.inFlight`).
    var formatVersion = 1
    /// Whether version 3's supply is laid over the scenarios (`--supply`, `ScenarioGenerator.supply`).
    var supply = false

    /// The generator features of `formatVersion`.
    var features: ScenarioGenerator.Features { formatVersion >= 2 ? .everything : .all }

    /// The generated scenario of `size` and `seed` in `formatVersion`.
    func scenario(size: LadderSize, seed: UInt64) -> Scenario {
        let scenario = ScenarioGenerator(people: size.people, projects: size.projects, periods: size.periods,
                                         seed: seed, features: features).generate()
        let inFlight = formatVersion == 3 ? ScenarioGenerator.inFlight(scenario, seed: seed) : scenario
        return supply ? ScenarioGenerator.supply(inFlight, seed: seed) : inFlight
    }
}

/// Runs one generated scenario through the planners and measures everything on the way.
struct ScenarioRunner {
    /// The run's settings.
    var settings: RunSettings
    /// Called with the partial result after each stage (a child process writes it to its parent).
    var onStage: (ScenarioResult) -> Void = { _ in }

    /// Generates the scenario of `size` and `seed` and runs every planner on it.
    func run(size: LadderSize, seed: UInt64) -> ScenarioResult {
        var result = ScenarioResult(size: size, seed: seed)
        log("\(result.label): generating")
        let (scenario, generateSeconds) = Measure.time { settings.scenario(size: size, seed: seed) }
        result.generateSeconds = generateSeconds
        let problem: PlanningProblem
        do {
            let built = try Measure.time { () throws(ScenarioError) -> PlanningProblem in try PlanningProblem(scenario) }
            problem = built.value
            result.problemSeconds = built.seconds
        } catch {
            result.incomplete = "the generated scenario is invalid: \(error)"
            log("\(result.label): FAILED: \(result.incomplete ?? "")")
            onStage(result)
            return result
        }
        result.demands = problem.demands.count
        result.eligibleCells = Self.eligibleCells(problem)
        result.peakMemoryMiB = Measure.peakResidentMiB()
        log("\(result.label): generated in \(Format.seconds(generateSeconds)), problem built in \(Format.seconds(result.problemSeconds)); "
            + "\(problem.demands.count.grouped) demands, \((result.eligibleCells ?? 0).grouped) eligible cells")
        onStage(result)

        for kind in settings.planners {
            var runs: [(name: String, moveLimit: Int?)] = [(kind.rawValue, nil)]
            // Greedy's construction alone (no local search), for the growth fit: with its default
            // search budget greedy's time is nearly flat in size.
            if kind == .greedy { runs.append((PlannerResult.greedyConstruction, 0)) }
            for run in runs {
                result.planners.append(PlannerResult(planner: run.name))
                let index = result.planners.count - 1
                runPlanner(kind, name: run.name, moveLimit: run.moveLimit, problem: problem, label: result.label) { update in
                    result.planners[index] = update
                    result.summarise()
                    result.peakMemoryMiB = Measure.peakResidentMiB()
                    result.loadAverage = Measure.loadAverage()
                    onStage(result)
                }
            }
        }

        if let directory = settings.exportDirectory {
            result.objectiveConstant = export(scenario: scenario, problem: problem, result: result, to: directory)
            onStage(result)
        }
        return result
    }

    /// Runs one planner, checks its plan and reports the result through `update` (also part-way).
    private func runPlanner(_ kind: PlannerKind, name: String, moveLimit: Int?, problem: PlanningProblem,
                            label: String, update: (PlannerResult) -> Void) {
        var result = PlannerResult(planner: name)
        let planner: any Planner
        do {
            planner = try kind.makePlanner()
        } catch {
            result.error = error.description
            log("\(label): \(name): \(error.message)")
            update(result)
            return
        }
        #if GLPK
        if kind == .glpk {
            log("\(label): glpk: building the model")
            let (size, buildSeconds) = Measure.time { ExactFormulation(problem: problem).size }
            result.modelBuildSeconds = buildSeconds
            result.model = size
            result.peakMemoryMiB = Measure.peakResidentMiB()
            log("\(label): glpk: model built in \(Format.seconds(buildSeconds)): \(size.rows.grouped) rows, "
                + "\(size.columns.grouped) columns, \(size.nonZeros.grouped) non-zeros, \(size.binaries.grouped) binaries")
            update(result)
        }
        #endif

        let firstIncumbent = FirstIncumbent()
        let trace = TraceRecorder()
        var options = PlanningOptions(timeLimit: settings.timeLimit, moveLimit: moveLimit)
        let start = ContinuousClock.now
        let cpuStart = Measure.cpuSeconds()
        options.progress = { report in
            let now = Measure.seconds(since: start)
            if report.incumbent != nil { firstIncumbent.record(now) }
            trace.record(TracePoint(seconds: now, objective: report.incumbent, bound: report.bound))
        }
        log("\(label): \(name): planning (time limit \(Format.seconds(settings.timeLimit))\(moveLimit.map { ", move limit \($0)" } ?? ""))")
        do {
            let checked = try planner.checkedPlan(problem, options: options)
            let plan = checked.plan
            result.seconds = Measure.seconds(since: start)
            result.firstIncumbentSeconds = firstIncumbent.seconds
            trace.record(TracePoint(seconds: result.seconds ?? 0, objective: plan.objective, bound: plan.bound), final: true)
            result.status = plan.status.rawValue
            result.bound = plan.bound
            result.boundSource = plan.details?.boundSource?.rawValue
            result.nodes = plan.details?.nodes
            result.note = plan.details?.note
            if let model = plan.details?.model { result.model = model }
            Self.record(checked, into: &result)
        } catch {
            result.seconds = Measure.seconds(since: start)
            result.error = error.description
            if error.code == .invalidPlan {
                result.valid = false
                result.violations = error.violations.map(\.description)
            }
        }
        result.trace = trace.points
        if let cpuStart, let cpuEnd = Measure.cpuSeconds() { result.cpuSeconds = cpuEnd - cpuStart }
        result.peakMemoryMiB = Measure.peakResidentMiB()
        report(result, label: label)
        update(result)
    }

    /// Records the objective, gap and validity of a planner's plan from the check its edge made
    /// (the one plan checker), and whether the plan states the objective the checker computes.
    static func record(_ checked: CheckedPlan, into result: inout PlannerResult) {
        let plan = checked.plan
        guard plan.status != .infeasible else {
            result.valid = false
            result.violations = ["the planner says no valid plan exists, but every generated scenario has one"]
            return
        }
        let check = checked.check
        var problems = check.violations.map(\.description)
        let total = check.objective.total
        if let stated = plan.objective {
            if abs(stated - total) > Tolerance.of(total) {
                problems.append("the plan states objective \(stated), the checker computes \(total)")
            }
        } else {
            problems.append("the plan has no objective")
        }
        result.objective = total
        result.gap = plan.bound.map { Plan.relativeGap(objective: total, bound: $0) }
        result.valid = problems.isEmpty
        result.violations = problems.isEmpty ? nil : problems
    }

    /// Prints one planner's outcome (and an invalid plan's violations) on standard error.
    private func report(_ result: PlannerResult, label: String) {
        var line = "\(label): \(result.planner): "
        if let error = result.error, result.valid != false {
            line += "FAILED after \(Format.seconds(result.seconds)): \(error)"
        } else {
            line += "\(result.status ?? "no plan") in \(Format.seconds(result.seconds))"
            if let cpu = result.cpuSeconds { line += " (CPU \(Format.seconds(cpu)))" }
            if let objective = result.objective { line += ", objective \(Format.wholeMoney(objective))" }
            if let bound = result.bound { line += ", bound \(Format.wholeMoney(bound))" }
            if let gap = result.gap { line += ", gap \(Format.gap(gap))" }
            if let first = result.firstIncumbentSeconds { line += ", first incumbent at \(Format.seconds(first))" }
            if let peak = result.peakMemoryMiB { line += ", peak \(Int(peak.rounded())) MiB" }
            if let note = result.note, result.planner == "auto" { line += " — \(note)" }
        }
        log(line)
        if result.valid == false {
            log("\(label): \(result.planner): INVALID PLAN:")
            for violation in result.violations ?? [] { log("  - \(violation)") }
        }
    }

    /// Writes the scenario JSON, and (with GLPK) its exact model as MPS with a sidecar holding the
    /// objective constant and the planners' figures. Returns the objective constant.
    private func export(scenario: Scenario, problem: PlanningProblem, result: ScenarioResult, to directory: String) -> Double? {
        let base = (directory as NSString).appendingPathComponent("\(result.size)-s\(result.seed)")
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try Data(scenario.jsonValue.serialized(pretty: true)).write(to: URL(fileURLWithPath: base + ".json"))
        } catch {
            log("\(result.label): cannot write \(base).json: \(error)")
            return nil
        }
        #if GLPK
        do {
            let constant = try ExactPlanner.exportModel(of: problem, format: .mps, to: base + ".mps")
            let sidecar = ModelSidecar(scenario: base + ".json", model: base + ".mps", objectiveConstant: constant,
                                       bestObjective: result.bestObjective, bestBound: result.bestBound)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(sidecar).write(to: URL(fileURLWithPath: base + ".model.json"))
            log("\(result.label): wrote \(base).json, .mps and .model.json (objective constant \(constant))")
            return constant
        } catch {
            log("\(result.label): cannot export the model: \(error)")
            return nil
        }
        #else
        log("\(result.label): wrote \(base).json (no MPS: this build has no GLPK)")
        return nil
        #endif
    }

    /// Eligible (person, demand, period) cells: a person qualified for the demand, with usable
    /// capacity in a period that some possible start of the demand's project makes active.
    static func eligibleCells(_ problem: PlanningProblem) -> Int {
        var count = 0
        for demand in problem.demands {
            let periods = problem.projects[demand.project].candidatePeriods.clamped(to: 0..<problem.periodCount)
            for p in demand.eligiblePeople {
                let capacity = problem.people[p].capacity
                for t in periods where t < capacity.count && capacity[t] > 0 { count += 1 }
            }
        }
        return count
    }
}

/// The exported model's companion file: what to add to an external solver's optimum, and what ours found.
struct ModelSidecar: Codable, Sendable {
    /// The scenario JSON.
    var scenario: String
    /// The free-MPS model (maximised; its objective omits `objectiveConstant`).
    var model: String
    /// Objective sense of the model.
    var sense = "maximize"
    /// Add this to the model's objective value to get the plan's objective.
    var objectiveConstant: Double
    /// The best plan objective our planners found (constant included).
    var bestObjective: Double?
    /// The best bound our exact planners proved (constant included).
    var bestBound: Double?
}

/// The time of the first progress report with an incumbent, set once from the planner's thread.
final class FirstIncumbent: Sendable {
    private let value = Mutex<Double?>(nil)

    /// Records `seconds` unless a time is already recorded.
    func record(_ seconds: Double) {
        value.withLock { if $0 == nil { $0 = seconds } }
    }

    /// The recorded time.
    var seconds: Double? { value.withLock { $0 } }
}

/// Collects a planner's progress reports as a trace, keeping only reports that change the
/// incumbent or the bound. Thread-safe: planners report from their own threads.
final class TraceRecorder: Sendable {
    private let state = Mutex<[TracePoint]>([])

    /// Adds `point` if its objective or bound differs from the last one's (or `final` is set).
    func record(_ point: TracePoint, final: Bool = false) {
        state.withLock { points in
            if let last = points.last, !final, last.objective == point.objective, last.bound == point.bound { return }
            points.append(point)
        }
    }

    /// The trace, thinned to `TracePoint.maximumCount` points; `nil` when nothing was reported.
    var points: [TracePoint]? {
        let all = state.withLock { $0 }
        return all.isEmpty ? nil : TracePoint.thinned(all)
    }
}

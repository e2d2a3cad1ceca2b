// Micro-benchmarks of the hot paths with package-benchmark (ordo-one/benchmark), run with
// `CAPACITY_PLANNER_BENCHMARKS=1 swift package --scratch-path .build-pkgbench benchmark`.
// Docs/benchmarks.md explains them; the ladder of whole planner runs is `capacity-bench`.
import Benchmark
import CapacityPlanners
import CapacityPlanning
import ScenarioGeneration
import Synchronization

/// Every benchmark of the target, registered by package-benchmark's generated entry point.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
        warmupIterations: 1,
        maxDuration: .seconds(5),
        maxIterations: 1_000
    )
    for fixture in Fixture.all {
        registerDomainBenchmarks(fixture)
    }
    registerOptimizationBenchmarks()
}

/// Registers the domain and planner benchmarks on one generated scenario.
func registerDomainBenchmarks(_ fixture: Fixture) {
    let heavy = Benchmark.Configuration(
        metrics: Benchmark.defaultConfiguration.metrics, warmupIterations: 0,
        maxDuration: .seconds(10), maxIterations: fixture.slowIterations)

    Benchmark("Scenario: decode and validate JSON \(fixture.name)") { benchmark in
        guard let prepared = fixture.prepared(for: benchmark) else { return }
        let bytes = prepared.json
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try? Scenario.decode(jsonBytes: bytes))
        }
    } setup: {
        _ = fixture.prepared
    }

    Benchmark("Scenario: build PlanningProblem \(fixture.name)") { benchmark in
        guard let prepared = fixture.prepared(for: benchmark) else { return }
        let scenario = prepared.scenario
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try? PlanningProblem(scenario))
        }
    } setup: {
        _ = fixture.prepared
    }

    #if GLPK
    Benchmark("Exact: build the MIP (ExactFormulation) \(fixture.name)", configuration: heavy) { benchmark in
        guard let prepared = fixture.prepared(for: benchmark) else { return }
        let problem = prepared.problem
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(ExactFormulation(problem: problem).size)
        }
    } setup: {
        _ = fixture.prepared
    }
    #endif

    Benchmark("Greedy: plan \(fixture.name)", configuration: heavy) { benchmark in
        guard let prepared = fixture.prepared(for: benchmark) else { return }
        let problem = prepared.problem
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try? GreedyPlanner().plan(problem, options: PlanningOptions()))
        }
    } setup: {
        _ = fixture.prepared
    }

    Benchmark("Checker: check the greedy plan \(fixture.name)") { benchmark in
        guard let problem = fixture.prepared(for: benchmark)?.problem else { return }
        guard let plan = fixture.greedyPlan else {
            benchmark.error("greedy found no plan for \(fixture.name)")
            return
        }
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(PlanChecker.check(plan, for: problem).isValid)
        }
    } setup: {
        _ = fixture.greedyPlan
    }
}

/// One generated scenario and what the benchmarks start from, prepared once (outside the measurements).
final class Fixture: Sendable {
    /// What the benchmarks read.
    struct Prepared: Sendable {
        /// The generated scenario.
        var scenario: Scenario
        /// The scenario as spec v1 JSON bytes.
        var json: [UInt8]
        /// The planning problem.
        var problem: PlanningProblem
    }

    /// `60x25x16`.
    let name: String
    /// Iterations of the slow benchmarks (model build, greedy).
    let slowIterations: Int
    private let generator: ScenarioGenerator
    private let cache = OnceCache<Prepared>()
    private let planCache = OnceCache<Plan>()

    /// The sizes benchmarked: a mid-size PMO, a large one and an enterprise portfolio.
    static let all = [
        Fixture(people: 60, projects: 25, periods: 16, slowIterations: 50),
        Fixture(people: 250, projects: 80, periods: 26, slowIterations: 10),
        Fixture(people: 500, projects: 150, periods: 52, slowIterations: 3),
    ]

    /// Creates a fixture for a generated scenario (seed 1, every feature).
    init(people: Int, projects: Int, periods: Int, slowIterations: Int) {
        name = "\(people)x\(projects)x\(periods)"
        self.slowIterations = slowIterations
        generator = ScenarioGenerator(people: people, projects: projects, periods: periods, seed: 1)
    }

    /// The prepared inputs, made on first use; `nil` if the generated scenario is invalid
    /// (it never is: the benchmark then reports an error instead of measuring).
    var prepared: Prepared? {
        cache.value {
            let scenario = generator.generate()
            let json = scenario.jsonValue.serialized()
            guard let problem = try? PlanningProblem(scenario) else { return nil }
            return Prepared(scenario: scenario, json: json, problem: problem)
        }
    }

    /// The greedy plan (default options), made on first use; `nil` if greedy finds none.
    var greedyPlan: Plan? {
        planCache.value {
            guard let problem = prepared?.problem else { return nil }
            return try? GreedyPlanner().plan(problem, options: PlanningOptions())
        }
    }

    /// The prepared inputs, or `nil` after reporting the failure on `benchmark`.
    func prepared(for benchmark: Benchmark) -> Prepared? {
        guard let prepared else {
            benchmark.error("cannot prepare \(name): the generated scenario is invalid")
            return nil
        }
        return prepared
    }
}

/// A value computed once, on first use, from any thread.
final class OnceCache<Value: Sendable>: Sendable {
    private let state = Mutex<(done: Bool, value: Value?)>((false, nil))

    /// Creates an empty cache.
    init() {}

    /// The value, computing it with `make` the first time.
    func value(_ make: () -> Value?) -> Value? {
        state.withLock { state in
            if !state.done { state = (true, make()) }
            return state.value
        }
    }
}

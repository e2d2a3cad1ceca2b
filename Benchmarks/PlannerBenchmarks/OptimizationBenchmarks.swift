// The Optimization layer on its own: building, validating and loading a 1M-non-zero model into GLPK
// (ported from the former opt-in LoadBenchmarkTests).
#if GLPK
import Benchmark
import CapacityPlanning
import Optimization

/// Registers the 1M-non-zero model benchmarks.
func registerOptimizationBenchmarks() {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
        warmupIterations: 1, maxDuration: .seconds(20), maxIterations: 10)

    Benchmark("Optimization: build a 20k × 50k model with 1M non-zeros", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(LargeModel.make().nonZeroCount)
        }
    }

    Benchmark("Optimization: validate the 1M-non-zero model", configuration: configuration) { benchmark in
        let model = LargeModel.shared
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            do {
                try model.validate()
            } catch {
                benchmark.error("the model is invalid: \(error)")
                return
            }
        }
    } setup: {
        _ = LargeModel.shared
    }

    // A zero time limit stops the simplex at once: this is validate + load into GLPK + read + free.
    Benchmark("Optimization: GLPK load of the 1M-non-zero model (time limit 0)", configuration: configuration) { benchmark in
        let model = LargeModel.shared
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            do {
                blackHole(try GLPK.solveRelaxation(model, options: SolveOptions(timeLimit: 0)).termination)
            } catch {
                benchmark.error("GLPK failed: \(error)")
                return
            }
        }
    } setup: {
        _ = LargeModel.shared
    }
}

/// A random sparse LP of 20,000 rows × 50,000 columns with 50 entries per row (1,000,000 non-zeros).
enum LargeModel {
    /// Rows.
    static let rows = 20_000
    /// Columns.
    static let columns = 50_000
    /// Non-zeros per row.
    static let perRow = 50

    /// The model, built once.
    static let shared = make()

    /// Builds the model (seeded: always the same).
    static func make() -> Model {
        var model = Model()
        var rng = SeededGenerator(seed: 1)
        let x = (0..<columns).map { _ in model.addVariable(lowerBound: 0, upperBound: 1) }
        for variable in x { model.setObjectiveCoefficient(variable, 1) }
        var variables = [Variable](repeating: x[0], count: perRow)
        var coefficients = [Double](repeating: 0, count: perRow)
        for _ in 0..<rows {
            let base = Int.random(in: 0..<columns, using: &rng)
            for t in 0..<perRow {
                variables[t] = x[(base + t * 997) % columns]
                coefficients[t] = Double(Int.random(in: 1...10, using: &rng))
            }
            model.addConstraint(variables: variables, coefficients: coefficients, lower: nil, upper: 100)
        }
        return model
    }
}
#else
/// Without GLPK there is no Optimization layer to benchmark.
func registerOptimizationBenchmarks() {}
#endif

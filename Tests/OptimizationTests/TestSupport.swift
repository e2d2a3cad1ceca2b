@_exported import TestSupport
import Optimization
import Synchronization

/// The models' generator (SplitMix64, shared with every test target).
typealias SeededGenerator = TestRandom

/// A 0-1 knapsack with integer data: maximise Σ value·x subject to Σ weight·x ≤ capacity.
struct Knapsack {
    var values: [Int]
    var weights: [Int]
    var capacity: Int

    static func random(items: Int, seed: UInt64) -> Knapsack {
        var rng = SeededGenerator(seed: seed)
        let values = (0..<items).map { _ in Int.random(in: 10...60, using: &rng) }
        let weights = (0..<items).map { _ in Int.random(in: 5...40, using: &rng) }
        return Knapsack(values: values, weights: weights, capacity: weights.reduce(0, +) / 2)
    }

    /// The optimum by dynamic programming.
    var optimum: Int {
        var best = [Int](repeating: 0, count: capacity + 1)
        for (value, weight) in zip(values, weights) where weight <= capacity {
            for c in stride(from: capacity, through: weight, by: -1) {
                best[c] = max(best[c], best[c - weight] + value)
            }
        }
        return best[capacity]
    }

    func model() -> (Model, [Variable]) {
        var model = Model(name: "knapsack")
        let x = (0..<values.count).map { model.addBinary("x\($0)") }
        model.addConstraint(
            LinearExpression.weightedSum(x, weights.map(Double.init)) <= Double(capacity),
            name: "capacity")
        model.setObjective(LinearExpression.weightedSum(x, values.map(Double.init)), sense: .maximize)
        return (model, x)
    }
}

/// A multi-dimensional 0-1 knapsack in the style of Chu and Beasley (values
/// correlated with the weights): hard for plain branch and bound at 60+ items.
func multiDimensionalKnapsack(items: Int, dimensions: Int, seed: UInt64) -> (Model, [Variable]) {
    var rng = SeededGenerator(seed: seed)
    var model = Model(name: "mkp")
    let x = (0..<items).map { model.addBinary("x\($0)") }
    var totalWeight = [Double](repeating: 0, count: items)
    for d in 0..<dimensions {
        let weights = (0..<items).map { _ in Double(Int.random(in: 1...1000, using: &rng)) }
        for j in 0..<items { totalWeight[j] += weights[j] }
        model.addConstraint(
            variables: x, coefficients: weights,
            lower: nil, upper: (weights.reduce(0, +) / 2).rounded(.down),
            name: "dim\(d)")
    }
    let values = totalWeight.map { ($0 / Double(dimensions) + Double(Int.random(in: 0...500, using: &rng))).rounded() }
    model.setObjective(LinearExpression.weightedSum(x, values), sense: .maximize)
    return (model, x)
}

/// The textbook LP: max 3x + 5y; x ≤ 4; 2y ≤ 12; 3x + 2y ≤ 18 (optimum 36 at (2, 6), duals 0, 1.5, 1).
func textbookLP() -> (model: Model, x: Variable, y: Variable, rows: [ConstraintRef]) {
    var model = Model(name: "textbook")
    let x = model.addVariable("x")
    let y = model.addVariable("y")
    let rows = [
        model.addConstraint(x <= 4, name: "plant1"),
        model.addConstraint(2 * y <= 12, name: "plant2"),
        model.addConstraint(3 * x + 2 * y <= 18, name: "plant3"),
    ]
    model.setObjective(3 * x + 5 * y, sense: .maximize)
    return (model, x, y, rows)
}

/// A thread-safe list for values written from solver callbacks.
final class Recorder<Value: Sendable>: Sendable {
    private let storage = Mutex<[Value]>([])

    func append(_ value: Value) {
        storage.withLock { $0.append(value) }
    }

    var values: [Value] {
        storage.withLock { $0 }
    }
}

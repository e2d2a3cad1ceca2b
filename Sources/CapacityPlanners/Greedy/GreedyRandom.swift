// The greedy planner's seeded random numbers: the same seed gives the same plan on every run.
import CapacityPlanning

/// A seeded random stream over `SeededGenerator` (SplitMix64) with the few draws the search needs.
///
/// Only integer arithmetic and exactly rounded operations, so runs reproduce across platforms.
struct GreedyRandom {
    private var source: SeededGenerator

    init(seed: UInt64) {
        source = SeededGenerator(seed: seed ^ 0x6A09_E667_F3BC_C908)
    }

    /// The next 64 random bits.
    mutating func next() -> UInt64 { source.next() }

    /// A uniform double in `[0, 1)`.
    mutating func unit() -> Double { source.unit() }

    /// A uniform integer in `0 ..< bound` (0 when `bound ≤ 1`).
    mutating func below(_ bound: Int) -> Int {
        guard bound > 1 else { return 0 }
        return Int(source.next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// A uniform element of `items`, or `nil` when it is empty.
    mutating func pick<T>(_ items: [T]) -> T? {
        items.isEmpty ? nil : items[below(items.count)]
    }

    /// An index drawn with probability proportional to `weights` (0 when all are ≤ 0).
    mutating func weighted(_ weights: [Double]) -> Int { source.weighted(weights) }
}

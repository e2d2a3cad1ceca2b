// A small, seedable random number generator whose stream is the same on every platform.
//
// The standard library's `SystemRandomNumberGenerator` cannot be seeded, and the
// algorithms behind its random integers, doubles and shuffles are an implementation
// detail that may change between releases. The generator and its helpers here
// use only integer arithmetic and exactly rounded floating-point operations, so a
// seed yields the same numbers on Linux and macOS, in debug and release builds.

/// A deterministic pseudo-random number generator (SplitMix64).
///
/// The same seed yields the same stream of `UInt64`s on every platform.
/// SplitMix64 passes BigCrush, needs 8 bytes of state and costs a handful of
/// multiplications per number: plenty for synthetic data, not for cryptography.
///
/// It conforms to `RandomNumberGenerator`, so the standard library's random
/// integers and shuffles accept it; their algorithms are not guaranteed stable
/// across Swift releases, so code that must reproduce exactly uses this type's
/// own draws (`ScenarioGenerator` its helpers below, the planners' searches the
/// frozen copies in `SeededGenerator+Draws.swift`).
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator whose stream is fully determined by `seed` (every seed, 0 included, is fine).
    public init(seed: UInt64) {
        self.state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension SeededGenerator {
    /// An independent generator for one named sub-stream of `seed`.
    ///
    /// Deriving a separate stream per concern (people, leave, pins, …) keeps the
    /// draws of one concern unchanged when another concern draws more or fewer numbers.
    package static func stream(_ seed: UInt64, _ tag: UInt64) -> SeededGenerator {
        var mixer = SeededGenerator(seed: seed ^ (tag &* 0xD1B5_4A32_D192_ED03))
        _ = mixer.next()
        return SeededGenerator(seed: mixer.next())
    }

    /// A uniform double in `[0, 1)` with 53 random bits.
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform integer in `0 ..< bound` (0 when `bound ≤ 0`), without modulo bias (Lemire's method).
    package mutating func below(_ bound: Int) -> Int {
        guard bound > 1 else { return 0 }
        let limit = UInt64(bound)
        var product = next().multipliedFullWidth(by: limit)
        if product.low < limit {
            let threshold = (0 &- limit) % limit
            while product.low < threshold {
                product = next().multipliedFullWidth(by: limit)
            }
        }
        return Int(product.high)
    }

    /// A uniform integer in `range`.
    package mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// A uniform double in `[lower, upper)`.
    package mutating func double(_ lower: Double, _ upper: Double) -> Double {
        lower + (upper - lower) * unit()
    }

    /// `true` with probability `p`.
    package mutating func chance(_ p: Double) -> Bool {
        unit() < p
    }

    /// An index drawn with probability proportional to `weights` (non-positive weights are never drawn;
    /// index 0 when every weight is non-positive or the list is empty).
    public mutating func weighted(_ weights: [Double]) -> Int {
        var total = 0.0
        for w in weights where w > 0 { total += w }
        guard total > 0 else { return 0 }
        var r = unit() * total
        var last = 0
        for (i, w) in weights.enumerated() where w > 0 {
            if r < w { return i }
            r -= w
            last = i
        }
        return last
    }

    /// A Fisher–Yates shuffle of `items`.
    package mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            let j = below(i + 1)
            if i != j { items.swapAt(i, j) }
        }
    }
}

// A seeded generator for test data, the same on every run and platform.

/// SplitMix64: a tiny seeded generator, so that every generated test input is reproducible.
/// (The domain's `SeededGenerator` is the same algorithm; test targets that do not import the
/// domain use this one.)
public struct TestRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator whose stream is fully determined by `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

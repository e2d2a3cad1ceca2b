// A seeded generator for test data, the same on every run and platform.
public import CapacityPlanning

/// The domain's SplitMix64 generator, for test targets that generate inputs (fuzzing, random
/// models): one stream per seed, so every generated test input is reproducible.
public typealias TestRandom = SeededGenerator

// The one definition of a plan's relative gap to its bound, and of elapsed seconds.

extension Plan {
    /// The relative gap between an objective and a proven upper bound:
    /// `(bound − objective) / max(1, |objective|)`, never negative.
    ///
    /// Every planner, progress line, report and benchmark uses this one definition.
    public static func relativeGap(objective: Double, bound: Double) -> Double {
        max(0, bound - objective) / max(1, abs(objective))
    }
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    package var seconds: Double { self / .seconds(1) }
}

extension ContinuousClock.Instant {
    /// Seconds from this instant to now.
    package var secondsElapsed: Double { (ContinuousClock.now - self).seconds }
}

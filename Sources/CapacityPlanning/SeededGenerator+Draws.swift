// Draws for the planners' searches, frozen to the standard library's algorithms of Swift 5–6.3.
//
// The large-neighbourhood search once drew with the standard library's random integers, doubles
// and shuffles, whose algorithms the standard library may change in any release. These
// methods are exact copies of those algorithms as of Swift 6.3, so every seed keeps the plans it
// gave, now on every future toolchain too. (`below(_:)` and `shuffle(_:)` above are the
// generator's own, older draws, which the scenario generator relies on; they differ.)

extension SeededGenerator {
    /// A uniform integer in `0 ..< bound` by Lemire's nearly divisionless method; always draws at
    /// least once (as the standard library's `next(upperBound:)` does), unlike `below(_:)`.
    ///
    /// - Precondition: `bound > 0` (0 is returned otherwise, after one draw).
    package mutating func draw(upTo bound: UInt64) -> UInt64 {
        var random = next()
        guard bound > 0 else { return 0 }
        var product = random.multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold {
                random = next()
                product = random.multipliedFullWidth(by: bound)
            }
        }
        return product.high
    }

    /// A uniform integer in `range`: what the standard library's random integer in `range` is (the lower bound for an empty range).
    package mutating func draw(in range: Range<Int>) -> Int {
        guard !range.isEmpty else { return range.lowerBound }
        let delta = UInt64(truncatingIfNeeded: range.upperBound &- range.lowerBound)
        return range.lowerBound &+ Int(truncatingIfNeeded: draw(upTo: delta))
    }

    /// A uniform integer in `range`: what the standard library's random integer in a closed range is.
    package mutating func draw(in range: ClosedRange<Int>) -> Int {
        let delta = UInt64(truncatingIfNeeded: range.upperBound &- range.lowerBound)
        if delta == .max { return Int(truncatingIfNeeded: next()) }
        return range.lowerBound &+ Int(truncatingIfNeeded: draw(upTo: delta + 1))
    }

    /// A uniform double in `range`: what the standard library's random double in `range` is
    /// (53 random bits scaled into the range, drawn again if rounding reaches the upper end).
    package mutating func draw(in range: Range<Double>) -> Double {
        guard !range.isEmpty else { return range.lowerBound }
        let delta = range.upperBound - range.lowerBound
        while true {
            let bits = next() & ((1 << 53) - 1)
            let value = delta * (Double(bits) * (Double.ulpOfOne / 2)) + range.lowerBound
            if value != range.upperBound { return value }
        }
    }

    /// Shuffles `items` in place: what the standard library's in-place shuffle does (Fisher–Yates from the front).
    package mutating func shuffleFromFront<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        var amount = items.count
        var current = 0
        while amount > 1 {
            let offset = draw(in: 0..<amount)
            amount -= 1
            items.swapAt(current, current + offset)
            current += 1
        }
    }
}

import CapacityPlanning
import Testing

/// The frozen draws reproduce the standard library's algorithms exactly, so plans found with a
/// seed before the search stopped calling `Int.random(in:using:)` are found again.
@Suite struct SeededGeneratorDrawsTests {
    static let seeds: [UInt64] = [0, 1, 2, 7, 42, 0x4C4E_5300, .max]

    @Test(arguments: seeds)
    func integerRangesMatchTheStandardLibrary(seed: UInt64) {
        var ours = SeededGenerator(seed: seed)
        var theirs = SeededGenerator(seed: seed)
        for bound in [1, 2, 3, 5, 7, 10, 100, 1_000_003, Int.max] {
            for _ in 0..<50 {
                #expect(ours.draw(in: 0..<bound) == Int.random(in: 0..<bound, using: &theirs))
                #expect(ours.draw(in: -3...bound - 4) == Int.random(in: -3...bound - 4, using: &theirs))
            }
        }
        #expect(ours.draw(in: 0...0) == Int.random(in: 0...0, using: &theirs))
        #expect(ours.draw(in: Int.min...Int.max) == Int.random(in: Int.min...Int.max, using: &theirs))
        #expect(ours.next() == theirs.next(), "both generators are at the same point of the stream")
    }

    @Test(arguments: seeds)
    func doublesMatchTheStandardLibrary(seed: UInt64) {
        var ours = SeededGenerator(seed: seed)
        var theirs = SeededGenerator(seed: seed)
        for upper in [1e-12, 0.5, 1, 3.75, 1e6] {
            for _ in 0..<50 {
                #expect(ours.draw(in: 0..<upper) == Double.random(in: 0..<upper, using: &theirs))
                #expect(ours.draw(in: -2..<upper) == Double.random(in: -2..<upper, using: &theirs))
            }
        }
        #expect(ours.next() == theirs.next())
    }

    @Test(arguments: seeds)
    func shufflesMatchTheStandardLibrary(seed: UInt64) {
        var ours = SeededGenerator(seed: seed)
        var theirs = SeededGenerator(seed: seed)
        for count in [0, 1, 2, 3, 10, 57] {
            var a = Array(0..<count)
            var b = a
            ours.shuffleFromFront(&a)
            b.shuffle(using: &theirs)
            #expect(a == b)
        }
        #expect(ours.next() == theirs.next())
    }

    @Test func drawsAreUniformEnough() {
        var random = SeededGenerator(seed: 3)
        var counts = [Int](repeating: 0, count: 6)
        for _ in 0..<60_000 { counts[random.draw(in: 0..<6)] += 1 }
        #expect(counts.allSatisfy { abs($0 - 10_000) < 500 }, "\(counts)")
    }
}

#if GLPK
// What the plan's note says of a search: neighbourhoods per kind, per 10 s window, and GLPK's failures.
import Testing
@testable import CapacityPlanners

@Suite("Large-neighbourhood search: statistics")
struct SearchStatisticsTests {
    @Test("neighbourhoods are counted per 10 s window, and two searches' windows add up")
    func windows() {
        var main = SearchStatistics()
        main.record(.rule(.sharedPeople), improved: true, at: 0.5)
        main.record(.rule(.timeWindow), improved: false, at: 9.9)
        main.record(.rule(.blocked), improved: true, at: 31)
        #expect(main.triedPerWindow == [2, 0, 0, 1] && main.improvedPerWindow == [1, 0, 0, 1])
        #expect(main.timeline == "per 10 s: 1/2 0/0 0/0 1/1", "a window with no neighbourhood shows as 0/0")
        var helper = SearchStatistics()
        helper.record(.rule(.skillPool), improved: false, at: 12)
        main.add(helper)
        #expect(main.timeline == "per 10 s: 1/2 0/1 0/0 1/1")
        #expect(main.steps == 4 && main.improvements == 2)
        #expect(main.summary.hasPrefix("4 neighbourhoods, 2 improved (sharedPeople 1/1, timeWindow 0/1, skillPool 0/1, blocked 1/1, startMoves 0/0)"))
    }

    @Test("a sub-problem GLPK failed on is counted and named in the note, not taken for a limit")
    func failures() {
        var statistics = SearchStatistics()
        #expect(!statistics.summary.contains("failed"))
        statistics.recordFailure("glp_intopt failed: out of memory")
        var other = SearchStatistics()
        other.recordFailure("glp_simplex on the root LP failed")
        statistics.add(other)
        #expect(statistics.solverErrors == 2)
        #expect(statistics.summary.hasSuffix("; 2 sub-problems failed in GLPK (last: glp_simplex on the root LP failed)"))
    }
}
#endif

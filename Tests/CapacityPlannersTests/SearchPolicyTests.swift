#if GLPK
// The search's time policy on its own: which move a step makes and what its sub-problem may spend.
import Testing
@testable import CapacityPlanners

@Suite("Large-neighbourhood search: the time policy")
struct SearchPolicyTests {
    let policy = SearchPolicy.standard

    @Test("the whole-problem attempt comes before a guide, a guide before bringing a project in, that before the drawn rule")
    func moves() {
        #expect(policy.move(drawn: .timeWindow, stalled: true, wholeAttemptDue: true, guided: true) == .wholeAttempt)
        #expect(policy.move(drawn: .timeWindow, stalled: true, wholeAttemptDue: false, guided: true) == .guided)
        #expect(policy.move(drawn: .timeWindow, stalled: true, wholeAttemptDue: false, guided: false) == .rule(.blocked))
        #expect(policy.move(drawn: .timeWindow, stalled: false, wholeAttemptDue: false, guided: false) == .rule(.timeWindow))
        #expect(Move.guided.label == "guidedStarts" && Move.wholeAttempt.label == "wholeProblem" && Move.rule(.skillPool).label == "skillPool")
        // A repair of a project left short comes after a guide, before bringing a project in.
        #expect(policy.move(drawn: .timeWindow, stalled: true, wholeAttemptDue: false, guided: true, repairDue: true) == .guided)
        #expect(policy.move(drawn: .timeWindow, stalled: true, wholeAttemptDue: false, guided: false, repairDue: true) == .repair)
        #expect(policy.move(drawn: .timeWindow, stalled: false, wholeAttemptDue: false, guided: false, repairDue: false) == .rule(.timeWindow))
        #expect(Move.repair.label == "repair")
        // A project whose repairs found nothing waits twice as long after each, up to a limit.
        #expect(policy.mayRepair(failures: 0, stepsSince: 0))
        #expect(!policy.mayRepair(failures: 1, stepsSince: 3) && policy.mayRepair(failures: 1, stepsSince: 4))
        #expect(!policy.mayRepair(failures: 3, stepsSince: 15) && policy.mayRepair(failures: 3, stepsSince: 16))
        #expect(policy.mayRepair(failures: 50, stepsSince: policy.repairEvery << policy.repairBackoffLimit))
    }

    @Test("no sub-problem gets more than the time left; only the whole problem may take it all")
    func budgets() {
        func seconds(_ move: Move, whole: Bool = false, remaining: Double?) -> Double? {
            policy.budget(for: move, whole: whole, remaining: remaining, deterministic: false,
                          subproblemSeconds: 2, subproblemNodes: 500).seconds
        }
        #expect(seconds(.rule(.sharedPeople), remaining: 50) == 2)
        #expect(seconds(.rule(.blocked), remaining: 50) == 5)
        #expect(seconds(.repair, remaining: 50) == 5, "a repair frees every start of the project and its rivals: as long as bringing one in")
        #expect(seconds(.guided, remaining: 50) == 10)
        #expect(seconds(.guided, remaining: 3) == 3, "capped by the time left")
        #expect(seconds(.wholeAttempt, whole: true, remaining: 40) == 20, "the attempt on a larger whole problem: half the time left")
        #expect(seconds(.rule(.sharedPeople), whole: true, remaining: 40) == 40, "a whole problem that fits: all of it, beside the second search")
        #expect(seconds(.rule(.sharedPeople), remaining: 0.01) == 0.05)
        let nodes = policy.budget(for: .rule(.blocked), whole: false, remaining: nil, deterministic: true, subproblemSeconds: 2, subproblemNodes: 500)
        #expect(nodes == SubproblemBudget(seconds: nil, nodes: 1250))
        let wholeNodes = policy.budget(for: .rule(.timeWindow), whole: true, remaining: nil, deterministic: true, subproblemSeconds: 2, subproblemNodes: 500)
        #expect(wholeNodes == SubproblemBudget(seconds: nil, nodes: 10_000))
    }

    @Test("the column budget shrinks after a sub-problem at its limit and grows after one solved without gain, within its range")
    func columnBudget() {
        #expect(policy.columnBudget(after: 1000, hitLimit: true, optimal: false, gain: 0) == 700)
        #expect(policy.columnBudget(after: 250, hitLimit: true, optimal: false, gain: 0) == 200)
        #expect(policy.columnBudget(after: 1000, hitLimit: false, optimal: true, gain: 0) == 1200)
        #expect(policy.columnBudget(after: 190_000, hitLimit: false, optimal: true, gain: 0) == 200_000)
        #expect(policy.columnBudget(after: 1000, hitLimit: false, optimal: true, gain: 5) == 1000)
    }
}
#endif

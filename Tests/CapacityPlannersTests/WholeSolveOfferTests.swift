#if GLPK
// The whole-problem solve and the second search: the second search's better plans reach GLPK's
// branch and cut while it runs, so a long solve never leaves the best plan behind.
import Testing
import CapacityPlanning
import ScenarioGeneration
@testable import CapacityPlanners

@Suite("Large-neighbourhood search: the whole solve takes the other search's plans")
struct WholeSolveOfferTests {
    @Test("a whole-problem solve of 20 nodes returns the shared better plan (which it cannot find alone), valid")
    func wholeSolveTakesTheSharedPlan() throws {
        let problem = try PlanningProblem(ScenarioGenerator(people: 20, projects: 10, periods: 12, seed: 2, features: .all).generate())
        let optimum = try ExactPlanner().plan(problem, options: PlanningOptions(timeLimit: 300))
        try #require(optimum.status == .optimal)
        let best = Allocation(plan: optimum, problem: problem)
        let bestObjective = ObjectiveBreakdown(allocation: best, problem: problem).total
        let greedy = try GreedyPlanner().plan(problem, options: PlanningOptions(seed: 1, moveLimit: 0))
        let start = Allocation(plan: greedy, problem: problem)
        let startObjective = ObjectiveBreakdown(allocation: start, problem: problem).total
        try #require(startObjective < bestObjective - 1)

        let planner = LargeNeighbourhoodPlanner()
        var search = Search(planner: planner, problem: problem, options: PlanningOptions(seed: 1, moveLimit: 1), clock: .now)
        let whole = Set(search.index.selectable)
        let budget = SubproblemBudget(seconds: nil, nodes: 20)
        let alone = search.solve(freeing: whole, windows: [:], around: start, whole: true, budget: budget)
        let aloneObjective = alone.allocation.map { ObjectiveBreakdown(allocation: $0, problem: problem).total } ?? startObjective
        #expect(aloneObjective < bestObjective - 1, "without the offer, 20 nodes do not reach the optimum (the test needs that)")

        search.shared = SharedIncumbent(objective: bestObjective, allocation: best)
        let offered = search.solve(freeing: whole, windows: [:], around: start, whole: true, budget: budget)
        let allocation = try #require(offered.allocation)
        #expect(PlanChecker.violations(of: allocation, for: problem).isEmpty)
        let objective = ObjectiveBreakdown(allocation: allocation, problem: problem).total
        #expect(abs(objective - bestObjective) <= 1e-6 * max(1, abs(bestObjective)), "\(objective) vs \(bestObjective)")
    }
}
#endif

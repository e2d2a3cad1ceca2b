#if GLPK
// The large-neighbourhood search on format v3's portfolio in flight (Part A): the fixtures' optima,
// valid plans that keep the in-flight rules and never fall below greedy's, a bound that is proven.
import CapacityPlanners
import CapacityPlanning
import ScenarioGeneration
import Foundation
import Testing

@Suite("The search on the portfolio in flight (format v3, Part A)")
struct InFlightSearchTests {
    /// A generated portfolio in flight of `people` × `projects` × `periods`.
    static func portfolio(people: Int, projects: Int, periods: Int, seed: UInt64) throws -> PlanningProblem {
        let base = ScenarioGenerator(people: people, projects: projects, periods: periods, seed: seed,
                                     features: .everything).generate()
        return try PlanningProblem(ScenarioGenerator.inFlight(base, seed: seed))
    }

    @Test("every Part A fixture: freed whole and proven optimal, at the fixture's optimum",
          arguments: Fixture.plannableVersion3.filter { (try? $0.problem())?.isInFlight == true })
    func fixtures(_ fixture: Fixture) throws {
        let problem = try fixture.problem()
        let checked = try LargeNeighbourhoodPlanner().checkedPlan(problem, options: PlanningOptions(timeLimit: 30))
        #expect(checked.isValid, "\(checked.check.violations)")
        #expect(checked.plan.status == .optimal)
        let optimum = try #require(fixture.optimalObjective)
        #expect(isClose(checked.check.objective.total, optimum), "\(fixture.name): \(checked.check.objective.total) vs \(optimum)")
        GreedyInFlightTests.expectInFlightShape(checked.allocation, problem, fixture.name)
    }

    /// Portfolios of 30 × 12 × 12 have more hours columns than a neighbourhood's starting budget, so
    /// the search frees parts of them, fixing the rest of the plan (`Model.fixing`).
    @Test("six generated portfolios too large for one neighbourhood: valid plans that keep the in-flight rules, never below greedy's, improved on some")
    func neighbourhoods() throws {
        var improved = 0
        for seed in UInt64(1)...6 {
            let problem = try Self.portfolio(people: 30, projects: 12, periods: 12, seed: seed)
            let options = PlanningOptions(seed: seed, moveLimit: 12)
            let greedy = try GreedyPlanner().checkedPlan(problem, options: options)
            let lns = try LargeNeighbourhoodPlanner().checkedPlan(problem, options: options)
            #expect(lns.isValid, "seed \(seed): \(lns.check.violations.prefix(3))")
            GreedyInFlightTests.expectInFlightShape(lns.allocation, problem, "seed \(seed)")
            let g = greedy.check.objective.total
            let l = lns.check.objective.total
            #expect(l >= g - 1e-6 * max(1, abs(g)), "seed \(seed): lns \(l) below greedy \(g)")
            if l > g + 1e-6 * max(1, abs(g)) { improved += 1 }
            if let bound = lns.plan.bound { #expect(bound >= l - 1e-6 * max(1, abs(l)), "seed \(seed)") }
        }
        #expect(improved >= 1)
    }

    @Test("the bound is proven: never below the exact planner's proven optimum, and from the in-flight model's relaxation")
    func boundIsProven() throws {
        var compared = 0
        for seed in UInt64(1)...8 {
            let problem = try Self.portfolio(people: 8 + Int(seed % 5) * 3, projects: 5 + Int(seed % 4), periods: 8 + Int(seed % 4),
                                             seed: seed)
            let exact = try ExactPlanner().checkedPlan(problem, options: PlanningOptions(timeLimit: 20))
            guard exact.plan.status == .optimal else { continue }
            let optimum = exact.check.objective.total
            let lns = try LargeNeighbourhoodPlanner().checkedPlan(problem, options: PlanningOptions(seed: seed, moveLimit: 4))
            #expect(lns.isValid, "seed \(seed)")
            #expect(lns.check.objective.total <= optimum + 1e-6 * max(1, abs(optimum)), "seed \(seed)")
            let bound = try #require(lns.plan.bound, "seed \(seed): no bound")
            #expect(bound >= optimum - 1e-6 * max(1, abs(optimum)), "seed \(seed): bound \(bound) below the optimum \(optimum)")
            let source = lns.plan.details?.boundSource
            #expect([.optimum, .linearRelaxation, .branchAndBound].contains(source), "seed \(seed): \(String(describing: source))")
            compared += 1
        }
        #expect(compared >= 6)
    }

    @Test("deterministic for a seed and a move limit")
    func deterministic() throws {
        let problem = try Self.portfolio(people: 30, projects: 12, periods: 12, seed: 3)
        let options = PlanningOptions(seed: 5, moveLimit: 8)
        let first = try LargeNeighbourhoodPlanner().plan(problem, options: options)
        let second = try LargeNeighbourhoodPlanner().plan(problem, options: options)
        #expect(first.projects == second.projects)
        #expect(first.assignments == second.assignments)
    }

    @Test("auto plans Examples/in-flight.json by the search, to the proven optimum")
    func example() throws {
        let problem = try PlanningProblem(try Scenario(json: Data(contentsOf: SharedFiles.examples.appendingPathComponent("in-flight.json"))))
        let checked = try AutoPlanner().checkedPlan(problem, options: PlanningOptions(timeLimit: 30))
        #expect(checked.isValid && checked.plan.status == .optimal)
        #expect(isClose(checked.check.objective.total, 1_174_560))
        #expect(checked.plan.details?.note?.contains("large-neighbourhood search") == true)
    }
}
#endif

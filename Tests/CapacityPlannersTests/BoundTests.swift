// Every bound is a bound: never below a proven optimum, on the fixtures and on generated scenarios;
// the aggregated rows never cut off an optimum; plans say where their bound comes from.
#if GLPK
import Testing
import CapacityPlanning
import ScenarioGeneration
@testable import CapacityPlanners
import Optimization

@Suite("Bounds: valid on every proven optimum")
struct BoundTests {
    /// The optimum of `problem`'s model of `shape`, solved by GLPK to optimality.
    private func optimum(_ problem: PlanningProblem, shape: ModelShape) throws -> Double? {
        let formulation = ExactFormulation(problem: problem, shape: shape)
        let result = try GLPK.solve(formulation.model)
        guard result.termination == .optimal else { return nil }
        return result.objective
    }

    /// The bound computation as the search runs it, deterministically (node limit, no clock).
    private func relaxationBound(_ problem: PlanningProblem, incumbent: Double) -> RelaxationBound {
        let bound = RelaxationBound()
        bound.compute(problem: problem, incumbent: incumbent, timeLimit: nil, withLP: true, nodeLimit: 100_000)
        return bound
    }

    /// Checks one problem with a proven optimum: the selection, class and pooled relaxations' optima, the
    /// Lagrangian bound and the computed bound are not below it, and the model with aggregated rows has the same optimum.
    private func checkBounds(_ problem: PlanningProblem, optimum best: Double, _ label: String,
                             computed withComputation: Bool = true) throws {
        let tolerance = 1e-6 * max(1, abs(best))
        let relaxed = try #require(try optimum(problem, shape: .selectionRelaxation), "\(label): relaxation")
        #expect(relaxed >= best - tolerance, "\(label): selection relaxation \(relaxed) < optimum \(best)")
        let classes = try #require(try optimum(problem, shape: .classRelaxation), "\(label): class relaxation")
        #expect(classes >= relaxed - tolerance, "\(label): class relaxation \(classes) < the selection relaxation \(relaxed) it relaxes")
        if Self.classRelaxationIsExact(problem) {
            #expect(abs(classes - relaxed) <= tolerance,
                    "\(label): without pins, baseline change penalties or cost balance the class relaxation \(classes) ≠ the selection relaxation \(relaxed)")
        }
        var offered: [Double] = []
        let lagrangian = try #require(LagrangianBound().bound(for: problem, incumbent: best - 0.1 * max(1, abs(best)),
                                                              improved: { offered.append($0) }),
                                      "\(label): the Lagrangian bound says no plan exists, but one is optimal")
        #expect(lagrangian >= best - tolerance, "\(label): Lagrangian bound \(lagrangian) < optimum \(best)")
        #expect(offered.last == lagrangian && zip(offered, offered.dropFirst()).allSatisfy { $0 > $1 },
                "\(label): the Lagrangian bounds offered as they fell \(offered) do not end at \(lagrangian)")
        let pooled = try #require(try optimum(problem, shape: .pooledRelaxation), "\(label): pooled relaxation")
        #expect(pooled >= best - tolerance, "\(label): pooled relaxation \(pooled) < optimum \(best)")
        let aggregated = try #require(try optimum(problem, shape: ModelShape(dropsFocusLimits: false, aggregatedRows: true)),
                                      "\(label): aggregated")
        #expect(abs(aggregated - best) <= tolerance, "\(label): aggregated rows move the optimum \(best) to \(aggregated)")
        guard withComputation else { return }
        let bound = relaxationBound(problem, incumbent: best - 0.1 * max(1, abs(best)))
        let computed = try #require(bound.best, "\(label): no bound")
        #expect(computed.value >= best - tolerance, "\(label): \(computed.source) bound \(computed.value) < optimum \(best)")
    }

    /// Whether the class relaxation loses nothing against the selection relaxation: no pin and no
    /// change penalty on baseline hours (counted on class totals), no balance rule measured in cost
    /// (left out) (Docs/formulation.md).
    private static func classRelaxationIsExact(_ problem: PlanningProblem) -> Bool {
        problem.pins.isEmpty && (problem.policy.changePenaltyPerHour == 0 || problem.baseline.hours.isEmpty)
            && problem.balanceGroups.allSatisfy { $0.rule.measure != .cost }
    }

    @Test("on the v1 and v2 fixtures", arguments: Fixture.valid + Fixture.validVersion2)
    func fixtures(_ fixture: Fixture) throws {
        let problem = try fixture.problem()
        try checkBounds(problem, optimum: try #require(fixture.optimalObjective), fixture.description)
    }

    @Test("on 200 small generated v1 and v2 scenarios solved to optimality (the search's bound on every fifth)",
          arguments: 0..<8)
    func generated(batch: Int) throws {
        var checked = 0
        var tighter = 0
        var lagrangianTighter = 0
        let seeds = UInt64(25 * batch + 1)...UInt64(25 * batch + 25)
        for seed in seeds {
            var rng = TestRandom(seed: seed &* 0x2545_F491_4F6C_DD1D)
            let features: ScenarioGenerator.Features = seed % 2 == 0 ? .all : .everything
            let scenario = ScenarioGenerator(people: 2 + Int(rng.next() % 5), projects: 2 + Int(rng.next() % 5),
                                             periods: 4 + Int(rng.next() % 5), seed: seed, features: features).generate()
            let problem = try PlanningProblem(scenario)
            let exact = Result { () throws(PlanningError) -> Plan in try ExactPlanner().plan(problem, options: PlanningOptions()) }
            guard case .success(let plan) = exact, plan.status == .optimal, let best = plan.objective else { continue }
            #expect(PlanChecker.check(plan, for: problem).isValid, "seed \(seed)")
            try checkBounds(problem, optimum: best, "seed \(seed)", computed: seed % 5 == 0)
            checked += 1
            if let lagrangian = LagrangianBound().bound(for: problem, incumbent: best),
               lagrangian < SimpleBound.value(for: problem) - 1e-6 { lagrangianTighter += 1 }
            guard seed % 5 == 0 else { continue }
            // The plan a deterministic search returns carries a bound no lower than the optimum.
            let lns = try LargeNeighbourhoodPlanner().plan(problem, options: PlanningOptions(seed: seed, moveLimit: 3))
            #expect(PlanChecker.check(lns, for: problem).isValid, "seed \(seed)")
            if let bound = lns.bound {
                #expect(bound >= best - 1e-6 * max(1, abs(best)), "seed \(seed): lns bound \(bound) < optimum \(best)")
                #expect(lns.details?.boundSource != nil, "seed \(seed): a bound without its source")
                if bound < SimpleBound.value(for: problem) - 1e-6 { tighter += 1 }
            }
        }
        #expect(checked >= 18, "only \(checked) of 25 scenarios (seeds \(seeds)) were solved to optimality")
        print("BoundTests batch \(batch): \(checked) optimal, \(tighter) of the search's bounds and \(lagrangianTighter) Lagrangian ones beat the people-unlimited one")
        #expect(tighter > 0, "seeds \(seeds): the relaxations never beat the people-unlimited bound")
        #expect(lagrangianTighter > 0, "seeds \(seeds): the Lagrangian bound never beat the people-unlimited bound")
    }

    @Test("a plan says what proves its bound")
    func planNamesItsBoundSource() throws {
        let scenario = ScenarioGenerator(people: 6, projects: 5, periods: 8, seed: 11).generate()
        let problem = try PlanningProblem(scenario)
        let exact = try ExactPlanner().plan(problem, options: PlanningOptions())
        #expect(exact.status == .optimal)
        #expect(exact.details?.boundSource == .optimum)
        let greedy = try GreedyPlanner().plan(problem, options: PlanningOptions(seed: 1, moveLimit: 5))
        #expect(greedy.bound == nil || greedy.details?.boundSource != nil)
    }
}
#endif

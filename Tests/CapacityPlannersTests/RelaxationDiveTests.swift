// The dive from the in-flight model's LP relaxation to a plan: which spans it settles, and the plans
// it hands the search.
import Testing
import CapacityPlanning
import Optimization
@testable import CapacityPlanners

@Suite("Large-neighbourhood search: the dive from the relaxation")
struct RelaxationDiveTests {
    #if GLPK
    @Test("settled spans are fixed, the others come back surest first, in when the LP gives them half or more")
    func settle() throws {
        let problem = try RelaxationGapTests.portfolio(seed: 2)
        let formulation = InFlightModel(problem: problem).formulation
        let dive = RelaxationDive(formulation: formulation)
        let projects = formulation.spans.indices.filter { formulation.spans[$0].count >= 2 }
        try #require(projects.count >= 4)
        let (sure, out, likely, unlikely) = (projects[0], projects[1], projects[2], projects[3])
        var values = [Double](repeating: 0, count: formulation.model.variableCount)
        values[formulation.spans[sure][1].variable.index] = 1
        values[formulation.spans[likely][0].variable.index] = 0.3
        values[formulation.spans[likely][1].variable.index] = 0.6
        values[formulation.spans[unlikely][0].variable.index] = 0.2
        values[formulation.spans[unlikely][1].variable.index] = 0.1
        var fixed: [Int: Double] = [:]
        let open = dive.settle(values, into: &fixed)

        #expect(fixed[formulation.spans[sure][1].variable.index] == 1)
        #expect(formulation.spans[sure].indices.allSatisfy { $0 == 1 || fixed[formulation.spans[sure][$0].variable.index] == 0 })
        #expect(formulation.spans[out].allSatisfy { fixed[$0.variable.index] == 0 }, "no weight: left out")
        #expect(open.map(\.project) == [unlikely, likely], "0.7 sure out before 0.6 sure in")
        #expect(open.first?.span == nil)
        #expect(open.last?.span == formulation.spans[likely][1].variable)
        #expect(abs((open.first?.certainty ?? 0) - 0.7) < 1e-12)
    }

    @Test("from the LP relaxation the dive plans a valid portfolio, within the LP's bound", arguments: [1, 2, 3] as [UInt64])
    func fromRelaxation(seed: UInt64) throws {
        let problem = try RelaxationGapTests.portfolio(seed: seed)
        let formulation = InFlightModel(problem: problem).formulation
        let lp = try GLPK.solveRelaxation(formulation.model, options: SolveOptions(scaling: true, linearPresolve: true))
        let bound = try #require(lp.objective)
        let dived = RelaxationDive(formulation: formulation).plan(from: lp.values, until: .now.advanced(by: .seconds(60)),
                                                                  shouldStop: { false })
        let plan = try #require(dived)
        #expect(PlanChecker.violations(of: plan, for: problem).isEmpty)
        let objective = ObjectiveBreakdown(allocation: plan, problem: problem).total
        #expect(objective <= bound + 1e-6 * max(1, abs(bound)))
    }

    @Test("an optimal solution goes through the dive with its spans, and GLPK staffs them to the optimum")
    func integral() throws {
        let problem = try RelaxationGapTests.portfolio(seed: 3)
        let formulation = InFlightModel(problem: problem).formulation
        let exact = try ExactPlanner().plan(problem, options: PlanningOptions())
        let optimum = Allocation(plan: exact, problem: problem)
        let values = try #require(formulation.values(for: optimum))
        let dived = RelaxationDive(formulation: formulation).plan(from: values, until: .now.advanced(by: .seconds(60)),
                                                                  shouldStop: { false })
        let plan = try #require(dived)
        #expect(plan.starts == optimum.starts)
        #expect(PlanChecker.violations(of: plan, for: problem).isEmpty)
        let objective = ObjectiveBreakdown(allocation: plan, problem: problem).total
        let best = ObjectiveBreakdown(allocation: optimum, problem: problem).total
        #expect(abs(objective - best) <= 1e-4 * max(1, abs(best)))
    }

    @Test("a dive that must stop plans nothing")
    func stops() throws {
        let problem = try RelaxationGapTests.portfolio(seed: 1)
        let formulation = InFlightModel(problem: problem).formulation
        let values = [Double](repeating: 0.5, count: formulation.model.variableCount)
        let dive = RelaxationDive(formulation: formulation)
        let stopped = dive.plan(from: values, until: .now.advanced(by: .seconds(60)), shouldStop: { true })
        let mismatched = dive.plan(from: [1], until: .now.advanced(by: .seconds(60)), shouldStop: { false })
        #expect(stopped == nil)
        #expect(mismatched == nil, "values of another model")
    }
    #endif
}

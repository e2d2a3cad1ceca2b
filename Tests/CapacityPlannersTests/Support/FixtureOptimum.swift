// The one check that a fixture is solved by the exact planner to the optimum its expected.json proves.
#if GLPK
import Testing
import CapacityPlanning
import CapacityPlanners

/// Solves `fixture` with the exact planner (60 s) and expects its proven optimum: status optimal,
/// the objective within 1e-6 relative, a valid plan whose checked objective agrees, the bound
/// closed. Returns the plan and the problem for further checks.
@discardableResult
func expectExactOptimum(_ fixture: Fixture) throws -> (plan: Plan, problem: PlanningProblem) {
    let problem = try fixture.problem()
    let plan = try ExactPlanner().plan(problem, options: PlanningOptions(timeLimit: 60))
    let expected = try #require(fixture.optimalObjective)
    #expect(plan.status == .optimal)
    let objective = try #require(plan.objective)
    #expect(isClose(objective, expected), "\(fixture.name): \(objective) vs optimum \(expected)")
    let check = PlanChecker.check(plan, for: problem)
    #expect(check.isValid, "\(check.violations)")
    #expect(isClose(check.objective.total, objective))
    #expect(plan.bound.map { isClose($0, objective) } ?? false)
    return (plan, problem)
}
#endif

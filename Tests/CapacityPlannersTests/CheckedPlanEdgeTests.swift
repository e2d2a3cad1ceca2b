// Every planner hands on its plan with the one check its edge made; a warm start is taken as checked.
import CapacityPlanners
import CapacityPlanning
import Testing

@Suite("A checked plan travels once")
struct CheckedPlanEdgeTests {
    @Test("each planner's checked plan is its plan with the checker's verdict on it",
          arguments: PlannerKind.allCases.filter(\.isAvailable))
    func plannersHandOnTheirCheck(kind: PlannerKind) throws {
        let problem = try exampleProblem("small-team.json")
        let checked = try kind.makePlanner().checkedPlan(problem, options: PlanningOptions(seed: 1, moveLimit: 20))
        #expect(checked.isValid, "\(checked.check.violations)")
        #expect(checked.check == PlanChecker.check(checked.plan, for: problem))
        #expect(checked.allocation == Allocation(plan: checked.plan, problem: problem))
        #expect(checked.check.objective.total == checked.plan.objective)
    }

    #if GLPK
    @Test("an invalid warm start is left aside: the plan is the same as with none")
    func invalidWarmStartIgnored() throws {
        let problem = try exampleProblem("small-team.json")
        let greedy = try GreedyPlanner().plan(problem, options: PlanningOptions(seed: 1, moveLimit: 20))
        var broken = greedy
        broken.assignments = greedy.assignments.map { var a = $0; a.hours *= 100; return a }
        let warm = CheckedPlan(broken, for: problem)
        #expect(!warm.isValid)
        let options = PlanningOptions(seed: 1, moveLimit: 20)
        var withWarm = options
        withWarm.warmStart = warm
        let plain = try LargeNeighbourhoodPlanner().plan(problem, options: options)
        let warmed = try LargeNeighbourhoodPlanner().plan(problem, options: withWarm)
        #expect(plain.objective == warmed.objective)
        #expect(plain.projects == warmed.projects)
    }
    #endif
}

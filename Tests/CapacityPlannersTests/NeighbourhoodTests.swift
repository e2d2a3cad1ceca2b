// Which projects a repair frees, and which projects a plan leaves short.
import Testing
import CapacityPlanning
import ScenarioGeneration
@testable import CapacityPlanners

@Suite("Large-neighbourhood search: the neighbourhoods")
struct NeighbourhoodTests {
    /// A generated v2 portfolio (the benchmark ladder's 120 × 40 × 26, seed 1).
    let problem: PlanningProblem

    init() throws {
        problem = try PlanningProblem(ScenarioGenerator(people: 120, projects: 40, periods: 26, seed: 1, features: .everything).generate())
    }

    @Test("a repair frees the project left short first, then the selected projects that compete for its people")
    func repairOrder() throws {
        let index = NeighbourhoodIndex(problem: problem)
        let picker = NeighbourhoodPicker(problem: problem, index: index)
        var plan = Allocation(projectCount: problem.projects.count)
        for j in index.selectable.prefix(12) { plan.starts[j] = problem.projects[j].startRange?.lowerBound }
        let seed = try #require(index.selectable.first)
        var random = SeededGenerator(seed: 9)
        let order = picker.order(repairing: seed, around: plan, using: &random)
        let rivals = picker.closest(to: seed, among: index.selectable.filter { plan.starts[$0] != nil }, allocation: plan)
        #expect(!rivals.isEmpty)
        #expect(Array(order.prefix(1 + rivals.count)) == [seed] + rivals)
        #expect(Set(order) == Set(index.selectable), "then every other project, so the budget decides how many")
    }
}

#if GLPK
@Suite("Large-neighbourhood search: projects left short")
struct ShortProjectTests {
    @Test("the projects a plan leaves short are found, most unmet hours first; a left-out project is never short")
    func shortProjects() throws {
        let problem = try PlanningProblem(ScenarioGenerator(people: 20, projects: 8, periods: 10, seed: 2).generate())
        let search = Search(planner: LargeNeighbourhoodPlanner(), problem: problem, options: PlanningOptions(seed: 1, moveLimit: 1), clock: .now)
        let selectable = problem.projects.filter(\.canBeSelected)
        var plan = Allocation(projectCount: problem.projects.count)
        for info in selectable.prefix(3) { plan.starts[info.index] = info.startRange?.lowerBound }
        let short = search.shortProjects(plan)
        let unmet = plan.unmetHoursByProject(problem)
        #expect(Set(short) == Set(selectable.prefix(3).map(\.index).filter { unmet[$0] > 0.5 }))
        #expect(!short.isEmpty, "a selected project with no hours booked is short")
        #expect(zip(short, short.dropFirst()).allSatisfy { unmet[$0] >= unmet[$1] })
        #expect(search.shortProjects(Allocation(projectCount: problem.projects.count)).isEmpty)
    }
}
#endif

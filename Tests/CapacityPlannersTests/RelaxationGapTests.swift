// The relaxation-induced neighbourhood of the search in flight: which projects the in-flight model's
// LP solution would change, and the order in which the rule frees them.
import Testing
import CapacityPlanning
import ScenarioGeneration
@testable import CapacityPlanners

@Suite("Large-neighbourhood search: the relaxation's gaps")
struct RelaxationGapTests {
    /// A generated portfolio in flight (20 people, 8 projects, 10 periods).
    static func portfolio(seed: UInt64) throws -> PlanningProblem {
        let base = ScenarioGenerator(people: 20, projects: 8, periods: 10, seed: seed, features: .everything).generate()
        return try PlanningProblem(ScenarioGenerator.inFlight(base, seed: seed))
    }

    @Test("the rule frees the projects with a gap first, then tops up with the rest; without gaps it frees by shared people")
    func order() throws {
        let problem = try Self.portfolio(seed: 2)
        let index = NeighbourhoodIndex(problem: problem)
        let picker = NeighbourhoodPicker(problem: problem, index: index)
        let plan = Allocation(projectCount: problem.projects.count)
        let gapped = Array(index.selectable.suffix(2))
        try #require(gapped.count == 2)
        var random = SeededGenerator(seed: 4)
        let order = picker.order(.relaxationGap, around: plan, using: &random, gaps: [gapped[0]: 2, gapped[1]: 0.3])
        #expect(Set(order.prefix(2)) == Set(gapped))
        #expect(Set(order) == Set(index.selectable), "then every other project, so the budget decides how many")
        var first = SeededGenerator(seed: 5)
        var second = SeededGenerator(seed: 5)
        #expect(picker.order(.relaxationGap, around: plan, using: &first) == picker.order(.sharedPeople, around: plan, using: &second),
                "before the relaxation is solved")
    }

    @Test("a project has a gap only where the relaxation's spans differ from the plan's; its window spans both starts")
    func gaps() throws {
        #if GLPK
        let problem = try Self.portfolio(seed: 3)
        let model = InFlightModel(problem: problem)
        let greedy = try GreedyPlanner().checkedPlan(problem, options: PlanningOptions(seed: 1))
        try #require(greedy.isValid)
        let plan = try #require(model.formulation.values(for: greedy.allocation))
        #expect(model.relaxationGaps(plan, plan: plan).gaps.isEmpty, "a plan has no gap from itself")

        // The same plan without one of its (not started) projects: that project's span is 1 against 0.
        let dropped = try #require(problem.projects.first { greedy.allocation.starts[$0.index] != nil && $0.started == nil && !$0.required })
        var without = greedy.allocation
        without.starts[dropped.index] = nil
        without.finishes[dropped.index] = nil
        without.hours = without.hours.filter { problem.demands[$0.key.demand].project != dropped.index }
        let other = try #require(model.formulation.values(for: without))
        let result = model.relaxationGaps(other, plan: plan)
        #expect(result.gaps.keys.sorted() == [dropped.index])
        #expect(abs((result.gaps[dropped.index] ?? 0) - 1) < 1e-9)
        let start = try #require(greedy.allocation.starts[dropped.index])
        #expect(result.windows[dropped.index] == start...start)

        // Half of each: a fractional relaxation that keeps the project at half its span.
        let half = zip(plan, other).map { ($0 + $1) / 2 }
        #expect(abs((model.relaxationGaps(half, plan: plan).gaps[dropped.index] ?? 0) - 0.5) < 1e-9)
        #endif
    }
}

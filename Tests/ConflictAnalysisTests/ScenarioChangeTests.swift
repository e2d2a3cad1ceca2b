// Applying a resolution's change to a scenario.
import CapacityPlanning
import ConflictAnalysis
import Testing

@Suite("ScenarioChange")
struct ScenarioChangeTests {
    @Test("hire adds a person whose usable hours are the hours hired, only in the hired periods")
    func hire() throws {
        var s = Scenarios.calm()
        s.policy.utilizationCap = 0.8
        let change = ScenarioChange.hire(skill: "data", level: 4, hoursPerPeriod: 10, periods: 1...2, costPerHour: 75)
        let changed = try change.apply(to: s)
        #expect(changed.people.count == 3)
        let hire = try #require(changed.people.last)
        #expect(hire.skills == ["data": 4])
        #expect(hire.costPerHour == 75)
        let problem = try PlanningProblem(changed)
        #expect(problem.people[2].capacity.map { ($0 * 1e9).rounded() / 1e9 } == [0, 10, 10, 0])
        #expect(try change.apply(to: changed).people.last?.id != hire.id, "a second hire gets a new id")
    }

    @Test("delay, extend, drop and budgets change exactly the named field")
    func projectChanges() throws {
        let s = Scenarios.contention()
        #expect(try ScenarioChange.extendDeadline("beta", by: 2).apply(to: s).projects[1].deadline == 2)
        let dropped = try ScenarioChange.drop("beta").apply(to: s)
        #expect(dropped.projects[1].mandatory == false)
        #expect(try PlanningProblem(dropped).projects[1].canBeSelected == false)
        #expect(try ScenarioChange.raiseProjectBudget("gamma", to: 5_000).apply(to: s).projects[2].budget == 5_000)
        #expect(try ScenarioChange.raisePortfolioBudget(to: 9_000).apply(to: s).policy.budget == 9_000)
        let calm = Scenarios.calm()
        #expect(try ScenarioChange.delay("api", by: 1, earliestStart: 1).apply(to: calm).projects[0].earliestStart == 1)
    }

    @Test("a change naming nothing, missing a field, or leaving an invalid scenario is an error that says so")
    func errors() {
        let s = Scenarios.contention()
        #expect(throws: ScenarioError.self) { try ScenarioChange.drop("nope").apply(to: s) }
        do {
            _ = try ScenarioChange.drop("nope").apply(to: s)
        } catch {
            #expect(error.issues.first?.path == "change.project")
        }
        #expect(throws: ScenarioError.self) {
            try ScenarioChange.hire(skill: "x", level: 9, hoursPerPeriod: 1, periods: 0...0, costPerHour: 0).apply(to: s)
        }
        #expect(throws: ScenarioError.self) {
            try ScenarioChange.hire(skill: "x", level: 1, hoursPerPeriod: 1, periods: 0...7, costPerHour: 0).apply(to: s)
        }
        // Delaying a mandatory project past its deadline leaves an invalid scenario.
        #expect(throws: ScenarioError.self) { try ScenarioChange.delay("alpha", by: 1, earliestStart: 1).apply(to: s) }
    }
}

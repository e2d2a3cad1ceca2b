// Every plan a planner returns explains its objective: the terms, the projects with the
// portfolio, the people, the teams, the hires and the courses each sum to what they explain.
import CapacityPlanners
import CapacityPlanning
import ScenarioGeneration
import Foundation
import Testing

@Suite("The objective explained in every plan")
struct PlanExplanationTests {
    /// Records every way `plan`'s explanation fails to sum to its objective and terms.
    static func expectExplained(_ checked: CheckedPlan, _ label: String) {
        #expect(checked.isValid, "\(label): \(checked.check.violations)")
        guard let explained = checked.plan.details?.explanation, let objective = checked.plan.objective else {
            Issue.record("\(label): no explanation in the plan's details")
            return
        }
        #expect(isClose(explained.objective, objective), "\(label): explains \(explained.objective), objective \(objective)")
        let terms = Dictionary(explained.terms.map { ($0.term, $0.amount) }, uniquingKeysWith: +)
        #expect(isClose(explained.terms.map(\.amount).reduce(0, +), objective), "\(label): terms")
        let byProject = explained.projects.map(\.contribution).reduce(0, +) + explained.portfolio.contribution
        #expect(isClose(byProject, objective), "\(label): projects and portfolio sum to \(byProject), objective \(objective)")
        let staff = -(terms["staffCost"] ?? 0)
        #expect(isClose(explained.people.map(\.cost).reduce(0, +), staff), "\(label): people")
        #expect(isClose(explained.teams.map(\.cost).reduce(0, +), staff), "\(label): teams")
        #expect(isClose(explained.hires.map(\.cost).reduce(0, +), -(terms["hiringCost"] ?? 0)), "\(label): hires")
        #expect(isClose(explained.courses.map(\.cost).reduce(0, +), -(terms["trainingCost"] ?? 0)), "\(label): courses")
        for line in explained.projects {
            let parts = line.value + line.strategicValue - line.delayCost - line.lateCost - line.staffCost - line.unmetPenalty
                - line.assignmentPenalty - line.changePenalty - line.startChangePenalty
            #expect(isClose(parts, line.contribution), "\(label): \(line.project)'s parts")
        }
        // Each project's value and staff cost is what the plan gives it.
        let check = checked.check.objective
        #expect(isClose(explained.projects.map(\.value).reduce(0, +), check.value), "\(label): value")
        #expect(isClose(explained.projects.map(\.changePenalty).reduce(0, +), check.changePenalty), "\(label): change penalty")
        #expect(isClose(explained.projects.map(\.unmetPenalty).reduce(0, +), check.unmetPenalty), "\(label): unmet penalty")
    }

    @Test("greedy's plan of every valid fixture (v1, v2, v3) explains its objective")
    func fixtures() throws {
        let all = Fixture.all + Fixture.allVersion2 + Fixture.allVersion3
        var explained = 0
        for fixture in all where !fixture.invalid {
            guard let problem = try? fixture.problem() else { continue }
            guard let checked = try? GreedyPlanner().checkedPlan(problem, options: PlanningOptions()),
                  checked.plan.status != .infeasible else { continue }
            Self.expectExplained(checked, fixture.description)
            explained += 1
        }
        #expect(explained >= 30, "fixtures explained: \(explained)")
    }

    #if GLPK
    @Test("the exact planner's optimum of every valid fixture (v1, v2, v3) explains its objective")
    func fixtureOptima() throws {
        for fixture in Fixture.valid + Fixture.validVersion2 + Fixture.allVersion3.filter({ !$0.invalid && $0.optimalObjective != nil }) {
            let problem = try fixture.problem()
            let checked = try ExactPlanner().checkedPlan(problem, options: PlanningOptions(timeLimit: 60))
            guard checked.plan.status != .infeasible else { continue }
            Self.expectExplained(checked, fixture.description)
        }
    }
    #endif

    @Test("on generated portfolios (v1, v2, in flight, with supply) every greedy plan explains its objective")
    func generated() throws {
        for seed in UInt64(1)...12 {
            let features: ScenarioGenerator.Features = seed % 2 == 0 ? .all : .everything
            var scenario = ScenarioGenerator(people: 3 + Int(seed % 5), projects: 3 + Int(seed % 6), periods: 6 + Int(seed % 7),
                                             seed: seed, features: features).generate()
            if seed % 3 == 1 { scenario = ScenarioGenerator.inFlight(scenario, seed: seed) }
            if seed % 4 == 1 { scenario = ScenarioGenerator.supply(scenario, seed: seed) }
            guard let problem = try? PlanningProblem(scenario),
                  let checked = try? GreedyPlanner().checkedPlan(problem, options: PlanningOptions()),
                  checked.plan.status != .infeasible else { continue }
            Self.expectExplained(checked, "seed \(seed)")
        }
    }
}

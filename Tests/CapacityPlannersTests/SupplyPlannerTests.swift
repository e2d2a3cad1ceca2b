// Supply as a decision (spec v3, Part B): every planner on the fixtures with hiring or training.
#if GLPK
import Testing
import CapacityPlanning
import CapacityPlanners
import ScenarioGeneration
import Foundation
import TestSupport

@Suite("Planners with supply (v3 Part B)")
struct SupplyPlannerTests {
    /// The valid version-3 fixtures that use hiring or training, with their optimum.
    static var supplyFixtures: [Fixture] {
        Fixture.allVersion3.filter { fixture in
            !fixture.invalid && fixture.optimalObjective != nil
                && (try? fixture.problem())?.hasSupply == true
        }
    }

    @Test func theSupplyFixturesAreFound() {
        let names = Set(Self.supplyFixtures.map(\.name))
        #expect(names.isSuperset(of: ["course-in-time.json", "hiring-lead-time.json", "everything.json"]), "\(names)")
    }

    @Test("glpk solves each fixture with hiring or training to its proven optimum", arguments: supplyFixtures)
    func exactOptimum(_ fixture: Fixture) throws {
        let (plan, problem) = try expectExactOptimum(fixture)
        // The optimum of these fixtures needs supply: the plan hires or trains.
        #expect(!(plan.hires ?? []).isEmpty || !(plan.training ?? []).isEmpty)
        try expectHiresNamedAsTheSpecSays(plan, problem)
    }

    @Test("greedy and auto give valid plans within 5 % of the optimum", arguments: supplyFixtures)
    func heuristicsNearTheOptimum(_ fixture: Fixture) throws {
        let problem = try fixture.problem()
        let expected = try #require(fixture.optimalObjective)
        for plan in [try GreedyPlanner().plan(problem, options: PlanningOptions(seed: 1)),
                     try AutoPlanner().plan(problem, options: PlanningOptions(timeLimit: 10, seed: 1))] {
            let check = PlanChecker.check(plan, for: problem)
            #expect(check.isValid, "\(fixture.name) \(plan.solver ?? ""): \(check.violations)")
            let objective = try #require(plan.objective)
            #expect(objective >= expected - 0.05 * abs(expected), "\(fixture.name) \(plan.solver ?? ""): \(objective) vs \(expected)")
            try expectHiresNamedAsTheSpecSays(plan, problem)
        }
    }

    @Test func hiringWaitsForTheLeadTimeAndPaysTheSalaryToTheEnd() throws {
        let fixture = try #require(Self.supplyFixtures.first { $0.name == "hiring-lead-time.json" })
        let problem = try fixture.problem()
        let plan = try ExactPlanner().plan(problem, options: PlanningOptions(timeLimit: 60))
        #expect(plan.hires == [Hire(role: "data-engineer", start: 2, count: 2)])
        let breakdown = PlanChecker.check(plan, for: problem).objective
        // 2 × (3,000 hiring + 40 h × 60 × 4 periods of salary)
        #expect(isClose(breakdown.hiringCost ?? 0, 2 * (3000 + 40 * 60 * 4)))
        #expect(breakdown.staffCost == 0)
        // Moved a period earlier than the lead time allows, the same plan breaks rule 14.
        var early = plan
        early.hires = [Hire(role: "data-engineer", start: 1, count: 2)]
        #expect(PlanChecker.check(early, for: problem).violations.contains { $0.rule == .hires })
        // Without the hires, their hours belong to nobody: rule 6.
        var unhired = plan
        unhired.hires = nil
        #expect(PlanChecker.check(unhired, for: problem).violations.contains { $0.rule == .capacity })
    }

    @Test func aCourseQualifiesFromThePeriodAfterItEndsAndTakesItsHours() throws {
        let fixture = try #require(Self.supplyFixtures.first { $0.name == "course-in-time.json" })
        let problem = try fixture.problem()
        let plan = try ExactPlanner().plan(problem, options: PlanningOptions(timeLimit: 60))
        #expect(plan.training == [CourseTaken(course: "ben-ml", start: 2)])
        // Started a period later, the course ends in 4, when ml-scoring already needs ben.
        var late = plan
        late.training = [CourseTaken(course: "ben-ml", start: 3)]
        #expect(PlanChecker.check(late, for: problem).violations.contains { $0.rule == .eligibility })
        // Started in 1, its 10 hours and the report's 35 are over ben's usable 36 in period 1.
        var early = plan
        early.training = [CourseTaken(course: "ben-ml", start: 1)]
        #expect(PlanChecker.check(early, for: problem).violations.contains { $0.rule == .capacity })
        var twice = plan
        twice.training = [CourseTaken(course: "ben-ml", start: 2), CourseTaken(course: "ben-ml", start: 2)]
        #expect(PlanChecker.check(twice, for: problem).violations.contains { $0.rule == .training })
    }

    @Test("on generated portfolios with roles and courses, every planner's plan passes the checker")
    func generatedPortfolios() throws {
        var supplied = 0, planned = 0
        for seed in UInt64(1)...12 {
            var scenario = ScenarioGenerator(people: 3 + Int(seed % 4), projects: 3 + Int(seed % 3), periods: 6 + Int(seed % 4),
                                             seed: seed, features: .everything).generate()
            if seed % 2 == 1 { scenario = ScenarioGenerator.inFlight(scenario, seed: seed) }
            let problem = try PlanningProblem(ScenarioGenerator.supply(scenario, seed: seed))
            #expect(problem.hasSupply, "seed \(seed)")
            let exact = try ExactPlanner().plan(problem, options: PlanningOptions(timeLimit: 20))
            guard exact.status != .infeasible else { continue }
            let plans = [exact,
                         try GreedyPlanner().plan(problem, options: PlanningOptions(seed: seed)),
                         try AutoPlanner().plan(problem, options: PlanningOptions(timeLimit: 2, seed: seed))]
            for plan in plans {
                let check = PlanChecker.check(plan, for: problem)
                #expect(check.isValid, "seed \(seed) \(plan.solver ?? ""): \(check.violations)")
                try expectHiresNamedAsTheSpecSays(plan, problem)
            }
            if exact.status == .optimal, let best = exact.objective {
                for plan in plans.dropFirst() {
                    #expect((plan.objective ?? -.infinity) <= best + 1e-6 * max(1, abs(best)), "seed \(seed): \(plan.solver ?? "") above the optimum")
                }
            }
            if !(exact.hires ?? []).isEmpty || !(exact.training ?? []).isEmpty { supplied += 1 }
            planned += 1
        }
        #expect(planned >= 9)
        #expect(supplied >= 1, "no optimum hired or trained on any generated portfolio")
    }

    @Test("Examples/hire-or-train.json: the optimum hires and trains, and beats the same portfolio without supply")
    func example() throws {
        let scenario = try Scenario(json: Data(contentsOf: SharedFiles.examples.appendingPathComponent("hire-or-train.json")))
        let problem = try PlanningProblem(scenario)
        let plan = try ExactPlanner().plan(problem, options: PlanningOptions(timeLimit: 60))
        #expect(plan.status == .optimal && PlanChecker.check(plan, for: problem).isValid)
        #expect(plan.hires?.contains { $0.role == "senior-data-scientist" } == true)
        #expect(plan.training?.contains { $0.course == "ada-data" } == true)
        #expect(plan.training?.contains { $0.course == "tom-data" } == false, "Tom's long, dear course does not pay")
        var without = scenario
        without.hiring = []
        without.training = []
        let alone = try ExactPlanner().plan(try PlanningProblem(without), options: PlanningOptions(timeLimit: 60))
        let (with, bare) = (try #require(plan.objective), try #require(alone.objective))
        #expect(alone.status == .optimal && with > bare, "with supply \(with), without \(bare)")
        // Without supply only one of the three data projects fits; with it all three go ahead.
        let data = ["churn-model", "pricing-engine", "demand-forecast"]
        #expect(plan.projects.filter { data.contains($0.id) && $0.selected }.count == 3)
        #expect(alone.projects.filter { data.contains($0.id) && $0.selected }.count == 1)
    }

    @Test("with a price on pairs a third hire may pay where two have the hours: the model keeps every allowed hire")
    func hiresThatSavePairs() throws {
        // 80 h in one period; two hires of 40 could do them, but one would work on two projects
        // (4 pairs at 1,000); three hires make 3 pairs for 40 more of salary.
        let lines = [("a", 30.0), ("b", 30.0), ("c", 20.0)]
        let problem = try PlanningProblem(Scenario(
            version: 3, horizon: Horizon(periods: 1),
            people: [Person(id: "ana", skills: ["ops": 1], capacity: .constant(40), costPerHour: 10)],
            projects: lines.map { Project(id: $0.0, value: 10_000, duration: 1,
                                          demands: [Demand(id: "data", skill: "data", minLevel: 3, hours: .constant($0.1))]) },
            policy: Policy(utilizationCap: 1, assignmentPenalty: 1_000),
            hiring: [Role(id: "eng", skills: ["data": 4], capacity: 40, costPerHour: 1, maxHires: 3)]))
        let plan = try ExactPlanner().plan(problem, options: PlanningOptions(timeLimit: 30))
        #expect(plan.status == .optimal && PlanChecker.check(plan, for: problem).isValid)
        #expect(plan.hires == [Hire(role: "eng", start: 0, count: 3)])
        #expect(plan.objective.map { isClose($0, 30_000 - 120 - 3_000) } == true, "\(plan.objective ?? .nan)")
    }

    @Test("greedy prices a hire's hours at its role's rate where a project has a budget: the hire takes the project without one")
    func greedyHiresWithinBudgets() throws {
        // ana can staff one of the two projects; a hire the other. The budgeted project fits its
        // budget only with ana's hours (50 an hour), not the hire's (60, rule 8).
        let problem = try PlanningProblem(Scenario(
            version: 3, horizon: Horizon(periods: 3),
            people: [Person(id: "ana", skills: ["data": 3], capacity: .constant(40), costPerHour: 50)],
            projects: [Project(id: "budgeted", value: 20_000, duration: 3, budget: 6_500,
                               demands: [Demand(id: "d", skill: "data", minLevel: 3, hours: .constant(40))]),
                       Project(id: "open", value: 20_000, duration: 3,
                               demands: [Demand(id: "d", skill: "data", minLevel: 3, hours: .constant(40))])],
            policy: Policy(utilizationCap: 1),
            hiring: [Role(id: "eng", skills: ["data": 3], capacity: 40, costPerHour: 60, hireCost: 1_000, maxHires: 1)]))
        for plan in [try GreedyPlanner().plan(problem, options: PlanningOptions(seed: 1)),
                     try ExactPlanner().plan(problem, options: PlanningOptions(timeLimit: 30))] {
            #expect(PlanChecker.check(plan, for: problem).isValid, "\(plan.solver ?? ""): \(PlanChecker.check(plan, for: problem).violations)")
            #expect(plan.projects.filter(\.selected).count == 2, "\(plan.solver ?? ""): \(plan.projects)")
            #expect(plan.hires == [Hire(role: "eng", start: 0, count: 1)], "\(plan.solver ?? "")")
        }
    }

    /// Hires are `ROLE#1 … ROLE#n`, n the role's hires in the plan, each with hours only from its start.
    private func expectHiresNamedAsTheSpecSays(_ plan: Plan, _ problem: PlanningProblem) throws {
        var startsByName: [String: Int] = [:]
        for role in problem.scenario.hiring {
            let starts = (plan.hires ?? []).filter { $0.role == role.id }
                .flatMap { Array(repeating: $0.start, count: $0.count) }.sorted()
            for (k, start) in starts.enumerated() { startsByName[Scenario.hireName(role: role.id, number: k + 1)] = start }
        }
        let hireNames = Set(problem.people.filter { $0.hire != nil }.map(\.id))
        for a in plan.assignments where hireNames.contains(a.person) {
            let start = try #require(startsByName[a.person], "\(a.person) has hours but is not hired")
            #expect(a.period >= start, "\(a.person) works in \(a.period), before its start \(start)")
        }
    }
}
#endif

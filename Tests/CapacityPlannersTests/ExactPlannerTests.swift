#if GLPK
import Testing
import CapacityPlanning
import ScenarioGeneration
import CapacityPlanners

@Suite("Exact planner (GLPK)")
struct ExactPlannerTests {
    @Test("every valid v1 and v2 fixture, and each v3 one without hiring or training, solved to its proven optimum",
          arguments: Fixture.valid + Fixture.validVersion2 + Fixture.plannableVersion3)
    func fixtureOptimum(_ fixture: Fixture) throws {
        let (plan, problem) = try expectExactOptimum(fixture)
        let size = try #require(plan.details?.model)
        #expect(size.columns > 0 || problem.projects.allSatisfy { !$0.canBeSelected })
    }

    @Test func fixturesAreFound() {
        #expect(Fixture.valid.count >= 15)
        #expect(Fixture.validVersion2.count >= 10)
        #expect(Fixture.plannableVersion3.count >= 8 && Fixture.plannableVersion3.contains { $0.name == "no-new-keys.json" })
        #expect(Fixture.plannableVersion3.filter { (try? $0.problem())?.isInFlight == true }.count >= 7)
    }

    @Test func randomScenariosGiveValidPlansNeverWorseThanGreedy() throws {
        var solved = 0
        for seed in UInt64(1)...200 {
            let people = 3 + Int(seed % 6)
            let projects = 2 + Int(seed % 5)
            let periods = 4 + Int(seed % 7)
            let scenario = ScenarioGenerator(people: people, projects: projects, periods: periods, seed: seed).generate()
            let problem = try PlanningProblem(scenario)
            let greedy = try? GreedyPlanner().plan(problem, options: PlanningOptions(seed: seed, moveLimit: 200))
            let options = PlanningOptions(timeLimit: 20, seed: seed, warmStart: greedy.map { CheckedPlan($0, for: problem) })
            let exact = try ExactPlanner(warmStartWithGreedy: false).plan(problem, options: options)
            if exact.status == .infeasible {
                #expect(greedy == nil || greedy?.status == .infeasible, "seed \(seed): GLPK says infeasible, greedy found a plan")
                continue
            }
            #expect(PlanChecker.check(exact, for: problem).isValid, "seed \(seed)")
            if let greedy, greedy.status != .infeasible {
                let g = greedy.objective ?? -.infinity
                let e = exact.objective ?? -.infinity
                #expect(e >= g - 1e-6 * max(1, abs(g)), "seed \(seed): exact \(e) < greedy \(g)")
            }
            solved += 1
        }
        #expect(solved >= 170)
    }

    private func tinyScenario(budget: Double?, pinHours: Double, globalBudget: Double? = nil) -> Scenario {
        Scenario(
            horizon: Horizon(periods: 2),
            people: [Person(id: "ana", skills: ["backend": 3], capacity: .constant(40), costPerHour: 100)],
            projects: [Project(id: "api", value: 5000, duration: 1, budget: budget,
                               demands: [Demand(skill: "backend", hours: .constant(10))])],
            pins: [Pin(person: "ana", project: "api", hours: pinHours)],
            policy: Policy(budget: globalBudget))
    }

    @Test func pinsAndBudgetsThatCannotAllHoldAreInfeasibleWithADiagnosis() throws {
        let problem = try PlanningProblem(tinyScenario(budget: 500, pinHours: 10))
        let plan = try ExactPlanner().plan(problem, options: PlanningOptions())
        #expect(plan.status == .infeasible)
        #expect(plan.objective == nil)
        let diagnosis = plan.details?.diagnosis ?? []
        #expect(diagnosis.contains { $0.contains("pin 0") || $0.contains("budget of project 'api'") }, "\(diagnosis)")
    }

    @Test func portfolioBudgetAgainstAPinIsDiagnosed() throws {
        let problem = try PlanningProblem(tinyScenario(budget: nil, pinHours: 10, globalBudget: 300))
        let plan = try ExactPlanner().plan(problem, options: PlanningOptions())
        #expect(plan.status == .infeasible)
        #expect((plan.details?.diagnosis ?? []).contains { $0.contains("portfolio budget") || $0.contains("pin 0") })
    }

    @Test func aPinThatFitsIsKept() throws {
        let problem = try PlanningProblem(tinyScenario(budget: 1000, pinHours: 10))
        let plan = try ExactPlanner().plan(problem, options: PlanningOptions())
        #expect(plan.status == .optimal)
        #expect(isClose(plan.objective ?? 0, 5000 - 1000))
    }

    @Test func aPinWhosePersonDoesNotQualifyIsInfeasibleWithoutASolve() throws {
        var scenario = tinyScenario(budget: nil, pinHours: 5)
        scenario.people[0].skills = ["design": 5]
        let plan = try ExactPlanner().plan(try PlanningProblem(scenario), options: PlanningOptions())
        #expect(plan.status == .infeasible)
        #expect((plan.details?.diagnosis ?? []).contains { $0.contains("qualifies for no demand") })
    }

    @Test func aMandatoryProjectPushedOutOfItsWindowByDependenciesIsInfeasible() throws {
        let scenario = Scenario(
            horizon: Horizon(periods: 4),
            people: [],
            projects: [
                Project(id: "base", duration: 3),
                Project(id: "urgent", mandatory: true, duration: 2, deadline: 3, dependsOn: ["base"]),
            ])
        let plan = try ExactPlanner().plan(try PlanningProblem(scenario), options: PlanningOptions())
        #expect(plan.status == .infeasible)
        #expect((plan.details?.diagnosis ?? []).contains { $0.contains("urgent") })
    }

    @Test func aTimeLimitGivesAnHonestStatusAndBound() throws {
        let scenario = ScenarioGenerator(people: 40, projects: 20, periods: 16, seed: 11).generate()
        let problem = try PlanningProblem(scenario)
        let plan = try ExactPlanner().plan(problem, options: PlanningOptions(timeLimit: 1))
        #expect(plan.status != .infeasible)
        #expect(PlanChecker.check(plan, for: problem).isValid)
        if plan.status == .feasible, let bound = plan.bound, let objective = plan.objective {
            #expect(bound >= objective)
        }
    }

    @Test func cancellationReturnsAValidPlan() throws {
        let scenario = ScenarioGenerator(people: 30, projects: 15, periods: 12, seed: 5).generate()
        let problem = try PlanningProblem(scenario)
        let token = PlanningCancellation()
        token.cancel()
        let plan = try ExactPlanner().plan(problem, options: PlanningOptions(timeLimit: 30, cancellation: token))
        #expect(plan.status == .feasible || plan.status == .optimal)
        #expect(PlanChecker.check(plan, for: problem).isValid)
    }

    @Test func warmStartFromGreedyIsNeverLost() throws {
        let scenario = ScenarioGenerator(people: 20, projects: 10, periods: 10, seed: 3).generate()
        let problem = try PlanningProblem(scenario)
        let greedy = try GreedyPlanner().plan(problem, options: PlanningOptions(seed: 3))
        let exact = try ExactPlanner(warmStartWithGreedy: false)
            .plan(problem, options: PlanningOptions(timeLimit: 5, warmStart: CheckedPlan(greedy, for: problem)))
        #expect((exact.objective ?? -.infinity) >= (greedy.objective ?? .infinity) - 1e-6 * max(1, abs(greedy.objective ?? 0)))
    }
}
#endif

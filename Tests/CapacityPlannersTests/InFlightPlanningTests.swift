#if GLPK
// Planning format v3's portfolio in flight (Part A): the exact planner's own model against the
// version-2 model it must agree with, on generated portfolios; who plans it.
import CapacityPlanners
import CapacityPlanning
import ScenarioGeneration
import Foundation
import Testing

@Suite("Planning the portfolio in flight (format v3, Part A)")
struct InFlightPlanningTests {
    /// A generated version-2 portfolio (every v1 and v2 complication) and its version-3 twin that
    /// means the same: each project gets a `due` with no late penalty and an explicit
    /// `maxDuration` equal to its duration, so the in-flight model solves it.
    static func twins(seed: UInt64) -> (plain: Scenario, inFlight: Scenario) {
        let plain = ScenarioGenerator(people: 3 + Int(seed % 4), projects: 3 + Int(seed % 4), periods: 5 + Int(seed % 5),
                                      seed: seed, features: .everything).generate()
        var twin = plain
        twin.version = 3
        for j in twin.projects.indices {
            twin.projects[j].due = twin.projects[j].earliestStart
            twin.projects[j].maxDuration = twin.projects[j].duration
        }
        return (plain, twin)
    }

    @Test("on 40 generated portfolios the in-flight model and the version-2 model prove the same optimum")
    func agreesWithTheVersion2Model() throws {
        var compared = 0
        for seed in UInt64(1)...40 {
            let (plain, twin) = Self.twins(seed: seed)
            guard let v2 = try? PlanningProblem(plain) else { continue }
            let v3 = try PlanningProblem(twin)
            #expect(v3.isInFlight && !v2.isInFlight)
            let options = PlanningOptions(timeLimit: 30)
            let a = try ExactPlanner(warmStartWithGreedy: false).plan(v2, options: options)
            let b = try ExactPlanner().plan(v3, options: options)
            #expect(a.status == b.status || (a.status != .infeasible && b.status != .infeasible), "seed \(seed)")
            guard a.status == .optimal, b.status == .optimal, let x = a.objective, let y = b.objective else { continue }
            #expect(abs(x - y) <= 1e-6 * max(1, abs(x)), "seed \(seed): v2 model \(x), in-flight model \(y)")
            #expect(PlanChecker.check(b, for: v3).isValid, "seed \(seed)")
            compared += 1
        }
        #expect(compared >= 30)
    }

    @Test("Examples/in-flight.json: planned to a proven optimum, the payments migration finishing after its due date")
    func example() throws {
        let problem = try PlanningProblem(try Scenario(json: Data(contentsOf: SharedFiles.examples.appendingPathComponent("in-flight.json"))))
        let checked = try ExactPlanner().checkedPlan(problem, options: PlanningOptions(timeLimit: 60))
        #expect(checked.isValid && checked.plan.status == .optimal)
        let payments = try #require(problem.projectIndex["payments-migration"])
        let finish = try #require(checked.allocation.finish(of: payments, in: problem))
        #expect(finish > (problem.projects[payments].due ?? .max), "the backend work left cannot be done by week 16")
        #expect((checked.check.objective.lateCost ?? 0) > 0)
    }

    @Test("a pin after a flexible project's shortest finish is met by finishing later")
    func pinAfterTheShortestFinish() throws {
        let scenario = Scenario(
            version: 3, horizon: Horizon(periods: 14),
            people: [Person(id: "ana", skills: ["backend": 3], capacity: .constant(40), costPerHour: 10)],
            projects: [Project(id: "erp", value: 10000, duration: 4, demands: [Demand(id: "backend", skill: "backend", work: 120)],
                               started: 2, maxDuration: 12)],
            pins: [Pin(person: "ana", project: "erp", period: 9, hours: 10)],
            status: Status(period: 8))
        let problem = try PlanningProblem(scenario)
        let checked = try ExactPlanner().checkedPlan(problem, options: PlanningOptions(timeLimit: 10))
        #expect(checked.isValid && checked.plan.status == .optimal)
        #expect((checked.allocation.finish(of: 0, in: problem) ?? 0) >= 9)
    }

    @Test("auto, greedy and the search all plan a portfolio in flight")
    func whoPlansIt() throws {
        let problem = try Fixture.allVersion3.first { $0.name == "status-actuals-started.json" }.map { try $0.problem() }
        let inFlight = try #require(problem)
        let auto = try AutoPlanner().plan(inFlight, options: PlanningOptions(timeLimit: 10))
        #expect(auto.status == .optimal && auto.objective.map { isClose($0, 34400) } == true)
        #expect(auto.projects.first?.finish == 4 && auto.projects.first?.late == 1)
        let greedy = try GreedyPlanner().checkedPlan(inFlight, options: PlanningOptions())
        #expect(greedy.isValid && greedy.plan.status == .feasible)
        let lns = try LargeNeighbourhoodPlanner().checkedPlan(inFlight, options: PlanningOptions(timeLimit: 10))
        #expect(lns.isValid && lns.plan.status == .optimal && isClose(lns.check.objective.total, 34400))
    }

    @Test("a started project whose profile lies wholly in the past is kept, finishing before the status period")
    func doneBeforeTheStatusPeriod() throws {
        // Started in 0 for 3 periods, status period 4: nothing is left, its value is still to be had.
        let scenario = Scenario(
            version: 3, horizon: Horizon(periods: 8),
            people: [Person(id: "ana", skills: ["qa": 3], capacity: .constant(40), costPerHour: 10)],
            projects: [Project(id: "report", value: 9000, duration: 3, demands: [Demand(skill: "qa", hours: .constant(20))],
                               started: 0)],
            status: Status(period: 4))
        let problem = try PlanningProblem(scenario)
        let exact = try ExactPlanner().checkedPlan(problem, options: PlanningOptions(timeLimit: 10))
        #expect(exact.isValid && exact.plan.status == .optimal)
        #expect(exact.allocation.starts == [0] && exact.allocation.finish(of: 0, in: problem) == 2)
        #expect(isClose(exact.check.objective.total, 9000))
    }

    /// Greedy's valid plans bound the exact model from below: a greedy plan above a "proven
    /// optimum" means the model cut off valid plans (it did: a started project with nothing left
    /// had no span; the ladder's 20×10×12 seed 1, 404,268 against a claimed 332,605).
    @Test("on 16 generated portfolios in flight greedy never beats the exact planner's proven optimum")
    func greedyBelowTheOptimum() throws {
        var compared = 0
        for seed in UInt64(1)...16 {
            let base = ScenarioGenerator(people: 6 + Int(seed % 15), projects: 4 + Int(seed % 7), periods: 8 + Int(seed % 5),
                                         seed: seed, features: .everything).generate()
            let problem = try PlanningProblem(ScenarioGenerator.inFlight(base, seed: seed))
            // The exact planner starts from the greedy plan: whatever its status, its plan is checked.
            let exact = try ExactPlanner().checkedPlan(problem, options: PlanningOptions(timeLimit: 10))
            let greedy = try GreedyPlanner().checkedPlan(problem, options: PlanningOptions(seed: seed))
            #expect(exact.isValid && greedy.isValid, "seed \(seed)")
            guard exact.plan.status == .optimal else { continue }
            let optimum = exact.check.objective.total
            #expect(greedy.check.objective.total <= optimum + 1e-6 * max(1, abs(optimum)), "seed \(seed)")
            compared += 1
        }
        #expect(compared >= 12)
    }
}
#endif

// The greedy planner on format v3's portfolio in flight (Part A): valid plans on the fixtures, the
// example and generated portfolios (nothing before the status period, flexible work inside each
// project's span, started projects at their start), never above a proven optimum.
import CapacityPlanners
import CapacityPlanning
import ScenarioGeneration
import Foundation
import Testing

@Suite("Greedy on the portfolio in flight (format v3, Part A)")
struct GreedyInFlightTests {
    /// The rules users rely on beyond the checker's verdict: no hours before the status period,
    /// flexible hours only in `[max(s, S), f]`, a selected started project at its `started`.
    static func expectInFlightShape(_ allocation: Allocation, _ problem: PlanningProblem, _ label: String) {
        for (cell, hours) in allocation.hours where hours > 0 {
            #expect(cell.period >= problem.statusPeriod, "\(label): hours in the past, period \(cell.period)")
            let line = problem.demands[cell.demand]
            guard line.isFlexible, let s = allocation.starts[line.project],
                  let f = allocation.finish(of: line.project, in: problem) else { continue }
            #expect(cell.period >= max(s, problem.statusPeriod) && cell.period <= f,
                    "\(label): flexible hours of '\(problem.projects[line.project].id)' in \(cell.period), outside \(s)…\(f)")
        }
        for info in problem.projects {
            if let started = info.started, let s = allocation.starts[info.index] {
                #expect(s == started, "\(label): started project '\(info.id)' moved to \(s)")
            }
        }
    }

    @Test("every Part A fixture: a valid plan, never above the proven optimum",
          arguments: Fixture.plannableVersion3.filter { (try? $0.problem())?.isInFlight == true })
    func fixtures(_ fixture: Fixture) throws {
        let problem = try fixture.problem()
        let checked = try GreedyPlanner().checkedPlan(problem, options: PlanningOptions())
        #expect(checked.isValid, "\(checked.check.violations)")
        #expect(checked.plan.status == .feasible)
        let optimum = try #require(fixture.optimalObjective)
        #expect(checked.check.objective.total <= optimum + 1e-6 * max(1, abs(optimum)))
        Self.expectInFlightShape(checked.allocation, problem, fixture.name)
    }

    @Test("Examples/in-flight.json: a valid plan that keeps the in-flight rules")
    func example() throws {
        let url = SharedFiles.examples.appendingPathComponent("in-flight.json")
        let problem = try PlanningProblem(try Scenario(json: Data(contentsOf: url)))
        let checked = try GreedyPlanner().checkedPlan(problem, options: PlanningOptions())
        #expect(checked.isValid, "\(checked.check.violations)")
        #expect(checked.plan.projects.contains { $0.id == "payments-migration" && $0.selected && $0.finish != nil })
        Self.expectInFlightShape(checked.allocation, problem, "in-flight.json")
    }

    @Test("flexible work makes room: a fixed line's busy period is left to it, the flexible work done around it")
    func flexibleWorkMakesRoom() throws {
        // One person, 40 h a period. The audit needs 30 h in period 0 (mandatory); the migration
        // 60 h in periods 0–2 at up to 40 h a period. Spread evenly (20 h a period) it would
        // leave the audit 10 h short in period 0; done in periods 1–2 both fit.
        let scenario = Scenario(
            version: 3, horizon: Horizon(periods: 3),
            people: [Person(id: "ana", skills: ["backend": 3], capacity: .constant(40), costPerHour: 10)],
            projects: [Project(id: "audit", value: 1000, mandatory: true, duration: 1,
                               demands: [Demand(skill: "backend", hours: .constant(30))]),
                       Project(id: "migration", value: 5000, duration: 3,
                               demands: [Demand(id: "backend", skill: "backend", work: 60, maxPerPeriod: 40)])],
            policy: Policy(unmetPenaltyPerHour: 500))
        let problem = try PlanningProblem(scenario)
        let checked = try GreedyPlanner().checkedPlan(problem, options: PlanningOptions())
        #expect(checked.isValid, "\(checked.check.violations)")
        #expect(checked.allocation.starts == [0, 0])
        #expect(checked.check.objective.unmetHours <= 1e-6)
        #expect(abs(checked.check.objective.total - (6000 - 900)) <= 1e-6)
    }

    @Test("30 generated portfolios in flight: every greedy plan passes the checker and keeps the in-flight rules")
    func generated() throws {
        var planned = 0
        for seed in UInt64(1)...30 {
            let base = ScenarioGenerator(people: 4 + Int(seed % 17), projects: 4 + Int(seed % 9), periods: 8 + Int(seed % 7),
                                         seed: seed, features: .everything).generate()
            let scenario = ScenarioGenerator.inFlight(base, seed: seed)
            let problem = try PlanningProblem(scenario)
            #expect(problem.isInFlight && problem.statusPeriod > 0)
            let checked: CheckedPlan
            do {
                checked = try GreedyPlanner().checkedPlan(problem, options: PlanningOptions(seed: seed))
            } catch {
                Issue.record("seed \(seed): \(error)")
                continue
            }
            #expect(checked.isValid, "seed \(seed): \(checked.check.violations)")
            Self.expectInFlightShape(checked.allocation, problem, "seed \(seed)")
            planned += 1
        }
        #expect(planned == 30)
    }

    @Test("the ladder's 20×10×12 seed 2 in flight: a cancelled started project whose profile is all past is placed again without a trap")
    func startedProjectWithItsProfileInThePast() throws {
        let base = ScenarioGenerator(people: 20, projects: 10, periods: 12, seed: 2, features: .everything).generate()
        let problem = try PlanningProblem(ScenarioGenerator.inFlight(base, seed: 2))
        let checked = try GreedyPlanner().checkedPlan(problem, options: PlanningOptions(seed: 2))
        #expect(checked.isValid, "\(checked.check.violations)")
        Self.expectInFlightShape(checked.allocation, problem, "20x10x12 s2")
    }

    @Test("a rate far too small for the work (schemathesis found it trapping): the project cannot be staffed, no trap")
    func tinyRate() throws {
        let scenario = Scenario(
            version: 3, horizon: Horizon(periods: 6),
            people: [Person(id: "ana", skills: ["backend": 3], capacity: .constant(40), costPerHour: 10)],
            projects: [Project(id: "endless", value: 5000, duration: 2,
                               demands: [Demand(id: "backend", skill: "backend", work: 1e15, maxPerPeriod: 1e-59)], maxDuration: 6)])
        let problem = try PlanningProblem(scenario)
        let checked = try GreedyPlanner().checkedPlan(problem, options: PlanningOptions())
        #expect(checked.isValid && checked.allocation.starts == [nil])
    }

    @Test("work that cannot fit at its rate: a mandatory project runs its longest span and falls short; a far too long one is ignored")
    func workBeyondTheSpan() throws {
        let scenario = Scenario(
            version: 3, horizon: Horizon(periods: 8),
            people: [Person(id: "ana", skills: ["backend": 3], capacity: .constant(40), costPerHour: 10)],
            projects: [Project(id: "audit", value: 5000, mandatory: true, duration: 2,
                               demands: [Demand(id: "backend", skill: "backend", work: 1000, maxPerPeriod: 30)], maxDuration: 4),
                       Project(id: "forever", value: 9000, duration: 1_000_000_000,
                               demands: [Demand(id: "backend", skill: "backend", work: 10)])],
            policy: Policy(unmetPenaltyPerHour: 100))
        let problem = try PlanningProblem(scenario)
        let checked = try GreedyPlanner().checkedPlan(problem, options: PlanningOptions())
        #expect(checked.isValid, "\(checked.check.violations)")
        #expect(checked.allocation.starts == [0, nil] && checked.allocation.finish(of: 0, in: problem) == 3)
        #expect(abs(checked.check.objective.unmetHours - (1000 - 4 * 30)) <= 1e-6)
    }

    @Test("the status period at the horizon's end: started work that is done is kept, nothing is planned")
    func statusAtTheEnd() throws {
        let scenario = Scenario(
            version: 3, horizon: Horizon(periods: 6),
            people: [Person(id: "ana", skills: ["backend": 3], capacity: .constant(40), costPerHour: 10)],
            projects: [Project(id: "done", value: 5000, duration: 3, demands: [Demand(id: "backend", skill: "backend", work: 0)],
                               started: 1),
                       Project(id: "later", value: 9000, duration: 2, demands: [Demand(skill: "backend", hours: .constant(10))])],
            status: Status(period: 6))
        let problem = try PlanningProblem(scenario)
        let checked = try GreedyPlanner().checkedPlan(problem, options: PlanningOptions())
        #expect(checked.isValid)
        #expect(checked.allocation.starts == [1, nil] && checked.allocation.finish(of: 0, in: problem) == 3)
        #expect(checked.allocation.hours.isEmpty)
    }
}

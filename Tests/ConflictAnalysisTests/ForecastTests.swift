// The forecast of a portfolio in flight (spec v3, section 6): the late project, its lateness and
// reason, and mitigations whose objective changes are reproduced by re-solving their changes.
import CapacityPlanners
import CapacityPlanning
@testable import ConflictAnalysis
import Foundation
import Testing
import TestSupport

@Suite("Conflict analysis: the forecast of a portfolio in flight")
struct ForecastTests {
    static func example() throws -> Scenario {
        try Scenario(json: Data(contentsOf: SharedFiles.examples.appendingPathComponent("in-flight.json")))
    }

    @Test("Examples/in-flight.json: the payments migration is late, why, and three mitigations, each reproduced by a re-solve")
    func example() throws {
        let scenario = try Self.example()
        let report = try ConflictAnalyzer(options: testOptions()).analyze(scenario)
        let forecast = try #require(report.forecast)
        let problem = try PlanningProblem(scenario)
        #expect(forecast.count == report.plan.selectedProjects)
        let payments = try #require(forecast.first { $0.project == "payments-migration" })
        #expect(payments.late > 0 && payments.due == 15 && payments.finish == 15 + payments.late)
        #expect(payments.dueLabel == "W16" && payments.dueDate == "2027-04-19")
        #expect(forecast.first?.project == "payments-migration", "the latest first")
        let reason = try #require(payments.reason)
        #expect(reason.kind == .skill && reason.skill == "backend" && reason.minLevel == 3 && !reason.periods.isEmpty)
        #expect(payments.mitigations.count == 3)
        let changes = payments.mitigations.compactMap(\.objectiveChange)
        #expect(changes == changes.sorted(by: >), "best first")
        // Each mitigation is its change re-solved: apply it, solve, compare with the reference.
        guard testPlanner == .glpk else { return }  // the exact planner's optima make the comparison exact
        let reference = try solvedObjective(scenario)
        #expect(abs(reference - (report.reference.objective ?? .nan)) <= 1e-6 * max(1, abs(reference)))
        for mitigation in payments.mitigations {
            #expect(mitigation.outcome.status == .optimal)
            let changed = try mitigation.change.apply(to: scenario)
            let objective = try solvedObjective(changed)
            let change = try #require(mitigation.objectiveChange)
            #expect(abs(objective - reference - change) <= 1e-6 * max(1, abs(objective)), "\(mitigation.description)")
            #expect(mitigation.newLate.map { $0 <= payments.late } ?? true, "\(mitigation.description)")
        }
        #expect(problem.isInFlight)
    }

    @Test("the text reads like the PMO's sentence: who, how late, why, and three mitigations with their worth")
    func text() throws {
        let report = try ConflictAnalyzer(options: testOptions()).analyze(try Self.example())
        let text = report.text()
        #expect(text.contains("payments-migration will finish in W"))
        #expect(text.contains("after its due date W16 (2027-04-19)"))
        #expect(text.contains("because everyone with backend ≥ 3 is fully booked in"))
        #expect(text.contains("    1. ") && text.contains("    2. ") && text.contains("    3. "))
        #expect(!text.contains("SKILL SHORTAGES"), "the sections not computed in flight are left out, not shown empty")
    }

    @Test("a dependency that finishes late is named as the reason")
    func dependencyReason() throws {
        // platform runs 0–3 (it is started, its 160 h left at 40 h a period from period 2); app
        // depends on it, is due in period 4 and takes 2 periods: it cannot finish before 5.
        let scenario = Scenario(
            version: 3, horizon: Horizon(periods: 10),
            people: [Person(id: "ana", skills: ["backend": 3], capacity: .constant(40), costPerHour: 10),
                     Person(id: "bo", skills: ["frontend": 3], capacity: .constant(40), costPerHour: 10)],
            projects: [Project(id: "platform", value: 50000, mandatory: true, duration: 2,
                               demands: [Demand(id: "backend", skill: "backend", work: 80, maxPerPeriod: 40)],
                               started: 0, maxDuration: 6),
                       Project(id: "app", value: 20000, duration: 2, dependsOn: ["platform"],
                               demands: [Demand(skill: "frontend", hours: .constant(20))], due: 4, latePenaltyPerPeriod: 100)],
            status: Status(period: 2))
        let report = try ConflictAnalyzer(options: testOptions()).analyze(scenario)
        let app = try #require(report.forecast?.first { $0.project == "app" })
        #expect(app.late == 1 && app.reason?.kind == .dependency && app.reason?.blocker == "platform")
        #expect(app.mitigations.contains { $0.change.kind == .moveDue })
    }

    @Test("a given plan that finishes past the horizon is analysed without a trap (its violations are reported)")
    func givenPlanPastTheHorizon() throws {
        let scenario = try Self.example()
        let projects = scenario.projects.map { project in
            project.id == "payments-migration" ? ProjectDecision(id: project.id, selected: true, start: 2, finish: 400)
                : ProjectDecision(id: project.id, selected: false)
        }
        let plan = Plan(status: .feasible, projects: projects, assignments: [])
        let report = try ConflictAnalyzer(options: testOptions()).analyze(scenario, plan: plan)
        #expect(!report.plan.valid)
        let payments = try #require(report.forecast?.first { $0.project == "payments-migration" })
        #expect(payments.finish == 400 && payments.late == 400 - 15)
    }

    @Test("descope and moveDue changes: applied as said, refused with the field when they do not fit")
    func newChanges() throws {
        let scenario = try Self.example()
        let descoped = try ScenarioChange.descope("payments-migration", demand: "backend", to: 100).apply(to: scenario)
        #expect(descoped.projects.first { $0.id == "payments-migration" }?.demands.first { $0.resolvedID == "backend" }?.work == 100)
        let moved = try ScenarioChange.moveDue("payments-migration", by: 2).apply(to: scenario)
        #expect(moved.projects.first { $0.id == "payments-migration" }?.due == 17)
        let fixed = try #require(throws: ScenarioError.self) {
            try ScenarioChange.descope("pci-dss-4", demand: "backend", to: 1).apply(to: scenario)
        }
        #expect(fixed.issues.first?.path == "change.demand")
        let more = try #require(throws: ScenarioError.self) {
            try ScenarioChange.descope("payments-migration", demand: "backend", to: 1e9).apply(to: scenario)
        }
        #expect(more.issues.first?.path == "change.amount")
        let far = try #require(throws: ScenarioError.self) {
            try ScenarioChange.moveDue("payments-migration", by: Int.max).apply(to: scenario)
        }
        #expect(far.issues.first?.path == "change.periods")
    }
}

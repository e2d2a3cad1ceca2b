// The bundled examples (Examples/*.json) are hand-written JSON: these tests hold them to what
// Examples/README.md says of them, in place of the script that once wrote them.
import CapacityPlanning
import Foundation
import Testing

@Suite("Bundled examples")
struct ExamplesTests {
    static func read(_ name: String) throws -> (scenario: Scenario, warnings: [ScenarioIssue]) {
        let data = try Data(contentsOf: SharedFiles.examples.appendingPathComponent(name))
        return try Scenario.decodeWithWarnings(jsonBytes: Array(data))
    }

    @Test("each example is valid, in the format version the README gives, weekly from an ISO start",
          arguments: [("small-team.json", 1), ("mid-size-pmo.json", 2), ("replan-after-departures.json", 2),
                      ("in-flight.json", 3), ("hire-or-train.json", 3)])
    func valid(name: String, version: Int) throws {
        let (scenario, warnings) = try Self.read(name)
        _ = try PlanningProblem(scenario)
        #expect(scenario.version == version)
        #expect(scenario.horizon.unit == .week)
        #expect(scenario.horizon.start.map { PeriodLabels.parseISODate($0) != nil } == true)
        if name != "replan-after-departures.json" { #expect(warnings.isEmpty, "\(warnings)") }
    }

    @Test("the mid-size PMO asks for more than its people can give: demand is 1.1–1.3 times the usable hours")
    func midSizeLoad() throws {
        let problem = try PlanningProblem(try Self.read("mid-size-pmo.json").scenario)
        let scenario = problem.scenario
        let usable = (0..<scenario.horizon.periods).reduce(0.0) { total, t in
            total + scenario.people.reduce(0.0) { $0 + $1.capacity[t] } * scenario.policy.utilizationCap
        }
        let demanded = problem.projects.reduce(0.0) { $0 + $1.totalHours }
        #expect((1.1...1.3).contains(demanded / usable), "demand \(demanded) h against \(usable) usable h")
        #expect(scenario.projects.count == 15 && scenario.people.count == 40)
    }

    @Test("the re-plan's baseline is a valid plan for the mid-size PMO; its orphaned work names the two who left")
    func replanBaseline() throws {
        let pmo = try PlanningProblem(try Self.read("mid-size-pmo.json").scenario)
        let (replan, warnings) = try Self.read("replan-after-departures.json")
        let baseline = try #require(replan.baseline)
        let published = Plan(status: .feasible, projects: baseline.projects, assignments: baseline.assignments)
        let check = PlanChecker.check(published, for: pmo)
        #expect(check.isValid, "\(check.violations)")

        let people = Set(replan.people.map(\.id))
        let orphaned = Set(baseline.assignments.map(\.person)).subtracting(people)
        #expect(orphaned == ["dmitri-volkov", "lucia-ferreira"])
        #expect(warnings.contains { $0.message.contains("dmitri-volkov") }, "\(warnings)")
        #expect(replan.people.count == 38 && replan.projects.count == 16)
        #expect(replan.projects.contains { $0.mandatory && $0.name?.contains("3-D Secure") == true })
        #expect(replan.policy.changePenaltyPerHour == 15 && replan.policy.startChangePenalty == 5_000)
    }

    @Test("the portfolio in flight is week 8: two projects started with actuals, flexible work, a due date, a tentative launch, a synergy")
    func inFlight() throws {
        let problem = try PlanningProblem(try Self.read("in-flight.json").scenario)
        let scenario = problem.scenario
        #expect(problem.isInFlight && problem.statusPeriod == 8)
        #expect(scenario.projects.filter { $0.started != nil }.count == 3)
        #expect(scenario.status?.actuals.allSatisfy { $0.period < 8 } == true && problem.actualSpend > 0)
        #expect(problem.demands.contains { $0.isFlexible } && scenario.projects.contains { $0.probability == 0.6 })
        #expect(problem.synergies.count == 1)
    }
}

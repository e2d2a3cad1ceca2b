// The supply analysis (spec v3, section 6): each hire and course of the plan, the work it makes
// possible, and its worth, reproduced by re-solving the scenario without it.
import CapacityPlanners
import CapacityPlanning
@testable import ConflictAnalysis
import Foundation
import Testing
import TestSupport

@Suite("Conflict analysis: what each hire and course is worth")
struct SupplyAnalysisTests {
    static func example() throws -> Scenario {
        try Scenario(json: Data(contentsOf: SharedFiles.examples.appendingPathComponent("hire-or-train.json")))
    }

    @Test("Examples/hire-or-train.json: each hire's and course's worth equals a re-solve without it")
    func example() throws {
        let scenario = try Self.example()
        var options = testOptions()
        options.maxResolutions = 0  // the forecast's mitigations are ForecastTests'
        options.timeLimit = 60
        let report = try ConflictAnalyzer(options: options).analyze(scenario)
        let supply = try #require(report.supply)
        let hires = supply.filter { $0.kind == .hire }
        let courses = supply.filter { $0.kind == .course }
        for decision in supply { #expect(!decision.work.isEmpty && decision.cost > 0, "\(decision.headline)") }
        let hire = try #require(hires.first)
        #expect(hire.people?.first == "senior-data-scientist#1" && (hire.startLabel.hasPrefix("W")))
        let text = report.text(limit: 10)
        #expect(text.contains("SUPPLY") && text.contains("Hire \(hire.count ?? 0) × senior-data-scientist from W"))
        guard testPlanner == .glpk else { return }  // the exact planner's optima make the comparison exact
        // The optimum hires and trains, and each decision pays (greedy's re-solves need not agree).
        #expect(!courses.isEmpty, "the plan trains: \(supply)")
        #expect(text.contains("ada: ada-data course (data → 4)"))
        for decision in supply { #expect((decision.worth ?? 0) > 0, "\(decision.headline)") }
        let planned = report.plan.objective
        for decision in supply {
            var without = scenario
            if let role = decision.role, let r = without.hiring.firstIndex(where: { $0.id == role }) {
                without.hiring[r].maxHires -= decision.count ?? 0
            } else if let course = decision.course {
                without.training.removeAll { $0.id == course }
            }
            #expect(decision.withoutIt.status == .optimal)
            let objective = try solvedObjective(without)
            let worth = try #require(decision.worth)
            #expect(abs(worth - (planned - objective)) <= 1e-6 * max(1, abs(planned)), "\(decision.headline): \(worth) vs \(planned - objective)")
        }
    }

    @Test("a project late for want of a role's hires: the forecast proposes one more hire of it, and it beats a contractor")
    func oneMoreHire() throws {
        // Nobody qualifies; the role allows one hire, whose 36 usable hours a period take the
        // 240 hours to period 6 (due 3). A second hire (8,000 of salary) finishes it by period 3,
        // saving 90,000 of late penalty: more than a contractor at 125 % of the dearest rate.
        let scenario = Scenario(
            version: 3, horizon: Horizon(periods: 8),
            people: [Person(id: "ana", skills: ["backend": 3], capacity: .constant(40), costPerHour: 90)],
            projects: [Project(id: "platform", value: 90_000, mandatory: true, duration: 2,
                               demands: [Demand(id: "pipelines", skill: "data", minLevel: 3, work: 240, maxPerPeriod: 80)],
                               maxDuration: 8, due: 3, latePenaltyPerPeriod: 30_000)],
            policy: Policy(utilizationCap: 0.9),
            hiring: [Role(id: "data-engineer", skills: ["data": 4], capacity: 40, costPerHour: 25, hireCost: 0,
                          earliestStart: 0, maxHires: 1)])
        var options = testOptions()
        options.maxResolutions = 1
        let report = try ConflictAnalyzer(options: options).analyze(scenario)
        let forecast = try #require(report.forecast?.first { $0.project == "platform" })
        #expect(forecast.late > 0)
        let more = try #require(forecast.mitigations.first { $0.change.kind == .hireMore }, "\(forecast)")
        #expect(more.change.role == "data-engineer" && more.change.count == 2)
        #expect(more.description.contains("hire one more data-engineer"))
        #expect((more.objectiveChange ?? 0) > 0 && (more.newLate ?? 99) < forecast.late)
        if let contractor = forecast.mitigations.first(where: { $0.change.kind == .hire }) {
            #expect((more.objectiveChange ?? 0) > (contractor.objectiveChange ?? 0))
        }
        guard testPlanner == .glpk else { return }
        let changed = try more.change.apply(to: scenario)
        let gain = try solvedObjective(changed) - report.plan.objective
        #expect(abs(gain - (more.objectiveChange ?? .nan)) <= 1e-6 * max(1, abs(gain)))
    }

    @Test("no supply section for a scenario without hiring or training")
    func none() throws {
        let scenario = try Scenario(json: Data(contentsOf: SharedFiles.examples.appendingPathComponent("in-flight.json")))
        var options = testOptions()
        options.maxResolutions = 0
        #expect(try ConflictAnalyzer(options: options).analyze(scenario).supply == nil)
    }
}

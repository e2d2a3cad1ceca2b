// `capacity-planner analyze` and `report --analyze`, end to end.
import CapacityPlanning
import ConflictAnalysis
import Foundation
import Testing

@Suite("analyze, end to end")
struct AnalyzeCommandTests {
    @Test("analyze the re-plan example's baseline: JSON report with its orphaned work and over-allocation-free re-plan")
    func replanJSON() throws {
        let result = try CLI.run(["analyze", CLI.example("replan-after-departures.json"), "--solver", "greedy",
                                  "--time-limit", "1", "--resolutions", "3"], timeout: 300)
        #expect(result.status == 0, "\(result)")
        let report = try JSONDecoder().decode(ConflictReport.self, from: result.stdout)
        #expect(report.plan.source == .baseline)
        #expect(!report.plan.valid, "two people have left: the published plan no longer holds")
        #expect(report.orphanedWork.contains { $0.reason == .personGone })
        #expect(report.reference.objective != nil)
        #expect(report.resolutions.count <= 3)
    }

    @Test("analyze --plan with --format text prints every section")
    func givenPlanText() throws {
        let dir = try CLI.temporaryDirectory()
        let planPath = dir.appendingPathComponent("plan.json").path
        let scenario = CLI.example("small-team.json")
        #expect(try CLI.run(["solve", scenario, "--solver", "greedy", "-o", planPath]).status == 0)
        let result = try CLI.run(["analyze", scenario, "--plan", planPath, "--solver", "greedy", "--time-limit", "1",
                                  "--format", "text"], timeout: 300)
        #expect(result.status == 0, "\(result)")
        for title in ["CONFLICT ANALYSIS of the given plan", "SKILL SHORTAGES", "CONTENTION", "DEADLINE RISK", "LEFT OUT", "RESOLUTIONS"] {
            #expect(result.output.contains(title), "missing \(title)")
        }
    }

    @Test("analyze refuses a file that is not a plan (exit 2) and an invalid scenario (exit 1)")
    func errors() throws {
        let scenario = CLI.example("small-team.json")
        let notAPlan = try CLI.run(["analyze", scenario, "--plan", scenario])
        #expect(notAPlan.status == 2, "\(notAPlan)")
        let invalid = try CLI.run(["analyze", "-"], stdin: Data(#"{"version": 1, "horizon": {"periods": 0}, "people": [], "projects": []}"#.utf8))
        #expect(invalid.status == 1, "\(invalid)")
        #expect(invalid.stderr.contains("horizon.periods"))
        let badLimit = try CLI.run(["analyze", scenario, "--time-limit", "0"])
        #expect(badLimit.status == 2)
    }

    @Test("report --analyze adds the conflicts and resolutions section")
    func reportSection() throws {
        let result = try CLI.run(["report", CLI.example("small-team.json"), "--solver", "greedy", "--time-limit", "1", "--analyze"],
                                 timeout: 300)
        #expect(result.status == 0, "\(result)")
        #expect(result.output.contains("Conflicts and resolutions"))
        #expect(result.output.contains("What each fix is worth"))
    }
}

// The weekly cycle in the CLI: replan, solve, compare against the baseline.
import CapacityPlanning
import ConflictAnalysis
import Foundation
import Testing

@Suite("replan, end to end")
struct ReplanCommandTests {
    @Test("week 6 of the mid-size example: replan, solve, compare with the baseline; the new plan is valid")
    func weeklyLoop() throws {
        let folder = try CLI.temporaryDirectory()
        let path = { (name: String) in folder.appendingPathComponent(name).path }
        #expect(try CLI.run(["solve", CLI.example("mid-size-pmo.json"), "--solver", "greedy", "--seed", "0", "-o", path("plan.json")]).status == 0)
        let replan = try CLI.run(["replan", CLI.example("mid-size-pmo.json"), "--baseline", path("plan.json"), "--status-period", "6",
                                  "-o", path("week-6.json")])
        #expect(replan.status == 0, "\(replan)")
        #expect(replan.stderr.contains("status period 6") && replan.stderr.contains("in flight"))
        let next = try Scenario(json: Data(contentsOf: URL(fileURLWithPath: path("week-6.json"))))
        #expect(next.version == 3 && next.status?.period == 6 && next.baseline != nil)
        #expect(next.projects.contains { $0.started != nil })

        #expect(try CLI.run(["solve", path("week-6.json"), "--solver", "greedy", "-o", path("replan.json")]).status == 0)
        #expect(try CLI.run(["check", path("week-6.json"), path("replan.json")]).status == 0)
        let compared = try CLI.run(["compare", path("week-6.json"), path("replan.json"), "--format", "json"])
        #expect(compared.status == 0, "\(compared)")
        let c = try JSONDecoder().decode(PlanComparison.self, from: compared.stdout)
        #expect(abs(c.terms.map(\.change).reduce(0, +) - c.difference) <= 1e-6 * max(1, abs(c.difference)))
        #expect(!compared.stderr.contains("breaks"), "the baseline's hours from week 6 on hold in week 6's scenario: \(compared.stderr)")

        // The next week: the re-plan is the plan of record; its pins keep only the hours not yet booked.
        let week7 = try CLI.run(["replan", path("week-6.json"), "--baseline", path("replan.json"), "--status-period", "7",
                                 "-o", path("week-7.json")])
        #expect(week7.status == 0, "\(week7)")
        #expect(try CLI.run(["solve", path("week-7.json"), "--solver", "greedy", "-o", path("replan-7.json")]).status == 0)
        #expect(try CLI.run(["check", path("week-7.json"), path("replan-7.json")]).status == 0)
    }

    @Test("an actuals file replaces the plan's hours; a bad one, a status period outside the horizon, actuals without one: refused")
    func actualsAndErrors() throws {
        let folder = try CLI.temporaryDirectory()
        let path = { (name: String) in folder.appendingPathComponent(name).path }
        let scenario = CLI.example("small-team.json")
        #expect(try CLI.run(["solve", scenario, "--solver", "greedy", "-o", path("plan.json")]).status == 0)
        let plan = try JSONDecoder().decode(Plan.self, from: Data(contentsOf: URL(fileURLWithPath: path("plan.json"))))
        let first = try #require(plan.assignments.first { $0.period < 3 })
        try "person,project,demand,period,hours\n\(first.person),\(first.project),\(first.demand),\(first.period),7\n"
            .write(toFile: path("booked.csv"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["replan", scenario, "--baseline", path("plan.json"), "--status-period", "3",
                                  "--actuals", path("booked.csv"), "-o", path("next.json")])
        #expect(result.status == 0, "\(result)")
        let next = try Scenario(json: Data(contentsOf: URL(fileURLWithPath: path("next.json"))))
        #expect(next.status?.actuals.count == 1 && next.status?.actuals.first?.hours == 7)

        try "person,project,demand,period,hours\nnobody,\(first.project),\(first.demand),1,7\n"
            .write(toFile: path("bad.csv"), atomically: true, encoding: .utf8)
        let bad = try CLI.run(["replan", scenario, "--baseline", path("plan.json"), "--status-period", "3", "--actuals", path("bad.csv")])
        #expect(bad.status == 1 && bad.stderr.contains("nobody"), "\(bad)")
        let outside = try CLI.run(["replan", scenario, "--baseline", path("plan.json"), "--status-period", "99"])
        #expect(outside.status == 2 && outside.stderr.contains("outside the horizon"), "\(outside)")
        #expect(try CLI.run(["replan", scenario, "--baseline", path("plan.json"), "--actuals", path("booked.csv")]).status == 2)
    }
}

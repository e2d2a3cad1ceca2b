// The portfolio in flight (format v3, Part A) through the built executable: greedy and auto plan
// it (exit 0, a plan with finishes the checker accepts), and so does the search; analyze forecasts it;
// import reads actuals and a status period, and a workbook written by report reads back in flight.
import CapacityPlanning
import Foundation
import Testing

@Suite("solve and analyze on the portfolio in flight, end to end")
struct InFlightCommandTests {
    @Test("solve --solver greedy plans Examples/in-flight.json: exit 0, finishes and late marks, valid")
    func greedySolves() throws {
        let scenario = CLI.example("in-flight.json")
        let result = try CLI.run(["solve", scenario, "--solver", "greedy"])
        #expect(result.status == 0, "\(result)")
        #expect(try CLI.check(result.stdout, scenario: scenario).isValid)
        let plan = try JSONDecoder().decode(Plan.self, from: result.stdout)
        let payments = try #require(plan.projects.first { $0.id == "payments-migration" })
        #expect(payments.selected && payments.start == 2 && payments.finish != nil, "started in week 3, still its start")
    }

    @Test("analyze --format text forecasts it: the late project, by how much, why, and numbered mitigations")
    func analyzeForecasts() throws {
        let analysis = try CLI.run(["analyze", CLI.example("in-flight.json"), "--solver", "greedy", "--time-limit", "5",
                                    "--format", "text"])
        #expect(analysis.status == 0, "\(analysis)")
        #expect(analysis.output.contains("FORECAST"))
        #expect(analysis.output.contains("payments-migration will finish in W"))
        #expect(analysis.output.contains("because ") && analysis.output.contains("    1. "))
    }

    @Test("import reads a timesheet of actuals with --status-period; report --format xlsx writes the portfolio in flight back")
    func importAndWorkbook() throws {
        let folder = try CLI.temporaryDirectory()
        func file(_ name: String, _ text: String) throws -> String {
            let url = folder.appendingPathComponent(name)
            try Data(text.utf8).write(to: url)
            return url.path
        }
        let files = ["--people", try file("people.csv", "id,capacity,costPerHour,skills\nana,40,80,dev:3\n"),
                     "--projects", try file("projects.csv", "id,value,duration,maxDuration,started,due\nportal,90000,4,8,0,5\n"),
                     "--demands", try file("demands.csv", "project,skill,work,maxPerPeriod\nportal,dev,200,40\n"),
                     "--actuals", try file("actuals.csv", "person,project,period,hours\nana,portal,2027-01-05,8\nana,portal,2027-01-06,8\n"),
                     "--periods", "12", "--start", "2027-01-04"]
        let missing = try CLI.run(["import"] + files)
        #expect(missing.status == 1 && missing.stderr.contains("--status-period: ")
                && missing.stderr.contains("actuals.csv books hours in the past, but the status period is not given"), "\(missing)")
        let imported = try CLI.run(["import"] + files + ["--status-period", "2027-01-11", "-o", folder.appendingPathComponent("s.json").path])
        #expect(imported.status == 0 && imported.stderr.contains("status period 1 with 1 actuals"), "\(imported)")
        let scenario = try Scenario(json: Data(contentsOf: folder.appendingPathComponent("s.json")))
        #expect(scenario.version == 3 && scenario.status == Status(period: 1, actuals: [
            Actual(person: "ana", project: "portal", demand: "dev", period: 0, hours: 16)]))

        let book = folder.appendingPathComponent("plan.xlsx").path
        let report = try CLI.run(["report", CLI.example("in-flight.json"), "--solver", "greedy", "--format", "xlsx", "-o", book])
        #expect(report.status == 0, "\(report)")
        let back = try CLI.run(["import", "--xlsx", book])
        #expect(back.status == 0, "\(back)")
        let original = try Scenario(json: Data(contentsOf: URL(fileURLWithPath: CLI.example("in-flight.json"))))
        let reread = try Scenario(json: back.stdout)
        #expect(reread.status == original.status && reread.synergies == original.synergies)
        #expect(reread.projects.map(\.started) == original.projects.map(\.started))
    }

    #if GLPK
    @Test("solve --solver lns plans Examples/in-flight.json to its proven optimum, and analyze --solver lns forecasts it")
    func searchPlansIt() throws {
        let search = try CLI.run(["solve", CLI.example("in-flight.json"), "--solver", "lns", "--time-limit", "20", "--format", "json"])
        #expect(search.status == 0, "\(search)")
        let plan = try JSONDecoder().decode(Plan.self, from: Data(search.output.utf8))
        #expect(plan.status == .optimal && plan.objective.map { abs($0 - 1_174_560) < 1e-6 } == true)
        let analysis = try CLI.run(["analyze", CLI.example("in-flight.json"), "--solver", "lns", "--time-limit", "5", "--format", "text"])
        #expect(analysis.status == 0, "\(analysis)")
        #expect(analysis.output.contains("payments-migration will finish in W"))
    }
    #endif
}

// The portfolio in flight (format v3, Part A) through the built executable: greedy and auto plan
// it (exit 0, a plan with finishes the checker accepts), and so does the search; analyze forecasts it.
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

// Supply (format v3, Part B) through the built executable: solve says whom it hires and trains,
// analyze what each is worth, and the plans pass the checker.
import CapacityPlanning
import Foundation
import Testing

@Suite("solve and analyze with hiring and training, end to end")
struct SupplyCommandTests {
    @Test("solve --format text on Examples/hire-or-train.json: the hiring and training costs and a Supply section")
    func solveText() throws {
        let result = try CLI.run(["solve", CLI.example("hire-or-train.json"), "--solver", "greedy", "--format", "text"])
        #expect(result.status == 0, "\(result)")
        #expect(result.output.contains("hiring ") && result.output.contains("training "))
        #expect(result.output.contains("Supply:"))
        #expect(result.output.contains("Hire ") && result.output.contains(" × senior-data-scientist from W"))
        #expect(result.output.contains("(lead time 4)"))
        #expect(result.output.contains("ada: ada-data course W"))
    }

    @Test("solve plans the example's hires and courses into the JSON plan, which the checker accepts")
    func solveJSON() throws {
        let scenario = CLI.example("hire-or-train.json")
        let result = try CLI.run(["solve", scenario, "--solver", "greedy"])
        #expect(result.status == 0, "\(result)")
        #expect(try CLI.check(result.stdout, scenario: scenario).isValid)
        let plan = try JSONDecoder().decode(Plan.self, from: result.stdout)
        #expect(plan.hires?.first?.role == "senior-data-scientist")
        #expect(plan.assignments.contains { $0.person == "senior-data-scientist#1" })
    }

    @Test("analyze --format text says what each hire and course is worth")
    func analyzeText() throws {
        let analysis = try CLI.run(["analyze", CLI.example("hire-or-train.json"), "--solver", "greedy", "--time-limit", "5",
                                    "--resolutions", "0", "--format", "text"])
        #expect(analysis.status == 0, "\(analysis)")
        #expect(analysis.output.contains("SUPPLY"))
        #expect(analysis.output.contains("× senior-data-scientist from W") && analysis.output.contains(": worth "))
    }
}

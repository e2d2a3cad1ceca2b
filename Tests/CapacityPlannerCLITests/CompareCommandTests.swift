// `capacity-planner compare`, end to end: two plans of one scenario, of two versions, and a plan
// against the scenario's baseline; text, JSON and the HTML page.
import CapacityPlanning
import ConflictAnalysis
import Foundation
import Testing

@Suite("compare, end to end")
struct CompareCommandTests {
    /// The mid-size example planned by greedy (seed 0), and its version with a portfolio budget of
    /// 1.5 M planned the same way: files in a folder of the test's own.
    static func twoVersions() throws -> (folder: URL, scenarioA: String, scenarioB: String, planA: String, planB: String) {
        let folder = try CLI.temporaryDirectory()
        let scenarioA = CLI.example("mid-size-pmo.json")
        let base = try Scenario(json: Data(contentsOf: URL(fileURLWithPath: scenarioA)))
        let scenarioB = folder.appendingPathComponent("budget-cut.json").path
        try JSONEncoder().encode(try ScenarioChange.raisePortfolioBudget(to: 1_500_000).apply(to: base)).write(to: URL(fileURLWithPath: scenarioB))
        let planA = folder.appendingPathComponent("a.json").path, planB = folder.appendingPathComponent("b.json").path
        for (scenario, plan) in [(scenarioA, planA), (scenarioB, planB)] {
            let solved = try CLI.run(["solve", scenario, "--solver", "greedy", "--seed", "0", "-o", plan])
            #expect(solved.status == 0, "\(solved)")
        }
        return (folder, scenarioA, scenarioB, planA, planB)
    }

    @Test("two versions: text names the objective's change, the dropped projects and the hours moved; JSON sums to the change")
    func twoVersionsTextAndJSON() throws {
        let f = try Self.twoVersions()
        let text = try CLI.run(["compare", f.scenarioA, f.planA, f.planB, "--scenario-b", f.scenarioB])
        #expect(text.status == 0, "\(text)")
        let out = String(decoding: text.stdout, as: UTF8.self)
        #expect(out.contains("By term") && out.contains("By project") && out.contains("dropped: ") && out.contains("Hours moved"))
        #expect(out.contains("Budgets") && out.contains("1,500,000"))

        let json = try CLI.run(["compare", f.scenarioA, f.planA, f.planB, "--scenario-b", f.scenarioB, "--format", "json"])
        #expect(json.status == 0, "\(json)")
        let c = try JSONDecoder().decode(PlanComparison.self, from: json.stdout)
        let a = try JSONDecoder().decode(Plan.self, from: Data(contentsOf: URL(fileURLWithPath: f.planA)))
        let b = try JSONDecoder().decode(Plan.self, from: Data(contentsOf: URL(fileURLWithPath: f.planB)))
        #expect(abs(c.difference - ((b.objective ?? 0) - (a.objective ?? 0))) <= 1e-6 * max(1, abs(c.difference)))
        #expect(abs(c.terms.map(\.change).reduce(0, +) - c.difference) <= 1e-6 * max(1, abs(c.difference)))
        #expect(abs(c.byProject.map(\.change).reduce(0, +) - c.difference) <= 1e-6 * max(1, abs(c.difference)))
        #expect(out.contains(Format.money(c.difference)))
    }

    @Test("the HTML page: the bridge, both schedules and heat maps, the projects that changed")
    func page() throws {
        let f = try Self.twoVersions()
        let path = f.folder.appendingPathComponent("compare.html").path
        let result = try CLI.run(["compare", f.scenarioA, f.planA, f.planB, "--scenario-b", f.scenarioB, "--format", "html", "-o", path])
        #expect(result.status == 0, "\(result)")
        let page = try String(contentsOfFile: path, encoding: .utf8)
        for heading in ["From A&#39;s objective to B&#39;s", "By project", "Projects that changed", "Schedule A", "Schedule B",
                        "Utilisation A", "Utilisation B", "Hours moved", "Budgets"] {
            #expect(page.contains(heading), "\(heading)")
        }
        #expect(!page.contains("<script"))
    }

    @Test("one plan is compared with the scenario's baseline; without a baseline that is a usage error (exit 2)")
    func baselineByDefault() throws {
        let folder = try CLI.temporaryDirectory()
        let scenario = CLI.example("replan-after-departures.json")
        let plan = folder.appendingPathComponent("replan.json").path
        #expect(try CLI.run(["solve", scenario, "--solver", "greedy", "-o", plan]).status == 0)
        let result = try CLI.run(["compare", scenario, plan])
        #expect(result.status == 0, "\(result)")
        let out = String(decoding: result.stdout, as: UTF8.self)
        #expect(out.hasPrefix("A: the baseline") && out.contains("By term"))

        let noBaseline = try CLI.run(["compare", CLI.example("small-team.json"), plan])
        #expect(noBaseline.status == 2, "\(noBaseline)")
        #expect(noBaseline.stderr.contains("has no baseline"))
        #expect(try CLI.run(["compare", scenario]).status == 2)
    }
}

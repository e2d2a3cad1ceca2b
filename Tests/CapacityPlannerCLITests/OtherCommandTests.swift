// End to end: `generate`, `export`, `report` and `import` through the built executable.
@testable import CapacityPlannerCLI
import CapacityPlanning
import PortfolioFiles
import Foundation
import Testing

@Suite("generate and export, end to end")
struct GenerateExportTests {
    @Test("generate is deterministic for a seed and writes a valid scenario")
    func generateDeterministic() throws {
        let arguments = ["generate", "--people", "12", "--projects", "6", "--periods", "10", "--seed", "7"]
        let first = try CLI.run(arguments)
        let second = try CLI.run(arguments)
        #expect(first.status == 0, "\(first)")
        #expect(first.stdout == second.stdout)
        let scenario = try Scenario(json: first.stdout)
        #expect(scenario.people.count == 12 && scenario.projects.count == 6 && scenario.horizon.periods == 10)
        _ = try PlanningProblem(scenario)
        let other = try CLI.run(["generate", "--people", "12", "--projects", "6", "--periods", "10", "--seed", "8"])
        #expect(other.stdout != first.stdout)
    }

    @Test("generate rejects an out-of-range option with exit 2")
    func generateBadOption() throws {
        let result = try CLI.run(["generate", "--periods", "0"])
        #expect(result.status == 2, "\(result)")
    }

    #if GLPK
    @Test("export writes the exact planner's model as MPS")
    func exportMPS() throws {
        let path = try CLI.temporaryDirectory().appendingPathComponent("small-team.mps").path
        let result = try CLI.run(["export", CLI.example("small-team.json"), "--format", "mps", "-o", path])
        #expect(result.status == 0, "\(result)")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("ROWS") && text.contains("COLUMNS") && text.contains("BOUNDS"))
        #expect(result.stderr.contains("objective constant"))
    }
    #else
    @Test("export says that this build has no GLPK and exits 2")
    func exportWithoutGLPK() throws {
        let path = try CLI.temporaryDirectory().appendingPathComponent("small-team.mps").path
        let result = try CLI.run(["export", CLI.example("small-team.json"), "-o", path])
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("GLPK"))
    }
    #endif
}

@Suite("report, end to end")
struct ReportCommandTests {
    static let sections = ["Schedule", "Value, cost and penalties", "Projects left out", "Selected projects",
                           "Utilisation", "Demand and supply by skill"]

    @Test("report solves the scenario and writes one self-contained page with every section")
    func reportSolves() throws {
        let path = try CLI.temporaryDirectory().appendingPathComponent("report.html").path
        let result = try CLI.run(["report", CLI.example("small-team.json"), "--solver", "greedy", "-o", path])
        #expect(result.status == 0, "\(result)")
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        for section in Self.sections { #expect(html.contains("<h2>\(section)</h2>"), "section \(section)") }
        #expect(html.contains("<svg"))
        #expect(!html.contains("<script"), "no script")
        #expect(!html.contains("http://") && !html.contains("https://"), "nothing from the network")
        #expect(!html.contains("<link") && !html.contains("<img"))
        #expect(html.contains("W1 Mar 01"), "period labels from horizon.start and unit")
        #expect(html.contains("Billing export for finance"))
        #expect(html.contains("<title>small-team · capacity plan</title>"))
    }

    @Test("report --plan shows the given plan; '-' writes to standard output")
    func reportWithPlan() throws {
        let scenario = CLI.fixture("dependency-chain.json")
        let solved = try CLI.run(["solve", scenario, "--solver", "greedy"])
        #expect(solved.status == 0, "\(solved)")
        #expect(try CLI.check(solved.stdout, scenario: scenario).isValid)
        let result = try CLI.run(["report", scenario, "--plan", "-", "--title", "Chain"], stdin: solved.stdout)
        #expect(result.status == 0, "\(result)")
        #expect(result.output.contains("<h1>Chain</h1>"))
        #expect(result.output.contains("Valid plan"))
    }

    @Test("report escapes every name from the scenario")
    func reportEscapes() throws {
        let evil = "<script>alert(\"x\")</script> & 'co'"
        let scenario = Scenario(
            horizon: Horizon(periods: 3, start: "2027-01-04", unit: .week),
            people: [Person(id: "p<1>", name: evil, skills: ["ba<ck>end": 3], capacity: .constant(40), costPerHour: 10,
                            team: "R&D <core>")],
            projects: [Project(id: "x\"y", name: evil, value: 5000, duration: 2,
                               demands: [Demand(id: "d<&>", skill: "ba<ck>end", hours: .constant(10))]),
                       Project(id: "left-out", name: "</table><b>bold", value: 1, duration: 1,
                               demands: [Demand(skill: "ba<ck>end", hours: .constant(10))])])
        let path = try CLI.temporaryDirectory().appendingPathComponent("evil.json")
        try Data(scenario.jsonValue.serialized(pretty: true)).write(to: path)
        let result = try CLI.run(["report", path.path, "--solver", "greedy", "--title", "<i>Q1</i>"])
        #expect(result.status == 0, "\(result)")
        let html = result.output
        #expect(!html.contains("<script>"))
        #expect(!html.contains("</table><b>"))
        #expect(!html.contains("<i>Q1</i>"))
        #expect(!html.contains("R&D <core>"))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;"))
        #expect(html.contains("R&amp;D &lt;core&gt;"))
        #expect(html.contains("&lt;i&gt;Q1&lt;/i&gt;"))
    }

    @Test("report of a broken plan still writes the page, lists the broken rules, and exits 4")
    func reportBrokenPlan() throws {
        let scenario = CLI.example("small-team.json")
        let plan = Data(#"{"status":"feasible","projects":[],"assignments":[]}"#.utf8)
        let result = try CLI.run(["report", scenario, "--plan", "-"], stdin: plan)
        #expect(result.status == 4, "\(result)")
        #expect(result.output.contains("This plan is not valid"))
        #expect(result.output.contains("rule 1 (mandatory)"))
    }

    @Test("report when no valid plan exists: the page says why, exit 3")
    func reportInfeasible() throws {
        let result = try CLI.run(["report", try SolveCheckTests.infeasibleScenario(), "--solver", "auto", "--time-limit", "10"])
        #expect(result.status == 3, "\(result)")
        if !result.stdout.isEmpty {
            #expect(result.output.contains("No valid plan exists"))
        }
    }

    @Test("report stays usable at 200 people: teams folded, page of bounded size")
    func reportLarge() throws {
        let dir = try CLI.temporaryDirectory()
        let scenario = dir.appendingPathComponent("big.json").path
        let generated = try CLI.run(["generate", "--people", "200", "--projects", "30", "--periods", "26", "--seed", "3",
                                     "-o", scenario])
        #expect(generated.status == 0, "\(generated)")
        let result = try CLI.run(["report", scenario, "--solver", "greedy", "--time-limit", "3"], timeout: 120)
        #expect(result.status == 0, "\(result)")
        let html = result.output
        #expect(html.contains("<details class=\"team\">"), "teams start folded")
        #expect(!html.contains("<details class=\"team\" open>"))
        #expect(html.contains("Click a team to list its people"))
        #expect(result.stdout.count < 4_000_000, "page size \(result.stdout.count)")
    }
}

@Suite("import, end to end")
struct ImportCommandTests {
    static func csv(_ name: String) -> String { CLI.examples.appendingPathComponent("csv/\(name)").path }

    @Test("the example CSVs import into a valid scenario that solves")
    func importExamples() throws {
        let dir = try CLI.temporaryDirectory()
        let out = dir.appendingPathComponent("scenario.json").path
        let result = try CLI.run(["import", "--people", Self.csv("people.csv"), "--projects", Self.csv("projects.csv"),
                                  "--demands", Self.csv("demands.csv"), "--availability", Self.csv("availability.csv"),
                                  "--pins", Self.csv("pins.csv"), "--periods", "12", "--start", "2027-01-04",
                                  "--utilization-cap", "0.85", "-o", out])
        #expect(result.status == 0, "\(result)")
        let scenario = try Scenario(json: try Data(contentsOf: URL(fileURLWithPath: out)))
        _ = try PlanningProblem(scenario)
        #expect(scenario.people.count == 11)
        #expect(scenario.projects.count == 6)
        #expect(scenario.pins.count == 1)
        #expect(scenario.policy.utilizationCap == 0.85)
        let ana = try #require(scenario.people.first { $0.id == "ana" })
        #expect(ana.capacity[6] == 0 && ana.capacity[7] == 0 && ana.capacity[5] == 40, "leave given by date")
        #expect(ana.skills == ["backend": 5, "devops": 3])
        let jo = try #require(scenario.people.first { $0.id == "jo" })
        #expect(jo.name == "Jo O'Neill, PMP", "a quoted comma")
        let checkout = try #require(scenario.projects.first { $0.id == "checkout" })
        #expect(checkout.name == "Checkout redesign (\"one page\")", "doubled quotes")
        #expect(checkout.demands.count == 5)
        #expect(scenario.projects.first { $0.id == "churn-model" }?.dependsOn == ["data-platform"])

        let solved = try CLI.run(["solve", out, "--solver", "greedy"])
        #expect(solved.status == 0, "\(solved)")
        #expect(try CLI.check(solved.stdout, scenario: out).isValid)
    }

    @Test("import reads a file from standard input and writes to standard output")
    func importStandardInput() throws {
        let people = try Data(contentsOf: URL(fileURLWithPath: Self.csv("people.csv")))
        let result = try CLI.run(["import", "--people", "-", "--projects", Self.csv("projects.csv"),
                                  "--demands", Self.csv("demands.csv"), "--periods", "12"], stdin: people)
        #expect(result.status == 0, "\(result)")
        #expect(try Scenario(json: result.stdout).people.count == 11)
    }

    @Test("every bad row is named by file and line, all at once, exit 1")
    func importErrors() throws {
        let dir = try CLI.temporaryDirectory()
        let people = dir.appendingPathComponent("people.csv")
        try Data("""
            id,name,capacity,costPerHour,skills\r
            ana,Ana,40,90,backend:4\r
            "bo","Bo, the second",40,abc,backend:x\r
            ana,Again,40,90,\r

            """.utf8).write(to: people)
        let projects = dir.appendingPathComponent("projects.csv")
        try Data("id,duration,dependsOn\napi,3,ghost\n".utf8).write(to: projects)
        let demands = dir.appendingPathComponent("demands.csv")
        try Data("project,skill,hours\napi,backend,10;20\nnope,backend,5\n".utf8).write(to: demands)
        let result = try CLI.run(["import", "--people", people.path, "--projects", projects.path, "--demands", demands.path,
                                  "--periods", "4"])
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.isEmpty)
        for expected in [
            "people.csv:3: costPerHour 'abc' is not a number",
            "people.csv:3: skills: the level 'x' of 'backend' is not a whole number",
            "people.csv:4: person id 'ana' repeats line 2",
            "demands.csv:3: project 'nope' is not in",
            "demands.csv:2: hours has 2 entries for duration 3",
            "projects.csv:2: dependsOn names unknown project 'ghost'",
        ] {
            #expect(result.stderr.contains(expected), "\(expected)\n\(result)")
        }
    }

    @Test("a setting's problem is named by the option that gives it; a date period without a start names --start")
    func importSettingErrors() throws {
        let result = try CLI.run(["import", "--people", Self.csv("people.csv"), "--projects", Self.csv("projects.csv"),
                                  "--demands", Self.csv("demands.csv"), "--availability", Self.csv("availability.csv"),
                                  "--periods", "12", "--utilization-cap", "3"])
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("--utilization-cap: "), "\(result)")
        #expect(result.stderr.contains("the horizon has no start: give its start date (--start)"), "\(result)")
        // Every setting the importer can name has an option here.
        #expect(Set(ImportCommand.options.keys) == ScenarioImporter.Settings.fields)
    }

    @Test("a missing input file is bad usage (exit 2)")
    func importMissingFile() throws {
        let result = try CLI.run(["import", "--people", "nope.csv", "--projects", Self.csv("projects.csv"),
                                  "--demands", Self.csv("demands.csv")])
        #expect(result.status == 2, "\(result)")
    }
}

// End to end: `solve` and `check` through the built executable, every exit code of spec section 3.
import CapacityPlanning
import Foundation
import Testing

@Suite("solve and check, end to end")
struct SolveCheckTests {
    @Test("solve writes a valid plan and exits 0")
    func solveExample() throws {
        let scenario = CLI.example("small-team.json")
        let result = try CLI.run(["solve", scenario, "--solver", "greedy"])
        #expect(result.status == 0, "\(result)")
        let check = try CLI.check(result.stdout, scenario: scenario)
        #expect(check.isValid, "\(check.violations)")
        let plan = try JSONDecoder().decode(Plan.self, from: result.stdout)
        #expect(plan.status == .feasible || plan.status == .optimal)
    }

    @Test("solve reads the scenario from standard input with '-'")
    func solveStandardInput() throws {
        let scenario = CLI.fixture("pins.json")
        let result = try CLI.run(["solve", "-", "--solver", "greedy"], stdin: try Data(contentsOf: URL(fileURLWithPath: scenario)))
        #expect(result.status == 0, "\(result)")
        #expect(try CLI.check(result.stdout, scenario: scenario).isValid)
    }

    @Test("solve --output writes the file and nothing to standard output")
    func solveToFile() throws {
        let dir = try CLI.temporaryDirectory()
        let path = dir.appendingPathComponent("plan.json").path
        let scenario = CLI.fixture("leave-weeks.json")
        let result = try CLI.run(["solve", scenario, "--solver", "greedy", "-o", path])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(try CLI.check(try Data(contentsOf: URL(fileURLWithPath: path)), scenario: scenario).isValid)
    }

    @Test("solve --format text prints the plan as tables")
    func solveText() throws {
        let result = try CLI.run(["solve", CLI.example("small-team.json"), "--solver", "greedy", "--format", "text"])
        #expect(result.status == 0, "\(result)")
        #expect(result.output.contains("Plan: feasible (greedy)"))
        #expect(result.output.contains("project"))
        #expect(result.output.contains("W1–W4") || result.output.contains("W1–"), "period labels from the horizon")
        #expect(!result.output.contains("\u{1B}["), "NO_COLOR and a pipe: no escape sequences")
    }

    #if GLPK
    @Test("solve --solver glpk proves the fixture's optimum", arguments: ["pins.json", "project-budget.json", "dependency-chain.json"])
    func solveExact(_ name: String) throws {
        let scenario = CLI.fixture(name)
        let result = try CLI.run(["solve", scenario, "--solver", "glpk", "--time-limit", "30"])
        #expect(result.status == 0, "\(result)")
        let plan = try JSONDecoder().decode(Plan.self, from: result.stdout)
        let expected = try #require(try Self.optimalObjective(name))
        #expect(plan.status == .optimal)
        #expect(abs((plan.objective ?? .nan) - expected) <= 1e-6 * max(1, abs(expected)))
        #expect(try CLI.check(result.stdout, scenario: scenario).isValid)
    }

    static func optimalObjective(_ name: String) throws -> Double? {
        let data = try Data(contentsOf: CLI.fixtures.appendingPathComponent("expected.json"))
        let json = try JSONSerialization.jsonObject(with: data) as? [String: [String: Any]]
        return (json?[name]?["optimalObjective"] as? NSNumber)?.doubleValue
    }
    #endif

    @Test("an invalid scenario exits 1 and names the JSON path on standard error", arguments: [
        ("invalid-unknown-key.json", "people[1].costPerHuor"),
        ("invalid-array-length.json", "people[0].capacity"),
        ("invalid-dependency-cycle.json", "projects[0].dependsOn"),
        ("invalid-duplicate-id.json", "people[1].id"),
        ("invalid-mandatory-cannot-fit.json", "projects[0]"),
        ("invalid-pin-unknown-demand.json", "pins[1].period"),
        ("v2/invalid-v2-balance-min-above-max.json", "policy.balance[0]"),
        ("v2/invalid-v2-duplicate-driver.json", "strategy.drivers[1].id"),
        ("v2/invalid-v2-freeze-outside-horizon.json", "systems[0].freezes[2]"),
        ("v2/invalid-v2-mandatory-alternatives.json", "projects[0].excludes[0]"),
        ("v2/invalid-v2-mandatory-frozen-out.json", "projects[0].touches"),
        ("v2/invalid-v2-score-out-of-range.json", "projects[0].scores.asia"),
        ("v2/invalid-v2-unknown-system.json", "projects[0].touches[0]"),
    ])
    func invalidScenario(_ name: String, _ path: String) throws {
        let file = name.hasPrefix("v2/")
            ? SharedFiles.fixtures(version: 2).appendingPathComponent(String(name.dropFirst(3))).path : CLI.fixture(name)
        let result = try CLI.run(["solve", file, "--solver", "greedy"])
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains(path), "\(result)")
        #expect(result.stdout.isEmpty)
    }

    @Test("bad usage exits 2", arguments: [
        ["solve", "Examples/small-team.json", "--time-limit", "-1"],
        ["solve", "Examples/small-team.json", "--time-limit", "0"],
        ["solve", "Examples/small-team.json", "--time-limit", "soon"],
        ["solve", "Examples/small-team.json", "--solver", "simplex"],
        ["solve", "Examples/small-team.json", "--format", "yaml"],
        ["solve", "Examples/no-such-file.json"],
        ["solve"],
        ["frobnicate"],
        ["check", "-", "-"],
        ["check", "Examples/small-team.json", "Examples/README.md"],
        ["report", "Examples/small-team.json", "--time-limit", "-5"],
        ["import", "--people", "Examples/csv/people.csv"],
    ])
    func badUsage(_ arguments: [String]) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 2, "\(arguments): \(result)")
        #expect(!result.stderr.isEmpty)
    }

    @Test("--time-limit -1 says what is wrong with it")
    func negativeTimeLimitMessage() throws {
        let result = try CLI.run(["solve", "Examples/small-team.json", "--time-limit", "-1"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--time-limit must be a positive number"), "\(result)")
    }

    /// A pinned project whose budget cannot pay for the pin: no valid plan exists.
    static func infeasibleScenario() throws -> String {
        let scenario = Scenario(
            horizon: Horizon(periods: 4),
            people: [Person(id: "ann", skills: ["backend": 4], capacity: .constant(40), costPerHour: 100)],
            projects: [Project(id: "api", value: 20000, duration: 2, budget: 500,
                               demands: [Demand(skill: "backend", hours: .constant(30))])],
            pins: [Pin(person: "ann", project: "api", hours: 30)])
        let path = try CLI.temporaryDirectory().appendingPathComponent("infeasible.json")
        try Data(scenario.jsonValue.serialized(pretty: true)).write(to: path)
        return path.path
    }

    @Test("no valid plan exits 3 and says which pins and budgets conflict", arguments: ["auto", "greedy"])
    func infeasible(_ solver: String) throws {
        let result = try CLI.run(["solve", try Self.infeasibleScenario(), "--solver", solver, "--time-limit", "10"])
        #expect(result.status == 3, "\(result)")
        #expect(result.stderr.contains("api"), "\(result)")
        if !result.stdout.isEmpty {
            let plan = try JSONDecoder().decode(Plan.self, from: result.stdout)
            #expect(plan.status == .infeasible)
            let diagnosis = plan.details?.diagnosis ?? []
            #expect(!diagnosis.isEmpty)
        }
    }

    @Test("check accepts a plan from solve (exit 0) and reads it from standard input")
    func checkValid() throws {
        let scenario = CLI.example("small-team.json")
        let solved = try CLI.run(["solve", scenario, "--solver", "greedy"])
        #expect(solved.status == 0, "\(solved)")
        let dir = try CLI.temporaryDirectory()
        let planPath = dir.appendingPathComponent("plan.json").path
        try solved.stdout.write(to: URL(fileURLWithPath: planPath))

        let fromFile = try CLI.run(["check", scenario, planPath])
        #expect(fromFile.status == 0, "\(fromFile)")
        #expect(fromFile.output.hasPrefix("VALID"))
        #expect(fromFile.output.contains("objective"))

        let fromStandardInput = try CLI.run(["check", scenario, "-"], stdin: solved.stdout)
        #expect(fromStandardInput.status == 0, "\(fromStandardInput)")

        let scenarioFromStandardInput = try CLI.run(["check", "-", planPath], stdin: try Data(contentsOf: URL(fileURLWithPath: scenario)))
        #expect(scenarioFromStandardInput.status == 0, "\(scenarioFromStandardInput)")

        let json = try CLI.run(["check", scenario, planPath, "--format", "json"])
        #expect(json.status == 0, "\(json)")
        let object = try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any]
        #expect(object?["valid"] as? Bool == true)
        #expect((object?["violations"] as? [Any])?.isEmpty == true)
    }

    @Test("check rejects a broken plan: exit 4, every broken rule listed")
    func checkBroken() throws {
        let scenario = CLI.example("small-team.json")
        let solved = try CLI.run(["solve", scenario, "--solver", "greedy"])
        var plan = try JSONDecoder().decode(Plan.self, from: solved.stdout)
        // Break capacity (rule 6) and drop the mandatory project (rule 1).
        plan.assignments[0].hours += 500
        for k in plan.projects.indices where plan.projects[k].id == "billing-export" {
            plan.projects[k].selected = false
            plan.projects[k].start = nil
        }
        let broken = try JSONEncoder().encode(plan)
        let result = try CLI.run(["check", scenario, "-"], stdin: broken)
        #expect(result.status == 4, "\(result)")
        #expect(result.output.hasPrefix("INVALID"))
        #expect(result.output.contains("rule 1 (mandatory)"), "\(result)")
        #expect(result.output.contains("rule 6 (capacity)"), "\(result)")

        let json = try CLI.run(["check", scenario, "-", "--format", "json"], stdin: broken)
        #expect(json.status == 4)
        let object = try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any]
        #expect(object?["valid"] as? Bool == false)
        let rules = (object?["violations"] as? [[String: Any]])?.compactMap { $0["rule"] as? Int } ?? []
        #expect(rules.contains(1) && rules.contains(6))
    }

    @Test("check of a plan whose status is infeasible exits 4")
    func checkInfeasiblePlan() throws {
        let plan = Data(#"{"status":"infeasible","projects":[],"assignments":[]}"#.utf8)
        let result = try CLI.run(["check", CLI.fixture("pins.json"), "-"], stdin: plan)
        #expect(result.status == 4, "\(result)")
    }

    @Test("check with an invalid scenario exits 1")
    func checkInvalidScenario() throws {
        let plan = Data(#"{"status":"feasible","projects":[],"assignments":[]}"#.utf8)
        let result = try CLI.run(["check", CLI.fixture("invalid-unknown-key.json"), "-"], stdin: plan)
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("costPerHuor"))
    }

    @Test("every command has --help with an example", arguments: ["solve", "check", "report", "import", "generate", "export"])
    func help(_ command: String) throws {
        let result = try CLI.run([command, "--help"])
        #expect(result.status == 0, "\(result)")
        #expect(result.output.contains("capacity-planner \(command)"), "an example using the command")
        #expect(result.output.contains("USAGE:"))
    }
}

// Running the built `capacity-planner` executable from tests, and the files the tests read.
import CapacityPlanning
@_exported import TestSupport
import Foundation
import Testing

/// What one run of the tool produced.
typealias CLIResult = CommandResult

/// Locates and runs the tool.
enum CLI {
    /// The repository's root.
    static var root: URL { SharedFiles.repositoryRoot }

    /// `Examples/` in the repository.
    static var examples: URL { SharedFiles.examples }

    /// The shared fixtures: `../shared/fixtures` beside the repository, or `$CAPACITY_PLANNER_FIXTURES`.
    static var fixtures: URL { SharedFiles.fixtures() }

    /// Path of an example scenario.
    static func example(_ name: String) -> String { examples.appendingPathComponent(name).path }

    /// Path of a shared fixture.
    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    /// The built executable: `$CAPACITY_PLANNER_BIN`, or `capacity-planner` beside the test binary.
    static let executable = CommandRunner.executable(named: "capacity-planner", environmentVariable: "CAPACITY_PLANNER_BIN")

    /// Runs the tool with `arguments` in the repository's root, feeding `stdin`, killing it after `timeout` seconds.
    static func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:],
                    timeout: Double = 60) throws -> CLIResult {
        let executable = try #require(executable, "capacity-planner not found next to the test binary; set CAPACITY_PLANNER_BIN")
        return try CommandRunner.run(executable, arguments, stdin: stdin, environment: environment, directory: root,
                                     timeout: timeout)
    }

    /// A fresh temporary folder for one test.
    static func temporaryDirectory() throws -> URL {
        try CommandRunner.temporaryDirectory(prefix: "capacity-planner-cli-tests")
    }

    /// The scenario at `path` and its normalised problem.
    static func problem(at path: String) throws -> PlanningProblem {
        try PlanningProblem(try Scenario(json: try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    /// Checks `planData` against the scenario at `path` with the domain's checker.
    static func check(_ planData: Data, scenario path: String) throws -> PlanCheck {
        let plan = try JSONDecoder().decode(Plan.self, from: planData)
        return PlanChecker.check(plan, for: try problem(at: path))
    }
}

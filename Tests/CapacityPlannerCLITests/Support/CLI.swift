// Running the built `capacity-planner` executable from tests, and the files the tests read.
import CapacityPlanning
import Foundation
import Testing

/// What one run of the tool produced.
struct CLIResult: Sendable, CustomStringConvertible {
    /// The exit status (or the signal that ended it, negated).
    let status: Int32
    /// Standard output.
    let stdout: Data
    /// Standard error.
    let stderr: String
    /// Whether the run was killed for taking too long.
    let timedOut: Bool

    /// Standard output as text.
    var output: String { String(decoding: stdout, as: UTF8.self) }

    /// For failure messages.
    var description: String {
        "exit \(status)\(timedOut ? " (timed out)" : "")\n--- stdout ---\n\(output.prefix(3000))\n--- stderr ---\n\(stderr.prefix(3000))"
    }
}

/// Locates and runs the tool.
enum CLI {
    /// The repository's root (three levels above this file).
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// `Examples/` in the repository.
    static var examples: URL { root.appendingPathComponent("Examples") }

    /// The shared fixtures: `../shared/fixtures` beside the repository, or `$CAPACITY_PLANNER_FIXTURES`.
    static var fixtures: URL {
        if let path = ProcessInfo.processInfo.environment["CAPACITY_PLANNER_FIXTURES"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return root.deletingLastPathComponent().appendingPathComponent("shared/fixtures")
    }

    /// Path of an example scenario.
    static func example(_ name: String) -> String { examples.appendingPathComponent(name).path }

    /// Path of a shared fixture.
    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    /// The built executable: `$CAPACITY_PLANNER_BIN`, or `capacity-planner` in the folder of the
    /// test binary or a folder above it (`.build/<triple>/<config>/`).
    static let executable: URL? = {
        let fm = FileManager.default
        if let path = ProcessInfo.processInfo.environment["CAPACITY_PLANNER_BIN"], fm.isExecutableFile(atPath: path) {
            return URL(fileURLWithPath: path)
        }
        var starts = [Bundle.main.bundleURL, Bundle.main.executableURL ?? Bundle.main.bundleURL]
        if let exe = try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe") { starts.append(URL(fileURLWithPath: exe)) }
        if let first = CommandLine.arguments.first { starts.append(URL(fileURLWithPath: first)) }
        for start in starts {
            var dir = start.hasDirectoryPath ? start : start.deletingLastPathComponent()
            for _ in 0..<6 {
                let candidate = dir.appendingPathComponent("capacity-planner")
                if fm.isExecutableFile(atPath: candidate.path) { return candidate }
                dir = dir.deletingLastPathComponent()
            }
        }
        return nil
    }()

    /// Runs the tool with `arguments`, feeding `stdin`, killing it after `timeout` seconds.
    static func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:],
                    timeout: Double = 60) throws -> CLIResult {
        let executable = try #require(executable, "capacity-planner not found next to the test binary; set CAPACITY_PLANNER_BIN")
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (k, v) in environment { env[k] = v }
        process.environment = env
        process.currentDirectoryURL = root
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()

        // Read both pipes on their own threads so that a full pipe never blocks the tool.
        let group = DispatchGroup()
        let collected = Collected()
        for (pipe, isOut) in [(out, true), (err, false)] {
            group.enter()
            DispatchQueue.global().async {
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                collected.set(data, isOut: isOut)
                group.leave()
            }
        }
        // The tool may exit without reading its input: a broken pipe must not end the tests.
        signal(SIGPIPE, SIG_IGN)
        if let stdin { try? input.fileHandleForWriting.write(contentsOf: stdin) }
        try? input.fileHandleForWriting.close()

        let timer = DispatchWorkItem { [process] in
            if process.isRunning {
                collected.markTimedOut()
                process.terminate()
            }
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: timer)
        process.waitUntilExit()
        timer.cancel()
        group.wait()
        let (stdout, stderr, timedOut) = collected.values
        return CLIResult(status: process.terminationStatus, stdout: stdout,
                         stderr: String(decoding: stderr, as: UTF8.self), timedOut: timedOut)
    }

    /// A fresh temporary folder for one test.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("capacity-planner-cli-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
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

/// Output gathered from the reader threads.
private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var out = Data(), err = Data(), timedOut = false

    func set(_ data: Data, isOut: Bool) {
        lock.lock()
        defer { lock.unlock() }
        if isOut { out = data } else { err = data }
    }

    func markTimedOut() {
        lock.lock()
        defer { lock.unlock() }
        timedOut = true
    }

    var values: (Data, Data, Bool) {
        lock.lock()
        defer { lock.unlock() }
        return (out, err, timedOut)
    }
}

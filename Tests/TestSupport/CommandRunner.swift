// Running a built executable of the package from tests: output, exit status, a time limit.
public import Foundation

/// What one run of the tool produced.
public struct CommandResult: Sendable, CustomStringConvertible {
    /// The exit status (or the signal that ended it, negated).
    public let status: Int32
    /// Standard output.
    public let stdout: Data
    /// Standard error.
    public let stderr: String
    /// Whether the run was killed for taking too long.
    public let timedOut: Bool

    /// Standard output as text.
    public var output: String { String(decoding: stdout, as: UTF8.self) }

    /// For failure messages.
    public var description: String {
        "exit \(status)\(timedOut ? " (timed out)" : "")\n--- stdout ---\n\(output.prefix(3000))\n--- stderr ---\n\(stderr.prefix(3000))"
    }
}

/// Locates and runs the package's executables.
public enum CommandRunner {
    /// The built executable named `name`: `$environmentVariable`, or the file of that name in the
    /// folder of the test binary or a folder above it (`.build/<triple>/<config>/`).
    public static func executable(named name: String, environmentVariable: String) -> URL? {
        let fm = FileManager.default
        if let path = ProcessInfo.processInfo.environment[environmentVariable], fm.isExecutableFile(atPath: path) {
            return URL(fileURLWithPath: path)
        }
        var starts = [Bundle.main.bundleURL, Bundle.main.executableURL ?? Bundle.main.bundleURL]
        if let exe = try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe") { starts.append(URL(fileURLWithPath: exe)) }
        if let first = CommandLine.arguments.first { starts.append(URL(fileURLWithPath: first)) }
        for start in starts {
            var dir = start.hasDirectoryPath ? start : start.deletingLastPathComponent()
            for _ in 0..<6 {
                let candidate = dir.appendingPathComponent(name)
                if fm.isExecutableFile(atPath: candidate.path) { return candidate }
                dir = dir.deletingLastPathComponent()
            }
        }
        return nil
    }

    /// Runs `executable` with `arguments` in `directory`, feeding `stdin`, killing it after `timeout` seconds.
    public static func run(_ executable: URL, _ arguments: [String], stdin: Data? = nil,
                           environment: [String: String] = [:], directory: URL,
                           timeout: Double = 60) throws -> CommandResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (k, v) in environment { env[k] = v }
        process.environment = env
        process.currentDirectoryURL = directory
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
        return CommandResult(status: process.terminationStatus, stdout: stdout,
                         stderr: String(decoding: stderr, as: UTF8.self), timedOut: timedOut)
    }

    /// A fresh temporary folder for one test.
    public static func temporaryDirectory(prefix: String = "capacity-planner-tests") throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
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

// `--isolate`: each scenario in a child process of this executable, so that its peak memory is its own.
import CapacityPlanning
import CapacityPlanners
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs scenarios in child processes of the running executable (`capacity-bench --child SIZE:SEED`).
///
/// The child writes its result as JSON to a file after every stage, so a child that is
/// stopped (`--scenario-timeout`) or crashes still leaves what it had measured.
struct IsolatedRunner {
    /// The run's settings, passed on to the child as options.
    var settings: RunSettings
    /// Seconds after which a child is stopped; `nil` waits for ever.
    var timeout: Double?

    /// The path of the running executable.
    static func executablePath() -> String? {
        #if os(Linux)
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        #endif
        return Bundle.main.executablePath
    }

    /// Runs `size` and `seed` in a child process and returns what it measured.
    func run(size: LadderSize, seed: UInt64) -> ScenarioResult {
        var fallback = ScenarioResult(size: size, seed: seed)
        guard let executable = Self.executablePath() else {
            fallback.incomplete = "cannot find this executable to start a child process"
            return fallback
        }
        let output = FileManager.default.temporaryDirectory
            .appendingPathComponent("capacity-bench-\(getpid())-\(size)-s\(seed).json")
        try? FileManager.default.removeItem(at: output)
        defer { try? FileManager.default.removeItem(at: output) }

        var arguments = ["--child", "\(size):\(seed)", "--child-output", output.path,
                         "--time-limit", String(settings.timeLimit),
                         "--planners", settings.planners.map(\.rawValue).joined(separator: ",")]
        if let directory = settings.exportDirectory { arguments += ["--export-mps", directory] }
        if settings.formatVersion != 1 { arguments += ["--format-version", String(settings.formatVersion)] }
        if settings.supply { arguments.append("--supply") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        let start = ContinuousClock.now
        do {
            try process.run()
        } catch {
            fallback.incomplete = "cannot start a child process: \(error)"
            return fallback
        }
        var stopped = false
        while process.isRunning {
            if let timeout, !stopped, Measure.seconds(since: start) > timeout {
                stopped = true
                log("\(fallback.label): stopping the child process \(process.processIdentifier) after \(Format.seconds(timeout)) (--scenario-timeout)")
                process.terminate()
                let grace = ContinuousClock.now
                while process.isRunning && Measure.seconds(since: grace) < 5 { usleep(50_000) }
                if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            }
            usleep(50_000)
        }
        process.waitUntilExit()

        var result = fallback
        if let data = try? Data(contentsOf: output), let partial = try? JSONDecoder().decode(ScenarioResult.self, from: data) {
            result = partial
        }
        let elapsed = Measure.seconds(since: start)
        if stopped {
            result.incomplete = "stopped after \(Format.seconds(elapsed)) (--scenario-timeout \(Format.seconds(timeout)))"
            markUnfinished(&result, why: "stopped after \(Format.seconds(elapsed)) of the scenario: did not finish")
        } else if process.terminationReason == .uncaughtSignal || process.terminationStatus != 0 {
            let how = process.terminationReason == .uncaughtSignal
                ? "killed by signal \(process.terminationStatus)" : "exited with status \(process.terminationStatus)"
            result.incomplete = "the child process \(how)"
            markUnfinished(&result, why: "the child process \(how)", failure: true)
        }
        return result
    }

    /// Marks the planner that was running (the last one, without seconds) and those not started.
    private func markUnfinished(_ result: inout ScenarioResult, why: String, failure: Bool = false) {
        for kind in settings.planners {
            let name = kind.rawValue
            if let index = result.planners.firstIndex(where: { $0.planner == name }) {
                guard result.planners[index].seconds == nil else { continue }
                result.planners[index].note = why
                if failure { result.planners[index].error = why }
            } else {
                var entry = PlannerResult(planner: name)
                entry.note = "not run: " + why
                result.planners.append(entry)
            }
        }
        result.summarise()
    }
}

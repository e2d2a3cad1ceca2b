// Reading scenarios and plans from files or standard input, writing results.
import ArgumentParser
import CapacityPlanning
import Foundation

/// The tool's exit codes (0 is success). Usage errors found by ArgumentParser also exit 2.
enum Exit {
    /// The scenario is invalid.
    static let invalidScenario = ExitCode(1)
    /// Bad usage (unreadable file, bad option value).
    static let usage = ExitCode(2)
    /// No valid plan exists.
    static let noPlan = ExitCode(3)
    /// `check` and `report`: the plan breaks a rule.
    static let invalidPlan = ExitCode(4)
    /// A planner failed (a solver error or a bug); the message says which.
    static let internalError = ExitCode(70)
}

/// Writes `text` to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// How a path is named in messages: the path, or "standard input" for `-`.
func displayName(_ path: String) -> String { path == "-" ? "standard input" : path }

/// Reads a whole file, or standard input for `-`.
func readInput(_ path: String) throws -> Data {
    if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
    do {
        return try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
        printError("error: cannot read '\(path)': \(error.localizedDescription)")
        throw Exit.usage
    }
}

/// Reads and validates a scenario; prints every problem and exits 1 when it is invalid.
func loadProblem(_ path: String) throws -> PlanningProblem {
    let data = try readInput(path)
    do {
        let scenario = try Scenario(json: data)
        return try PlanningProblem(scenario)
    } catch {
        printError("error: \(displayName(path)) is not a valid scenario:")
        for issue in error.issues { printError("  - \(issue)") }
        throw Exit.invalidScenario
    }
}

/// Reads a plan (spec section 2).
func loadPlan(_ path: String) throws -> Plan {
    let data = try readInput(path)
    do {
        return try JSONDecoder().decode(Plan.self, from: data)
    } catch {
        printError("error: \(displayName(path)) is not a plan: \(describe(error))")
        throw Exit.usage
    }
}

/// A short description of a decoding error.
func describe(_ error: any Error) -> String {
    if let decoding = error as? DecodingError {
        switch decoding {
        case .dataCorrupted(let c), .keyNotFound(_, let c), .typeMismatch(_, let c), .valueNotFound(_, let c):
            let path = c.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return (path.isEmpty ? "" : "\(path): ") + c.debugDescription
        @unknown default:
            return "\(error)"
        }
    }
    return "\(error)"
}

/// Pretty JSON with sorted keys.
func encodeJSON<T: Encodable>(_ value: T) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(value)
}

/// Writes to `path`, or standard output when `nil` or `-`.
func writeOutput(_ data: Data, to path: String?) throws {
    var data = data
    if (path == nil || path == "-") && data.last != UInt8(ascii: "\n") { data.append(UInt8(ascii: "\n")) }
    try writeBytes(data, to: path)
}

/// Writes bytes as they are (no line break is added): to `path`, or standard output for `-` or no path.
func writeBytes(_ data: Data, to path: String?) throws {
    guard let path, path != "-" else {
        FileHandle.standardOutput.write(data)
        return
    }
    do {
        try data.write(to: URL(fileURLWithPath: path))
    } catch {
        printError("error: cannot write '\(path)': \(error.localizedDescription)")
        throw Exit.usage
    }
}

/// Output formats for people (`text`) and for programs (`json`).
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    /// Pretty-printed JSON with sorted keys.
    case json
    /// Aligned tables.
    case text
}

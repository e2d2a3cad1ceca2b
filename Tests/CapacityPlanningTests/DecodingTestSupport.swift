// Shared helpers of the decoding, validation and JSON tests: the fixtures, a seeded
// random generator, and small ways to decode and inspect issues.
import StrictJSON
@_exported import TestSupport
import CapacityPlanning
import Foundation

/// The shared fixtures: `../shared/fixtures` beside the repository, or `$CAPACITY_PLANNER_FIXTURES`.
enum DecodingFixtures {
    /// What `expected.json` says of one fixture.
    struct Expectation: Sendable {
        let invalid: Bool
        let reason: String?
    }

    /// The fixtures folder.
    static let directory: URL = SharedFiles.fixtures()

    /// The bytes of fixture `name` (e.g. `pins.json`).
    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent(name))
    }

    /// `expected.json`, by fixture file name.
    static func expectations() throws -> [String: Expectation] {
        let value = try JSONValue(parsing: try data("expected.json"))
        guard case .object(let members) = value else { return [:] }
        var result: [String: Expectation] = [:]
        for (name, entry) in members {
            var invalid = false
            if case .bool(true)? = entry["invalid"] { invalid = true }
            var reason: String?
            if case .string(let text)? = entry["reason"] { reason = text }
            result[name] = Expectation(invalid: invalid, reason: reason)
        }
        return result
    }

    /// Names of the scenario fixtures (every `*.json` but `expected.json`), sorted.
    static func scenarioNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".json") && $0 != "expected.json" }
            .sorted()
    }

    /// Names of the fixtures `expected.json` does not mark invalid.
    static func validNames() throws -> [String] {
        let expected = try expectations()
        return try scenarioNames().filter { expected[$0]?.invalid != true }
    }

    /// Names of the fixtures `expected.json` marks invalid.
    static func invalidNames() throws -> [String] {
        let expected = try expectations()
        return try scenarioNames().filter { expected[$0]?.invalid == true }
    }
}

/// The fuzz tests' generator.
typealias FuzzRandom = TestRandom

enum DecodingSupport {
    /// The errors of decoding `text`; empty when it decodes.
    static func errors(_ text: String) -> [ScenarioIssue] {
        do {
            _ = try Scenario.decode(jsonBytes: Array(text.utf8))
            return []
        } catch {
            return error.issues
        }
    }

    /// Whether `issues` has one at `path` whose message contains `fragment`.
    static func contains(_ issues: [ScenarioIssue], path: String, _ fragment: String) -> Bool {
        issues.contains { $0.path == path && $0.message.contains(fragment) }
    }

    /// `value` with every object's members sorted by key, to compare output of coders that reorder keys.
    static func sortingKeys(_ value: JSONValue) -> JSONValue {
        switch value {
        case .array(let elements): .array(elements.map(sortingKeys))
        case .object(let members): .object(members.sorted { $0.key < $1.key }.map { ($0.key, sortingKeys($0.value)) })
        default: value
        }
    }

    /// A small valid scenario as JSON text; `people` and `projects` replace those sections, `extra` adds members.
    static func minimalJSON(people: String? = nil, projects: String? = nil, extra: String = "") -> String {
        """
        {"version": 1, "horizon": {"periods": 4},
         "people": \(people ?? #"[{"id": "ana", "skills": {"backend": 3}, "capacity": 40}]"#),
         "projects": \(projects ?? #"[{"id": "api", "duration": 2, "demands": [{"skill": "backend", "hours": 10}]}]"#)
         \(extra)}
        """
    }
}

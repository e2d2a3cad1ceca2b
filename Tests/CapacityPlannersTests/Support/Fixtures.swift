// Loading the shared fixtures (../shared/fixtures beside the repository, or $CAPACITY_PLANNER_FIXTURES).
import CapacityPlanning
@_exported import TestSupport
import Foundation

/// One fixture scenario and what `expected.json` says of it.
struct Fixture: Sendable, CustomStringConvertible {
    let name: String
    let data: Data
    /// The proven optimal objective, for valid fixtures.
    let optimalObjective: Double?
    /// Whether the fixture must be rejected.
    let invalid: Bool

    var description: String { name }

    /// The fixtures folder.
    static var directory: URL { SharedFiles.fixtures() }

    /// Every fixture named in expected.json, sorted by name.
    static let all: [Fixture] = {
        let dir = directory
        guard let data = try? Data(contentsOf: dir.appendingPathComponent("expected.json")),
              let expected = try? JSONSerialization.jsonObject(with: data) as? [String: [String: Any]]
        else { return [] }
        return expected.keys.sorted().compactMap { name in
            guard let body = try? Data(contentsOf: dir.appendingPathComponent(name)) else { return nil }
            let entry = expected[name] ?? [:]
            return Fixture(name: name, data: body,
                           optimalObjective: (entry["optimalObjective"] as? NSNumber)?.doubleValue,
                           invalid: (entry["invalid"] as? Bool) ?? false)
        }
    }()

    /// The valid fixtures with their optimum.
    static var valid: [Fixture] { all.filter { !$0.invalid && $0.optimalObjective != nil } }

    /// Decodes and normalises the fixture.
    func problem() throws -> PlanningProblem {
        try PlanningProblem(try Scenario(json: data))
    }
}

/// `|a − b| ≤ 1e-6 · max(1, |b|)`.
func isClose(_ a: Double, _ b: Double, relative: Double = 1e-6) -> Bool {
    abs(a - b) <= relative * max(1, abs(b))
}

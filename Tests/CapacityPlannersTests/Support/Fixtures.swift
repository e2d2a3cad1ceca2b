// Loading the shared fixtures (../shared/fixtures and ../shared/fixtures-v2 beside the repository,
// or $CAPACITY_PLANNER_FIXTURES and $CAPACITY_PLANNER_FIXTURES_V2).
import CapacityPlanning
@_exported import TestSupport
import Foundation

/// One fixture scenario and what `expected.json` says of it.
struct Fixture: Sendable, CustomStringConvertible {
    let name: String
    /// The format version of its folder (1, 2 or 3).
    let version: Int
    let data: Data
    /// The proven optimal objective, for valid fixtures.
    let optimalObjective: Double?
    /// Whether the fixture must be rejected.
    let invalid: Bool

    var description: String { version == 1 ? name : "v\(version)/\(name)" }

    /// Every version-1 fixture named in expected.json, sorted by name.
    static let all: [Fixture] = load(version: 1)
    /// Every version-2 fixture named in expected.json, sorted by name.
    static let allVersion2: [Fixture] = load(version: 2)
    /// Every version-3 fixture named in expected.json, sorted by name.
    static let allVersion3: [Fixture] = load(version: 3)

    private static func load(version: Int) -> [Fixture] {
        let dir = SharedFiles.fixtures(version: version)
        guard let data = try? Data(contentsOf: dir.appendingPathComponent("expected.json")),
              let expected = try? JSONSerialization.jsonObject(with: data) as? [String: [String: Any]]
        else { return [] }
        return expected.keys.sorted().compactMap { name in
            guard let body = try? Data(contentsOf: dir.appendingPathComponent(name)) else { return nil }
            let entry = expected[name] ?? [:]
            return Fixture(name: name, version: version, data: body,
                           optimalObjective: (entry["optimalObjective"] as? NSNumber)?.doubleValue,
                           invalid: (entry["invalid"] as? Bool) ?? false)
        }
    }

    /// The valid version-1 fixtures with their optimum.
    static var valid: [Fixture] { all.filter { !$0.invalid && $0.optimalObjective != nil } }
    /// The valid version-2 fixtures with their optimum.
    static var validVersion2: [Fixture] { allVersion2.filter { !$0.invalid && $0.optimalObjective != nil } }
    /// The valid version-3 fixtures with version 2's keys and Part A's only (those with hiring or
    /// training are planned in `SupplyPlannerTests`).
    static var plannableVersion3: [Fixture] {
        allVersion3.filter { fixture in
            !fixture.invalid && fixture.optimalObjective != nil && (try? fixture.problem()) != nil
                && (try? Scenario(json: fixture.data))?.usesSupplyKeys == false
        }
    }

    /// Decodes and normalises the fixture.
    func problem() throws -> PlanningProblem {
        try PlanningProblem(try Scenario(json: data))
    }
}

/// `|a − b| ≤ 1e-6 · max(1, |b|)`.
func isClose(_ a: Double, _ b: Double, relative: Double = 1e-6) -> Bool {
    abs(a - b) <= relative * max(1, abs(b))
}

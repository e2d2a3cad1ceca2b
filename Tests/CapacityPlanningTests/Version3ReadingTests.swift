// Format version 3 as far as this build reads it: a scenario with version 2's keys only means
// what version 2 means; Part A's keys (the portfolio in flight) are read and round-trip; Part B's
// (supply) are refused, named as such; every invalid fixture is refused at its path.
import CapacityPlanning
import Foundation
import StrictJSON
import Testing

@Suite("Format version 3: reading")
struct Version3ReadingTests {
    static let folder = SharedFiles.fixtures(version: 3)

    static func bytes(_ name: String, version: Int = 3) throws -> Data {
        try Data(contentsOf: SharedFiles.fixtures(version: version).appendingPathComponent(name))
    }

    /// expected.json of the version-3 fixtures: name → entry.
    static func expected() throws -> [String: [String: Any]] {
        let data = try bytes("expected.json")
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: [String: Any]])
    }

    /// Whether a fixture uses Part B (hiring, training), which this build does not read yet.
    static func usesSupply(_ name: String) throws -> Bool {
        let text = String(decoding: try bytes(name), as: UTF8.self)
        return text.contains("\"hiring\"") || text.contains("\"training\"")
    }

    @Test("a version-3 scenario with none of the new keys is its version-2 twin, but for the version")
    func noNewKeys() throws {
        var v3 = try Scenario(json: try Self.bytes("no-new-keys.json"))
        let v2 = try Scenario(json: try Self.bytes("everything.json", version: 2))
        #expect(v3.version == 3)
        #expect(!v3.usesInFlightKeys)
        v3.version = 2
        #expect(v3 == v2)
    }

    @Test("every valid fixture without hiring or training is read, uses Part A, and round-trips through JSON")
    func partARead() throws {
        var read = 0
        for (name, entry) in try Self.expected() where entry["invalid"] == nil && name != "no-new-keys.json" {
            guard try !Self.usesSupply(name) else { continue }
            let scenario = try Scenario(json: try Self.bytes(name))
            #expect(scenario.usesInFlightKeys, "\(name)")
            let again = try Scenario(json: Data(scenario.jsonValue.serialized(pretty: true)))
            #expect(again == scenario, "\(name)")
            _ = try PlanningProblem(scenario)
            read += 1
        }
        #expect(read >= 7)
    }

    @Test("a fixture with hiring or training is refused, its key named as Part B's")
    func partBRefused() throws {
        var refused = 0
        for name in try Self.expected().keys.sorted() {
            guard try Self.usesSupply(name) else { continue }
            let error = try #require(throws: ScenarioError.self) { try Scenario(json: try Self.bytes(name)) }
            #expect(error.issues.contains { $0.message.contains("Part B, supply") }, "\(name): \(error)")
            refused += 1
        }
        #expect(refused >= 3)
    }

    @Test("each invalid Part A fixture is refused with an error at the path expected.json names")
    func invalidAtPath() throws {
        var checked = 0
        for (name, entry) in try Self.expected().sorted(by: { $0.key < $1.key }) where entry["invalid"] as? Bool == true {
            guard try !Self.usesSupply(name) else { continue }
            let path = try #require(entry["errorPath"] as? String)
            let error = try #require(throws: ScenarioError.self) { try Scenario(json: try Self.bytes(name)) }
            #expect(error.issues.contains { $0.path == path }, "\(name): expected an error at \(path), got \(error)")
            checked += 1
        }
        #expect(checked >= 8)
    }

    @Test("Part A's keys are unknown keys in a version-2 scenario, and version 4 is refused")
    func otherVersions() throws {
        var text = String(decoding: try Self.bytes("everything.json", version: 2), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"version\": 2,", with: "\"version\": 2, \"status\": {\"period\": 1},")
        let error = try #require(throws: ScenarioError.self) { try Scenario(json: Data(text.utf8)) }
        #expect(error.issues.contains { $0.path == "status" && $0.message.hasPrefix("unknown key 'status'") }, "\(error)")
        let four = String(decoding: try Self.bytes("no-new-keys.json"), as: UTF8.self)
            .replacingOccurrences(of: "\"version\": 3,", with: "\"version\": 4,")
        #expect(throws: ScenarioError.self) { try Scenario(json: Data(four.utf8)) }
    }

    @Test("a version-2 scenario built in code with Part A's keys is refused at version")
    func versionNeeded() throws {
        var scenario = try Scenario(json: try Self.bytes("everything.json", version: 2))
        scenario.projects[0].due = 3
        #expect(scenario.validate().contains { $0.severity == .error && $0.path == "version" })
        scenario.version = 3
        #expect(!scenario.validate().contains { $0.severity == .error })
    }
}

// Format version 3 as this build reads it: a scenario with version 2's keys only means what
// version 2 means; Part A's keys (the portfolio in flight) and Part B's (supply: hiring and
// training) are read and round-trip; every invalid fixture is refused at its path.
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

    @Test("a version-3 scenario with none of the new keys is its version-2 twin, but for the version")
    func noNewKeys() throws {
        var v3 = try Scenario(json: try Self.bytes("no-new-keys.json"))
        let v2 = try Scenario(json: try Self.bytes("everything.json", version: 2))
        #expect(v3.version == 3)
        #expect(!v3.usesInFlightKeys && !v3.usesSupplyKeys)
        v3.version = 2
        #expect(v3 == v2)
    }

    @Test("every valid fixture is read, uses Part A or Part B, round-trips through JSON and builds a problem")
    func validRead() throws {
        var read: Set<String> = []
        for (name, entry) in try Self.expected() where entry["invalid"] == nil && name != "no-new-keys.json" {
            let scenario = try Scenario(json: try Self.bytes(name))
            #expect(scenario.usesInFlightKeys || scenario.usesSupplyKeys, "\(name)")
            let again = try Scenario(json: Data(scenario.jsonValue.serialized(pretty: true)))
            #expect(again == scenario, "\(name)")
            _ = try PlanningProblem(scenario)
            read.insert(name)
        }
        #expect(read.count >= 10)
        #expect(read.isSuperset(of: ["course-in-time.json", "hiring-lead-time.json", "everything.json"]))
    }

    @Test("the Part B fixtures' roles and courses are read as written")
    func supplyFixtures() throws {
        let hiring = try Scenario(json: try Self.bytes("hiring-lead-time.json"))
        #expect(hiring.hiring == [Role(id: "data-engineer", name: "Data engineer", skills: ["data": 4], capacity: 40,
                                       costPerHour: 60, hireCost: 3000, earliestStart: 2, maxHires: 2)])
        #expect(hiring.training.isEmpty && hiring.usesSupplyKeys)
        let course = try Scenario(json: try Self.bytes("course-in-time.json"))
        #expect(course.training == [Course(id: "ben-ml", person: "ben", skill: "ml", level: 3, duration: 2,
                                           hoursPerPeriod: 10, cost: 2000)])
        #expect(course.hiring.isEmpty && course.usesSupplyKeys)
        let everything = try Scenario(json: try Self.bytes("everything.json"))
        #expect(everything.hiring.map(\.id) == ["data-engineer"] && everything.training.map(\.id) == ["dev-ml"])
    }

    @Test("each invalid fixture is refused with an error at the path expected.json names")
    func invalidAtPath() throws {
        var checked: Set<String> = []
        for (name, entry) in try Self.expected().sorted(by: { $0.key < $1.key }) where entry["invalid"] as? Bool == true {
            let path = try #require(entry["errorPath"] as? String)
            let error = try #require(throws: ScenarioError.self) { try Scenario(json: try Self.bytes(name)) }
            #expect(error.issues.contains { $0.path == path }, "\(name): expected an error at \(path), got \(error)")
            checked.insert(name)
        }
        #expect(checked.count >= 10)
        #expect(checked.isSuperset(of: ["invalid-v3-role-id-hash.json", "invalid-v3-course-unknown-person.json"]))
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

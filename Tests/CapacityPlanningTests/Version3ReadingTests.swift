// Format version 3 as far as this build goes: a version-3 scenario that uses version 2's keys
// only means what version 2 means; version 3's own keys are refused, named as such.
import CapacityPlanning
import Foundation
import Testing

@Suite("Format version 3: what this build reads")
struct Version3ReadingTests {
    static let folder = SharedFiles.fixtures(version: 3)

    static func bytes(_ name: String, version: Int = 3) throws -> Data {
        try Data(contentsOf: SharedFiles.fixtures(version: version).appendingPathComponent(name))
    }

    @Test("a version-3 scenario with none of the new keys is its version-2 twin, but for the version")
    func noNewKeys() throws {
        var v3 = try Scenario(json: try Self.bytes("no-new-keys.json"))
        let v2 = try Scenario(json: try Self.bytes("everything.json", version: 2))
        #expect(v3.version == 3)
        v3.version = 2
        #expect(v3 == v2)
    }

    @Test("every other version-3 fixture is refused, and one of its errors names a key as version 3's")
    func newKeysRefused() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { $0.hasSuffix(".json") && $0 != "expected.json" && $0 != "no-new-keys.json" }.sorted()
        #expect(!names.isEmpty)
        for name in names {
            do {
                _ = try Scenario(json: try Self.bytes(name))
                Issue.record("\(name) was accepted")
            } catch let error as ScenarioError {
                #expect(error.issues.contains { $0.message.contains("is format version 3's") }, "\(name): \(error)")
            }
        }
    }

    @Test("version 3's keys stay unknown keys in a version-2 scenario, and version 4 is refused")
    func otherVersions() throws {
        var text = String(decoding: try Self.bytes("everything.json", version: 2), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"version\": 2,", with: "\"version\": 2, \"status\": {\"period\": 1},")
        #expect(throws: ScenarioError.self) { try Scenario(json: Data(text.utf8)) }
        do {
            _ = try Scenario(json: Data(text.utf8))
        } catch {
            #expect(error.issues.contains { $0.path == "status" && $0.message.hasPrefix("unknown key 'status'") }, "\(error)")
        }
        let four = String(decoding: try Self.bytes("no-new-keys.json"), as: UTF8.self)
            .replacingOccurrences(of: "\"version\": 3,", with: "\"version\": 4,")
        #expect(throws: ScenarioError.self) { try Scenario(json: Data(four.utf8)) }
    }
}

// Format v2 over HTTP: v2 scenarios planned and checked, v2 errors named by field, v2 keys
// unknown in a v1 document.
import StrictJSON
import CapacityPlanning
import Foundation
import Testing
import TestSupport

@Suite("HTTP service: format v2")
struct Version2ServiceTests {
    private func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: SharedFiles.fixtures(version: 2).appendingPathComponent(name))
    }

    @Test("a v2 scenario is planned with a valid plan carrying the v2 terms; its check reports them")
    func planAndCheck() async throws {
        let scenario = try fixture("everything.json")
        try await withService { client in
            let reply = try await client.call("POST", "/v1/plans?solver=greedy&timeLimit=5", body: scenario)
            #expect(reply.status == 200)
            #expect(try isValid(reply.body, for: scenario))
            let plan = try JSONDecoder().decode(Plan.self, from: reply.body)
            #expect(plan.strategy?.drivers.isEmpty == false)
            #expect(plan.projects.contains { $0.selected && $0.delayCost != nil })

            let body = Data(#"{"scenario": "#.utf8) + scenario + Data(#", "plan": "#.utf8) + reply.body + Data("}".utf8)
            let check = try await client.call("POST", "/v1/checks", body: body)
            #expect(check.status == 200)
            #expect(check.json?["valid"] == .bool(true))
            guard case .number(let strategic)? = check.json?["terms"]?["strategicValue"] else {
                Issue.record("the check's terms have no strategicValue: \(String(describing: check.json))")
                return
            }
            #expect(strategic > 0)
        }
    }

    @Test("an invalid v2 scenario names the field; a v1 document with a v2 key has an unknown key")
    func errors() async throws {
        try await withService { client in
            let invalid = try await client.call("POST", "/v1/plans", body: try fixture("invalid-v2-balance-min-above-max.json"))
            #expect(invalid.status == 422)
            let invalidFields: [String] = invalid.json?["errors"]?.fields ?? []
            #expect(invalidFields.contains("policy.balance[0]"), "\(invalidFields)")

            var text = String(decoding: try fixture("everything.json"), as: UTF8.self)
            text = text.replacingOccurrences(of: "\"version\": 2", with: "\"version\": 1")
            let v1 = try await client.call("POST", "/v1/plans", body: Data(text.utf8))
            #expect(v1.status == 422)
            let v1Fields: [String] = v1.json?["errors"]?.fields ?? []
            #expect(v1Fields.contains("strategy"), "\(v1Fields)")
            #expect(String(decoding: v1.body, as: UTF8.self).contains("unknown key"))
        }
    }
}

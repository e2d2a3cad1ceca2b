// What the OpenAPI document says of the domain's own enumerations, checked against the code: a
// rule or a change the domain adds must be in the contract the service's clients read.
import CapacityPlanning
import ConflictAnalysis
import StrictJSON
import Foundation
import Testing

@Suite("The OpenAPI document against the domain's enumerations")
struct ContractTests {
    static func schema(_ name: String) throws -> JSONValue {
        let document = try SchemaValidator.load().document
        return try #require(document["components"]?["schemas"]?[name])
    }

    @Test("a check report's violation rules go up to the last rule the checker has")
    func violationRules() throws {
        let rule = try #require(try Self.schema("PlanCheckReport")["properties"]?["violations"]?["items"]?["properties"]?["rule"])
        guard case .number(let maximum)? = rule["maximum"] else { Issue.record("no maximum: \(rule)"); return }
        #expect(Int(maximum) == PlanViolation.Rule.allCases.map(\.rawValue).max())
    }

    @Test("a scenario change's kinds are the domain's")
    func changeKinds() throws {
        let kind = try #require(try Self.schema("ScenarioChange")["properties"]?["kind"]?["enum"])
        guard case .array(let values) = kind else { Issue.record("no enum: \(kind)"); return }
        let documented = Set(values.compactMap { value -> String? in if case .string(let s) = value { s } else { nil } })
        #expect(documented == Set(ScenarioChange.Kind.allCases.map(\.rawValue)))
    }
}

// The spec's documents inside the generated API types (openapi-generator-config.yaml, typeOverrides).
//
// The OpenAPI document describes the scenario, the plan and the reports exactly; the generator would
// turn those schemas into Codable structs of its own. The service reads and writes them with the
// domain instead: a scenario with the strict reader (document order, duplicate keys, line and
// column, every problem with its path: the raw body kept by `RequestScope`), the plan, the reports
// and the changes with their own Codables. These types are what the generated code holds in their place.
import CapacityPlanning
import ConflictAnalysis

/// A scenario in a request body. The generated decoder only passes over it; the handler reads the
/// body the strict reader parsed (`RequestScope.body`), so the scenario is read once, with paths.
struct ScenarioBody: Codable, Hashable, Sendable {
    init() {}
    init(from decoder: any Decoder) throws {}
    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encodeNil()
    }
}

/// A domain document (plan, report, change) read and written by its own Codable. The generated
/// types must be `Hashable`; equal values hash alike because nothing goes into the hash.
struct DomainBody<Value: Codable & Equatable & Sendable>: Codable, Hashable, Sendable {
    var value: Value
    init(_ value: Value) { self.value = value }
    init(from decoder: any Decoder) throws { value = try Value(from: decoder) }
    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
    func hash(into hasher: inout Hasher) {}
}

/// A plan (spec section 2).
typealias PlanBody = DomainBody<Plan>
/// `POST /v1/checks`'s answer.
typealias CheckReportBody = DomainBody<PlanCheckReport>
/// `POST /v1/analyses`'s answer.
typealias ConflictReportBody = DomainBody<ConflictReport>
/// A what-if change of a sweep (field errors with their path).
typealias ScenarioChangeBody = DomainBody<ScenarioChange>
/// A kept scenario, its versions and commits.
typealias KeptScenarioBody = DomainBody<KeptScenarioDocument>
/// One version of a kept scenario.
typealias ScenarioVersionBody = DomainBody<ScenarioVersionDocument>
/// A commit of a plan of record.
typealias CommitBody = DomainBody<CommitDocument>
/// Two plans compared.
typealias ComparisonBody = DomainBody<PlanComparison>

// The spec's documents inside the generated API types (openapi-generator-config.yaml, typeOverrides).
//
// The OpenAPI document describes the scenario, the plan and the reports exactly; the generator would
// turn those schemas into Codable structs of its own. The service reads and writes them with the
// domain instead: a scenario with the strict reader (document order, duplicate keys, line and
// column, every problem with its path: the raw body kept by `RequestScope`), the plan and the
// reports with their own Codables. These wrappers are what the generated code holds in their place.
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

/// A plan (spec section 2), read and written by `Plan`'s own Codable.
struct PlanBody: Codable, Hashable, Sendable {
    var plan: Plan
    init(_ plan: Plan) { self.plan = plan }
    init(from decoder: any Decoder) throws { plan = try Plan(from: decoder) }
    func encode(to encoder: any Encoder) throws { try plan.encode(to: encoder) }
    func hash(into hasher: inout Hasher) {
        hasher.combine(plan.status)
        hasher.combine(plan.objective)
        hasher.combine(plan.assignments.count)
    }
}

/// `POST /v1/checks`'s answer, written by `PlanCheckReport`'s Codable.
struct CheckReportBody: Codable, Hashable, Sendable {
    var report: PlanCheckReport
    init(_ report: PlanCheckReport) { self.report = report }
    init(from decoder: any Decoder) throws { report = try PlanCheckReport(from: decoder) }
    func encode(to encoder: any Encoder) throws { try report.encode(to: encoder) }
    func hash(into hasher: inout Hasher) {
        hasher.combine(report.valid)
        hasher.combine(report.objective)
    }
}

/// `POST /v1/analyses`'s answer, written by `ConflictReport`'s Codable.
struct ConflictReportBody: Codable, Hashable, Sendable {
    var report: ConflictReport
    init(_ report: ConflictReport) { self.report = report }
    init(from decoder: any Decoder) throws { report = try ConflictReport(from: decoder) }
    func encode(to encoder: any Encoder) throws { try report.encode(to: encoder) }
    func hash(into hasher: inout Hasher) { hasher.combine(report.reference.objective) }
}

/// A what-if change of a sweep, read by `ScenarioChange`'s Codable (field errors with their path).
struct ScenarioChangeBody: Codable, Hashable, Sendable {
    var change: ScenarioChange
    init(_ change: ScenarioChange) { self.change = change }
    init(from decoder: any Decoder) throws { change = try ScenarioChange(from: decoder) }
    func encode(to encoder: any Encoder) throws { try change.encode(to: encoder) }
}

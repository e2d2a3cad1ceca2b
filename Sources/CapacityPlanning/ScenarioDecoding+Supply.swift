// Strict reading of the keys spec v3 adds for supply (Part B: roles that may be hired, courses
// that raise a person's level). Like Part A's, they are known keys only when `version` is 3;
// ranges and references are checked by `ScenarioValidation+Supply.swift`.
import StrictJSON

extension ScenarioKeys {
    /// The keys of version 3's Part B, in the order the encoder writes them.
    enum Supply {
        static let scenario = ["hiring", "training"]
        static let role = ["id", "name", "skills", "capacity", "costPerHour", "hireCost", "earliestStart", "maxHires"]
        static let course = ["id", "person", "skill", "level", "duration", "hoursPerPeriod", "cost", "earliestStart"]
    }
}

extension ScenarioReader {
    /// Reads the scenario's `hiring` and `training` (version 3).
    mutating func readSupplyKeys(_ m: Members, into scenario: inout Scenario) {
        guard version3 else { return }
        scenario.hiring = field(m, "hiring") { r, v in
            r.array(v, placeholder: Role(id: "", capacity: 0, maxHires: 0)) { $0.role($1) }
        } ?? []
        scenario.training = field(m, "training") { r, v in
            r.array(v, placeholder: Course(id: "", person: "", skill: "", level: 1, duration: 1)) { $0.course($1) }
        } ?? []
    }

    mutating func role(_ value: JSONValue) -> Role? {
        guard let m = members(value, known: ScenarioKeys.Supply.role) else { return nil }
        return Role(
            id: field(m, "id", required: true) { $0.string($1) } ?? "",
            name: field(m, "name") { $0.string($1) },
            skills: field(m, "skills") { $0.skills($1) } ?? [:],
            capacity: field(m, "capacity", required: true) { $0.number($1) } ?? 0,
            costPerHour: field(m, "costPerHour") { $0.number($1) } ?? 0,
            hireCost: field(m, "hireCost") { $0.number($1) } ?? 0,
            earliestStart: field(m, "earliestStart") { $0.integer($1) } ?? 0,
            maxHires: field(m, "maxHires", required: true) { $0.integer($1) } ?? 0)
    }

    mutating func course(_ value: JSONValue) -> Course? {
        guard let m = members(value, known: ScenarioKeys.Supply.course) else { return nil }
        return Course(
            id: field(m, "id", required: true) { $0.string($1) } ?? "",
            person: field(m, "person", required: true) { $0.string($1) } ?? "",
            skill: field(m, "skill", required: true) { $0.string($1) } ?? "",
            level: field(m, "level", required: true) { $0.integer($1) } ?? 1,
            duration: field(m, "duration", required: true) { $0.integer($1) } ?? 1,
            hoursPerPeriod: field(m, "hoursPerPeriod") { $0.number($1) } ?? 0,
            cost: field(m, "cost") { $0.number($1) } ?? 0,
            earliestStart: field(m, "earliestStart") { $0.integer($1) } ?? 0)
    }
}

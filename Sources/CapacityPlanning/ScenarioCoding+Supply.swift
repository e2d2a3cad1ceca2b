// Writing the keys spec v3 adds for supply (Part B): `hiring` and `training` only when they hold
// something, keys in the spec's order, and a role's or course's optional keys only when they
// differ from their default (an absent name stays absent), so reading the JSON back gives an
// equal scenario and a scenario without supply writes what it wrote before.
import StrictJSON

extension ScenarioWriter {
    static func appendSupply(_ scenario: Scenario, to members: inout Members) {
        if !scenario.hiring.isEmpty { members.append(("hiring", .array(scenario.hiring.map(role)))) }
        if !scenario.training.isEmpty { members.append(("training", .array(scenario.training.map(course)))) }
    }

    static func role(_ role: Role) -> JSONValue {
        var members: Members = [("id", .string(role.id))]
        if let name = role.name { members.append(("name", .string(name))) }
        if !role.skills.isEmpty {
            members.append(("skills", .object(role.skills.sorted { $0.key < $1.key }.map {
                (key: $0.key, value: JSONValue.number(Double($0.value)))
            })))
        }
        members.append(("capacity", .number(role.capacity)))
        if role.costPerHour != 0 { members.append(("costPerHour", .number(role.costPerHour))) }
        if role.hireCost != 0 { members.append(("hireCost", .number(role.hireCost))) }
        if role.earliestStart != 0 { members.append(("earliestStart", .number(Double(role.earliestStart)))) }
        members.append(("maxHires", .number(Double(role.maxHires))))
        return .object(members)
    }

    static func course(_ course: Course) -> JSONValue {
        var members: Members = [
            ("id", .string(course.id)),
            ("person", .string(course.person)),
            ("skill", .string(course.skill)),
            ("level", .number(Double(course.level))),
            ("duration", .number(Double(course.duration))),
        ]
        if course.hoursPerPeriod != 0 { members.append(("hoursPerPeriod", .number(course.hoursPerPeriod))) }
        if course.cost != 0 { members.append(("cost", .number(course.cost))) }
        if course.earliestStart != 0 { members.append(("earliestStart", .number(Double(course.earliestStart)))) }
        return .object(members)
    }
}

// Writing the keys spec v3 adds for the portfolio in flight: only when they hold something,
// so a scenario without them writes what version 2 writes. Part B's keys follow them
// (`ScenarioCoding+Supply.swift`).
import StrictJSON

extension ScenarioWriter {
    static func appendVersion3(_ scenario: Scenario, to members: inout Members) {
        if let status = scenario.status { members.append(("status", self.status(status))) }
        if !scenario.synergies.isEmpty { members.append(("synergies", .array(scenario.synergies.map(synergy)))) }
        appendSupply(scenario, to: &members)
    }

    static func appendVersion3(_ project: Project, to members: inout Members) {
        if let started = project.started { members.append(("started", .number(Double(started)))) }
        if let longest = project.maxDuration { members.append(("maxDuration", .number(Double(longest)))) }
        if let due = project.due { members.append(("due", .number(Double(due)))) }
        if project.latePenaltyPerPeriod != 0 {
            members.append(("latePenaltyPerPeriod", .number(project.latePenaltyPerPeriod)))
        }
        if let probability = project.probability { members.append(("probability", .number(probability))) }
    }

    static func status(_ status: Status) -> JSONValue {
        .object([
            ("period", .number(Double(status.period))),
            ("actuals", .array(status.actuals.map(actual))),
        ])
    }

    static func actual(_ actual: Actual) -> JSONValue {
        .object([
            ("person", .string(actual.person)),
            ("project", .string(actual.project)),
            ("demand", .string(actual.demand)),
            ("period", .number(Double(actual.period))),
            ("hours", .number(actual.hours)),
        ])
    }

    static func synergy(_ synergy: Synergy) -> JSONValue {
        var members: Members = []
        if let id = synergy.id { members.append(("id", .string(id))) }
        members.append(("projects", .array(synergy.projects.map(JSONValue.string))))
        members.append(("value", .number(synergy.value)))
        return .object(members)
    }
}

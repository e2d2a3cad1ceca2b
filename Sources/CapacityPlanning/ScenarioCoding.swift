// Codable for the scenario types, and the scenario as a JSONValue.
//
// Encoding writes exactly the keys of the spec: every stored property under its
// spec key, absent optionals left out, `Hours` as a number or an array. Version-2
// keys are written only when they hold something, so a version-1 scenario writes v1.
// Decoding reads a generic JSON value through the decoder and runs the strict
// reader of `ScenarioDecoding.swift` on it, so `JSONDecoder` and
// `Scenario(json:)` accept and reject the same documents (except that
// `JSONDecoder` silently merges repeated keys).

public import StrictJSON
extension Scenario {
    /// The scenario as spec v1 JSON, keys in the spec's order.
    ///
    /// `jsonValue.serialized(pretty: true)` writes it as text; decoding that
    /// text gives back an equal scenario.
    public var jsonValue: JSONValue { ScenarioWriter.scenario(self) }
}

extension Scenario: Codable {
    /// Decodes strictly and validates, as `Scenario(json:)` does.
    ///
    /// - Throws: `DecodingError.dataCorrupted` whose description lists every
    ///   error, and whose underlying error is the `ScenarioError`.
    public init(from decoder: any Decoder) throws {
        let value = try JSONValue(from: decoder)
        let (scenario, issues) = ScenarioReader.readAndValidate(value)
        try ScenarioReader.throwIfErrors(issues, decoder)
        self = scenario
    }

    /// Writes the spec v1 keys; absent optionals are left out.
    public func encode(to encoder: any Encoder) throws { try jsonValue.encode(to: encoder) }
}

extension Horizon: Codable {
    /// Decodes strictly (unknown keys, types); ranges are checked by `Scenario.validate()`.
    public init(from decoder: any Decoder) throws { self = try ScenarioReader.decode(decoder) { $0.horizon($1) } }
    /// Writes `periods`, and `start` and `unit` when present.
    public func encode(to encoder: any Encoder) throws { try ScenarioWriter.horizon(self).encode(to: encoder) }
}

extension PeriodUnit: Codable {}

extension Hours: Codable {
    /// Decodes a number or an array of numbers.
    public init(from decoder: any Decoder) throws { self = try ScenarioReader.decode(decoder) { $0.hours($1) } }
    /// Writes a number (`constant`) or an array (`perPeriod`).
    public func encode(to encoder: any Encoder) throws { try ScenarioWriter.hours(self).encode(to: encoder) }
}

extension Person: Codable {
    /// Decodes strictly (unknown keys, types); ranges are checked by `Scenario.validate()`.
    public init(from decoder: any Decoder) throws { self = try ScenarioReader.decode(decoder) { $0.person($1) } }
    /// Writes the spec's person keys; absent optionals are left out.
    public func encode(to encoder: any Encoder) throws { try ScenarioWriter.person(self).encode(to: encoder) }
}

extension Project: Codable {
    /// Decodes strictly (unknown keys, types); ranges are checked by `Scenario.validate()`.
    public init(from decoder: any Decoder) throws { self = try ScenarioReader.decode(decoder) { $0.project($1) } }
    /// Writes the spec's project keys; absent optionals are left out.
    public func encode(to encoder: any Encoder) throws { try ScenarioWriter.project(self).encode(to: encoder) }
}

extension Demand: Codable {
    /// Decodes strictly (unknown keys, types); ranges are checked by `Scenario.validate()`.
    public init(from decoder: any Decoder) throws { self = try ScenarioReader.decode(decoder) { $0.demand($1) } }
    /// Writes the spec's demand keys; an absent id is left out.
    public func encode(to encoder: any Encoder) throws { try ScenarioWriter.demand(self).encode(to: encoder) }
}

extension Pin: Codable {
    /// Decodes strictly (unknown keys, types); references are checked by `Scenario.validate()`.
    public init(from decoder: any Decoder) throws { self = try ScenarioReader.decode(decoder) { $0.pin($1) } }
    /// Writes the spec's pin keys; absent optionals are left out.
    public func encode(to encoder: any Encoder) throws { try ScenarioWriter.pin(self).encode(to: encoder) }
}

extension Baseline: Codable {
    /// Decodes the plan format: other plan keys are ignored, unknown keys inside entries tolerated.
    public init(from decoder: any Decoder) throws { self = try ScenarioReader.decode(decoder) { $0.baseline($1) } }
    /// Writes `projects` and `assignments`.
    public func encode(to encoder: any Encoder) throws { try ScenarioWriter.baseline(self).encode(to: encoder) }
}

extension Policy: Codable {
    /// Decodes strictly (unknown keys, types); ranges are checked by `Scenario.validate()`.
    public init(from decoder: any Decoder) throws { self = try ScenarioReader.decode(decoder) { $0.policy($1) } }
    /// Writes every policy key; an absent budget is left out.
    public func encode(to encoder: any Encoder) throws { try ScenarioWriter.policy(self).encode(to: encoder) }
}

extension ScenarioReader {
    /// Reads one scenario type through a decoder with the strict reader; paths are relative to that value.
    static func decode<T>(_ decoder: any Decoder, _ read: (inout ScenarioReader, JSONValue) -> T?) throws -> T {
        let value = try JSONValue(from: decoder)
        var reader = ScenarioReader()
        let result = read(&reader, value)
        try throwIfErrors(reader.issues, decoder)
        guard let result else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unreadable value"))
        }
        return result
    }

    /// Throws `DecodingError.dataCorrupted` carrying a `ScenarioError` when `issues` has errors.
    static func throwIfErrors(_ issues: [ScenarioIssue], _ decoder: any Decoder) throws {
        let errors = issues.filter { $0.severity == .error }
        guard !errors.isEmpty else { return }
        let error = ScenarioError(issues: errors)
        throw DecodingError.dataCorrupted(.init(
            codingPath: decoder.codingPath, debugDescription: error.description, underlyingError: error))
    }
}

// MARK: - Writer

/// Turns scenario values into spec v1 JSON values.
enum ScenarioWriter {
    typealias Members = [(key: String, value: JSONValue)]

    static func scenario(_ scenario: Scenario) -> JSONValue {
        var members: Members = [
            ("version", .number(Double(scenario.version))),
            ("horizon", horizon(scenario.horizon)),
            ("people", .array(scenario.people.map(person))),
            ("projects", .array(scenario.projects.map(project))),
            ("pins", .array(scenario.pins.map(pin))),
        ]
        if let value = scenario.baseline { members.append(("baseline", baseline(value))) }
        members.append(("policy", policy(scenario.policy)))
        if let value = scenario.strategy { members.append(("strategy", strategy(value))) }
        if !scenario.systems.isEmpty { members.append(("systems", .array(scenario.systems.map(system)))) }
        appendVersion3(scenario, to: &members)
        return .object(members)
    }

    static func horizon(_ horizon: Horizon) -> JSONValue {
        var members: Members = [("periods", .number(Double(horizon.periods)))]
        if let start = horizon.start { members.append(("start", .string(start))) }
        if let unit = horizon.unit { members.append(("unit", .string(unit.rawValue))) }
        return .object(members)
    }

    static func hours(_ hours: Hours) -> JSONValue {
        switch hours {
        case .constant(let value): .number(value)
        case .perPeriod(let values): .array(values.map(JSONValue.number))
        }
    }

    static func person(_ person: Person) -> JSONValue {
        var members: Members = [("id", .string(person.id))]
        if let name = person.name { members.append(("name", .string(name))) }
        let skills = person.skills.sorted { $0.key < $1.key }.map { (key: $0.key, value: JSONValue.number(Double($0.value))) }
        members.append(("skills", .object(skills)))
        members.append(("capacity", hours(person.capacity)))
        members.append(("costPerHour", .number(person.costPerHour)))
        if let limit = person.maxConcurrentProjects { members.append(("maxConcurrentProjects", .number(Double(limit)))) }
        if let team = person.team { members.append(("team", .string(team))) }
        return .object(members)
    }

    static func project(_ project: Project) -> JSONValue {
        var members: Members = [("id", .string(project.id))]
        if let name = project.name { members.append(("name", .string(name))) }
        members.append(("value", .number(project.value)))
        members.append(("mandatory", .bool(project.mandatory)))
        members.append(("duration", .number(Double(project.duration))))
        members.append(("earliestStart", .number(Double(project.earliestStart))))
        if let deadline = project.deadline { members.append(("deadline", .number(Double(deadline)))) }
        if let budget = project.budget { members.append(("budget", .number(budget))) }
        members.append(("dependsOn", .array(project.dependsOn.map(JSONValue.string))))
        members.append(("demands", .array(project.demands.map(demand))))
        if !project.scores.isEmpty {
            members.append(("scores", .object(project.scores.sorted { $0.key < $1.key }.map {
                (key: $0.key, value: JSONValue.number(Double($0.value)))
            })))
        }
        if !project.tags.isEmpty {
            members.append(("tags", .object(project.tags.sorted { $0.key < $1.key }.map {
                (key: $0.key, value: JSONValue.string($0.value))
            })))
        }
        if project.costOfDelay != 0 { members.append(("costOfDelay", .number(project.costOfDelay))) }
        if !project.touches.isEmpty { members.append(("touches", .array(project.touches.map(JSONValue.string)))) }
        if !project.excludes.isEmpty { members.append(("excludes", .array(project.excludes.map(JSONValue.string)))) }
        appendVersion3(project, to: &members)
        return .object(members)
    }

    static func demand(_ demand: Demand) -> JSONValue {
        var members: Members = []
        if let id = demand.id { members.append(("id", .string(id))) }
        members.append(("skill", .string(demand.skill)))
        members.append(("minLevel", .number(Double(demand.minLevel))))
        if let work = demand.work {
            members.append(("work", .number(work)))
            if let most = demand.maxPerPeriod { members.append(("maxPerPeriod", .number(most))) }
        } else {
            members.append(("hours", hours(demand.hours)))
        }
        return .object(members)
    }

    static func pin(_ pin: Pin) -> JSONValue {
        var members: Members = [("person", .string(pin.person)), ("project", .string(pin.project))]
        if let demand = pin.demand { members.append(("demand", .string(demand))) }
        if let period = pin.period { members.append(("period", .number(Double(period)))) }
        members.append(("hours", .number(pin.hours)))
        return .object(members)
    }

    static func baseline(_ baseline: Baseline) -> JSONValue {
        .object([
            ("projects", .array(baseline.projects.map(projectDecision))),
            ("assignments", .array(baseline.assignments.map(assignment))),
        ])
    }

    static func projectDecision(_ decision: ProjectDecision) -> JSONValue {
        var members: Members = [("id", .string(decision.id)), ("selected", .bool(decision.selected))]
        if let start = decision.start { members.append(("start", .number(Double(start)))) }
        if let finish = decision.finish { members.append(("finish", .number(Double(finish)))) }
        if let unmet = decision.unmetHours { members.append(("unmetHours", .number(unmet))) }
        return .object(members)
    }

    static func assignment(_ assignment: Assignment) -> JSONValue {
        .object([
            ("person", .string(assignment.person)),
            ("project", .string(assignment.project)),
            ("demand", .string(assignment.demand)),
            ("period", .number(Double(assignment.period))),
            ("hours", .number(assignment.hours)),
        ])
    }

    static func policy(_ policy: Policy) -> JSONValue {
        var members: Members = [
            ("utilizationCap", .number(policy.utilizationCap)),
            ("unmetPenaltyPerHour", .number(policy.unmetPenaltyPerHour)),
            ("assignmentPenalty", .number(policy.assignmentPenalty)),
        ]
        if let budget = policy.budget { members.append(("budget", .number(budget))) }
        members.append(("changePenaltyPerHour", .number(policy.changePenaltyPerHour)))
        members.append(("startChangePenalty", .number(policy.startChangePenalty)))
        if !policy.balance.isEmpty { members.append(("balance", .array(policy.balance.map(balanceRule)))) }
        return .object(members)
    }

    static func strategy(_ strategy: Strategy) -> JSONValue {
        let drivers = strategy.drivers.map { driver -> JSONValue in
            var members: Members = [("id", .string(driver.id))]
            if let name = driver.name { members.append(("name", .string(name))) }
            members.append(("weight", .number(driver.weight)))
            return .object(members)
        }
        return .object([("drivers", .array(drivers)), ("valuePerPoint", .number(strategy.valuePerPoint))])
    }

    static func system(_ system: System) -> JSONValue {
        var members: Members = [("id", .string(system.id))]
        if let name = system.name { members.append(("name", .string(name))) }
        if let limit = system.maxConcurrentProjects { members.append(("maxConcurrentProjects", .number(Double(limit)))) }
        members.append(("freezes", .array(system.freezes.map { .number(Double($0)) })))
        return .object(members)
    }

    static func balanceRule(_ rule: BalanceRule) -> JSONValue {
        .object([
            ("tag", .string(rule.tag)), ("value", .string(rule.value)), ("measure", .string(rule.measure.rawValue)),
            ("minShare", .number(rule.minShare)), ("maxShare", .number(rule.maxShare)),
        ])
    }
}

// Strict reading of the keys spec v2 adds (strategy, systems, balance rules, and the projects'
// scores, tags, cost of delay, touches and excludes). In a version-1 document they are unknown keys.
import StrictJSON

extension ScenarioKeys {
    /// The keys version 2 adds to each object, in the order the encoder writes them.
    enum Version2 {
        static let scenario = ["strategy", "systems"]
        static let project = ["scores", "tags", "costOfDelay", "touches", "excludes"]
        static let policy = ["balance"]
        static let strategy = ["drivers", "valuePerPoint"]
        static let driver = ["id", "name", "weight"]
        static let system = ["id", "name", "maxConcurrentProjects", "freezes"]
        static let balanceRule = ["tag", "value", "measure", "minShare", "maxShare"]
    }
}

extension ScenarioReader {
    /// `base`, plus `additions` when version-2 keys are known.
    func keys(_ base: [String], _ additions: [String]) -> [String] {
        version2 ? base + additions : base
    }

    /// The document's `version` when it is an integer, read before anything else (it decides the known keys).
    static func declaredVersion(_ value: JSONValue) -> Int? {
        guard case .object(let members) = value,
              let member = members.first(where: { $0.key == "version" }),
              case .number(let number) = member.value else { return nil }
        return JSONValue.exactInteger(number)
    }

    /// Reads a project's version-2 keys (absent in a version-1 document: `m` does not know them).
    mutating func readVersion2Keys(_ m: Members, into project: inout Project) {
        guard version2 else { return }
        project.scores = field(m, "scores") { $0.scores($1) } ?? [:]
        project.tags = field(m, "tags") { $0.tags($1) } ?? [:]
        project.costOfDelay = field(m, "costOfDelay") { $0.number($1) } ?? 0
        project.touches = field(m, "touches") { r, v in r.array(v, placeholder: "") { $0.string($1) } } ?? []
        project.excludes = field(m, "excludes") { r, v in r.array(v, placeholder: "") { $0.string($1) } } ?? []
    }

    /// Driver id → integer score; an unreadable score is reported and left out.
    mutating func scores(_ value: JSONValue) -> [String: Int]? {
        guard case .object(let list) = value else {
            report("expected an object of driver scores, got \(value.kindDescription)")
            return nil
        }
        var scores: [String: Int] = [:]
        for (driver, score) in list {
            if let score = at(.key(driver), { $0.integer(score) }) { scores[driver] = score }
        }
        return scores
    }

    /// Tag → string value; a value that is not a string is reported and left out.
    mutating func tags(_ value: JSONValue) -> [String: String]? {
        guard case .object(let list) = value else {
            report("expected an object of tags, got \(value.kindDescription)")
            return nil
        }
        var tags: [String: String] = [:]
        for (tag, text) in list {
            at(.key(tag)) { reader in
                guard case .string(let string) = text else {
                    reader.report("tag values must be strings, got \(text.kindDescription)")
                    return
                }
                tags[tag] = string
            }
        }
        return tags
    }

    mutating func strategy(_ value: JSONValue) -> Strategy? {
        guard let m = members(value, known: ScenarioKeys.Version2.strategy) else { return nil }
        return Strategy(
            drivers: field(m, "drivers") { r, v in r.array(v, placeholder: Driver(id: "", weight: 0)) { $0.driver($1) } } ?? [],
            valuePerPoint: field(m, "valuePerPoint") { $0.number($1) } ?? 0)
    }

    mutating func driver(_ value: JSONValue) -> Driver? {
        guard let m = members(value, known: ScenarioKeys.Version2.driver) else { return nil }
        return Driver(
            id: field(m, "id", required: true) { $0.string($1) } ?? "",
            name: field(m, "name") { $0.string($1) },
            weight: field(m, "weight", required: true) { $0.number($1) } ?? 0)
    }

    mutating func system(_ value: JSONValue) -> System? {
        guard let m = members(value, known: ScenarioKeys.Version2.system) else { return nil }
        return System(
            id: field(m, "id", required: true) { $0.string($1) } ?? "",
            name: field(m, "name") { $0.string($1) },
            maxConcurrentProjects: field(m, "maxConcurrentProjects") { $0.integer($1) },
            freezes: field(m, "freezes") { r, v in r.array(v, placeholder: 0) { $0.integer($1) } } ?? [])
    }

    mutating func balanceRule(_ value: JSONValue) -> BalanceRule? {
        guard let m = members(value, known: ScenarioKeys.Version2.balanceRule) else { return nil }
        return BalanceRule(
            tag: field(m, "tag", required: true) { $0.string($1) } ?? "",
            value: field(m, "value", required: true) { $0.string($1) } ?? "",
            measure: field(m, "measure") { $0.balanceMeasure($1) } ?? .cost,
            minShare: field(m, "minShare") { $0.number($1) } ?? 0,
            maxShare: field(m, "maxShare") { $0.number($1) } ?? 1)
    }

    mutating func balanceMeasure(_ value: JSONValue) -> BalanceMeasure? {
        guard let name = string(value) else { return nil }
        if let measure = BalanceMeasure(rawValue: name) { return measure }
        let allowed = BalanceMeasure.allCases.map(\.rawValue)
        var message = "unknown measure '\(name)' (one of \(allowed.joined(separator: ", ")))"
        if let guess = KeySuggestion.nearest(to: name, among: allowed) { message += "; did you mean '\(guess)'?" }
        report(message)
        return nil
    }
}

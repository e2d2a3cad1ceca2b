// Strict decoding of a scenario (spec v1 and v2, section 1) from JSON. The version-2 keys are
// read in `ScenarioDecoding+Version2.swift`; they are known keys only when `version` is 2.
//
// Two steps, and every problem of both is reported at once with its JSON path:
// 1. `ScenarioReader` walks the parsed `JSONValue` and checks the shape: unknown
//    keys (with a suggestion), missing required keys, `null` for required keys,
//    wrong types, integers with a fraction. Where a value cannot be read it puts
//    in the most lenient placeholder and remembers the path.
// 2. `validate()` checks ranges and meaning. Issues at (or inside) a path the
//    reader already reported are dropped, so each problem is listed once.
public import StrictJSON
public import Foundation

extension Scenario {
    /// Decodes a scenario from UTF-8 JSON, strictly, and validates it.
    ///
    /// - Throws: `ScenarioError` listing every error found: malformed JSON
    ///   (with line and column), unknown keys, wrong types, values out of
    ///   range, and every semantic error of `validate()`. Warnings are not
    ///   thrown; `validate()` (or `PlanningProblem`) recomputes them.
    public init(json: Data) throws(ScenarioError) {
        self = try Scenario.decodeWithWarnings(jsonBytes: json).scenario
    }

    /// Decodes a scenario from UTF-8 JSON bytes, strictly, and validates it.
    ///
    /// - Throws: `ScenarioError` listing every error found (see `init(json:)`).
    /// - Complexity: O(n) in the length of the document, plus validation.
    public static func decode(jsonBytes: some Collection<UInt8>) throws(ScenarioError) -> Scenario {
        try decodeWithWarnings(jsonBytes: jsonBytes).scenario
    }

    /// Decodes a scenario from UTF-8 JSON bytes and returns it with its warnings.
    ///
    /// The warnings are those of `validate()` plus the ones only the JSON shows:
    /// unknown keys inside baseline entries.
    ///
    /// - Throws: `ScenarioError` listing every error found (see `init(json:)`).
    public static func decodeWithWarnings(
        jsonBytes: some Collection<UInt8>
    ) throws(ScenarioError) -> (scenario: Scenario, warnings: [ScenarioIssue]) {
        let value: JSONValue
        do throws(JSONParseError) {
            value = try JSONValue(parsing: jsonBytes)
        } catch {
            throw ScenarioError(issues: [.error(error.path, "invalid JSON at \(error)")])
        }
        return try decodeWithWarnings(json: value)
    }

    /// Reads a scenario from an already parsed JSON value and returns it with its warnings.
    ///
    /// - Throws: `ScenarioError` listing every error found (see `init(json:)`).
    public static func decodeWithWarnings(
        json: JSONValue
    ) throws(ScenarioError) -> (scenario: Scenario, warnings: [ScenarioIssue]) {
        let (scenario, issues) = ScenarioReader.readAndValidate(json)
        let errors = issues.filter { $0.severity == .error }
        guard errors.isEmpty else { throw ScenarioError(issues: errors) }
        return (scenario, issues.filter { $0.severity == .warning })
    }
}

// MARK: - Keys

/// The keys spec v1 defines for each object, in the order the encoder writes them
/// (version 2's additions are in `ScenarioKeys.Version2`).
enum ScenarioKeys {
    static let scenario = ["version", "horizon", "people", "projects", "pins", "baseline", "policy"]
    static let horizon = ["periods", "start", "unit"]
    static let person = ["id", "name", "skills", "capacity", "costPerHour", "maxConcurrentProjects", "team"]
    static let project = ["id", "name", "value", "mandatory", "duration", "earliestStart", "deadline", "budget",
                          "dependsOn", "demands"]
    static let demand = ["id", "skill", "minLevel", "hours"]
    static let pin = ["person", "project", "demand", "period", "hours"]
    static let baseline = ["projects", "assignments"]
    static let projectDecision = ["id", "selected", "start", "unmetHours"]
    static let assignment = ["person", "project", "demand", "period", "hours"]
    static let policy = ["utilizationCap", "unmetPenaltyPerHour", "assignmentPenalty", "budget",
                         "changePenaltyPerHour", "startChangePenalty"]
}

// MARK: - Reader

/// Walks a `JSONValue` into scenario types, collecting every shape problem with its path.
struct ScenarioReader {
    /// Shape problems found so far, in document order.
    private(set) var issues: [ScenarioIssue] = []
    /// Paths of values the reader reported as errors and replaced by placeholders.
    private(set) var unreadable: Set<String> = []
    private var path: [JSONPathComponent] = []
    /// Whether the version-2 keys are known: the document says `"version": 2` (or 3), or a
    /// single value (a project, a policy) is decoded on its own.
    var version2 = true
    /// Whether the document says `"version": 3`: Part A's keys (`ScenarioKeys.Version3`) and
    /// Part B's (`ScenarioKeys.Supply`) are known.
    var version3 = false

    /// How to treat a key an object does not define.
    enum UnknownKeys {
        case error, warning, ignore
    }

    /// An object's members sorted into the slots of its known keys.
    struct Members {
        let known: [String]
        var values: [JSONValue?]

        func value(_ key: String) -> JSONValue? {
            guard let slot = known.firstIndex(of: key) else { return nil }
            return values[slot]
        }
    }

    /// Reads `value` as a scenario and validates it; shape issues first, then semantic ones.
    static func readAndValidate(_ value: JSONValue) -> (Scenario, [ScenarioIssue]) {
        var reader = ScenarioReader()
        let scenario = reader.scenario(value)
        let semantic = scenario.validate(skipping: reader.unreadable)
        return (scenario, reader.issues + semantic)
    }

    // MARK: Reporting

    private var currentPath: String { JSONPathComponent.render(path) }

    /// Records an issue at the current path; an error also marks the path unreadable.
    mutating func report(_ message: String, _ severity: ScenarioIssue.Severity = .error) {
        let here = currentPath
        issues.append(ScenarioIssue(severity, path: here, message))
        if severity == .error { unreadable.insert(here) }
    }

    mutating func at<T>(_ component: JSONPathComponent, _ body: (inout ScenarioReader) -> T) -> T {
        path.append(component)
        defer { path.removeLast() }
        return body(&self)
    }

    // MARK: Building blocks

    /// The members of an object, unknown keys reported; `nil` (reported) when `value` is not an object.
    mutating func members(_ value: JSONValue, known: [String], unknown: UnknownKeys = .error) -> Members? {
        guard case .object(let list) = value else {
            report("expected an object, got \(value.kindDescription)")
            return nil
        }
        var members = Members(known: known, values: Array(repeating: nil, count: known.count))
        for (key, member) in list {
            if let slot = known.firstIndex(of: key) {
                members.values[slot] = member
                continue
            }
            let severity: ScenarioIssue.Severity
            switch unknown {
            case .ignore: continue
            case .error: severity = .error
            case .warning: severity = .warning
            }
            var message = "unknown key '\(key)'"
            if let guess = KeySuggestion.nearest(to: key, among: known) {
                message += " (did you mean '\(guess)'?)"
            }
            at(.key(key)) { $0.report(message, severity) }
        }
        return members
    }

    /// Reads member `key`; absent or `null` gives `nil`, reported when the key is required.
    mutating func field<T>(
        _ members: Members, _ key: String, required: Bool = false,
        _ read: (inout ScenarioReader, JSONValue) -> T?
    ) -> T? {
        at(.key(key)) { reader in
            guard let value = members.value(key) else {
                if required { reader.report("required key '\(key)' is missing") }
                return nil
            }
            if case .null = value {
                if required { reader.report("'\(key)' is required and may not be null") }
                return nil
            }
            return read(&reader, value)
        }
    }

    mutating func string(_ value: JSONValue) -> String? {
        guard case .string(let string) = value else {
            report("expected a string, got \(value.kindDescription)")
            return nil
        }
        return string
    }

    mutating func number(_ value: JSONValue) -> Double? {
        guard case .number(let number) = value else {
            report("expected a number, got \(value.kindDescription)")
            return nil
        }
        return number
    }

    /// An integer: a number without a fractional part (`2.0` is 2), within ±(2^53 − 1).
    mutating func integer(_ value: JSONValue) -> Int? {
        guard case .number(let number) = value else {
            report("expected an integer, got \(value.kindDescription)")
            return nil
        }
        if let integer = JSONValue.exactInteger(number) { return integer }
        if number.rounded(.towardZero) == number {
            report("integer \(JSONValue.formatNumber(number)) is out of range (at most ±\(JSONValue.maxExactInteger))")
        } else {
            report("expected an integer, got \(JSONValue.formatNumber(number))")
        }
        return nil
    }

    mutating func bool(_ value: JSONValue) -> Bool? {
        guard case .bool(let bool) = value else {
            report("expected true or false, got \(value.kindDescription)")
            return nil
        }
        return bool
    }

    /// A number, or an array of numbers (an unreadable entry becomes 0, reported).
    mutating func hours(_ value: JSONValue) -> Hours? {
        switch value {
        case .number(let number):
            return .constant(number)
        case .array:
            return array(value, placeholder: 0) { $0.number($1) }.map(Hours.perPeriod)
        default:
            report("expected a number or an array of numbers, got \(value.kindDescription)")
            return nil
        }
    }

    /// An array whose unreadable elements are replaced by `placeholder` (keeping indices aligned).
    mutating func array<T>(
        _ value: JSONValue, placeholder: @autoclosure () -> T, _ element: (inout ScenarioReader, JSONValue) -> T?
    ) -> [T]? {
        guard case .array(let elements) = value else {
            report("expected an array, got \(value.kindDescription)")
            return nil
        }
        var result: [T] = []
        result.reserveCapacity(elements.count)
        for (i, item) in elements.enumerated() {
            result.append(at(.index(i)) { element(&$0, item) } ?? placeholder())
        }
        return result
    }

    // MARK: Scenario types

    mutating func scenario(_ value: JSONValue) -> Scenario {
        let declared = Self.declaredVersion(value)
        version2 = declared == 2 || declared == 3
        version3 = declared == 3
        guard let m = members(value, known: keys(ScenarioKeys.scenario, ScenarioKeys.Version2.scenario)
                                + inFlight(ScenarioKeys.Version3.scenario + ScenarioKeys.Supply.scenario)) else {
            return Scenario(horizon: Horizon(periods: 1), people: [], projects: [])
        }
        let version = field(m, "version", required: true) { $0.integer($1) }
        let horizon = field(m, "horizon", required: true) { $0.horizon($1) }
        let people = field(m, "people", required: true) { r, v in
            r.array(v, placeholder: Person(id: "", capacity: .constant(0))) { $0.person($1) }
        }
        let projects = field(m, "projects", required: true) { r, v in
            r.array(v, placeholder: Project(id: "", duration: 1)) { $0.project($1) }
        }
        let pins = field(m, "pins") { r, v in
            r.array(v, placeholder: Pin(person: "", project: "", hours: 1)) { $0.pin($1) }
        }
        let baseline = field(m, "baseline") { $0.baseline($1) }
        let policy = field(m, "policy") { $0.policy($1) }
        let strategy = field(m, "strategy") { $0.strategy($1) }
        let systems = field(m, "systems") { r, v in r.array(v, placeholder: System(id: "")) { $0.system($1) } }
        var scenario = Scenario(
            version: version ?? 1,
            horizon: horizon ?? Horizon(periods: 1), people: people ?? [], projects: projects ?? [],
            pins: pins ?? [], baseline: baseline, policy: policy ?? Policy(),
            strategy: strategy, systems: systems ?? [])
        readVersion3Keys(m, into: &scenario)
        readSupplyKeys(m, into: &scenario)
        return scenario
    }

    mutating func horizon(_ value: JSONValue) -> Horizon? {
        guard let m = members(value, known: ScenarioKeys.horizon) else { return nil }
        let periods = field(m, "periods", required: true) { $0.integer($1) }
        let start = field(m, "start") { $0.string($1) }
        let unit = field(m, "unit") { $0.periodUnit($1) }
        return Horizon(periods: periods ?? 1, start: start, unit: unit)
    }

    mutating func periodUnit(_ value: JSONValue) -> PeriodUnit? {
        guard let name = string(value) else { return nil }
        if let unit = PeriodUnit(rawValue: name) { return unit }
        let allowed = PeriodUnit.allCases.map(\.rawValue)
        var message = "unknown unit '\(name)' (one of \(allowed.joined(separator: ", ")))"
        if let guess = KeySuggestion.nearest(to: name, among: allowed) { message += "; did you mean '\(guess)'?" }
        report(message)
        return nil
    }

    mutating func person(_ value: JSONValue) -> Person? {
        guard let m = members(value, known: ScenarioKeys.person) else { return nil }
        return Person(
            id: field(m, "id", required: true) { $0.string($1) } ?? "",
            name: field(m, "name") { $0.string($1) },
            skills: field(m, "skills") { $0.skills($1) } ?? [:],
            capacity: field(m, "capacity", required: true) { $0.hours($1) } ?? .constant(0),
            costPerHour: field(m, "costPerHour") { $0.number($1) } ?? 0,
            maxConcurrentProjects: field(m, "maxConcurrentProjects") { $0.integer($1) },
            team: field(m, "team") { $0.string($1) })
    }

    /// Skill → level; an unreadable level is reported and the skill left out.
    mutating func skills(_ value: JSONValue) -> [String: Int]? {
        guard case .object(let list) = value else {
            report("expected an object of skill levels, got \(value.kindDescription)")
            return nil
        }
        var skills: [String: Int] = [:]
        for (skill, level) in list {
            if let level = at(.key(skill), { $0.integer(level) }) { skills[skill] = level }
        }
        return skills
    }

    mutating func project(_ value: JSONValue) -> Project? {
        guard let m = members(value, known: keys(ScenarioKeys.project, ScenarioKeys.Version2.project)
                                + inFlight(ScenarioKeys.Version3.project)) else { return nil }
        var project = Project(
            id: field(m, "id", required: true) { $0.string($1) } ?? "",
            name: field(m, "name") { $0.string($1) },
            value: field(m, "value") { $0.number($1) } ?? 0,
            mandatory: field(m, "mandatory") { $0.bool($1) } ?? false,
            duration: field(m, "duration", required: true) { $0.integer($1) } ?? 1,
            earliestStart: field(m, "earliestStart") { $0.integer($1) } ?? 0,
            deadline: field(m, "deadline") { $0.integer($1) },
            budget: field(m, "budget") { $0.number($1) },
            dependsOn: field(m, "dependsOn") { r, v in r.array(v, placeholder: "") { $0.string($1) } } ?? [],
            demands: field(m, "demands") { r, v in
                r.array(v, placeholder: Demand(skill: "", hours: .constant(0))) { $0.demand($1) }
            } ?? [])
        readVersion2Keys(m, into: &project)
        readVersion3Keys(m, into: &project)
        return project
    }

    mutating func demand(_ value: JSONValue) -> Demand? {
        guard let m = members(value, known: ScenarioKeys.demand + inFlight(ScenarioKeys.Version3.demand)) else { return nil }
        var demand = Demand(
            id: field(m, "id") { $0.string($1) },
            skill: field(m, "skill", required: true) { $0.string($1) } ?? "",
            minLevel: field(m, "minLevel") { $0.integer($1) } ?? 1,
            hours: field(m, "hours", required: !version3) { $0.hours($1) } ?? .constant(0))
        readVersion3Keys(m, into: &demand)
        return demand
    }

    mutating func pin(_ value: JSONValue) -> Pin? {
        guard let m = members(value, known: ScenarioKeys.pin) else { return nil }
        return Pin(
            person: field(m, "person", required: true) { $0.string($1) } ?? "",
            project: field(m, "project", required: true) { $0.string($1) } ?? "",
            demand: field(m, "demand") { $0.string($1) },
            period: field(m, "period") { $0.integer($1) },
            hours: field(m, "hours", required: true) { $0.number($1) } ?? 1)
    }

    /// The baseline in plan format: other plan keys are ignored, unknown keys inside entries are warnings.
    mutating func baseline(_ value: JSONValue) -> Baseline? {
        guard let m = members(value, known: ScenarioKeys.baseline, unknown: .ignore) else { return nil }
        let projects = field(m, "projects") { r, v in
            r.array(v, placeholder: ProjectDecision(id: "", selected: false)) { $0.projectDecision($1) }
        }
        let assignments = field(m, "assignments") { r, v in
            r.array(v, placeholder: Assignment(person: "", project: "", demand: "", period: 0, hours: 1)) {
                $0.assignment($1)
            }
        }
        return Baseline(projects: projects ?? [], assignments: assignments ?? [])
    }

    mutating func projectDecision(_ value: JSONValue) -> ProjectDecision? {
        guard let m = members(value, known: ScenarioKeys.projectDecision + inFlight(["finish"]),
                              unknown: .warning) else { return nil }
        var decision = ProjectDecision(
            id: field(m, "id", required: true) { $0.string($1) } ?? "",
            selected: field(m, "selected", required: true) { $0.bool($1) } ?? false,
            start: field(m, "start") { $0.integer($1) },
            unmetHours: field(m, "unmetHours") { $0.number($1) })
        if version3 { decision.finish = field(m, "finish") { $0.integer($1) } }
        return decision
    }

    mutating func assignment(_ value: JSONValue) -> Assignment? {
        guard let m = members(value, known: ScenarioKeys.assignment, unknown: .warning) else { return nil }
        return Assignment(
            person: field(m, "person", required: true) { $0.string($1) } ?? "",
            project: field(m, "project", required: true) { $0.string($1) } ?? "",
            demand: field(m, "demand", required: true) { $0.string($1) } ?? "",
            period: field(m, "period", required: true) { $0.integer($1) } ?? 0,
            hours: field(m, "hours", required: true) { $0.number($1) } ?? 1)
    }

    mutating func policy(_ value: JSONValue) -> Policy? {
        guard let m = members(value, known: keys(ScenarioKeys.policy, ScenarioKeys.Version2.policy)) else { return nil }
        let defaults = Policy()
        return Policy(
            utilizationCap: field(m, "utilizationCap") { $0.number($1) } ?? defaults.utilizationCap,
            unmetPenaltyPerHour: field(m, "unmetPenaltyPerHour") { $0.number($1) } ?? defaults.unmetPenaltyPerHour,
            assignmentPenalty: field(m, "assignmentPenalty") { $0.number($1) } ?? defaults.assignmentPenalty,
            budget: field(m, "budget") { $0.number($1) },
            changePenaltyPerHour: field(m, "changePenaltyPerHour") { $0.number($1) } ?? defaults.changePenaltyPerHour,
            startChangePenalty: field(m, "startChangePenalty") { $0.number($1) } ?? defaults.startChangePenalty,
            balance: field(m, "balance") { r, v in
                r.array(v, placeholder: BalanceRule(tag: "", value: "")) { $0.balanceRule($1) }
            } ?? [])
    }
}

// MARK: - Suggestions

/// "Did you mean" for a misspelt key: the nearest known word within a small edit distance.
enum KeySuggestion {
    /// The known word closest to `word` (case-insensitive, transpositions count once), if close enough.
    static func nearest(to word: String, among known: [String]) -> String? {
        let lowered = Array(word.lowercased().unicodeScalars)
        guard !lowered.isEmpty, lowered.count <= 64 else { return nil }
        var best: (word: String, distance: Int)?
        for candidate in known {
            let distance = editDistance(lowered, Array(candidate.lowercased().unicodeScalars))
            let allowed = max(1, candidate.count / 3)
            guard distance <= allowed else { continue }
            if best.map({ distance < $0.distance }) ?? true { best = (candidate, distance) }
        }
        return best?.word
    }

    /// Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent swaps.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}

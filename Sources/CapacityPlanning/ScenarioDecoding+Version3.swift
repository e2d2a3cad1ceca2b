// Strict reading of the keys spec v3 adds for the portfolio in flight (Part A: status and
// actuals, started projects, flexible lines, due dates, probabilities, synergies). They are
// known keys only when `version` is 3. Part B's keys (hiring, training) are read in
// `ScenarioDecoding+Supply.swift`.
import StrictJSON

extension ScenarioKeys {
    /// The keys version 3 adds, in the order the encoder writes them.
    enum Version3 {
        static let scenario = ["status", "synergies"]
        static let project = ["started", "maxDuration", "due", "latePenaltyPerPeriod", "probability"]
        static let demand = ["work", "maxPerPeriod"]
        static let status = ["period", "actuals"]
        static let actual = ["person", "project", "demand", "period", "hours"]
        static let synergy = ["id", "projects", "value"]
    }
}

extension ScenarioReader {
    /// `additions` when the document is version 3, else nothing.
    func inFlight(_ additions: [String]) -> [String] {
        version3 ? additions : []
    }

    /// Reads the scenario's status and synergies (version 3).
    mutating func readVersion3Keys(_ m: Members, into scenario: inout Scenario) {
        guard version3 else { return }
        scenario.status = field(m, "status") { $0.status($1) }
        scenario.synergies = field(m, "synergies") { r, v in
            r.array(v, placeholder: Synergy(projects: [], value: 0)) { $0.synergy($1) }
        } ?? []
    }

    /// Reads a project's version-3 keys.
    mutating func readVersion3Keys(_ m: Members, into project: inout Project) {
        guard version3 else { return }
        project.started = field(m, "started") { $0.integer($1) }
        project.maxDuration = field(m, "maxDuration") { $0.integer($1) }
        project.due = field(m, "due") { $0.integer($1) }
        project.latePenaltyPerPeriod = field(m, "latePenaltyPerPeriod") { $0.number($1) } ?? 0
        project.probability = field(m, "probability") { $0.number($1) }
    }

    /// Reads a demand line's `work` and `maxPerPeriod` (version 3); a line gives `hours` or
    /// `work`, not both and not neither (reported at the line's own path).
    mutating func readVersion3Keys(_ m: Members, into demand: inout Demand) {
        guard version3 else { return }
        demand.work = field(m, "work") { $0.number($1) }
        demand.maxPerPeriod = field(m, "maxPerPeriod") { $0.number($1) }
        let hoursGiven = m.value("hours").map { $0 != .null } ?? false
        let workGiven = m.value("work").map { $0 != .null } ?? false
        if hoursGiven && workGiven {
            report("a demand line gives both hours and work (hours: a profile over the project's duration; "
                   + "work: a total done at up to maxPerPeriod)")
        } else if !hoursGiven && !workGiven {
            report("a demand line gives neither hours nor work")
        }
        if workGiven { demand.hours = .perPeriod([]) }
    }

    mutating func status(_ value: JSONValue) -> Status? {
        guard let m = members(value, known: ScenarioKeys.Version3.status) else { return nil }
        return Status(
            period: field(m, "period") { $0.integer($1) } ?? 0,
            actuals: field(m, "actuals") { r, v in
                r.array(v, placeholder: Actual(person: "", project: "", demand: "", period: 0, hours: 1)) { $0.actual($1) }
            } ?? [])
    }

    mutating func actual(_ value: JSONValue) -> Actual? {
        guard let m = members(value, known: ScenarioKeys.Version3.actual) else { return nil }
        return Actual(
            person: field(m, "person", required: true) { $0.string($1) } ?? "",
            project: field(m, "project", required: true) { $0.string($1) } ?? "",
            demand: field(m, "demand", required: true) { $0.string($1) } ?? "",
            period: field(m, "period", required: true) { $0.integer($1) } ?? 0,
            hours: field(m, "hours", required: true) { $0.number($1) } ?? 1)
    }

    mutating func synergy(_ value: JSONValue) -> Synergy? {
        guard let m = members(value, known: ScenarioKeys.Version3.synergy) else { return nil }
        return Synergy(
            id: field(m, "id") { $0.string($1) },
            projects: field(m, "projects", required: true) { r, v in r.array(v, placeholder: "") { $0.string($1) } } ?? [],
            value: field(m, "value", required: true) { $0.number($1) } ?? 0)
    }
}

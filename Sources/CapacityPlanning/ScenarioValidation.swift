// Semantic validation of a scenario (spec section 1 and "Invalid scenarios").
//
// Works on scenarios built in code as well as decoded ones, so it checks every
// range the JSON decoder does not (levels, capacities, durations, NaN, …). It
// never allocates per period, so a huge `periods` costs nothing here.

import StrictJSON

extension Scenario {
    /// Every semantic error and warning of spec section 1, section by section
    /// in document order (dependency cycles and windows after the projects' own fields).
    ///
    /// Errors make the scenario invalid: values out of range, empty or
    /// duplicated ids, capacity or hours arrays of the wrong length, unknown or
    /// cyclic `dependsOn`, pins naming unknown things or periods outside the
    /// horizon, a mandatory project that cannot fit its window or depends on
    /// one that can never be selected, and baseline entries with hours ≤ 0, a
    /// selected project without a start, or given twice.
    ///
    /// Warnings leave it valid: projects that can never be selected, a project
    /// named twice in one `dependsOn`, pins that make the plan infeasible,
    /// orphaned baseline work and baseline starts outside the project's window.
    ///
    /// - Complexity: O(P·S + J + D + Δ + N + B) for P people with S skills, J
    ///   projects, D demands, Δ dependency edges, N pins and B baseline entries.
    public func validate() -> [ScenarioIssue] {
        validate(skipping: [])
    }

    /// Validation that leaves out issues at, or inside, `unreadable` paths
    /// (values the JSON reader already reported), and the checks those values would skew.
    func validate(skipping unreadable: Set<String>) -> [ScenarioIssue] {
        var validator = ScenarioValidator(scenario: self, unreadable: unreadable)
        validator.run()
        return validator.issues
    }
}

/// The checks of `Scenario.validate()`, section by section.
struct ScenarioValidator {
    let scenario: Scenario
    let unreadable: Set<String>
    var issues: [ScenarioIssue] = []

    /// `horizon.periods` when it is valid.
    var periods: Int?
    /// The status period `S` (version 3) when it is valid; 0 without a status. The checks that
    /// need it are skipped when it is not (`nil`).
    var statusPeriod: Int? = 0
    var personIndex: [String: Int] = [:]
    var projectIndex: [String: Int] = [:]
    /// Resolved demand id → demand index, per project.
    var demandIndex: [[String: Int]] = []
    var personIDsKnown = true
    var projectIDsKnown = true
    var demandIDsKnown: [Bool] = []
    /// Known dependencies of each project, without repeats, in `dependsOn` order.
    var dependencies: [[Int]] = []
    /// Whether each project's window numbers (and the horizon) are valid, so that its window means something.
    var windowKnown: [Bool] = []
    /// Whether each project's own window can hold it (true when that cannot be decided).
    var fits: [Bool] = []
    /// For a project that can never be selected only because of a dependency: that dependency.
    var blocker: [Int?] = []
    /// For such a project: the project at the end of its blocker chain (one that cannot fit), and the chain's length.
    var rootCause: [(project: Int, length: Int)] = []
    /// Projects that can never be selected, for either reason.
    var neverSelectable: [Bool] = []
    /// System index by id (version 2; first occurrence wins).
    var systemIndex: [String: Int] = [:]
    /// Known systems each project touches, without repeats.
    var touched: [[Int]] = []
    /// For a project whose every start its window allows is closed by a system it touches: why.
    var systemBlock: [String?] = []
    /// Role index by id (version 3, Part B; first occurrence wins).
    var roleIndex: [String: Int] = [:]

    static let levels = 1...5
    static let maxInteger = JSONValue.maxExactInteger

    init(scenario: Scenario, unreadable: Set<String>) {
        self.scenario = scenario
        self.unreadable = unreadable
    }

    mutating func run() {
        checkVersionAndHorizon()
        checkStatusPeriod()
        indexIDs()
        checkPeople()
        checkStrategyAndSystems()
        checkProjects()
        checkProjectsVersion2()
        checkProjectsInFlight()
        checkDependencies()
        checkWindows()
        checkAlternatives()
        checkActuals()
        checkSynergies()
        checkHiring()
        checkPeopleAgainstHireNames()
        checkTraining()
        checkPins()
        checkBaseline()
        checkPolicy()
        checkBalance()
    }

    // MARK: Reporting

    /// Whether `path` or one of its ancestors could not be read from JSON.
    func isUnreadable(_ path: String) -> Bool {
        guard !unreadable.isEmpty else { return false }
        if unreadable.contains("") || unreadable.contains(path) { return true }
        var prefix = ""
        for character in path {
            if character == "." || character == "[", unreadable.contains(prefix) { return true }
            prefix.append(character)
        }
        return false
    }

    /// Records an error; `path` is only built when there is one.
    mutating func error(_ path: @autoclosure () -> String, _ message: String) {
        let path = path()
        if !isUnreadable(path) { issues.append(.error(path, message)) }
    }

    mutating func warning(_ path: @autoclosure () -> String, _ message: String) {
        let path = path()
        if !isUnreadable(path) { issues.append(.warning(path, message)) }
    }

    static func show(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-infinity" : "infinity" }
        return JSONValue.formatNumber(value)
    }

    /// A finite number ≥ 0, at most `Scenario.maxQuantity`.
    mutating func checkNonNegative(_ value: Double, _ path: @autoclosure () -> String, _ name: String) {
        if !(value.isFinite && value >= 0) {
            error(path(), "\(name) must be a number ≥ 0, got \(Self.show(value))")
        } else if value > Scenario.maxQuantity {
            error(path(), Self.tooLarge(name, value))
        }
    }

    /// A number > 0, at most `Scenario.maxQuantity` (pin and baseline hours).
    mutating func checkPositive(_ value: Double, _ path: @autoclosure () -> String, _ name: String) {
        if !(value.isFinite && value > 0) {
            error(path(), "\(name) must be a number > 0, got \(Self.show(value))")
        } else if value > Scenario.maxQuantity {
            error(path(), Self.tooLarge(name, value))
        }
    }

    static func tooLarge(_ name: String, _ value: Double) -> String {
        "\(name) \(show(value)) is more than this planner supports (at most 1e15: the objective's sums must stay finite)"
    }

    /// An integer at least `minimum` (and within ±(2^53 − 1), which keeps window arithmetic exact).
    @discardableResult
    mutating func checkInteger(
        _ value: Int, _ path: @autoclosure () -> String, _ name: String, minimum: Int? = nil
    ) -> Bool {
        if let minimum, value < minimum {
            error(path(), "\(name) must be an integer ≥ \(minimum), got \(value)")
            return false
        }
        if value.magnitude > Self.maxInteger.magnitude {
            error(path(), "\(name) \(value) is out of range (at most ±\(Self.maxInteger))")
            return false
        }
        return true
    }

    /// How many entries an hours array must have.
    enum ExpectedLength {
        case periods(Int)
        case duration(Int)

        var count: Int {
            switch self {
            case .periods(let count), .duration(let count): count
            }
        }

        var label: String {
            switch self {
            case .periods(let count): "\(count) periods"
            case .duration(let count): "duration \(count)"
            }
        }
    }

    /// A constant ≥ 0, or `expected` entries ≥ 0 (the count is checked only when `expected` is known).
    mutating func checkHours(
        _ hours: Hours, _ path: @autoclosure () -> String, _ name: String, expected: ExpectedLength?
    ) {
        switch hours {
        case .constant(let value):
            checkNonNegative(value, path(), name)
        case .perPeriod(let values):
            if let expected, values.count != expected.count {
                error(path(), "\(name) has \(values.count) \(values.count == 1 ? "entry" : "entries") for \(expected.label)")
            }
            for (t, value) in values.enumerated() where !(value.isFinite && value >= 0 && value <= Scenario.maxQuantity) {
                checkNonNegative(value, "\(path())[\(t)]", name)
            }
        }
    }

    // MARK: Version and horizon

    mutating func checkVersionAndHorizon() {
        if !(1...3).contains(scenario.version) {
            error("version", "version must be 1, 2 or 3, got \(scenario.version)")
        } else if scenario.version == 1 && scenario.usesVersion2 {
            error("version", "strategy, systems, balance rules and the projects' scores, tags, costOfDelay, touches "
                  + "and excludes need version 2")
        } else if scenario.version < 3 && scenario.usesInFlightKeys {
            error("version", "status, actuals, synergies and the projects' started, maxDuration, due, "
                  + "latePenaltyPerPeriod, probability, work and maxPerPeriod need version 3")
        } else if scenario.version < 3 && scenario.usesSupplyKeys {
            error("version", "hiring and training need version 3")
        }
        let horizon = scenario.horizon
        if checkInteger(horizon.periods, "horizon.periods", "periods", minimum: 1), !isUnreadable("horizon.periods") {
            if horizon.periods > Scenario.maxPeriods {
                error("horizon.periods", "periods \(horizon.periods) is more than this planner supports (at most \(Scenario.maxPeriods))")
            } else {
                periods = horizon.periods
            }
        }
        if let start = horizon.start, !Self.isISODate(start) {
            error("horizon.start", "start must be an ISO date (YYYY-MM-DD), got '\(start)'")
        }
    }

    /// `YYYY-MM-DD` naming a real calendar day.
    static func isISODate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                guard bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(bytes[i] - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              (1...12).contains(month) else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...days).contains(day)
    }

    // MARK: Ids

    /// Indexes people, projects and demands by id (first occurrence wins) and
    /// notes whether every id could be read, so that "unknown id" is only said when it is sure.
    mutating func indexIDs() {
        for (i, person) in scenario.people.enumerated() where personIndex[person.id] == nil {
            personIndex[person.id] = i
        }
        for (j, project) in scenario.projects.enumerated() where projectIndex[project.id] == nil {
            projectIndex[project.id] = j
        }
        demandIndex = scenario.projects.map { project in
            var index: [String: Int] = [:]
            for (k, demand) in project.demands.enumerated() where index[demand.resolvedID] == nil {
                index[demand.resolvedID] = k
            }
            return index
        }
        demandIDsKnown = Array(repeating: true, count: scenario.projects.count)
        guard !unreadable.isEmpty else { return }
        personIDsKnown = !scenario.people.indices.contains { isUnreadable("people[\($0)].id") }
            && !isUnreadable("people")
        projectIDsKnown = !scenario.projects.indices.contains { isUnreadable("projects[\($0)].id") }
            && !isUnreadable("projects")
        for (j, project) in scenario.projects.enumerated() {
            demandIDsKnown[j] = !isUnreadable("projects[\(j)].demands") && !project.demands.indices.contains {
                isUnreadable("projects[\(j)].demands[\($0)].id") || isUnreadable("projects[\(j)].demands[\($0)].skill")
            }
        }
    }
}

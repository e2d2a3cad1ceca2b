// Validation of pins, the baseline and the policy (spec section 1).

extension ScenarioValidator {
    // MARK: Pins

    mutating func checkPins() {
        for (k, pin) in scenario.pins.enumerated() {
            var base: String { "pins[\(k)]" }
            let person = personIndex[pin.person]
            let project = projectIndex[pin.project]
            if person == nil, personIDsKnown { error("\(base).person", unknownPinPersonText(pin.person)) }
            if project == nil, projectIDsKnown { error("\(base).project", "pin names unknown project '\(pin.project)'") }
            var demandOK = true
            if let demand = pin.demand, let j = project, demandIndex[j][demand] == nil {
                demandOK = false
                if demandIDsKnown[j] {
                    error("\(base).demand", "pin names demand '\(demand)', which project '\(pin.project)' does not have")
                }
            }
            if let period = pin.period, let periods, !(0..<periods).contains(period) {
                error("\(base).period", "pin names period \(period) outside the horizon 0..<\(periods)")
            } else if let period = pin.period, let status = statusPeriod, period < status {
                error("\(base).period", "\(base).period \(period) is before the status period \(status)")
            }
            checkPositive(pin.hours, "\(base).hours", "hours")
            guard let j = project else { continue }
            if neverSelectable[j] {
                warning("\(base).project",
                        "pinned project '\(pin.project)' can never be selected: the plan will be infeasible")
            } else if let p = person, demandOK, !qualifies(p, forPin: pin, in: j) {
                warning("\(base).person",
                        "person '\(pin.person)' does not qualify for any demand of project '\(pin.project)' "
                        + "the pin can reach: the plan will be infeasible")
            }
        }
    }

    /// Whether the person qualifies for a demand the pin reaches, with the levels their courses
    /// can reach by the pin's period (spec v3).
    func qualifies(_ p: Int, forPin pin: Pin, in j: Int) -> Bool {
        let skills = scenario.training.isEmpty ? scenario.people[p].skills : levels(of: p, by: pin.period)
        let demands = scenario.projects[j].demands
        let reachable = pin.demand.flatMap { demandIndex[j][$0] }.map { [demands[$0]] } ?? demands
        return reachable.contains { (skills[$0.skill] ?? 0) >= $0.minLevel }
    }

    // MARK: Baseline

    struct CellKey: Hashable {
        let person: String, project: String, demand: String, period: Int
    }

    mutating func checkBaseline() {
        guard let baseline = scenario.baseline else { return }
        var firstDecision: [String: Int] = [:]
        for (k, decision) in baseline.projects.enumerated() {
            var base: String { "baseline.projects[\(k)]" }
            if let first = firstDecision[decision.id] {
                error("\(base).id", "baseline project '\(decision.id)' is given twice (first at baseline.projects[\(first)])")
            } else {
                firstDecision[decision.id] = k
            }
            if decision.selected, decision.start == nil {
                error("\(base).start", "selected project '\(decision.id)' needs a start")
            }
            guard let j = projectIndex[decision.id] else {
                if projectIDsKnown {
                    warning("\(base).id", "orphaned baseline work: project '\(decision.id)' is not in the scenario")
                }
                continue
            }
            if decision.selected, let start = decision.start, let periods, windowKnown[j] {
                let project = scenario.projects[j]
                let latest = project.latestStart(periods: periods)
                if start < project.earliestStart || start > latest {
                    let window = project.earliestStart <= latest
                        ? "starts \(project.earliestStart)…\(latest)" : "its window is empty"
                    warning("\(base).start", "baseline start \(start) is outside the window of project '\(decision.id)' "
                            + "(\(window)); it counts as a start change")
                }
            }
        }
        var firstCell: [CellKey: Int] = [:]
        for (k, entry) in baseline.assignments.enumerated() {
            var base: String { "baseline.assignments[\(k)]" }
            checkPositive(entry.hours, "\(base).hours", "hours")
            let cell = CellKey(person: entry.person, project: entry.project, demand: entry.demand, period: entry.period)
            // A placeholder standing for an unreadable field must not look like a repeat.
            let cellUnreadable = !unreadable.isEmpty
                && ["person", "project", "demand", "period"].contains { isUnreadable("\(base).\($0)") }
            if !cellUnreadable {
                if let first = firstCell[cell] {
                    error(base, "baseline assignment of '\(entry.person)' to '\(entry.project)'/'\(entry.demand)' "
                          + "in period \(entry.period) is given twice (first at baseline.assignments[\(first)])")
                } else {
                    firstCell[cell] = k
                }
            }
            checkOrphan(entry, base)
        }
    }

    /// One warning per baseline assignment that names something the scenario does not have.
    mutating func checkOrphan(_ entry: Assignment, _ base: @autoclosure () -> String) {
        var reasons: [(path: String, text: String)] = []
        // A known role's hire `ROLE#K` is compared like any person (spec v3).
        if personIndex[entry.person] == nil, personIDsKnown, !isAllowedHire(entry.person) {
            reasons.append(("\(base()).person", "person '\(entry.person)' is not in the scenario"))
        }
        if let j = projectIndex[entry.project] {
            if demandIndex[j][entry.demand] == nil, demandIDsKnown[j] {
                reasons.append(("\(base()).demand", "project '\(entry.project)' has no demand '\(entry.demand)'"))
            }
        } else if projectIDsKnown {
            reasons.append(("\(base()).project", "project '\(entry.project)' is not in the scenario"))
        }
        if let periods, !(0..<periods).contains(entry.period) {
            reasons.append(("\(base()).period", "period \(entry.period) is outside the horizon 0..<\(periods)"))
        }
        guard let first = reasons.first else { return }
        warning(first.path, "orphaned baseline work: " + reasons.map(\.text).joined(separator: "; "))
    }

    // MARK: Policy

    mutating func checkPolicy() {
        let policy = scenario.policy
        let cap = policy.utilizationCap
        if !(cap.isFinite && cap > 0 && cap <= 1) {
            error("policy.utilizationCap", "utilizationCap must be a number in (0, 1], got \(Self.show(cap))")
        }
        checkNonNegative(policy.unmetPenaltyPerHour, "policy.unmetPenaltyPerHour", "unmetPenaltyPerHour")
        checkNonNegative(policy.assignmentPenalty, "policy.assignmentPenalty", "assignmentPenalty")
        if let budget = policy.budget { checkNonNegative(budget, "policy.budget", "budget") }
        checkNonNegative(policy.changePenaltyPerHour, "policy.changePenaltyPerHour", "changePenaltyPerHour")
        checkNonNegative(policy.startChangePenalty, "policy.startChangePenalty", "startChangePenalty")
    }
}

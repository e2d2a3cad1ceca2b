// Validation of what spec v3 adds for the portfolio in flight (section 5, Part A): the status
// period, started projects, maxDuration, due dates, probabilities, flexible lines, actuals and
// synergies.
import StrictJSON

extension ScenarioValidator {
    // MARK: Status period

    /// `status.period` in `0 … periods`; when it is not, `statusPeriod` is `nil` and the checks
    /// that need it are skipped (one error, not one per dependent check).
    mutating func checkStatusPeriod() {
        guard let status = scenario.status else { return }
        if isUnreadable("status.period") || isUnreadable("status") {
            statusPeriod = nil
            return
        }
        guard let periods else {
            statusPeriod = nil
            return
        }
        if !(0...periods).contains(status.period) {
            error("status.period", "status.period is \(status.period); it must lie in 0...\(periods) (the horizon's periods)")
            statusPeriod = nil
        } else {
            statusPeriod = status.period
        }
    }

    // MARK: Projects

    /// Each project's started, maxDuration, due, late penalty and probability.
    mutating func checkProjectsInFlight() {
        for (j, project) in scenario.projects.enumerated() {
            var base: String { "projects[\(j)]" }
            if let started = project.started, checkInteger(started, "\(base).started", "started", minimum: 0),
               let status = statusPeriod, started >= status {
                error("\(base).started", "\(base).started is \(started), not before the status period \(status)")
            }
            if let longest = project.maxDuration, checkInteger(longest, "\(base).maxDuration", "maxDuration", minimum: 1),
               longest < project.duration, !isUnreadable("\(base).duration") {
                error("\(base).maxDuration", "\(base).maxDuration \(longest) < duration \(project.duration)")
            }
            if let due = project.due { checkInteger(due, "\(base).due", "due") }
            checkNonNegative(project.latePenaltyPerPeriod, "\(base).latePenaltyPerPeriod", "latePenaltyPerPeriod")
            if let probability = project.probability {
                if !(probability.isFinite && probability > 0 && probability <= 1) {
                    error("\(base).probability", "probability must be a number in (0, 1], got \(Self.show(probability))")
                } else if probability < 1 && project.mandatory {
                    error("\(base).probability",
                          "mandatory project '\(project.id)' has probability \(Self.show(probability)) (must be 1)")
                } else if probability < 1 && project.started != nil {
                    error("\(base).probability",
                          "started project '\(project.id)' has probability \(Self.show(probability)) (must be 1)")
                }
            }
            if project.started != nil, let status = statusPeriod, hasNothingLeft(project, status: status) {
                warning(base, "started project '\(project.id)' has nothing left to do from the status period \(status) on")
            }
        }
    }

    /// Every flexible line has `work` 0 and no fixed line has hours from the status period on.
    func hasNothingLeft(_ project: Project, status: Int) -> Bool {
        let offset = max(0, status - (project.started ?? 0))
        return project.demands.allSatisfy { demand in
            if let work = demand.work { return work == 0 }
            switch demand.hours {
            case .constant(let value): return value == 0 || offset >= project.duration
            case .perPeriod(let values): return values.dropFirst(offset).allSatisfy { $0 == 0 }
            }
        }
    }

    // MARK: Actuals

    /// Each actual names a person, a started project and its demand, a past period not before the
    /// project started, hours > 0, and appears once; a person booked over capacity is a warning.
    mutating func checkActuals() {
        guard let actuals = scenario.status?.actuals else { return }
        var first: [String: Int] = [:]
        var booked: [Int: [Int: Double]] = [:]
        for (k, actual) in actuals.enumerated() {
            var base: String { "status.actuals[\(k)]" }
            let person = personIndex[actual.person]
            let project = projectIndex[actual.project]
            if person == nil, personIDsKnown { error("\(base).person", "\(base) names unknown person '\(actual.person)'") }
            if project == nil, projectIDsKnown { error("\(base).project", "\(base) names unknown project '\(actual.project)'") }
            checkPositive(actual.hours, "\(base).hours", "hours")
            guard let j = project else { continue }
            let started = scenario.projects[j].started
            if demandIndex[j][actual.demand] == nil, demandIDsKnown[j] {
                error("\(base).demand", "\(base) names demand '\(actual.demand)', which project '\(actual.project)' does not have")
            }
            if started == nil {
                error("\(base).project", "\(base) books hours on '\(actual.project)', which is not started")
            }
            if let status = statusPeriod, actual.period >= status {
                error("\(base).period", "\(base).period \(actual.period) is not before the status period \(status)")
            } else if let started, actual.period < started {
                error("\(base).period", "\(base).period \(actual.period) is before '\(actual.project)' started (\(started))")
            } else if actual.period < 0 {
                error("\(base).period", "\(base).period \(actual.period) is before period 0")
            }
            let key = "\(actual.person)\u{0}\(actual.project)\u{0}\(actual.demand)\u{0}\(actual.period)"
            if let earlier = first[key] {
                error(base, "\(base) repeats (\(actual.person), \(actual.project), \(actual.demand), period \(actual.period)) "
                      + "of status.actuals[\(earlier)]")
            } else {
                first[key] = k
            }
            if let p = person, actual.hours.isFinite, actual.hours > 0 {
                booked[p, default: [:]][actual.period, default: 0] += actual.hours
            }
        }
        for (p, periods) in booked.sorted(by: { $0.key < $1.key }) {
            let person = scenario.people[p]
            for (t, hours) in periods.sorted(by: { $0.key < $1.key }) where t >= 0 && hours > person.capacity[t] + 1e-9 {
                warning("status.actuals", "\(person.id) booked \(Self.show(hours)) h in period \(t), more than "
                        + "their capacity \(Self.show(person.capacity[t])) h (the past is what it was)")
            }
        }
    }

    // MARK: Synergies

    /// Each synergy names at least two distinct, known projects and has a finite value.
    mutating func checkSynergies() {
        for (k, synergy) in scenario.synergies.enumerated() {
            var base: String { "synergies[\(k)]" }
            var seen = Set<String>()
            var known: [Int] = []
            for (m, id) in synergy.projects.enumerated() {
                guard seen.insert(id).inserted else {
                    warning("\(base).projects[\(m)]", "project '\(id)' is named twice in \(base)")
                    continue
                }
                if let j = projectIndex[id] {
                    known.append(j)
                } else if projectIDsKnown {
                    error("\(base).projects[\(m)]", "\(base) names unknown project '\(id)'")
                }
            }
            if seen.count < 2 {
                error("\(base).projects", "\(base) names \(seen.count == 1 ? "one project" : "no project"); "
                      + "a synergy needs two distinct ones")
            }
            if !(synergy.value.isFinite && abs(synergy.value) <= Scenario.maxQuantity) {
                error("\(base).value", "value must be a finite number of at most ±1e15, got \(Self.show(synergy.value))")
            }
            let excluded = known.contains { i in
                known.contains { j in i != j && scenario.projects[i].excludes.contains(scenario.projects[j].id) }
            }
            if excluded {
                warning(base, "\(base) joins projects that exclude each other: it can never count")
            }
        }
    }
}

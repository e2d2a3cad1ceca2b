// The weekly cycle's next scenario: the committed plan becomes the baseline everyone works to,
// the weeks that have passed become the status, the hours booked the actuals.

extension Scenario {
    /// This scenario for the next re-plan: `committed` (the plan of record) as its baseline and,
    /// with a `statusPeriod`, the periods before it as the past (format version 3, Part A).
    ///
    /// - The baseline is the committed plan's selected projects with their starts, and its hours;
    ///   a re-plan then pays the change penalties for what it moves (spec v1 §2).
    /// - With `statusPeriod` `S`: `status.period = S`; the actuals are `actuals` when given, else
    ///   the committed plan's hours before `S` (the plan was worked as planned), added to the
    ///   scenario's own actuals before its old status period. A project the committed plan starts
    ///   before `S` is in flight (`started`); a flexible line of one (`work`: the estimate to
    ///   complete) is reduced by the hours booked on it from the old status period to `S`.
    /// - Pins: one on a period before `S` is dropped (history); one on any period keeps the hours
    ///   not yet booked (dropped once all are).
    /// - The result is not validated here: `PlanningProblem(_:)` says what does not hold (a
    ///   status period past the horizon, actuals naming people who left, …).
    public func replanned(committed: Plan, statusPeriod: Int? = nil, actuals: [Actual]? = nil) -> Scenario {
        var next = self
        next.baseline = Baseline(projects: committed.projects.filter(\.selected), assignments: committed.assignments)
        guard let now = statusPeriod else { return next }
        let before = status?.period ?? 0
        let booked = actuals ?? committed.assignments.filter { $0.period >= before && $0.period < now && $0.hours > 0 }
            .map { Actual(person: $0.person, project: $0.project, demand: $0.demand, period: $0.period, hours: $0.hours) }
        let kept = (status?.actuals ?? []).filter { $0.period < before }
        next.status = Status(period: now, actuals: kept + booked.filter { $0.period >= before && $0.period < now })
        next.version = max(version, 3)

        var bookedOnLine: [String: Double] = [:]  // "project\u{1F}demand" → hours booked from `before` to `now`
        for actual in next.status?.actuals ?? [] where actual.period >= before {
            bookedOnLine[actual.project + "\u{1F}" + actual.demand, default: 0] += actual.hours
        }
        next.pins = Self.pinsLeft(pins, booked: (next.status?.actuals ?? []).filter { $0.period >= before }, now: now)
        let starts = Dictionary(committed.projects.compactMap { d in d.selected ? d.start.map { (d.id, $0) } : nil },
                                uniquingKeysWith: { a, _ in a })
        for j in next.projects.indices {
            let id = next.projects[j].id
            if next.projects[j].started == nil, let start = starts[id], start < now { next.projects[j].started = start }
            // In flight: what it booked since the old status period comes off each flexible line's estimate.
            guard next.projects[j].started != nil else { continue }
            for d in next.projects[j].demands.indices {
                guard let work = next.projects[j].demands[d].work else { continue }
                let done = bookedOnLine[id + "\u{1F}" + next.projects[j].demands[d].resolvedID] ?? 0
                next.projects[j].demands[d].work = max(0, work - done)
            }
        }
        return next
    }

    /// The pins still to honour from `now` on: a pin on a period before `now` is history (dropped);
    /// a pin on any period keeps the hours not yet booked (`booked`: the actuals since the last
    /// status period), and is dropped once they are all booked.
    static func pinsLeft(_ pins: [Pin], booked: [Actual], now: Int) -> [Pin] {
        pins.compactMap { pin in
            if let period = pin.period { return period >= now ? pin : nil }
            let done = booked.filter { $0.person == pin.person && $0.project == pin.project && (pin.demand == nil || pin.demand == $0.demand) }
                .map(\.hours).reduce(0, +)
            var left = pin
            left.hours = pin.hours - done
            return left.hours > 1e-9 ? left : nil
        }
    }
}

// A Microsoft Project file in flight (format v3, Part A): the status date gives the status period,
// actual work before it becomes actuals, the projects it belongs to are started, and their demand
// lines flexible, needing their remaining work.
import CapacityPlanning

/// Where a file stands: its status date and the status period that follows from it.
struct MSPDIStatus: Sendable, Equatable {
    /// The status date (a day number): work is recorded up to and including it.
    let day: Int
    /// The status period `S`: the first period whose last working day lies after `day`.
    let period: Int
}

/// What one project's tasks say about its progress (read with a status date).
struct MSPDIProgress: Sendable {
    /// One person's actual hours on one of the project's lines (by index) in one past period.
    struct Key: Hashable, Sendable {
        let line: Int
        let person: String
        let period: Int
    }

    /// The period it started in (before the status period); `nil` when it has not started.
    var started: Int?
    /// For a started project: each line's remaining work (hours), by line index.
    var remaining: [Int: Double] = [:]
    /// For a started project: the actual hours before the status period.
    var actuals: [Key: Double] = [:]
}

extension MSPDIReading {
    /// The status period from the project's status date, or `nil` without one (then nothing is in flight).
    ///
    /// A period is done when the status date is on or after its last working day (its last day
    /// when it has none): `S` is the first period not done. A status date on Friday, the last
    /// working day of week 7, gives `S` = 8; one on the Wednesday of week 8 gives 8 too, and the
    /// actual work of that Monday to Wednesday, in the status period, is not imported (a warning).
    ///
    /// `setting` (the import's `status.period`: an index, or an ISO date inside the status
    /// period) wins over the file's status date; the status date is then the last working day
    /// before that period.
    mutating func readStatus(calendar: MSPDICalendar, setting: String?) -> MSPDIStatus? {
        if let text = setting?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            let index: Int
            switch ScenarioImporter.statusPeriod(text, labels: calendar.labels, periods: calendar.periods) {
            case .success(let period): index = period
            case .failure(let issue): errors.append(issue); return nil
            }
            if let date = document.StatusDate, !date.isEmpty {
                warn("the status period \(index) given for the import wins over the file's status date \(date)")
            }
            return MSPDIStatus(day: calendar.lastWorkingDay(index - 1), period: index)
        }
        guard let text = document.StatusDate?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        guard let day = MSPDICalendar.day(of: text) else {
            warn("the status date '\(text)' is not a date: ignored, so no progress is imported (actual work is dropped)")
            return nil
        }
        // The last working days of the periods increase: the first one after `day`, by bisection.
        var (low, high) = (0, calendar.periods)
        while low < high {
            let mid = (low + high) / 2
            if calendar.lastWorkingDay(mid) > day { high = mid } else { low = mid + 1 }
        }
        let date = PeriodLabels.isoDate(dayNumber: day)
        if low == 0 && calendar.periods > 0 && day < calendar.firstDay(0) {
            warn("the status date \(date) lies before the horizon's start: the status period is 0 (nothing done yet)")
        } else if low == calendar.periods {
            warn("the status date \(date) lies at or after the horizon's last working day: every period is done "
                 + "(status period \(low))")
        }
        return MSPDIStatus(day: day, period: low)
    }

    /// The progress of the project of summary task `top` with demand-line tasks `lines`: whether
    /// it started before the status period, its actual hours and each line's remaining work.
    ///
    /// Actual work is an assignment's time-phased actual work (`TimephasedData` type 2), else its
    /// `ActualWork` spread evenly over its working days from its actual start (else its start) to
    /// its actual finish or the status date, whichever is first. Remaining work is the sum of the
    /// line's assignments' `RemainingWork`, else the line's own, else its work less its actual
    /// work (never below 0).
    mutating func readProgress(top: MSPDIDocument.Task, lines: [MSPDIDocument.Task], byTask: [String: [MSPDIDocument.Assignment]],
                               resourceIDs: [String: String], calendar: MSPDICalendar, status: MSPDIStatus) -> MSPDIProgress {
        let s = status.period
        var progress = MSPDIProgress()
        var startDays = ([top] + lines).compactMap { MSPDICalendar.day(of: $0.ActualStart) }
        var outside: [(label: String, early: Double, late: Double)] = []
        var remaining: [Int: Double] = [:]
        var actualTotal = 0.0
        var unassigned: [(task: MSPDIDocument.Task, hours: Double)] = []
        for (k, line) in lines.enumerated() {
            let assigned = byTask[line.UID ?? ""] ?? []
            var lineActual = 0.0, planned = 0.0, ownRemaining = 0.0, anyRemaining = false
            for assignment in assigned {
                guard let person = resourceIDs[assignment.ResourceUID ?? ""] else { continue }
                if let day = MSPDICalendar.day(of: assignment.ActualStart) { startDays.append(day) }
                var byPeriod: [Int: Double] = [:]
                var amount = 0.0, early = 0.0, late = 0.0
                let phased = (assignment.TimephasedData ?? []).filter { $0.Type == "2" }
                if !phased.isEmpty {
                    for stretch in phased {
                        guard let hours = MSPDICalendar.hours(ofDuration: stretch.Value), hours > 0,
                              let from = MSPDICalendar.day(of: stretch.Start) else { continue }
                        amount += hours
                        let cut = Self.spread(hours, from: from, to: MSPDICalendar.day(of: stretch.Finish) ?? from,
                                              before: s, calendar: calendar, into: &byPeriod)
                        early += cut.early
                        late += cut.late
                    }
                } else if let hours = MSPDICalendar.hours(ofDuration: assignment.ActualWork), hours > 0,
                          let from = MSPDICalendar.day(of: assignment.ActualStart ?? assignment.Start ?? line.ActualStart ?? line.Start) {
                    amount = hours
                    let to = min(MSPDICalendar.day(of: assignment.ActualFinish) ?? status.day, status.day)
                    let cut = Self.spread(hours, from: from, to: to, before: s, calendar: calendar, into: &byPeriod)
                    (early, late) = (cut.early, cut.late)
                }
                lineActual += amount
                for (t, hours) in byPeriod { progress.actuals[.init(line: k, person: person, period: t), default: 0] += hours }
                if early > 1e-9 || late > 1e-9 {
                    outside.append(("assignment UID \(assignment.UID ?? "?") (\(person) on \(Self.describe(line)))", early, late))
                }
                let work = MSPDICalendar.hours(ofDuration: assignment.Work) ?? 0
                planned += work
                if let left = MSPDICalendar.hours(ofDuration: assignment.RemainingWork) {
                    anyRemaining = true
                    ownRemaining += max(0, left)
                } else {
                    ownRemaining += max(0, work - amount)
                }
            }
            actualTotal += lineActual
            let taskActual = MSPDICalendar.hours(ofDuration: line.ActualWork) ?? 0
            if lineActual == 0 && taskActual > 0 { unassigned.append((line, taskActual)) }
            if anyRemaining {
                remaining[k] = ownRemaining
            } else if let left = MSPDICalendar.hours(ofDuration: line.RemainingWork) {
                remaining[k] = max(0, left)
            } else if assigned.isEmpty {
                remaining[k] = max(0, (MSPDICalendar.hours(ofDuration: line.Work) ?? 0) - taskActual)
            } else {
                remaining[k] = max(0, planned - lineActual)
            }
        }

        // Started: an actual start before the status period, or (without one) actual hours before it.
        let statusStart = calendar.firstDay(s)
        let firstActual = progress.actuals.keys.map(\.period).min()
        if s > 0 {
            if let day = startDays.min(), day < statusStart {
                let period = day < calendar.firstDay(0) ? 0 : (calendar.period(containing: day) ?? 0)
                progress.started = min(period, firstActual ?? period)
            } else if startDays.isEmpty, let firstActual {
                progress.started = firstActual
            }
        }
        let statusDate = PeriodLabels.isoDate(dayNumber: statusStart)
        guard progress.started != nil else {
            let hours = actualTotal > 0 ? actualTotal : unassigned.reduce(0) { $0 + $1.hours }
            if hours > 0 {
                let reason = startDays.min().map { "its actual start \(PeriodLabels.isoDate(dayNumber: $0)) is not before" }
                    ?? "it has no actual start before"
                warn("\(Self.describe(top)) has \(MSPDIExporter.number(Self.round(hours))) hours of actual work, but \(reason) the status "
                     + "period (from \(statusDate)): imported as not started, its actual work dropped (only started projects have actuals)")
            }
            progress.actuals = [:]
            return progress
        }
        progress.remaining = remaining.mapValues(Self.round)
        for item in outside {
            if item.early > 1e-9 {
                warn("\(item.label): \(MSPDIExporter.number(Self.round(item.early))) hours of actual work lie before the horizon's "
                     + "start (\(PeriodLabels.isoDate(dayNumber: calendar.firstDay(0)))): not imported")
            }
            if item.late > 1e-9 {
                warn("\(item.label): \(MSPDIExporter.number(Self.round(item.late))) hours of actual work lie in or after the status "
                     + "period (from \(statusDate)): not imported (set the status date to the last working day of the last period done)")
            }
        }
        for item in unassigned {
            warn("\(Self.describe(item.task)) has \(MSPDIExporter.number(Self.round(item.hours))) hours of actual work but no assigned "
                 + "person with actual work: not imported as actuals (an actual names a person)")
        }
        return progress
    }

    /// Makes `project` started, when `progress` says so: its lines are already flexible; its
    /// duration is the periods from its start to its planned finish (`finish`, cut to the horizon;
    /// at least 1), its longest duration runs to the horizon's end, and its actuals are kept.
    mutating func markStarted(_ project: inout Project, _ progress: MSPDIProgress, finish: Int, calendar: MSPDICalendar) {
        guard let started = progress.started else { return }
        let periods = calendar.periods
        project.started = started
        project.duration = max(1, min(finish, periods - 1) - started + 1)
        let longest = max(project.duration, periods - started)
        project.maxDuration = longest > project.duration ? longest : nil
        let keys = progress.actuals.keys.sorted { ($0.line, $0.person, $0.period) < ($1.line, $1.person, $1.period) }
        for key in keys {
            let hours = Self.round(progress.actuals[key] ?? 0)
            guard hours > 0, project.demands.indices.contains(key.line) else { continue }
            actuals.append(Actual(person: key.person, project: project.id, demand: project.demands[key.line].resolvedID,
                                  period: key.period, hours: hours))
        }
    }

    /// Hours rounded to a millionth.
    static func round(_ hours: Double) -> Double { (hours * 1e6).rounded() / 1e6 }

    /// Spreads `amount` evenly over the working days from `from` to `to` (all on `from` when there
    /// are none) and adds each period's share before period `limit` to `hours`; returns the
    /// hours that fall before the horizon and those at or after `limit`. Days are counted, never
    /// visited one by one: a stretch may claim to run for centuries.
    static func spread(_ amount: Double, from: Int, to: Int, before limit: Int, calendar: MSPDICalendar,
                       into hours: inout [Int: Double]) -> (early: Double, late: Double) {
        let stretch = from...max(from, to)
        let (first, end) = (calendar.firstDay(0), calendar.firstDay(limit))  // kept: days in first..<end
        let count = MSPDICalendar.workingDays(in: stretch)
        guard count > 0 else {
            if from < first { return (amount, 0) }
            if from >= end { return (0, amount) }
            hours[calendar.period(containing: from) ?? 0, default: 0] += amount
            return (0, 0)
        }
        let share = amount / Double(count)
        var (early, late) = (0.0, 0.0)
        if stretch.lowerBound < first {
            early = share * Double(MSPDICalendar.workingDays(in: stretch.lowerBound...min(stretch.upperBound, first - 1)))
        }
        if stretch.upperBound >= end {
            late = share * Double(MSPDICalendar.workingDays(in: max(stretch.lowerBound, end)...stretch.upperBound))
        }
        let (low, high) = (max(stretch.lowerBound, first), min(stretch.upperBound, end - 1))
        guard low <= high, let p = calendar.period(containing: low), let q = calendar.period(containing: high), p <= q else {
            return (early, late)
        }
        for t in p...q {
            let days = max(low, calendar.firstDay(t))...max(max(low, calendar.firstDay(t)), min(high, calendar.lastDay(t)))
            let n = MSPDICalendar.workingDays(in: days)
            if n > 0 { hours[t, default: 0] += share * Double(n) }
        }
        return (early, late)
    }
}

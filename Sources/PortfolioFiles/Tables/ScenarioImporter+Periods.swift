// Periods in the import's files: an index or an ISO date, and the horizon's length when no option gives it.
public import CapacityPlanning

extension ScenarioImporter {
    /// The index of the period holding `date` (-1 before the horizon's start; may lie past its
    /// end); `nil` when the horizon has no start.
    static func periodIndex(of date: (year: Int, month: Int, day: Int), labels: PeriodLabels) -> Int? {
        guard let start = labels.start, let unit = labels.unit else { return nil }
        let day = PeriodLabels.dayNumber(year: date.year, month: date.month, day: date.day)
        let first = PeriodLabels.dayNumber(year: start.year, month: start.month, day: start.day)
        let months = (date.year - start.year) * 12 + date.month - start.month - (date.day < start.day ? 1 : 0)
        switch unit {
        case .day: return day - first
        case .week: return day >= first ? (day - first) / 7 : -1
        case .month: return day >= first ? months : -1
        case .quarter: return day >= first ? months / 3 : -1
        }
    }

    /// The status period a setting names (`status.period`, for every import): an index
    /// 0 … `periods`, or an ISO date inside the period (a date in the period after the horizon
    /// names `periods`: everything done); else the problem, as a setting's issue.
    public static func statusPeriod(_ text: String, labels: PeriodLabels, periods: Int) -> Result<Int, ImportIssue> {
        let index: Int
        if let date = PeriodLabels.parseISODate(text) {
            guard let found = periodIndex(of: date, labels: labels) else {
                return .failure(.setting("status.period", "'\(text)' is a date, but the horizon has no start: give its start date"))
            }
            index = found
        } else if let value = number(text), value == value.rounded(), abs(value) < 1e15 {
            index = Int(value)
        } else {
            return .failure(.setting("status.period", "'\(text)' is not a period index (0-based) or an ISO date"))
        }
        guard (0...periods).contains(index) else {
            return .failure(.setting("status.period", "\(text) is outside the horizon: the status period is 0…\(periods) "
                                     + "(the first period not yet done)"))
        }
        return .success(index)
    }

    /// A period index from `text`: a 0-based index, or an ISO date inside the horizon.
    mutating func period(_ text: String, labels: PeriodLabels, periods: Int, table: Table, row: TableRow) -> Int? {
        if let date = PeriodLabels.parseISODate(text) {
            guard let index = Self.periodIndex(of: date, labels: labels) else {
                fail(table, row, column: "period", "period '\(text)' is a date, but the horizon has no start: give its start date",
                     setting: "horizon.start")
                return nil
            }
            guard (0..<periods).contains(index) else {
                fail(table, row, column: "period", "period '\(text)' is outside the horizon (\(labels.label(0)) to \(labels.label(periods - 1)))")
                return nil
            }
            return index
        }
        guard let value = Self.number(text), value == value.rounded(), abs(value) < 1e15 else {
            fail(table, row, column: "period", "period '\(text)' is not a period index (0-based) or an ISO date")
            return nil
        }
        guard (0..<periods).contains(Int(value)) else {
            fail(table, row, column: "period", "period \(Int(value)) is outside the horizon 0..<\(periods)")
            return nil
        }
        return Int(value)
    }

    /// The horizon's length when the command line does not give it: the length of the
    /// capacity lists when they have one; otherwise the latest of the projects' deadlines
    /// (+1), their earliest finishes, and the availability file's periods (+1).
    func inferPeriods(people: [Person], projects: [Project], availability: Table?) -> Int? {
        for person in people {
            if case .perPeriod(let values) = person.capacity, !values.isEmpty { return values.count }
        }
        var latest = 0
        for project in projects {
            if let deadline = project.deadline, deadline < Scenario.maxPeriods { latest = max(latest, deadline + 1) }
            let finish = project.earliestStart.addingReportingOverflow(project.duration)
            if !finish.overflow, finish.partialValue <= Scenario.maxPeriods { latest = max(latest, finish.partialValue) }
        }
        if let t = availability {
            for row in t.rows {
                if let text = t.value("period", in: row), let v = Self.number(text), v == v.rounded(), v >= 0, v < Double(Scenario.maxPeriods) {
                    latest = max(latest, Int(v) + 1)
                }
            }
        }
        return latest > 0 ? latest : nil
    }
}

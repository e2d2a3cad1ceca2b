// Human labels for period indices, from the horizon's optional `start` and `unit`.
import Foundation

/// Turns period indices into labels such as "W1" and "Jan 04" (spec: `horizon.start` and
/// `unit` only label periods in human-facing output).
///
/// Without a unit, periods are "P1", "P2", …; with a unit but no valid ISO `start`, "W1",
/// "M1", …; with both, each period also gets its calendar date. Period `t` is labelled
/// `t + 1`: the first period of the horizon is "W1", whatever its ISO week number.
public struct PeriodLabels: Sendable {
    /// Number of periods.
    public let count: Int
    /// The calendar unit, when the horizon gives one.
    public let unit: PeriodUnit?
    /// Year, month, day of period 0, when the horizon gives a valid ISO date.
    public let start: (year: Int, month: Int, day: Int)?

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    private static let longMonths = ["January", "February", "March", "April", "May", "June", "July", "August",
                                     "September", "October", "November", "December"]

    /// Labels for `horizon`.
    public init(_ horizon: Horizon) {
        count = horizon.periods
        unit = horizon.unit
        start = horizon.start.flatMap(Self.parseISODate)
    }

    /// `YYYY-MM-DD` as numbers, or `nil` when it is not a real calendar date.
    public static func parseISODate(_ text: String) -> (year: Int, month: Int, day: Int)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), d >= 1, d <= daysIn(month: m, year: y)
        else { return nil }
        return (y, m, d)
    }

    private static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm; exact for any year).
    public static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The civil date of a day number (inverse of `dayNumber`).
    public static func civilDate(dayNumber z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// The calendar date on which period `t` begins, when the horizon has a start and a unit.
    public func date(of t: Int) -> (year: Int, month: Int, day: Int)? {
        guard let start, let unit, abs(t) < 1_000_000 else { return nil }
        switch unit {
        case .day, .week:
            let days = unit == .day ? t : 7 * t
            return Self.civilDate(dayNumber: Self.dayNumber(year: start.year, month: start.month, day: start.day) + days)
        case .month, .quarter:
            let months = start.month - 1 + (unit == .month ? t : 3 * t)
            let year = start.year + (months >= 0 ? months / 12 : (months - 11) / 12)
            let month = ((months % 12) + 12) % 12 + 1
            return (year, month, min(start.day, Self.daysIn(month: month, year: year)))
        }
    }

    /// The day number (days since 1970-01-01) on which period `t` begins, when the horizon has a start and a unit.
    public func firstDay(of t: Int) -> Int? {
        date(of: t).map { Self.dayNumber(year: $0.year, month: $0.month, day: $0.day) }
    }

    /// The day number of the last day of period `t` (the day before period `t + 1` begins).
    public func lastDay(of t: Int) -> Int? {
        firstDay(of: t + 1).map { $0 - 1 }
    }

    /// `YYYY-MM-DD` of a day number.
    public static func isoDate(dayNumber: Int) -> String {
        let date = civilDate(dayNumber: dayNumber)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(date.year)-\(two(date.month))-\(two(date.day))"
    }

    /// The short name of period `t`: "W3", "D3", "M3", "Q3" or "P3" (numbered from 1).
    public func short(_ t: Int) -> String {
        let prefix: String
        switch unit {
        case .day: prefix = "D"
        case .week: prefix = "W"
        case .month: prefix = "M"
        case .quarter: prefix = "Q"
        case nil: prefix = "P"
        }
        return "\(prefix)\(t + 1)"
    }

    /// The calendar part of period `t`'s label: "Jan 04" for days and weeks, "Jan 2027" for
    /// months, "2027 Q1" for quarters; `nil` without a start date.
    public func calendar(_ t: Int) -> String? {
        guard let date = date(of: t), let unit else { return nil }
        let month = Self.months[date.month - 1]
        switch unit {
        case .day, .week: return "\(month) \(date.day < 10 ? "0" : "")\(date.day)"
        case .month: return "\(month) \(date.year)"
        case .quarter: return "\(date.year) Q\((date.month - 1) / 3 + 1)"
        }
    }

    /// The full label of period `t`: "W1 Jan 04", or "W1" without a start date.
    public func label(_ t: Int) -> String {
        guard let calendar = calendar(t) else { return short(t) }
        return "\(short(t)) \(calendar)"
    }

    /// A month heading for period `t` ("January 2027") when it is the first period of the
    /// horizon or the first to begin in a new month (days and weeks only).
    public func monthHeading(_ t: Int) -> String? {
        guard unit == .day || unit == .week, let date = date(of: t) else { return nil }
        if t > 0, let previous = self.date(of: t - 1), previous.month == date.month, previous.year == date.year {
            return nil
        }
        return "\(Self.longMonths[date.month - 1]) \(date.year)"
    }

    /// A range of periods, e.g. "W3–W8 (Jan 18 – Feb 28)"; an empty string for an empty range.
    public func range(_ first: Int, _ last: Int) -> String {
        guard first <= last else { return "" }
        if first == last { return label(first) }
        let names = "\(short(first))–\(short(last))"
        guard let a = calendar(first), let b = calendar(last) else { return names }
        return "\(names) (\(a) – \(b))"
    }

    /// The plural name of the unit ("weeks"), or "periods".
    public var unitName: String {
        switch unit {
        case .day: return "days"
        case .week: return "weeks"
        case .month: return "months"
        case .quarter: return "quarters"
        case nil: return "periods"
        }
    }

    /// "26 weeks from 4 January 2027", or "26 periods".
    public var horizonDescription: String {
        let n = "\(count) \(count == 1 ? String(unitName.dropLast()) : unitName)"
        guard let start, unit != nil else { return n }
        return "\(n) from \(start.day) \(Self.longMonths[start.month - 1]) \(start.year)"
    }
}

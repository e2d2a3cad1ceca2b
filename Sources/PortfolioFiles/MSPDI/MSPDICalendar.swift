// Periods as Microsoft Project sees time: working days Monday to Friday, 08:00–12:00 and 13:00–17:00.
import CapacityPlanning

/// The horizon's periods on Microsoft Project's standard calendar: each period's first and
/// last working day, its working hours (8 per working day), and the timestamps of the file.
///
/// A horizon without a start begins on `fallbackStart` (a Monday); without a unit, periods are weeks.
struct MSPDICalendar {
    /// The first day of a horizon that has no `start`.
    static let fallbackStart = "2027-01-04"
    /// Working hours in a working day.
    static let hoursPerDay = 8.0

    let labels: PeriodLabels
    let periods: Int
    let unit: PeriodUnit

    init(_ horizon: Horizon) {
        var dated = horizon
        if dated.start.flatMap(PeriodLabels.parseISODate) == nil { dated.start = Self.fallbackStart }
        dated.unit = horizon.unit ?? .week
        labels = PeriodLabels(dated)
        periods = horizon.periods
        unit = dated.unit ?? .week
    }

    /// Monday = 0 … Sunday = 6 (1970-01-01 was a Thursday).
    static func weekday(_ day: Int) -> Int { ((day + 3) % 7 + 7) % 7 }

    static func isWorkingDay(_ day: Int) -> Bool { weekday(day) < 5 }

    /// The working days in `days`, counted without visiting them (5 in every whole week).
    static func workingDays(in days: ClosedRange<Int>) -> Int {
        let length = days.count
        let weeks = length / 7
        return weeks * 5 + (0..<(length - weeks * 7)).filter { isWorkingDay(days.lowerBound + weeks * 7 + $0) }.count
    }

    func firstDay(_ t: Int) -> Int { labels.firstDay(of: t) ?? 0 }
    func lastDay(_ t: Int) -> Int { labels.lastDay(of: t) ?? 0 }

    /// The first working day of period `t` (its first day when it has none).
    func firstWorkingDay(_ t: Int) -> Int {
        let (a, b) = (firstDay(t), lastDay(t))
        return (a...max(a, b)).first(where: Self.isWorkingDay) ?? a
    }

    /// The last working day of period `t` (its last day when it has none).
    func lastWorkingDay(_ t: Int) -> Int {
        let (a, b) = (firstDay(t), lastDay(t))
        return (a...max(a, b)).reversed().first(where: Self.isWorkingDay) ?? max(a, b)
    }

    /// Working hours in period `t`: 8 per working day (40 in a week).
    func workingHours(_ t: Int) -> Double {
        let (a, b) = (firstDay(t), lastDay(t))
        return Double(Self.workingDays(in: a...max(a, b))) * Self.hoursPerDay
    }

    /// Working hours from the first working day of `first` to the last of `last`.
    func workingHours(from first: Int, through last: Int) -> Double {
        guard first <= last else { return 0 }
        return (first...last).reduce(0) { $0 + workingHours($1) }
    }

    /// The period holding `day`; `nil` before period 0 or after the horizon.
    func period(containing day: Int) -> Int? {
        guard periods > 0, day >= firstDay(0), day <= lastDay(periods - 1) else { return nil }
        var (low, high) = (0, periods - 1)
        while low < high {  // the last period whose first day is ≤ day
            let mid = (low + high + 1) / 2
            if firstDay(mid) <= day { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// The period holding `day`, counting past either end of the horizon (for windows and deadlines).
    func periodIndex(containing day: Int) -> Int {
        if let t = period(containing: day) { return t }
        if periods == 0 || day < firstDay(0) {
            var t = -1
            while t > -1_000_000, firstDay(t) > day { t -= 1 }
            return t
        }
        var t = periods
        while t < 1_000_000, lastDay(t) < day { t += 1 }
        return t
    }

    /// `YYYY-MM-DDT08:00:00`, the start of a working day.
    static func start(_ day: Int) -> String { PeriodLabels.isoDate(dayNumber: day) + "T08:00:00" }
    /// `YYYY-MM-DDT17:00:00`, the end of a working day.
    static func finish(_ day: Int) -> String { PeriodLabels.isoDate(dayNumber: day) + "T17:00:00" }
    /// `YYYY-MM-DDT00:00:00`.
    static func midnight(_ day: Int) -> String { PeriodLabels.isoDate(dayNumber: day) + "T00:00:00" }
    /// `YYYY-MM-DDT23:59:00`.
    static func endOfDay(_ day: Int) -> String { PeriodLabels.isoDate(dayNumber: day) + "T23:59:00" }

    /// The day number of a timestamp `YYYY-MM-DDThh:mm:ss` (or a bare date).
    static func day(of stamp: String?) -> Int? {
        guard let stamp, let date = PeriodLabels.parseISODate(String(stamp.prefix(10))) else { return nil }
        return PeriodLabels.dayNumber(year: date.year, month: date.month, day: date.day)
    }

    /// Hours as an MSPDI duration: `PT37H30M0S`.
    static func duration(hours: Double) -> String {
        let seconds = Int((max(0, hours) * 3600).rounded())
        return "PT\(seconds / 3600)H\(seconds % 3600 / 60)M\(seconds % 60)S"
    }

    /// The hours of an MSPDI duration (`PT37H30M0S`, `PT8H`, `P1DT2H`, where a day is 8 working hours).
    static func hours(ofDuration text: String?) -> Double? {
        guard var rest = text?.trimmingCharacters(in: .whitespaces).uppercased(), rest.hasPrefix("P") else { return nil }
        rest.removeFirst()
        var total = 0.0, number = "", sawValue = false, inTime = false
        for c in rest {
            switch c {
            case "0"..."9", ".": number.append(c)
            case "T": inTime = true
            case "D", "H", "M", "S", "W":
                guard let value = Double(number) else { return nil }
                switch (c, inTime) {
                case ("W", false): total += value * 5 * hoursPerDay
                case ("D", false): total += value * hoursPerDay
                case ("H", true): total += value
                case ("M", true): total += value / 60
                case ("S", true): total += value / 3600
                default: return nil  // years and months have no fixed length in working hours
                }
                number = ""
                sawValue = true
            default: return nil
            }
        }
        return sawValue && number.isEmpty ? total : nil
    }
}

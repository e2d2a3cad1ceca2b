// The schedule of a portfolio in flight (format v3, Part A): the past shaded up to the status
// period, each bar's actuals before it, the due date as a mark, the periods after it in orange.
import CapacityPlanning
import PortfolioPages

extension GanttChart {
    /// Extra room under the rows for the status line's label.
    static let statusLabelHeight = 18.0

    /// What the chart adds for a portfolio in flight (`nil` for every other scenario).
    struct InFlight: Sendable {
        /// The grey band over the past, periods 0 ..< S (absent when S is 0).
        let past: Band?
        /// The line at the status period.
        let status: StatusLine
        /// Whether the legend explains actuals, due marks and late periods.
        let hasActuals: Bool, hasDue: Bool, hasLate: Bool
    }

    /// A rectangle of any height.
    struct Band: Sendable {
        /// Left and top.
        let x: String, y: String
        /// Size.
        let width: String, height: String
    }

    /// The status period's line and its label under the rows.
    struct StatusLine: Sendable {
        /// x, top and bottom of the line.
        let x: String, y1: String, y2: String
        /// The label's baseline and anchor (`start`, `middle` or `end`).
        let labelY: String, anchor: String
        /// "status: W9 Mar 01".
        let text: PageText
        /// What the status period means.
        let tip: PageText
    }

    /// One row's marks in flight.
    struct RowInFlight: Sendable {
        /// The id of the bar's clip path (the segments keep the bar's rounded ends).
        let clip: String
        /// The bar's part before the status period: the actuals.
        let actuals: Segment?
        /// The bar's part after its due date.
        let late: Segment?
        /// The due date's mark.
        let due: DueMark?
        /// "late by 3 weeks" beside the bar.
        let note: Note?
    }

    /// Part of a bar, drawn over it.
    struct Segment: Sendable {
        /// Left, top and width (the bar's height).
        let x: String, y: String, width: String
        /// Its colour.
        let fill: String
        /// Its tooltip.
        let tip: PageText
    }

    /// A vertical tick with a diamond on top at the end of the due period.
    struct DueMark: Sendable {
        /// x, top and bottom of the tick.
        let x: String, y1: String, y2: String
        /// The diamond's points.
        let diamond: String
        /// "Due: end of W16".
        let tip: PageText
    }

    /// A text beside a bar.
    struct Note: Sendable {
        /// Position and anchor.
        let x: String, y: String, anchor: String
        /// The text.
        let text: PageText
    }

    /// Hours booked before the status period per project index, and the periods they span.
    struct Actuals {
        /// Hours per project index.
        var hours: [Int: Double] = [:]

        /// The scenario's actuals summed by project.
        init(_ problem: PlanningProblem) {
            for actual in problem.scenario.status?.actuals ?? [] {
                guard let j = problem.projectIndex[actual.project], actual.hours.isFinite else { continue }
                hours[j, default: 0] += actual.hours
            }
        }
    }

    /// `n` periods in the horizon's unit: "1 week", "3 weeks".
    static func periods(_ n: Int, _ labels: PeriodLabels) -> String {
        "\(n) " + (n == 1 ? String(labels.unitName.dropLast()) : labels.unitName)
    }

    /// The chart-wide marks: the past band and the status line.
    static func inFlight(_ data: ReportData, x: (Int) -> Double, rowsBottom: Double, rows: [RowInFlight]) -> InFlight {
        let n = SVG.number
        let s = min(max(data.problem.statusPeriod, 0), data.problem.periodCount)
        let past = s > 0 ? Band(x: n(x(0)), y: "22", width: n(x(s) - x(0)), height: n(rowsBottom - 22)) : nil
        let anchor = s == 0 ? "start" : s == data.problem.periodCount ? "end" : "middle"
        let status = StatusLine(
            x: n(x(s)), y1: "22", y2: n(rowsBottom + 4), labelY: n(rowsBottom + statusLabelHeight - 2), anchor: anchor,
            text: PageText("status: " + data.labels.label(s)),
            tip: PageText("Status period \(data.labels.short(s)): the first \(String(data.labels.unitName.dropLast())) not yet done; "
                          + "before it is the past, booked as actuals"))
        return InFlight(past: past, status: status, hasActuals: rows.contains { $0.actuals != nil },
                        hasDue: rows.contains { $0.due != nil }, hasLate: rows.contains { $0.late != nil })
    }

    /// One row's actuals, late part, due mark and note; `bar` is the bar's left and width.
    static func rowInFlight(_ data: ReportData, info: ProjectInfo, row: Int, top y: Double, start: Int, finish end: Int,
                            bar: (x: Double, width: Double), x: (Int) -> Double, actuals: Actuals, limit: Double) -> RowInFlight {
        let n = SVG.number
        let labels = data.labels
        let s = data.problem.statusPeriod
        let right = bar.x + bar.width
        func clamped(_ v: Double) -> Double { min(max(v, bar.x), right) }

        var done: Segment?
        if start < s {
            let last = min(end, s - 1)
            let hours = actuals.hours[info.index] ?? 0
            let tip = hours > 0
                ? "Actuals: \(Format.hours(hours)) h booked \(labels.short(start))–\(labels.short(last)), before the status period"
                : "Done before the status period (\(labels.short(start))–\(labels.short(last))); no actuals recorded"
            let sx = clamped(x(s))
            done = Segment(x: n(bar.x), y: n(y + 8), width: n(sx - bar.x), fill: info.mandatory ? "#4c1d95" : "#1e3a8a",
                           tip: PageText(tip))
        }
        var late: Segment?
        var due: DueMark?
        var note: Note?
        if let d = info.due {
            let periodsLate = info.periodsLate(finish: end)
            if periodsLate > 0 {
                let lx = clamped(x(max(start, d + 1)))
                let text = "late by \(periods(periodsLate, labels))"
                late = Segment(x: n(lx), y: n(y + 8), width: n(right - lx), fill: "#f97316",
                               tip: PageText("\(text): due \(labels.short(d)), finishes \(labels.short(end))"))
                let width = Double(text.count) * 6.2
                let (nx, anchor) = right + 6 + width <= limit || bar.x - 6 - width < labelWidth
                    ? (min(right + 6, limit - width), "start") : (bar.x - 6, "end")
                note = Note(x: n(nx), y: n(y + 19), anchor: anchor, text: PageText(text))
            }
            if d >= 0, d < data.problem.periodCount {
                let dx = x(d + 1)
                due = DueMark(x: n(dx), y1: n(y + 4), y2: n(y + 26),
                              diamond: SVG.points([(dx, y), (dx + 4, y + 4), (dx, y + 8), (dx - 4, y + 4)]),
                              tip: PageText("Due: end of \(labels.short(d))" + (periodsLate > 0 ? ", late by \(periods(periodsLate, labels))" : ", on time")))
            }
        }
        return RowInFlight(clip: "bar\(row)", actuals: done, late: late, due: due, note: note)
    }

    /// The baseline's span of project `info`, when the baseline selects it: its start and its
    /// finish (a plan of a portfolio in flight may give one; otherwise `start + duration − 1`).
    static func baselineSpan(_ problem: PlanningProblem, _ info: ProjectInfo) -> (start: Int, finish: Int)? {
        guard let was = problem.baseline.starts[info.index] else { return nil }
        var finish = was + info.duration - 1
        if problem.isInFlight,
           let decision = problem.scenario.baseline?.projects.first(where: { $0.id == info.id && $0.selected }),
           let given = decision.finish {
            finish = given
        }
        return (was, finish)
    }
}

// The plan's supply on the timeline (format v3, Part B): a strip per hire from its start to the
// horizon's end, a strip per course over the periods it runs with a mark where its person qualifies.
import CapacityPlanning
import PortfolioPages

/// Lays out the plan's hires and courses as a small Gantt-like SVG (`Templates/supply-timeline.mustache`,
/// on the schedule's period axis, `Templates/axis.mustache`).
enum SupplyTimeline {
    /// One hire's or course's row.
    struct Row: Sendable {
        /// Its name: "Data engineer #1", or the course's id.
        let name: PageText
        /// Its id or attendee, written after the name: "data-engineer#1", "for Dev".
        let detail: PageText
        /// The baseline of the row's texts.
        let textY: String
        /// The strip: a hire from its start to the horizon's end, a course over the periods it runs.
        let bar: GanttChart.Box
        /// The strip's colour: teal for hires, amber for courses.
        let fill: String
        /// The strip's tooltip.
        let tip: PageText
        /// The id of the strip's clip path (the hours keep its rounded ends).
        let clip: String
        /// Whether the row is a hire's (its strip is lighter, its hours drawn in it).
        let isHire: Bool
        /// A hire's hours booked per period, as darker fills rising from the strip's bottom.
        let booked: [Filled]
        /// Where a course's person qualifies.
        let qualifies: Qualifies?
        /// Hours (a hire's booked of usable, a course's taken from its person) and cost.
        let hours: PageText, cost: PageText
    }

    /// Part of a strip filled in proportion to the hours booked.
    struct Filled: Sendable {
        /// Left, top, width and height.
        let x: String, y: String, width: String, height: String
        /// The period's hours.
        let tip: PageText
    }

    /// The mark at the first period a course's person has its level.
    struct Qualifies: Sendable {
        /// x, top and bottom of the tick.
        let x: String, y1: String, y2: String
        /// The diamond's points.
        let diamond: String
        /// The skill and level ("ml 3"), and where it is written.
        let label: GanttChart.Label
        /// `start`, or `end` when the mark is at the horizon's end.
        let anchor: String
        /// "Qualifies from W5 Feb 01".
        let tip: PageText
    }

    /// The chart.
    struct View: Sendable {
        /// The SVG's size.
        let width: String, height: String
        /// The tops of the shaded (odd) rows.
        let zebra: [String]
        /// The period axis.
        let axis: GanttChart.Axis
        /// The right edges of the hours and cost columns.
        let hoursX: String, costX: String
        /// Hires first, then courses.
        let rows: [Row]
        /// The grey band over the past (a portfolio in flight with a status period after 0).
        let past: GanttChart.Band?
        /// Whether the legend explains hires, courses, and the past.
        let hasHires: Bool, hasCourses: Bool, hasPast: Bool
    }

    /// The timeline of `data`'s hires and courses; `nil` when the plan takes none.
    static func view(_ data: ReportData) -> View? {
        let problem = data.problem
        let periods = problem.periodCount
        let hires = data.hires?.people ?? []
        let courses = data.allocation.courses.keys.sorted().filter { problem.courses.indices.contains($0) }
        guard periods > 0, !hires.isEmpty || !courses.isEmpty else { return nil }
        let labelWidth = GanttChart.labelWidth, infoWidth = GanttChart.infoWidth
        let rowHeight = GanttChart.rowHeight, axisHeight = GanttChart.axisHeight
        let width = max(GanttChart.baseWidth, labelWidth + infoWidth + Double(min(periods, 156)) * 12)
        let cell = (width - labelWidth - infoWidth) / Double(periods)
        func x(_ t: Int) -> Double { labelWidth + Double(min(max(t, 0), periods)) * cell }
        let n = SVG.number
        let count = hires.count + courses.count
        let rowsBottom = axisHeight + Double(count) * rowHeight
        let labels = data.labels
        var rows: [Row] = []

        for person in hires {
            let r = rows.count
            let y = axisHeight + Double(r) * rowHeight
            let start = min(max(person.hiredFrom ?? 0, 0), periods - 1)
            let bx = x(start), bw = max(2, x(periods) - x(start) - 1)
            let booked = person.booked.reduce(0, +), usable = person.usable.reduce(0, +)
            let cost = hireCost(data, person: person.index) ?? 0
            let filled = (start..<periods).compactMap { t -> Filled? in
                let h = person.booked.indices.contains(t) ? person.booked[t] : 0
                let u = person.usable.indices.contains(t) ? person.usable[t] : 0
                guard h > 1e-9 else { return nil }
                let share = u > 0 ? min(1, h / u) : 1
                return Filled(x: n(x(t)), y: n(y + 8 + 14 * (1 - share)), width: n(cell), height: n(14 * share),
                              tip: PageText("\(labels.label(t)): \(Format.hours(h)) h booked of \(Format.hours(u)) h"))
            }
            let tip = "\(person.name) (\(person.id)): hired from \(labels.label(start)) to the horizon's end; "
                + "\(Format.hours(booked)) h booked of \(Format.hours(usable)) h usable; cost \(Format.money(cost))"
            rows.append(row(name: person.name, detail: person.id, y: y, bar: (bx, bw), fill: "#0d9488", tip: tip, clip: r,
                            booked: filled, qualifies: nil,
                            hours: "\(Format.hours(booked)) / \(Format.hours(usable))", cost: Format.compactMoney(cost)))
        }
        for c in courses {
            let r = rows.count
            let y = axisHeight + Double(r) * rowHeight
            let course = problem.courses[c]
            let given = problem.scenario.training.indices.contains(course.index) ? problem.scenario.training[course.index] : nil
            let start = min(max(data.allocation.courses[c] ?? 0, 0), periods - 1)
            let last = min(start + course.duration - 1, periods - 1)
            let bx = x(start), bw = max(2, x(last + 1) - x(start) - 1)
            let person = personName(data, course.person)
            let skill = given.map { "\($0.skill) \($0.level)" } ?? "level \(course.level)"
            let q = course.qualifiesFrom(start: start)
            let when = q < periods ? "qualifies from \(labels.label(q))" : "qualifies after the horizon's end"
            let tip = "\(course.id): \(person) on \(skill), \(labels.range(start, last)), "
                + "\(Format.hours(course.hoursPerPeriod)) h a \(String(labels.unitName.dropLast())); \(when); cost \(Format.money(course.cost))"
            let qx = x(q), mid = y + rowHeight / 2
            let atEnd = q >= periods
            let mark = Qualifies(
                x: n(qx), y1: n(y + 4), y2: n(y + 26),
                diamond: SVG.points([(qx, mid - 5), (qx + 5, mid), (qx, mid + 5), (qx - 5, mid)]),
                label: GanttChart.Label(x: n(atEnd ? qx - 8 : qx + 8), y: n(mid + 4), text: PageText(skill)),
                anchor: atEnd ? "end" : "start", tip: PageText(when.prefix(1).uppercased() + when.dropFirst()))
            rows.append(row(name: course.id, detail: "for \(person)", y: y, bar: (bx, bw), fill: "#d97706", tip: tip,
                            clip: r, booked: [], qualifies: mark,
                            hours: Format.hours(course.hoursPerPeriod * Double(course.duration)),
                            cost: Format.compactMoney(course.cost)))
        }

        let s = min(max(problem.statusPeriod, 0), periods)
        return View(width: n(width), height: n(rowsBottom + 8),
                    zebra: rows.indices.filter { $0 % 2 == 1 }.map { n(axisHeight + Double($0) * rowHeight) },
                    axis: GanttChart.axis(data, x: x, cell: cell, top: 0, bottom: rowsBottom),
                    hoursX: n(width - infoWidth + 86), costX: n(width - 8), rows: rows,
                    past: s > 0 ? GanttChart.Band(x: n(x(0)), y: "22", width: n(x(s) - x(0)), height: n(rowsBottom - 22)) : nil,
                    hasHires: !hires.isEmpty, hasCourses: !courses.isEmpty, hasPast: s > 0)
    }

    /// What hire instance `p` costs in `data`'s plan: its role's hiring cost and salary from its start.
    static func hireCost(_ data: ReportData, person p: Int) -> Double? {
        guard data.problem.people.indices.contains(p), let slot = data.problem.people[p].hire,
              data.problem.roles.indices.contains(slot.role), let start = data.allocation.hires[p] else { return nil }
        return data.problem.roles[slot.role].cost(start: start)
    }

    /// The display name of person `p` of the scenario (its id for anyone else).
    static func personName(_ data: ReportData, _ p: Int) -> String {
        let people = data.problem.scenario.people
        return people.indices.contains(p) ? people[p].resolvedName
            : data.problem.people.indices.contains(p) ? data.problem.people[p].id : "?"
    }

    private static func row(name: String, detail: String, y: Double, bar: (x: Double, width: Double), fill: String,
                            tip: String, clip: Int, booked: [Filled], qualifies: Qualifies?, hours: String, cost: String) -> Row {
        let n = SVG.number
        return Row(name: PageText.truncated(name, 30), detail: PageText.truncated(detail, 24), textY: n(y + GanttChart.rowHeight / 2 + 4),
                   bar: GanttChart.Box(x: n(bar.x), y: n(y + 8), width: n(bar.width)), fill: fill, tip: PageText(tip),
                   clip: "supply\(clip)", isHire: qualifies == nil, booked: booked, qualifies: qualifies, hours: PageText(hours), cost: PageText(cost))
    }
}

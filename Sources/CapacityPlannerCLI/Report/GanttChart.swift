// The schedule: one row per selected project, its window shaded, its bar from its start to its finish
// (in flight, GanttChart+InFlight.swift adds the past, actuals, due dates and late periods).
import CapacityPlanning
import PortfolioPages

/// Lays out the selected projects as an SVG Gantt chart with their windows and dependencies
/// (`Templates/gantt.mustache`; the period axis is `Templates/axis.mustache`).
enum GanttChart {
    /// The width of the names' column.
    static let labelWidth = 300.0
    /// The width of the value and cost columns.
    static let infoWidth = 190.0
    /// A row's height.
    static let rowHeight = 30.0
    /// The axis's height above the rows.
    static let axisHeight = 44.0
    /// The chart's width at which it fills the page; wider horizons scroll.
    static let baseWidth = 1254.0

    /// A rectangle's position and width (its height is fixed by the template).
    struct Box: Sendable {
        /// Left.
        let x: String
        /// Top.
        let y: String
        /// Width.
        let width: String
    }

    /// A text's position and content.
    struct Label: Sendable {
        /// x.
        let x: String
        /// y.
        let y: String
        /// The text.
        let text: PageText
    }

    /// One selected project's row.
    struct Row: Sendable {
        /// The window it may run in (absent when the window is empty).
        let window: Box?
        /// Where the baseline had it, when elsewhere.
        let baseline: Baseline?
        /// The bar.
        let bar: Box
        /// The bar's colour: violet for mandatory, blue otherwise.
        let fill: String
        /// The bar's tooltip.
        let tip: PageText
        /// The hatched unstaffed share at the bar's end.
        let unstaffedShare: Box?
        /// The periods written inside the bar, when they fit.
        let span: Label?
        /// The project's name (truncated).
        let name: PageText
        /// Whether it is mandatory.
        let mandatory: Bool
        /// The baseline of the row's texts.
        let textY: String
        /// Value and staff cost.
        let value: PageText, cost: PageText
        /// Whether the cost is over the project's budget.
        let overBudget: Bool
        /// Unstaffed hours after the bar.
        let unstaffed: Label?
        /// Actuals, due date and late periods (a portfolio in flight only).
        let flight: RowInFlight?
    }

    /// The baseline's outline with its tooltip.
    struct Baseline: Sendable {
        /// Left.
        let x: String
        /// Top.
        let y: String
        /// Width.
        let width: String
        /// "Baseline: W3–W6 (…)".
        let tip: PageText
    }

    /// The chart.
    struct View: Sendable {
        /// Whether any project is selected.
        let hasRows: Bool
        /// The SVG's size.
        let width: String, height: String
        /// The tops of the shaded (odd) rows.
        let zebra: [String]
        /// The period axis.
        let axis: Axis
        /// The right edges of the value and cost columns.
        let valueX: String, costX: String
        /// The rows.
        let rows: [Row]
        /// Dependency arrows as SVG path data.
        let arrows: [String]
        /// Whether the legend explains arrows.
        let hasDependencies: Bool
        /// Whether the legend explains baseline outlines.
        let hasMoves: Bool
        /// The past and the status line (a portfolio in flight only).
        let flight: InFlight?
    }

    /// The period axis: month headings, period labels and grid lines over a chart area.
    struct Axis: Sendable {
        /// One period's marks.
        struct Period: Sendable {
            /// The grid line at its start.
            let gridLine: GridLine?
            /// The month heading starting here.
            let month: Label?
            /// The period's label, with its full name as a tooltip.
            let period: PeriodLabel?
        }

        /// A vertical grid line.
        struct GridLine: Sendable {
            /// x.
            let x: String
            /// Top.
            let y1: String
            /// `#d1d5db` at a month's start, `#eef0f3` otherwise.
            let stroke: String
        }

        /// A period's label.
        struct PeriodLabel: Sendable {
            /// x (the period's centre).
            let x: String
            /// y.
            let y: String
            /// The full label.
            let tip: PageText
            /// The short label.
            let text: PageText
        }

        /// Each period's marks.
        let periods: [Period]
        /// The bottom of the grid lines.
        let bottom: String
        /// The closing grid line's x and top.
        let endX: String, endTop: String
        /// The rule under the axis: its right end and y.
        let ruleEnd: String, ruleY: String
    }

    /// The chart, its legend, and a scroll container for long horizons.
    static func view(_ data: ReportData) -> View {
        let problem = data.problem
        let periods = problem.periodCount
        let rows = problem.projects.filter { data.allocation.isSelected($0.index) }
            .sorted { a, b in
                let (sa, sb) = (data.allocation.starts[a.index] ?? 0, data.allocation.starts[b.index] ?? 0)
                if sa != sb { return sa < sb }
                if a.mandatory != b.mandatory { return a.mandatory }
                return a.index < b.index
            }

        // Long horizons scroll sideways; past 156 periods the periods get narrower instead.
        let width = max(baseWidth, labelWidth + infoWidth + Double(min(periods, 156)) * 12)
        let chartWidth = width - labelWidth - infoWidth
        let cell = chartWidth / Double(max(1, periods))
        let rowsBottom = axisHeight + Double(rows.count) * rowHeight
        let inFlight = problem.isInFlight
        let height = rowsBottom + 8 + (inFlight ? statusLabelHeight : 0)
        let actuals = inFlight ? Actuals(problem) : nil
        func x(_ t: Int) -> Double { labelWidth + Double(min(max(t, 0), periods)) * cell }
        let n = SVG.number
        let valueX = width - infoWidth + 86, costX = width - 8

        var rowOf: [Int: Int] = [:]
        for (r, info) in rows.enumerated() { rowOf[info.index] = r }
        var arrows: [String] = []
        var views: [Row] = []
        for (r, info) in rows.enumerated() {
            let project = problem.scenario.projects[info.index]
            let kpi = data.kpis.projects[info.index]
            let start = data.allocation.starts[info.index] ?? 0
            let end = data.allocation.finish(of: info.index, in: problem) ?? (start + info.duration - 1)
            let y = axisHeight + Double(r) * rowHeight
            let mid = y + rowHeight / 2
            // Window band.
            let last = project.lastAllowedPeriod(periods: periods)
            var window: Box?
            if last >= project.earliestStart {
                let wx = x(project.earliestStart), ww = x(last + 1) - x(project.earliestStart)
                window = Box(x: n(wx), y: n(y + 5), width: n(ww))
            }
            // Where the baseline (the published plan) had it, when that differs.
            var baseline: Baseline?
            if let span = baselineSpan(problem, info), span.start != start || span.finish != end {
                let (was, wasEnd) = span
                let ox = x(was), ow = max(2, x(wasEnd + 1) - x(was) - 1)
                baseline = Baseline(x: n(ox), y: n(y + 7), width: n(ow),
                                    tip: PageText("Baseline: " + data.labels.range(was, wasEnd)))
            }
            // Bar.
            let bx = x(start), bw = max(2, x(end + 1) - x(start) - 1)
            let unmet = data.plan.projects.first { $0.id == info.id }?.unmetHours ?? 0
            var tip = "\(project.resolvedName): \(data.labels.range(start, end)); window "
                + (last >= project.earliestStart ? data.labels.range(max(0, project.earliestStart), last) : "empty")
                + "; value \(Format.money(info.value)); staff cost \(Format.money(kpi.cost))"
            if let budget = info.budget { tip += " of budget \(Format.money(budget))" }
            tip += "; \(Format.percent(kpi.coverage)) staffed"
            if unmet > 1e-6 { tip += "; \(Format.hours(unmet)) h unstaffed" }
            if let due = info.due {
                let late = info.periodsLate(finish: end)
                tip += "; due \(data.labels.short(due))" + (late > 0 ? ", late by \(Self.periods(late, data.labels))" : ", on time")
            }
            var unstaffedShare: Box?
            if kpi.coverage < 1 - 1e-6, kpi.demandedHours > 0 {
                // The unstaffed share, hatched at the bar's end.
                let uw = bw * min(1, max(0, 1 - kpi.coverage))
                unstaffedShare = Box(x: n(bx + bw - uw), y: n(y + 8), width: n(uw))
            }
            let span = "\(data.labels.short(start))–\(data.labels.short(end))"
            let over = info.budget.map { kpi.cost > $0 + Tolerance.of($0) } ?? false
            let flight = actuals.map {
                rowInFlight(data, info: info, row: r, top: y, start: start, finish: end, bar: (bx, bw), x: x, actuals: $0,
                            limit: width - infoWidth - 4)
            }
            // Unstaffed hours go after the bar, after a "late by" note there.
            var unstaffedX = min(bx + bw + 6, width - infoWidth - 4)
            if let note = flight?.note, note.anchor == "start" {
                unstaffedX = min(unstaffedX + Double(note.text.description.count) * 6.2 + 8, width - infoWidth - 4)
            }
            views.append(Row(
                window: window, baseline: baseline, bar: Box(x: n(bx), y: n(y + 8), width: n(bw)),
                fill: info.mandatory ? "#7c3aed" : "#2563eb", tip: PageText(tip), unstaffedShare: unstaffedShare,
                span: bw > Double(span.count) * 6.5 + 10 ? Label(x: n(bx + 6), y: n(mid + 3.5), text: PageText(span)) : nil,
                name: PageText.truncated(project.resolvedName, info.mandatory ? 34 : 44), mandatory: info.mandatory,
                textY: n(mid + 4), value: PageText(Format.compactMoney(info.value)), cost: PageText(Format.compactMoney(kpi.cost)),
                overBudget: over,
                unstaffed: unmet > 1e-6 ? Label(x: n(unstaffedX), y: n(mid + 4), text: PageText(Format.hours(unmet))) : nil,
                flight: flight))
            // Dependencies: from the end of each selected dependency to this bar's start.
            for dep in info.dependencies {
                guard let dr = rowOf[dep], let ds = data.allocation.starts[dep] else { continue }
                let x1 = x((data.allocation.finish(of: dep, in: problem) ?? (ds + problem.projects[dep].duration - 1)) + 1) - 1, y1 = axisHeight + Double(dr) * rowHeight + rowHeight / 2
                let x2 = bx - 1, y2 = mid
                let bend = max(10, min(30, abs(x2 - x1) / 2))
                arrows.append("M\(n(x1)),\(n(y1)) C\(n(x1 + bend)),\(n(y1)) \(n(x2 - bend)),\(n(y2)) \(n(x2)),\(n(y2))")
            }
        }
        let hasDependencies = rows.contains { !$0.dependencies.isEmpty }
        let hasMoves = views.contains { $0.baseline != nil }
        return View(hasRows: !rows.isEmpty, width: n(width), height: n(height),
                    zebra: rows.indices.filter { $0 % 2 == 1 }.map { n(axisHeight + Double($0) * rowHeight) },
                    axis: axis(data, x: x, cell: cell, top: 0, bottom: rowsBottom),
                    valueX: n(valueX), costX: n(costX), rows: views, arrows: arrows,
                    hasDependencies: hasDependencies, hasMoves: hasMoves,
                    flight: inFlight ? Self.inFlight(data, x: x, rowsBottom: rowsBottom, rows: views.compactMap(\.flight)) : nil)
    }

    /// Month headings, period labels and grid lines over the chart area.
    static func axis(_ data: ReportData, x: (Int) -> Double, cell: Double, top: Double, bottom: Double) -> Axis {
        let periods = data.problem.periodCount
        let n = SVG.number
        let every = max(1, Int((32 / cell).rounded(.up)))
        let hasMonths = (0..<min(periods, 1)).contains { data.labels.monthHeading($0) != nil }
        let marks = (0..<periods).map { t -> Axis.Period in
            let heading = hasMonths ? data.labels.monthHeading(t) : nil
            let strong = heading != nil && t > 0
            var month: Label?
            if let heading {
                let next = (t + 1..<periods).first { data.labels.monthHeading($0) != nil } ?? periods
                let room = Double(next - t) * cell
                let text = room > 90 ? heading : room > 34 ? String(heading.prefix(3)) : ""
                if !text.isEmpty { month = Label(x: n(x(t) + 4), y: n(top + 14), text: PageText(text)) }
            }
            return Axis.Period(
                gridLine: strong || cell >= 4 || t % every == 0
                    ? Axis.GridLine(x: n(x(t)), y1: n(top + (strong ? 4 : 22)), stroke: strong ? "#d1d5db" : "#eef0f3") : nil,
                month: month,
                period: t % every == 0
                    ? Axis.PeriodLabel(x: n(x(t) + cell / 2), y: n(top + 34), tip: PageText(data.labels.label(t)),
                                       text: PageText(data.labels.short(t))) : nil)
        }
        return Axis(periods: marks, bottom: n(bottom), endX: n(x(periods)), endTop: n(top + 22),
                    ruleEnd: n(x(periods) + infoWidth), ruleY: n(top + 40))
    }
}

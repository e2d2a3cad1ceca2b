// The schedule: one row per selected project, its window shaded, its bar at the planned start.
import CapacityPlanning

/// Renders the selected projects as an SVG Gantt chart with their windows and dependencies.
enum GanttChart {
    private static let labelWidth = 300.0
    private static let infoWidth = 190.0
    private static let rowHeight = 30.0
    private static let axisHeight = 44.0
    /// The chart's width at which it fills the page; wider horizons scroll.
    static let baseWidth = 1254.0

    /// The chart, its legend, and a scroll container for long horizons.
    static func render(_ data: ReportData) -> String {
        let problem = data.problem
        let periods = problem.periodCount
        let rows = problem.projects.filter { data.allocation.isSelected($0.index) }
            .sorted { a, b in
                let (sa, sb) = (data.allocation.starts[a.index] ?? 0, data.allocation.starts[b.index] ?? 0)
                if sa != sb { return sa < sb }
                if a.mandatory != b.mandatory { return a.mandatory }
                return a.index < b.index
            }
        guard !rows.isEmpty else { return "<p class=\"empty\">The plan selects no project.</p>" }

        // Long horizons scroll sideways; past 156 periods the periods get narrower instead.
        let width = max(baseWidth, labelWidth + infoWidth + Double(min(periods, 156)) * 12)
        let chartWidth = width - labelWidth - infoWidth
        let cell = chartWidth / Double(max(1, periods))
        let height = axisHeight + Double(rows.count) * rowHeight + 8
        func x(_ t: Int) -> Double { labelWidth + Double(min(max(t, 0), periods)) * cell }

        var svg: [String] = []
        svg.append("""
            <svg viewBox="0 0 \(HTML.num(width)) \(HTML.num(height))" width="\(HTML.num(width))" \
            style="max-width:100%;height:auto" role="img" aria-label="Schedule of the selected projects">
            """)
        // Zebra rows.
        for (r, _) in rows.enumerated() where r % 2 == 1 {
            svg.append("<rect x=\"0\" y=\"\(HTML.num(axisHeight + Double(r) * rowHeight))\" width=\"\(HTML.num(width))\" "
                       + "height=\"\(HTML.num(rowHeight))\" fill=\"#f8f9fb\"/>")
        }
        svg.append(axis(data, x: x, cell: cell, top: 0, bottom: height - 8))
        // Column headings on the right.
        let valueX = width - infoWidth + 86, costX = width - 8
        svg.append("<text class=\"axis\" x=\"\(HTML.num(valueX))\" y=\"34\" text-anchor=\"end\">VALUE</text>")
        svg.append("<text class=\"axis\" x=\"\(HTML.num(costX))\" y=\"34\" text-anchor=\"end\">STAFF COST</text>")

        var rowOf: [Int: Int] = [:]
        for (r, info) in rows.enumerated() { rowOf[info.index] = r }
        var arrows: [String] = []
        for (r, info) in rows.enumerated() {
            let project = problem.scenario.projects[info.index]
            let kpi = data.kpis.projects[info.index]
            let start = data.allocation.starts[info.index] ?? 0
            let end = start + info.duration - 1
            let y = axisHeight + Double(r) * rowHeight
            let mid = y + rowHeight / 2
            // Window band.
            let last = project.lastAllowedPeriod(periods: periods)
            if last >= project.earliestStart {
                let wx = x(project.earliestStart), ww = x(last + 1) - x(project.earliestStart)
                svg.append("<rect x=\"\(HTML.num(wx))\" y=\"\(HTML.num(y + 5))\" width=\"\(HTML.num(ww))\" height=\"\(HTML.num(rowHeight - 10))\" "
                           + "rx=\"3\" fill=\"#e8eefb\" stroke=\"#c7d5f3\" stroke-dasharray=\"3 2\"/>")
            }
            // Where the baseline (the published plan) had it, when that differs.
            if let was = problem.baseline.starts[info.index], was != start {
                let ox = x(was), ow = max(2, x(was + info.duration) - x(was) - 1)
                let baselineTip = "Baseline: " + data.labels.range(was, was + info.duration - 1)
                svg.append("<rect x=\"\(HTML.num(ox))\" y=\"\(HTML.num(y + 7))\" width=\"\(HTML.num(ow))\" "
                           + "height=\"\(HTML.num(rowHeight - 14))\" rx=\"4\" fill=\"none\" stroke=\"#64748b\" "
                           + "stroke-width=\"1.2\" stroke-dasharray=\"4 3\"><title>\(HTML.escape(baselineTip))</title></rect>")
            }
            // Bar.
            let bx = x(start), bw = max(2, x(end + 1) - x(start) - 1)
            let unmet = data.plan.projects.first { $0.id == info.id }?.unmetHours ?? 0
            let fill = info.mandatory ? "#7c3aed" : "#2563eb"
            var tip = "\(project.resolvedName): \(data.labels.range(start, end)); window "
                + (last >= project.earliestStart ? data.labels.range(max(0, project.earliestStart), last) : "empty")
                + "; value \(Format.money(info.value)); staff cost \(Format.money(kpi.cost))"
            if let budget = info.budget { tip += " of budget \(Format.money(budget))" }
            tip += "; \(Format.percent(kpi.coverage)) staffed"
            if unmet > 1e-6 { tip += "; \(Format.hours(unmet)) h unstaffed" }
            svg.append("<g><title>\(HTML.escape(tip))</title>"
                       + "<rect x=\"\(HTML.num(bx))\" y=\"\(HTML.num(y + 8))\" width=\"\(HTML.num(bw))\" height=\"\(HTML.num(rowHeight - 16))\" "
                       + "rx=\"4\" fill=\"\(fill)\"/>")
            if kpi.coverage < 1 - 1e-6, kpi.demandedHours > 0 {
                // The unstaffed share, hatched at the bar's end.
                let uw = bw * min(1, max(0, 1 - kpi.coverage))
                svg.append("<rect x=\"\(HTML.num(bx + bw - uw))\" y=\"\(HTML.num(y + 8))\" width=\"\(HTML.num(uw))\" "
                           + "height=\"\(HTML.num(rowHeight - 16))\" rx=\"4\" fill=\"url(#unmet)\"/>")
            }
            let span = "\(data.labels.short(start))–\(data.labels.short(end))"
            if bw > Double(span.count) * 6.5 + 10 {
                svg.append("<text class=\"inbar\" x=\"\(HTML.num(bx + 6))\" y=\"\(HTML.num(mid + 3.5))\">\(HTML.escape(span))</text>")
            }
            svg.append("</g>")
            // Label.
            let name = HTML.truncate(project.resolvedName, info.mandatory ? 34 : 44)
            var label = "<text class=\"lbl\(info.mandatory ? " m" : "")\" x=\"10\" y=\"\(HTML.num(mid + 4))\">\(HTML.escape(name))"
            if info.mandatory { label += "<tspan fill=\"#7c3aed\" font-size=\"10\" font-weight=\"600\" dx=\"6\">MANDATORY</tspan>" }
            label += "</text>"
            svg.append(label)
            // Value and cost.
            svg.append("<text class=\"val\" x=\"\(HTML.num(valueX))\" y=\"\(HTML.num(mid + 4))\" text-anchor=\"end\" font-weight=\"600\">"
                       + "\(HTML.escape(Format.compactMoney(info.value)))</text>")
            let over = info.budget.map { kpi.cost > $0 + Tolerance.of($0) } ?? false
            svg.append("<text class=\"val\(over ? " warn" : "")\" x=\"\(HTML.num(costX))\" y=\"\(HTML.num(mid + 4))\" text-anchor=\"end\">"
                       + "\(HTML.escape(Format.compactMoney(kpi.cost)))</text>")
            if unmet > 1e-6 {
                svg.append("<text class=\"warn\" x=\"\(HTML.num(min(bx + bw + 6, width - infoWidth - 4)))\" y=\"\(HTML.num(mid + 4))\">"
                           + "\(HTML.escape(Format.hours(unmet))) h unstaffed</text>")
            }
            // Dependencies: from the end of each selected dependency to this bar's start.
            for dep in info.dependencies {
                guard let dr = rowOf[dep], let ds = data.allocation.starts[dep] else { continue }
                let x1 = x(ds + problem.projects[dep].duration) - 1, y1 = axisHeight + Double(dr) * rowHeight + rowHeight / 2
                let x2 = bx - 1, y2 = mid
                let bend = max(10, min(30, abs(x2 - x1) / 2))
                arrows.append("<path d=\"M\(HTML.num(x1)),\(HTML.num(y1)) C\(HTML.num(x1 + bend)),\(HTML.num(y1)) "
                              + "\(HTML.num(x2 - bend)),\(HTML.num(y2)) \(HTML.num(x2)),\(HTML.num(y2))\" fill=\"none\" "
                              + "stroke=\"#9ca3af\" stroke-width=\"1.3\" marker-end=\"url(#arrow)\"/>")
            }
        }
        svg.append(contentsOf: arrows)
        svg.append("</svg>")
        let hasDependencies = rows.contains { !$0.dependencies.isEmpty }
        let hasMoves = rows.contains { info in
            problem.baseline.starts[info.index].map { $0 != data.allocation.starts[info.index] } ?? false
        }
        let legend = """
            <div class="legend"><span><i style="background:#2563eb"></i>planned</span>\
            <span><i style="background:#7c3aed"></i>mandatory</span>\
            <span><i style="background:#e8eefb;border:1px dashed #c7d5f3"></i>window (earliest start … deadline)</span>\
            <span><i style="background:repeating-linear-gradient(135deg,#fecaca 0 3px,#ef4444 3px 5px)"></i>unstaffed share</span>\
            \(hasDependencies ? "<span>→ depends on</span>" : "")\
            \(hasMoves ? "<span><i style=\"border:1.5px dashed #64748b\"></i>where the baseline had it</span>" : "")\
            <span>Value and staff cost in the scenario's money unit.</span></div>
            """
        return "<div class=\"scroll\">\n\(svg.joined(separator: "\n"))\n</div>\n\(legend)\n"
    }

    /// Month headings, period labels and grid lines over the chart area.
    static func axis(_ data: ReportData, x: (Int) -> Double, cell: Double, top: Double, bottom: Double) -> String {
        let periods = data.problem.periodCount
        var out: [String] = []
        let every = max(1, Int((32 / cell).rounded(.up)))
        let hasMonths = (0..<min(periods, 1)).contains { data.labels.monthHeading($0) != nil }
        for t in 0..<periods {
            let heading = hasMonths ? data.labels.monthHeading(t) : nil
            let strong = heading != nil && t > 0
            if strong || cell >= 4 || t % every == 0 { out.append("<line x1=\"\(HTML.num(x(t)))\" x2=\"\(HTML.num(x(t)))\" y1=\"\(HTML.num(top + (strong ? 4 : 22)))\" "
                       + "y2=\"\(HTML.num(bottom))\" stroke=\"\(strong ? "#d1d5db" : "#eef0f3")\"/>") }
            if let heading {
                let next = (t + 1..<periods).first { data.labels.monthHeading($0) != nil } ?? periods
                let room = Double(next - t) * cell
                let text = room > 90 ? heading : room > 34 ? String(heading.prefix(3)) : ""
                if !text.isEmpty {
                    out.append("<text class=\"month\" x=\"\(HTML.num(x(t) + 4))\" y=\"\(HTML.num(top + 14))\">\(HTML.escape(text))</text>")
                }
            }
            if t % every == 0 {
                let tip = data.labels.label(t)
                out.append("<text class=\"axis\" x=\"\(HTML.num(x(t) + cell / 2))\" y=\"\(HTML.num(top + 34))\" text-anchor=\"middle\">"
                           + "<title>\(HTML.escape(tip))</title>\(HTML.escape(data.labels.short(t)))</text>")
            }
        }
        out.append("<line x1=\"\(HTML.num(x(periods)))\" x2=\"\(HTML.num(x(periods)))\" y1=\"\(HTML.num(top + 22))\" "
                   + "y2=\"\(HTML.num(bottom))\" stroke=\"#eef0f3\"/>")
        out.append("<line x1=\"0\" x2=\"\(HTML.num(x(periods) + infoWidth))\" y1=\"\(HTML.num(top + 40))\" y2=\"\(HTML.num(top + 40))\" stroke=\"#e5e7eb\"/>")
        return out.joined(separator: "\n")
    }
}

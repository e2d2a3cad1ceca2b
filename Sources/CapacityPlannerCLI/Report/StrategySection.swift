// Format v2 on the report: system lanes (who changes each shared system when, freezes shaded,
// collisions marked) and the strategy section (points per driver, balance shares against their
// rules, value, strategic value and delay cost per selected project).
import CapacityPlanning

enum SystemLanes {
    private static let labelWidth = 300.0
    private static let rowHeight = 30.0
    private static let axisHeight = 44.0

    /// One lane per system: each period coloured by how many selected projects change it then,
    /// frozen periods hatched, and periods over the limit or changed in a freeze marked red.
    static func render(_ data: ReportData) -> String {
        let problem = data.problem
        guard !problem.systems.isEmpty else { return "" }
        let periods = problem.periodCount
        let width = max(GanttChart.baseWidth, labelWidth + Double(min(periods, 156)) * 12)
        let cell = (width - labelWidth) / Double(max(1, periods))
        let height = axisHeight + Double(problem.systems.count) * rowHeight + 8
        func x(_ t: Int) -> Double { labelWidth + Double(min(max(t, 0), periods)) * cell }
        var svg = ["""
            <svg viewBox="0 0 \(HTML.num(width)) \(HTML.num(height))" width="\(HTML.num(width))" \
            style="max-width:100%;height:auto" role="img" aria-label="Shared systems: projects changing each system per period">
            <defs><pattern id="freeze" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">\
            <rect width="6" height="6" fill="#f1f5f9"/><line x1="0" y1="0" x2="0" y2="6" stroke="#94a3b8" stroke-width="2"/></pattern></defs>
            """]
        svg.append(GanttChart.axis(data, x: x, cell: cell, top: 0, bottom: height - 8))
        for (r, system) in problem.systems.enumerated() {
            let y = axisHeight + Double(r) * rowHeight
            let limit = system.limit.map { "limit \($0)" } ?? "no limit"
            svg.append("<text class=\"lbl\" x=\"8\" y=\"\(HTML.num(y + 19))\">\(HTML.escape(HTML.truncate(system.name, 30)))"
                       + " <tspan class=\"axis\">(\(limit))</tspan></text>")
            for t in 0..<periods {
                let active = system.projects.filter { j in
                    data.allocation.starts[j].map { $0 <= t && t < $0 + problem.projects[j].duration } ?? false
                }
                let frozen = system.isFrozen(t)
                let over = frozen ? !active.isEmpty : system.limit.map { active.count > $0 } ?? false
                guard frozen || !active.isEmpty else { continue }
                let fill = over ? "#dc2626" : frozen ? "url(#freeze)" : active.count > 1 ? "#60a5fa" : "#bfdbfe"
                let names = active.map { problem.projects[$0].id }.joined(separator: ", ")
                var tip = "\(system.name), \(data.labels.label(t)): " + (names.isEmpty ? "no project" : names)
                if frozen { tip += " (frozen)" }
                if over { tip += frozen ? " — work in a freeze" : " — over its limit" }
                svg.append("<rect x=\"\(HTML.num(x(t) + 0.5))\" y=\"\(HTML.num(y + 5))\" width=\"\(HTML.num(max(1, cell - 1)))\" "
                           + "height=\"\(HTML.num(rowHeight - 10))\" fill=\"\(fill)\"\(over ? " class=\"collision\"" : "")>"
                           + "<title>\(HTML.escape(tip))</title></rect>")
                if !active.isEmpty, cell >= 12 {
                    svg.append("<text class=\"axis\" x=\"\(HTML.num(x(t) + cell / 2))\" y=\"\(HTML.num(y + 19))\" "
                               + "text-anchor=\"middle\" fill=\"\(over ? "#fff" : "#1e3a8a")\">\(active.count)</text>")
                }
            }
        }
        svg.append("</svg>")
        return "<div class=\"scroll\">" + svg.joined(separator: "\n") + "</div>"
            + "<p class=\"legend\">Number: projects changing the system in that period. Hatched: a change freeze. "
            + "Red: over the system's limit, or work in a freeze.</p>"
    }
}

enum StrategySection {
    /// Points and value per driver, balance shares against their rules, and each selected project's
    /// value, strategic value and delay cost.
    static func render(_ data: ReportData) -> String {
        let problem = data.problem
        let summary = StrategySummary(allocation: data.allocation, problem: problem)
        var html = ""
        if !summary.drivers.isEmpty {
            let most = summary.drivers.map(\.value).max() ?? 0
            html += "<table class=\"list\"><thead><tr><th>Driver</th><th class=\"num\">Weight</th><th class=\"num\">Points</th>"
                + "<th class=\"num\">Value</th><th></th></tr></thead><tbody>"
            for driver in summary.drivers {
                let bar = most > 0 ? driver.value / most * 100 : 0
                html += "<tr><td>\(HTML.escape(driver.name))</td><td class=\"num\">\(Format.decimal(driver.weight, digits: 2, trimmingZeros: true))</td>"
                    + "<td class=\"num\">\(driver.points)</td><td class=\"num\">\(Format.money(driver.value))</td>"
                    + "<td><div class=\"bar\" style=\"width:\(HTML.num(bar))%\"></div></td></tr>"
            }
            html += "</tbody></table>"
        }
        if !summary.balance.isEmpty {
            html += "<table class=\"list\"><thead><tr><th>Balance group</th><th>Measure</th><th class=\"num\">Share</th>"
                + "<th class=\"num\">Rule</th><th>Holds</th></tr></thead><tbody>"
            for share in summary.balance {
                html += "<tr\(share.holds ? "" : " class=\"broken\"")><td>\(HTML.escape("\(share.tag) = \(share.value)"))</td>"
                    + "<td>\(share.measure)</td><td class=\"num\">\(Format.percent(share.share, decimals: 1))</td>"
                    + "<td class=\"num\">\(Format.percent(share.minShare))–\(Format.percent(share.maxShare))</td>"
                    + "<td>\(share.holds ? "yes" : "<strong>no</strong>")</td></tr>"
            }
            html += "</tbody></table>"
        }
        html += "<table class=\"list\"><thead><tr><th>Project</th><th class=\"num\">Value</th><th class=\"num\">Strategic value</th>"
            + "<th class=\"num\">Starts</th><th class=\"num\">Delay cost</th></tr></thead><tbody>"
        for info in problem.projects {
            guard let start = data.allocation.starts[info.index] else { continue }
            let delay = info.costOfDelay * Double(start - info.earliestStart)
            html += "<tr><td>\(HTML.escape(problem.scenario.projects[info.index].resolvedName))</td>"
                + "<td class=\"num\">\(Format.money(info.value))</td><td class=\"num\">\(Format.money(info.strategicValue))</td>"
                + "<td class=\"num\">\(HTML.escape(data.labels.short(start)))</td><td class=\"num\">\(Format.money(delay))</td></tr>"
        }
        html += "</tbody></table>"
        html += "<p class=\"legend\">Strategic value \(Format.money(summary.strategicValue)); delay cost "
            + "\(Format.money(summary.delayCost)) (each project's cost of delay × the periods it starts after its earliest start).</p>"
        return html
    }
}

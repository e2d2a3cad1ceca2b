// Small multiples: for each skill, demanded hours against the hours of people who have it.
import CapacityPlanning

/// Renders one small SVG chart per skill: supply as a shaded area, demand as bars
/// (staffed in blue, unstaffed hatched red).
enum SkillCharts {
    private static let width = 400.0
    private static let height = 150.0
    private static let left = 40.0
    private static let bottom = 20.0
    private static let top = 8.0

    /// The grid of charts with a legend.
    static func render(_ data: ReportData) -> String {
        guard !data.skills.isEmpty else { return "<p class=\"empty\">No skills are demanded or held.</p>" }
        var out = ["<div class=\"skills\">"]
        for series in data.skills { out.append(chart(series, data)) }
        out.append("</div>")
        out.append("""
            <div class="legend"><span><i style="background:#dfe4ea;border-top:2px solid #94a3b8"></i>usable hours of people with the skill</span>\
            <span><i style="background:#3b82f6"></i>demand staffed</span>\
            <span><i style="background:repeating-linear-gradient(135deg,#fecaca 0 3px,#ef4444 3px 5px)"></i>demand unstaffed</span></div>
            """)
        return out.joined(separator: "\n")
    }

    /// A rounded-up axis maximum: 1, 2, 2.5 or 5 times a power of ten.
    static func niceCeiling(_ value: Double) -> Double {
        guard value.isFinite, value > 0 else { return 1 }
        let power = pow10(Int((log10Approx(value)).rounded(.down)))
        for step in [1.0, 2.0, 2.5, 5.0, 10.0] where step * power >= value { return step * power }
        return 10 * power
    }

    private static func pow10(_ n: Int) -> Double {
        var x = 1.0
        if n >= 0 { for _ in 0..<min(n, 300) { x *= 10 } } else { for _ in 0..<min(-n, 300) { x /= 10 } }
        return x
    }

    private static func log10Approx(_ value: Double) -> Double {
        var n = 0.0, v = value
        while v >= 10 { v /= 10; n += 1 }
        while v < 1 { v *= 10; n -= 1 }
        return n
    }

    private static func chart(_ series: ReportData.SkillSeries, _ data: ReportData) -> String {
        let columns = data.columns
        func average(_ values: [Double], _ c: Range<Int>) -> Double {
            c.reduce(0.0) { $0 + (values.indices.contains($1) ? values[$1] : 0) } / Double(max(1, c.count))
        }
        let demanded = columns.map { average(series.demanded, $0) }
        let booked = columns.map { average(series.booked, $0) }
        let supply = columns.map { average(series.supply, $0) }
        let maxValue = niceCeiling(max(demanded.max() ?? 0, supply.max() ?? 0) * 1.05)
        let plotWidth = width - left - 6, plotHeight = height - top - bottom
        let step = plotWidth / Double(max(1, columns.count))
        func y(_ v: Double) -> Double { top + plotHeight - min(1, max(0, v / maxValue)) * plotHeight }

        var svg = ["<svg viewBox=\"0 0 \(HTML.num(width)) \(HTML.num(height))\" width=\"100%\" role=\"img\" "
                   + "aria-label=\"\(HTML.escape("Demand and supply of \(series.skill)"))\">"]
        // Grid and y labels.
        for k in 0...2 {
            let v = maxValue * Double(k) / 2
            svg.append("<line x1=\"\(HTML.num(left))\" x2=\"\(HTML.num(width - 6))\" y1=\"\(HTML.num(y(v)))\" y2=\"\(HTML.num(y(v)))\" "
                       + "stroke=\"#eef0f3\"/><text class=\"axis\" x=\"\(HTML.num(left - 5))\" y=\"\(HTML.num(y(v) + 3.5))\" "
                       + "text-anchor=\"end\">\(HTML.escape(Format.hours(v)))</text>")
        }
        // Supply as a step area.
        var path = "M\(HTML.num(left)),\(HTML.num(y(0)))"
        var line = ""
        for (c, s) in supply.enumerated() {
            let x0 = left + Double(c) * step, x1 = x0 + step
            path += " L\(HTML.num(x0)),\(HTML.num(y(s))) L\(HTML.num(x1)),\(HTML.num(y(s)))"
            line += (c == 0 ? "M" : " L") + "\(HTML.num(x0)),\(HTML.num(y(s))) L\(HTML.num(x1)),\(HTML.num(y(s)))"
        }
        path += " L\(HTML.num(left + Double(supply.count) * step)),\(HTML.num(y(0))) Z"
        svg.append("<path d=\"\(path)\" fill=\"#dfe4ea\" opacity=\"0.8\"/>")
        svg.append("<path d=\"\(line)\" fill=\"none\" stroke=\"#94a3b8\" stroke-width=\"1.5\"/>")
        // Demand bars.
        let gap = step > 6 ? max(1, step * 0.18) : 0
        for c in columns.indices where demanded[c] > 0 {
            let x0 = left + Double(c) * step + gap / 2, w = max(0.5, step - gap)
            let staffed = min(booked[c], demanded[c])
            let tip = "\(series.skill) · \(columns[c].count == 1 ? data.labels.label(columns[c].lowerBound) : data.labels.range(columns[c].lowerBound, columns[c].upperBound - 1)): "
                + "\(Format.hours(demanded[c])) h demanded, \(Format.hours(staffed)) h staffed, \(Format.hours(supply[c])) h usable"
            svg.append("<g><title>\(HTML.escape(tip))</title>")
            svg.append("<rect x=\"\(HTML.num(x0))\" y=\"\(HTML.num(y(staffed)))\" width=\"\(HTML.num(w))\" "
                       + "height=\"\(HTML.num(y(0) - y(staffed)))\" fill=\"#3b82f6\"/>")
            if demanded[c] - staffed > 1e-6 {
                svg.append("<rect x=\"\(HTML.num(x0))\" y=\"\(HTML.num(y(demanded[c])))\" width=\"\(HTML.num(w))\" "
                           + "height=\"\(HTML.num(y(staffed) - y(demanded[c])))\" fill=\"url(#unmet)\"/>")
            }
            svg.append("</g>")
        }
        // X labels: first, middle, last.
        let marks = Array(Set([0, columns.count / 2, columns.count - 1])).filter { $0 >= 0 }.sorted()
        for c in marks where columns.indices.contains(c) {
            let anchor = c == 0 ? "start" : c == columns.count - 1 ? "end" : "middle"
            let x = c == 0 ? left : c == columns.count - 1 ? left + Double(columns.count) * step : left + (Double(c) + 0.5) * step
            svg.append("<text class=\"axis\" x=\"\(HTML.num(x))\" y=\"\(HTML.num(height - 5))\" text-anchor=\"\(anchor)\">"
                       + "\(HTML.escape(data.labels.label(columns[c].lowerBound)))</text>")
        }
        svg.append("</svg>")

        let peak = series.peakLoad
        let totalDemand = series.demanded.reduce(0, +)
        var facts = "\(series.people) \(series.people == 1 ? "person" : "people") · \(Format.hours(totalDemand)) h demanded"
        var hot = ""
        if totalDemand > 0 {
            if peak.isInfinite {
                hot = "<span class=\"hot\">nobody has it</span>"
            } else {
                facts += " · peak \(Format.percent(peak)) of supply"
                if peak >= 0.85 { hot = "<span class=\"hot\">bottleneck</span>" }
            }
        }
        return """
            <div class="skill"><h3>\(HTML.escape(series.skill))\(hot)</h3><p class="facts">\(HTML.escape(facts))</p>
            \(svg.joined(separator: ""))</div>
            """
    }
}

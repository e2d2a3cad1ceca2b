// Small multiples: for each skill, demanded hours against the hours of people who have it.
import CapacityPlanning
import PortfolioPages

/// Lays out one small SVG chart per skill (`Templates/skills.mustache`): supply as a shaded area,
/// demand as bars (staffed in blue, unstaffed hatched red).
enum SkillCharts {
    private static let width = 400.0
    private static let height = 150.0
    private static let left = 40.0
    private static let bottom = 20.0
    private static let top = 8.0

    /// The grid of charts with a legend.
    struct View: Sendable {
        /// A horizontal grid line with its hours label.
        struct GridLine: Sendable {
            /// The line's y, and the label's.
            let y: String, labelY: String
            /// Hours.
            let label: PageText
        }

        /// One column's demand bar.
        struct Bar: Sendable {
            /// Demanded, staffed and usable hours.
            let tip: PageText
            /// Left and width.
            let x: String, width: String
            /// The staffed part's top and height.
            let staffedY: String, staffedHeight: String
            /// The unstaffed part above it, hatched.
            let unmet: Unmet?
        }

        /// The unstaffed part of a bar.
        struct Unmet: Sendable {
            /// Top and height.
            let y: String, height: String
        }

        /// A period label under the x axis.
        struct Mark: Sendable {
            /// x.
            let x: String
            /// `start`, `middle` or `end`.
            let anchor: String
            /// The period's label.
            let label: PageText
        }

        /// One skill's chart.
        struct Chart: Sendable {
            /// The skill.
            let skill: PageText
            /// `nobody has it` or `bottleneck`.
            let hot: String?
            /// People, demand and peak load.
            let facts: PageText
            /// Grid lines at 0, half and the top.
            let grid: [GridLine]
            /// The supply as a closed step area, and its outline (SVG path data).
            let area: String, outline: String
            /// Demand bars, for the columns with demand.
            let bars: [Bar]
            /// First, middle and last period labels.
            let marks: [Mark]
        }

        /// Whether any skill is demanded or held.
        let hasSkills: Bool
        /// One chart per skill, busiest first.
        let charts: [Chart]
    }

    /// The charts' layout.
    static func view(_ data: ReportData) -> View {
        View(hasSkills: !data.skills.isEmpty, charts: data.skills.map { chart($0, data) })
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

    private static func chart(_ series: ReportData.SkillSeries, _ data: ReportData) -> View.Chart {
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
        let n = SVG.number

        // Grid and y labels.
        let grid = (0...2).map { k -> View.GridLine in
            let v = maxValue * Double(k) / 2
            return View.GridLine(y: n(y(v)), labelY: n(y(v) + 3.5), label: PageText(Format.hours(v)))
        }
        // Supply as a step area.
        var path = "M\(n(left)),\(n(y(0)))"
        var line = ""
        for (c, s) in supply.enumerated() {
            let x0 = left + Double(c) * step, x1 = x0 + step
            path += " L\(n(x0)),\(n(y(s))) L\(n(x1)),\(n(y(s)))"
            line += (c == 0 ? "M" : " L") + "\(n(x0)),\(n(y(s))) L\(n(x1)),\(n(y(s)))"
        }
        path += " L\(n(left + Double(supply.count) * step)),\(n(y(0))) Z"
        // Demand bars.
        let gap = step > 6 ? max(1, step * 0.18) : 0
        let bars = columns.indices.filter { demanded[$0] > 0 }.map { c -> View.Bar in
            let x0 = left + Double(c) * step + gap / 2, w = max(0.5, step - gap)
            let staffed = min(booked[c], demanded[c])
            let tip = "\(series.skill) · \(columns[c].count == 1 ? data.labels.label(columns[c].lowerBound) : data.labels.range(columns[c].lowerBound, columns[c].upperBound - 1)): "
                + "\(Format.hours(demanded[c])) h demanded, \(Format.hours(staffed)) h staffed, \(Format.hours(supply[c])) h usable"
            return View.Bar(tip: PageText(tip), x: n(x0), width: n(w), staffedY: n(y(staffed)), staffedHeight: n(y(0) - y(staffed)),
                            unmet: demanded[c] - staffed > 1e-6
                                ? View.Unmet(y: n(y(demanded[c])), height: n(y(staffed) - y(demanded[c]))) : nil)
        }
        // X labels: first, middle, last.
        let marks = Array(Set([0, columns.count / 2, columns.count - 1])).filter { $0 >= 0 }.sorted()
            .filter { columns.indices.contains($0) }.map { c -> View.Mark in
                let anchor = c == 0 ? "start" : c == columns.count - 1 ? "end" : "middle"
                let x = c == 0 ? left : c == columns.count - 1 ? left + Double(columns.count) * step : left + (Double(c) + 0.5) * step
                return View.Mark(x: n(x), anchor: anchor, label: PageText(data.labels.label(columns[c].lowerBound)))
            }

        let peak = series.peakLoad
        let totalDemand = series.demanded.reduce(0, +)
        var facts = "\(series.people) \(series.people == 1 ? "person" : "people") · \(Format.hours(totalDemand)) h demanded"
        var hot: String?
        if totalDemand > 0 {
            if peak.isInfinite {
                hot = "nobody has it"
            } else {
                facts += " · peak \(Format.percent(peak)) of supply"
                if peak >= 0.85 { hot = "bottleneck" }
            }
        }
        return View.Chart(skill: PageText(series.skill), hot: hot, facts: PageText(facts), grid: grid, area: path, outline: line,
                          bars: bars, marks: marks)
    }
}

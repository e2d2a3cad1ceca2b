// Hand-written SVG charts: log-scale x (problem size), one series per planner.
import Foundation

/// The shape drawn at each point of a series.
enum Marker: Sendable {
    /// A circle.
    case circle
    /// A square.
    case square
    /// A triangle pointing up.
    case triangle
    /// A diamond.
    case diamond
}

/// One point of a series.
struct ChartPoint: Sendable {
    /// Problem size (log scale).
    var x: Double
    /// The measured value.
    var y: Double
    /// Drawn hollow (e.g. not proven optimal).
    var hollow: Bool = false
    /// Points with the same group are averaged into one vertex of the series' line (a rung).
    var group: String
}

/// A named series of points.
struct ChartSeries: Sendable {
    /// Legend text.
    var name: String
    /// Stroke and fill colour.
    var color: String
    /// Point shape.
    var marker: Marker
    /// Whether the line is dashed.
    var dashed: Bool = false
    /// The points.
    var points: [ChartPoint]
}

/// A chart with a log-scale x axis and a log or linear y axis, rendered as standalone SVG.
struct Chart: Sendable {
    /// The title above the plot.
    var title: String
    /// A second, smaller line under the title.
    var subtitle: String
    /// The x axis label.
    var xLabel: String
    /// The y axis label.
    var yLabel: String
    /// Log scale on y (otherwise linear from 0).
    var yLog: Bool
    /// Formats a y tick value.
    var yFormat: @Sendable (Double) -> String
    /// The series.
    var series: [ChartSeries]
    /// Dashed horizontal reference lines with a label (e.g. the time limit).
    var references: [(y: Double, label: String)] = []
    /// A note under the legend.
    var legendNote: String?

    private let width = 880.0
    private let height = 500.0
    private let left = 84.0
    private let right = 210.0
    private let top = 70.0
    private let bottom = 64.0

    /// Creates a chart.
    init(title: String, subtitle: String, xLabel: String, yLabel: String, yLog: Bool,
         yFormat: @escaping @Sendable (Double) -> String, series: [ChartSeries],
         references: [(y: Double, label: String)] = [], legendNote: String? = nil) {
        self.title = title
        self.subtitle = subtitle
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.yLog = yLog
        self.yFormat = yFormat
        self.series = series
        self.references = references
        self.legendNote = legendNote
    }

    /// The chart as an SVG document.
    func svg() -> String {
        let points = series.flatMap(\.points).filter { $0.x > 0 && $0.x.isFinite && $0.y.isFinite && (!yLog || $0.y > 0) }
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        var out = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(f(width))" height="\(f(height))" viewBox="0 0 \(f(width)) \(f(height))" font-family="Helvetica, Arial, sans-serif" font-size="12">
        <rect width="100%" height="100%" fill="#ffffff"/>
        <text x="\(f(left))" y="28" font-size="17" font-weight="bold" fill="#222">\(escape(title))</text>
        <text x="\(f(left))" y="48" font-size="12" fill="#555">\(escape(subtitle))</text>

        """
        guard !points.isEmpty else {
            out += "<text x=\"\(f(left))\" y=\"\(f(top + 40))\" fill=\"#555\">no data</text>\n</svg>\n"
            return out
        }

        // x: whole decades around the data.
        let xs = points.map(\.x)
        let xMinDecade = floor(log10(xs.min() ?? 1))
        var xMaxDecade = ceil(log10(xs.max() ?? 10))
        if xMaxDecade <= xMinDecade { xMaxDecade = xMinDecade + 1 }
        let xScale = { (x: Double) -> Double in
            left + (log10(x) - xMinDecade) / (xMaxDecade - xMinDecade) * plotWidth
        }

        // y: whole decades (log) or nice steps from 0 (linear), references included.
        let ys = points.map(\.y) + references.map(\.y).filter { !yLog || $0 > 0 }
        var yTicks: [Double] = []
        var yMinorTicks: [Double] = []
        let yScale: (Double) -> Double
        if yLog {
            let lo = floor(log10(ys.min() ?? 1))
            let top = log10(ys.max() ?? 10)
            var hi = ceil(top)
            if hi - top < 0.25 { hi += 1 } // room above the highest point and its label
            if hi <= lo { hi = lo + 1 }
            yTicks = stride(from: lo, through: hi, by: 1).map { pow(10, $0) }
            for d in stride(from: lo, to: hi, by: 1) { for m in 2...9 { yMinorTicks.append(Double(m) * pow(10, d)) } }
            yScale = { y in self.top + plotHeight - (log10(y) - lo) / (hi - lo) * plotHeight }
        } else {
            let maxY = max(ys.max() ?? 1, 1e-9)
            let step = niceStep(maxY / 5)
            let top = ceil(maxY / step) * step
            yTicks = stride(from: 0, through: top + step / 2, by: step).map { $0 }
            yScale = { y in self.top + plotHeight - y / top * plotHeight }
        }

        // Grid, ticks and labels.
        out += "<g stroke=\"#eeeeee\" stroke-width=\"1\">\n"
        for d in stride(from: xMinDecade, to: xMaxDecade, by: 1) {
            for m in 2...9 {
                let x = xScale(Double(m) * pow(10, d))
                out += "<line x1=\"\(f(x))\" y1=\"\(f(top))\" x2=\"\(f(x))\" y2=\"\(f(top + plotHeight))\"/>\n"
            }
        }
        for y in yMinorTicks {
            let py = yScale(y)
            out += "<line x1=\"\(f(left))\" y1=\"\(f(py))\" x2=\"\(f(left + plotWidth))\" y2=\"\(f(py))\"/>\n"
        }
        out += "</g>\n<g stroke=\"#d0d0d0\" stroke-width=\"1\">\n"
        for d in stride(from: xMinDecade, through: xMaxDecade, by: 1) {
            let x = xScale(pow(10, d))
            out += "<line x1=\"\(f(x))\" y1=\"\(f(top))\" x2=\"\(f(x))\" y2=\"\(f(top + plotHeight))\"/>\n"
        }
        for y in yTicks {
            let py = yScale(y)
            out += "<line x1=\"\(f(left))\" y1=\"\(f(py))\" x2=\"\(f(left + plotWidth))\" y2=\"\(f(py))\"/>\n"
        }
        out += "</g>\n"
        out += "<rect x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(plotWidth))\" height=\"\(f(plotHeight))\" fill=\"none\" stroke=\"#444\" stroke-width=\"1\"/>\n"
        out += "<g fill=\"#333\" font-size=\"12\">\n"
        for d in stride(from: xMinDecade, through: xMaxDecade, by: 1) {
            let x = xScale(pow(10, d))
            out += "<line x1=\"\(f(x))\" y1=\"\(f(top + plotHeight))\" x2=\"\(f(x))\" y2=\"\(f(top + plotHeight + 5))\" stroke=\"#444\"/>\n"
            out += "<text x=\"\(f(x))\" y=\"\(f(top + plotHeight + 19))\" text-anchor=\"middle\">\(escape(countLabel(pow(10, d))))</text>\n"
        }
        for y in yTicks {
            let py = yScale(y)
            out += "<line x1=\"\(f(left - 5))\" y1=\"\(f(py))\" x2=\"\(f(left))\" y2=\"\(f(py))\" stroke=\"#444\"/>\n"
            out += "<text x=\"\(f(left - 8))\" y=\"\(f(py + 4))\" text-anchor=\"end\">\(escape(yFormat(y)))</text>\n"
        }
        out += "</g>\n"
        out += "<text x=\"\(f(left + plotWidth / 2))\" y=\"\(f(height - 18))\" text-anchor=\"middle\" font-size=\"13\" fill=\"#222\">\(escape(xLabel))</text>\n"
        out += "<text transform=\"translate(20 \(f(top + plotHeight / 2))) rotate(-90)\" text-anchor=\"middle\" font-size=\"13\" fill=\"#222\">\(escape(yLabel))</text>\n"

        // Reference lines.
        for reference in references where !yLog || reference.y > 0 {
            let py = yScale(reference.y)
            out += "<line x1=\"\(f(left))\" y1=\"\(f(py))\" x2=\"\(f(left + plotWidth))\" y2=\"\(f(py))\" stroke=\"#888\" stroke-width=\"1.2\" stroke-dasharray=\"6 4\"/>\n"
            out += "<text x=\"\(f(left + 6))\" y=\"\(f(py - 5))\" fill=\"#666\" font-size=\"11\">\(escape(reference.label))</text>\n"
        }

        // Series: a line through each rung's mean, and every point.
        for s in series {
            let valid = s.points.filter { $0.x > 0 && $0.x.isFinite && $0.y.isFinite && (!yLog || $0.y > 0) }
            guard !valid.isEmpty else { continue }
            var groups: [String: [ChartPoint]] = [:]
            var order: [String] = []
            for p in valid {
                if groups[p.group] == nil { order.append(p.group) }
                groups[p.group, default: []].append(p)
            }
            let vertices = order.compactMap { key -> (Double, Double)? in
                guard let members = groups[key], !members.isEmpty else { return nil }
                let x = pow(10, members.map { log10($0.x) }.reduce(0, +) / Double(members.count))
                let y = yLog ? pow(10, members.map { log10($0.y) }.reduce(0, +) / Double(members.count))
                             : members.map(\.y).reduce(0, +) / Double(members.count)
                return (x, y)
            }.sorted { $0.0 < $1.0 }
            if vertices.count > 1 {
                let path = vertices.map { "\(f(xScale($0.0))),\(f(yScale($0.1)))" }.joined(separator: " ")
                out += "<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(s.color)\" stroke-width=\"1.8\" stroke-opacity=\"0.85\"\(s.dashed ? " stroke-dasharray=\"5 3\"" : "")/>\n"
            }
            for p in valid {
                out += marker(s.marker, x: xScale(p.x), y: yScale(p.y), color: s.color, hollow: p.hollow) + "\n"
            }
        }

        // Legend, to the right of the plot.
        let lx = left + plotWidth + 18
        var ly = top + 8
        out += "<g font-size=\"12\" fill=\"#222\">\n"
        for s in series {
            out += "<line x1=\"\(f(lx))\" y1=\"\(f(ly))\" x2=\"\(f(lx + 26))\" y2=\"\(f(ly))\" stroke=\"\(s.color)\" stroke-width=\"1.8\"\(s.dashed ? " stroke-dasharray=\"5 3\"" : "")/>\n"
            out += marker(s.marker, x: lx + 13, y: ly, color: s.color, hollow: false) + "\n"
            out += "<text x=\"\(f(lx + 34))\" y=\"\(f(ly + 4))\">\(escape(s.name))</text>\n"
            ly += 22
        }
        if let legendNote {
            ly += 6
            for line in legendNote.split(separator: "\n") {
                out += "<text x=\"\(f(lx))\" y=\"\(f(ly))\" font-size=\"11\" fill=\"#555\">\(escape(String(line)))</text>\n"
                ly += 15
            }
        }
        out += "</g>\n</svg>\n"
        return out
    }

    private func marker(_ shape: Marker, x: Double, y: Double, color: String, hollow: Bool) -> String {
        let fill = hollow ? "#ffffff" : color
        let style = "fill=\"\(fill)\" stroke=\"\(color)\" stroke-width=\"1.5\""
        switch shape {
        case .circle:
            return "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"4.2\" \(style)/>"
        case .square:
            return "<rect x=\"\(f(x - 3.8))\" y=\"\(f(y - 3.8))\" width=\"7.6\" height=\"7.6\" \(style)/>"
        case .triangle:
            return "<polygon points=\"\(f(x)),\(f(y - 5)) \(f(x + 4.6)),\(f(y + 3.4)) \(f(x - 4.6)),\(f(y + 3.4))\" \(style)/>"
        case .diamond:
            return "<polygon points=\"\(f(x)),\(f(y - 5)) \(f(x + 5)),\(f(y)) \(f(x)),\(f(y + 5)) \(f(x - 5)),\(f(y))\" \(style)/>"
        }
    }
}

/// A coordinate with one decimal.
private func f(_ value: Double) -> String { String(format: "%.1f", value) }

/// Escapes text for SVG.
private func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: ">", with: "&gt;")
}

/// 1, 2 or 5 times a power of ten, at least `raw`.
private func niceStep(_ raw: Double) -> Double {
    let power = pow(10, floor(log10(raw)))
    for m in [1.0, 2, 5, 10] where m * power >= raw { return m * power }
    return 10 * power
}

/// A power of ten as `100`, `1k`, `10k`, `1M`.
func countLabel(_ value: Double) -> String {
    switch value {
    case 1e9...: return "\(Int((value / 1e9).rounded()))G"
    case 1e6...: return "\(Int((value / 1e6).rounded()))M"
    case 1e3...: return "\(Int((value / 1e3).rounded()))k"
    case 1...: return "\(Int(value.rounded()))"
    default: return String(format: "%g", value)
    }
}

/// A seconds tick: `1 ms`, `0.1 s`, `10 s`.
func secondsTick(_ value: Double) -> String {
    if value < 1e-3 { return String(format: "%g µs", value * 1e6) }
    if value < 0.1 { return String(format: "%g ms", value * 1e3) }
    return String(format: "%g s", value)
}

/// A gap tick in percent: `0 %`, `2 %`, `0.5 %`.
func percentTick(_ value: Double) -> String {
    String(format: "%g %%", value * 100)
}

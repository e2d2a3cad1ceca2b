// SVG charts: log-scale x (problem size), one series per planner, laid out here and drawn by
// Templates/chart.mustache.
import Foundation
import PortfolioPages

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

/// A chart with a log-scale x axis and a log or linear y axis, rendered as a standalone SVG document.
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

    /// The chart as an SVG document (`Templates/chart.mustache`).
    ///
    /// - Throws: `PageTemplateError` if the bundled templates are broken (a test renders every chart kind).
    func svg() throws(PageTemplateError) -> String {
        try BenchTemplates.loaded.get().render(view(), with: "chart")
    }

    /// The chart laid out: scales, ticks, grid, series and legend, every coordinate an SVG number.
    func view() -> ChartView {
        let points = series.flatMap(\.points).filter { $0.x > 0 && $0.x.isFinite && $0.y.isFinite && (!yLog || $0.y > 0) }
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        var view = ChartView(width: n(width), height: n(height),
                             title: label(left, 28, title), subtitle: label(left, 48, subtitle),
                             plot: nil, empty: label(left, top + 40, "no data"))
        guard !points.isEmpty else { return view }

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
        let decades = Array(stride(from: xMinDecade, through: xMaxDecade, by: 1))
        func vertical(_ x: Double) -> ChartView.Segment { segment(x, top, x, top + plotHeight) }
        func horizontal(_ y: Double) -> ChartView.Segment { segment(left, y, left + plotWidth, y) }

        // Grid, ticks and labels.
        let minorX = decades.dropLast().flatMap { d in (2...9).map { m in vertical(xScale(Double(m) * pow(10, d))) } }
        let minorY = yMinorTicks.map { horizontal(yScale($0)) }
        let majorX = decades.map { vertical(xScale(pow(10, $0))) }
        let majorY = yTicks.map { horizontal(yScale($0)) }
        let xTicks = decades.map { d -> ChartView.Tick in
            let x = xScale(pow(10, d))
            return ChartView.Tick(mark: segment(x, top + plotHeight, x, top + plotHeight + 5),
                                  label: label(x, top + plotHeight + 19, countLabel(pow(10, d))))
        }
        let yTickViews = yTicks.map { y -> ChartView.Tick in
            let py = yScale(y)
            return ChartView.Tick(mark: segment(left - 5, py, left, py), label: label(left - 8, py + 4, yFormat(y)))
        }
        let referenceViews = references.filter { !yLog || $0.y > 0 }.map { reference -> ChartView.Reference in
            let py = yScale(reference.y)
            return ChartView.Reference(line: horizontal(py), label: label(left + 6, py - 5, reference.label))
        }

        // Series: a line through each rung's mean, and every point.
        var seriesViews: [ChartView.Series] = []
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
            seriesViews.append(ChartView.Series(
                polyline: vertices.count > 1 ? SVG.points(vertices.map { (xScale($0.0), yScale($0.1)) }) : nil,
                color: s.color, dashed: s.dashed,
                markers: valid.map { marker(s.marker, x: xScale($0.x), y: yScale($0.y), color: s.color, hollow: $0.hollow) }))
        }

        // Legend, to the right of the plot.
        let lx = left + plotWidth + 18
        var ly = top + 8
        var legend: [ChartView.LegendEntry] = []
        for s in series {
            legend.append(ChartView.LegendEntry(sample: segment(lx, ly, lx + 26, ly), color: s.color, dashed: s.dashed,
                                                marker: marker(s.marker, x: lx + 13, y: ly, color: s.color, hollow: false),
                                                name: label(lx + 34, ly + 4, s.name)))
            ly += 22
        }
        var notes: [ChartView.Label] = []
        if let legendNote {
            ly += 6
            for line in legendNote.split(separator: "\n") {
                notes.append(label(lx, ly, String(line)))
                ly += 15
            }
        }

        view.plot = ChartView.Plot(
            minorGrid: minorX + minorY, majorGrid: majorX + majorY,
            frame: ChartView.Frame(x: n(left), y: n(top), width: n(plotWidth), height: n(plotHeight)),
            xTicks: xTicks, yTicks: yTickViews,
            xTitle: label(left + plotWidth / 2, height - 18, xLabel),
            yTitle: PageText(yLabel), yTitleCentre: n(top + plotHeight / 2),
            references: referenceViews, series: seriesViews, legend: legend, notes: notes)
        return view
    }

    private func marker(_ shape: Marker, x: Double, y: Double, color: String, hollow: Bool) -> ChartView.MarkerShape {
        var view = ChartView.MarkerShape(fill: hollow ? "#ffffff" : color, stroke: color)
        switch shape {
        case .circle:
            view.circle = ChartView.MarkerShape.Circle(cx: n(x), cy: n(y))
        case .square:
            view.square = ChartView.MarkerShape.Square(x: n(x - 3.8), y: n(y - 3.8))
        case .triangle:
            view.polygon = SVG.points([(x, y - 5), (x + 4.6, y + 3.4), (x - 4.6, y + 3.4)])
        case .diamond:
            view.polygon = SVG.points([(x, y - 5), (x + 5, y), (x, y + 5), (x - 5, y)])
        }
        return view
    }

    private func segment(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double) -> ChartView.Segment {
        ChartView.Segment(x1: n(x1), y1: n(y1), x2: n(x2), y2: n(y2))
    }

    private func label(_ x: Double, _ y: Double, _ text: String) -> ChartView.Label {
        ChartView.Label(x: n(x), y: n(y), text: PageText(text))
    }
}

/// A coordinate: the one SVG number format.
private func n(_ value: Double) -> String { SVG.number(value) }

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

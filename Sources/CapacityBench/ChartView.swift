// What the chart template draws: every coordinate already an SVG number, every text a `PageText`.
import PortfolioPages

/// A laid-out chart for `Templates/chart.mustache`.
struct ChartView: Sendable {
    /// A line from (x1, y1) to (x2, y2).
    struct Segment: Sendable {
        /// Start x.
        var x1: String
        /// Start y.
        var y1: String
        /// End x.
        var x2: String
        /// End y.
        var y2: String
    }

    /// A text at (x, y).
    struct Label: Sendable {
        /// x.
        var x: String
        /// y.
        var y: String
        /// The text.
        var text: PageText
    }

    /// A tick mark with its label.
    struct Tick: Sendable {
        /// The mark.
        var mark: Segment
        /// The label.
        var label: Label
    }

    /// A point's shape, filled or hollow: exactly one of `circle`, `square` and `polygon` is set.
    struct MarkerShape: Sendable {
        /// A circle's centre.
        struct Circle: Sendable {
            /// Centre x.
            var cx: String
            /// Centre y.
            var cy: String
        }

        /// A square's corner.
        struct Square: Sendable {
            /// Left.
            var x: String
            /// Top.
            var y: String
        }

        /// A circle marker.
        var circle: Circle?
        /// A square marker.
        var square: Square?
        /// A triangle or diamond, as an SVG `points` list.
        var polygon: String?
        /// Fill colour (white when hollow).
        var fill: String
        /// Stroke colour.
        var stroke: String
    }

    /// A series' line through its rungs' means, and its points.
    struct Series: Sendable {
        /// The line as an SVG `points` list, when there are two vertices or more.
        var polyline: String?
        /// Stroke colour.
        var color: String
        /// Whether the line is dashed.
        var dashed: Bool
        /// Every point.
        var markers: [MarkerShape]
    }

    /// A legend entry: a line sample with the marker, and the name.
    struct LegendEntry: Sendable {
        /// The line sample.
        var sample: Segment
        /// Stroke colour.
        var color: String
        /// Whether the line is dashed.
        var dashed: Bool
        /// The marker in the middle of the sample.
        var marker: MarkerShape
        /// The name.
        var name: Label
    }

    /// A dashed reference line with its label.
    struct Reference: Sendable {
        /// The line.
        var line: Segment
        /// The label.
        var label: Label
    }

    /// The plot area's rectangle.
    struct Frame: Sendable {
        /// Left.
        var x: String
        /// Top.
        var y: String
        /// Width.
        var width: String
        /// Height.
        var height: String
    }

    /// The plot, when there is data (`nil`: the chart says "no data").
    struct Plot: Sendable {
        /// Thin grid lines: the x axis's minor decades, then the y axis's.
        var minorGrid: [Segment]
        /// Grid lines at the ticks: x, then y.
        var majorGrid: [Segment]
        /// The plot's frame.
        var frame: Frame
        /// Decade ticks on x.
        var xTicks: [Tick]
        /// Ticks on y.
        var yTicks: [Tick]
        /// The x axis's title.
        var xTitle: Label
        /// The y axis's title, turned to read upwards about (20, `yTitleCentre`).
        var yTitle: PageText
        /// Where the y axis's title is centred.
        var yTitleCentre: String
        /// Reference lines.
        var references: [Reference]
        /// The series.
        var series: [Series]
        /// The legend's entries.
        var legend: [LegendEntry]
        /// The lines of the legend's note.
        var notes: [Label]
    }

    /// The document's width.
    var width: String
    /// The document's height.
    var height: String
    /// The title.
    var title: Label
    /// The subtitle.
    var subtitle: Label
    /// The plot, or `nil` for no data.
    var plot: Plot?
    /// Where "no data" is written when there is no plot.
    var empty: Label
}

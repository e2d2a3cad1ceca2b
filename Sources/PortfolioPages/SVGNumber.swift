// The one way a number is written into SVG: coordinates, sizes, widths in per cent.

/// Numbers for SVG attributes, shared by the report's charts and the benchmark's.
public enum SVG {
    /// The largest magnitude written; anything larger is clamped to it (an SVG coordinate of a
    /// hundred billion is already far off any page).
    public static let limit = 100_000_000_000.0

    /// `value` with at most one decimal (rounded half away from zero), never an exponent, no
    /// trailing `.0`, `0` for anything not finite, and clamped to ±`limit`.
    ///
    /// `12.34` → `12.3`, `-0.25` → `-0.3`, `880` → `880`, `-0.04` → `0`, `1e20` → `100000000000`.
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenths = Int64((min(max(value, -limit), limit) * 10).rounded())
        let whole = tenths / 10
        let fraction = abs(tenths % 10)
        if fraction == 0 { return String(whole) }
        return (tenths < 0 && whole == 0 ? "-" : "") + "\(whole).\(fraction)"
    }

    /// Points as an SVG `points` list: `x,y x,y …`.
    public static func points(_ points: [(x: Double, y: Double)]) -> String {
        points.map { "\(number($0.x)),\(number($0.y))" }.joined(separator: " ")
    }
}

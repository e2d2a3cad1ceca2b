// The one way numbers are written for people: money, hours, shares, gaps and durations.
//
// Text tables, the HTML report, the conflict analysis's text and the benchmark tables all use
// these, so one figure reads the same everywhere. Output does not depend on the locale.

/// Formats figures for people (not for JSON, which keeps full precision).
package enum Format {
    /// Money with thousands separators: no decimals from 100 up, at most two below
    /// (`12,345`, `45.5`, `-1,200`, `0`); `∞` / `-∞` for infinite amounts, `–` for NaN.
    package static func money(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "–" : (value > 0 ? "∞" : "-∞") }
        if abs(value) < 0.005 { return "0" }
        let decimals = abs(value) < 100 ? 2 : 0
        let scale = decimals == 2 ? 100.0 : 1.0
        let rounded = (abs(value) * scale).rounded() / scale
        guard rounded < 1e15 else { return (value < 0 ? "-" : "") + "≥1e15" }
        let whole = Int64(rounded)
        var text = grouped(whole)
        let fraction = Int64(((rounded - Double(whole)) * scale).rounded())
        if decimals == 2 && fraction != 0 { text += "." + (fraction < 10 ? "0" : "") + String(fraction) }
        return (value < 0 ? "-" : "") + text
    }

    /// Money in whole units with thousands separators (`12,345`); `–` when unknown or too large.
    package static func wholeMoney(_ value: Double?) -> String {
        guard let value, value.isFinite, abs(value) < 1e15 else { return "–" }
        return grouped(Int64(value.rounded()))
    }

    /// Money for headlines: `1.06M`, `612k`, `980`, `-45.2k`, `2.5B`; `–` when not finite.
    package static func compactMoney(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        let magnitude = abs(value)
        let sign = value < 0 ? "-" : ""
        func scaled(_ x: Double, _ suffix: String) -> String {
            sign + decimal(x, digits: x >= 100 ? 0 : x >= 10 ? 1 : 2, trimmingZeros: true) + suffix
        }
        if magnitude >= 999_500_000 { return scaled(magnitude / 1e9, "B") }
        if magnitude >= 999_500 { return scaled(magnitude / 1e6, "M") }
        if magnitude >= 1_000 { return scaled(magnitude / 1e3, "k") }
        return sign + money(magnitude)
    }

    /// Hours with at most one decimal (`224`, `23.4`, `0`); thousands separated from 1,000 up (`20,518`).
    package static func hours(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "–" : (value > 0 ? "∞" : "-∞") }
        if abs(value) >= 999.95 { return money(value) }
        let tenths = (value * 10).rounded()
        if tenths == 0 { return "0" }
        return tenths.truncatingRemainder(dividingBy: 10) == 0
            ? String(Int64(tenths / 10)) : decimal(tenths / 10, digits: 1, trimmingZeros: false)
    }

    /// Hours with their unit: `12.5 h`.
    package static func hoursWithUnit(_ value: Double) -> String { hours(value) + " h" }

    /// A share as a percentage with `decimals` decimals (`85%`, `12.50%`); `–` when not finite.
    package static func percent(_ share: Double, decimals: Int = 0) -> String {
        guard share.isFinite else { return "–" }
        return decimal(share * 100, digits: decimals, trimmingZeros: false) + "%"
    }

    /// A relative gap (`Plan.relativeGap`) as a percentage: `0 %`, `<0.01 %`, `0.42 %`, `12.3 %`; `–` when unknown.
    package static func gap(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "–" }
        let p = value * 100
        if p == 0 { return "0 %" }
        if p < 0.01 { return "<0.01 %" }
        return decimal(p, digits: p < 10 ? 2 : 1, trimmingZeros: false) + " %"
    }

    /// Seconds for people: `0.012 ms`, `4.2 ms`, `1.23 s`, `61.2 s`; `–` when unknown.
    package static func seconds(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "–" }
        if value < 0.001 { return decimal(value * 1000, digits: 2, trimmingZeros: false) + " ms" }
        if value < 0.1 { return decimal(value * 1000, digits: 1, trimmingZeros: false) + " ms" }
        return decimal(value, digits: value < 10 ? 2 : 1, trimmingZeros: false) + " s"
    }

    /// A duration for people, as `seconds(_:)` writes it.
    package static func duration(_ value: Duration) -> String { seconds(value.seconds) }

    /// A whole number with thousands separated by commas (`1,000`, `-12,345`).
    package static func grouped<T: BinaryInteger>(_ value: T) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (k, c) in digits.enumerated() {
            if k > 0, (digits.count - k) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return value < 0 ? "-" + out : out
    }

    /// `value` rounded half away from zero to `digits` decimals, without the locale
    /// (`decimal(2.345, digits: 2)` is `2.35`), trailing zeros dropped when asked.
    package static func decimal(_ value: Double, digits: Int, trimmingZeros: Bool) -> String {
        guard value.isFinite else { return value.isNaN ? "–" : (value > 0 ? "∞" : "-∞") }
        let digits = max(0, min(digits, 9))
        var scale: Int64 = 1
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * Double(scale)).rounded()
        guard scaled < 9e18 else { return String(value) }
        let units = Int64(scaled)
        let whole = units / scale
        var text = String(whole)
        if digits > 0 {
            var fraction = String(units % scale)
            fraction = String(repeating: "0", count: digits - fraction.count) + fraction
            if trimmingZeros { while fraction.hasSuffix("0") { fraction.removeLast() } }
            if !fraction.isEmpty { text += "." + fraction }
        }
        return (value < 0 && units != 0 ? "-" : "") + text
    }
}

// Number formats shared by the progress lines, the Markdown table and the charts.
import Foundation

/// Seconds for people: `0.012 s`, `1.23 s`, `61.2 s`; `–` when unknown.
func seconds(_ value: Double?) -> String {
    guard let value, value.isFinite else { return "–" }
    if value < 0.001 { return String(format: "%.2f ms", value * 1000) }
    if value < 0.1 { return String(format: "%.1f ms", value * 1000) }
    if value < 10 { return String(format: "%.2f s", value) }
    return String(format: "%.1f s", value)
}

/// An objective or bound, rounded to whole units with thousands separators; `–` when unknown.
func money(_ value: Double?) -> String {
    guard let value, value.isFinite, abs(value) < 1e15 else { return "–" }
    return Int(value.rounded()).grouped
}

/// A relative gap as a percentage: `0 %`, `0.42 %`, `12.3 %`; `–` when unknown.
func percent(_ value: Double?) -> String {
    guard let value, value.isFinite else { return "–" }
    let p = value * 100
    if p == 0 { return "0 %" }
    if p < 0.01 { return "<0.01 %" }
    if p < 10 { return String(format: "%.2f %%", p) }
    return String(format: "%.1f %%", p)
}

/// MiB rounded to a whole number; `–` when unknown.
func mebibytes(_ value: Double?) -> String {
    guard let value, value.isFinite else { return "–" }
    return Int(value.rounded()).grouped
}

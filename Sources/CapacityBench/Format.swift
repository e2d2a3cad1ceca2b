// The bench's own figure (memory); money, seconds and gaps come from the domain's `Format`.
import CapacityPlanning

/// MiB rounded to a whole number; `–` when unknown.
func mebibytes(_ value: Double?) -> String {
    guard let value, value.isFinite else { return "–" }
    return Format.grouped(Int(value.rounded()))
}

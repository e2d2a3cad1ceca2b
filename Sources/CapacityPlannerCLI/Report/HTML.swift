// Small helpers to write HTML and SVG text safely.

/// HTML and SVG text helpers. Every string that comes from a scenario or plan goes
/// through `escape` before it is written into the page, in text and in attributes alike.
enum HTML {
    /// `text` with `& < > " '` replaced by character references: safe in element
    /// content and in single- or double-quoted attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\u{0}"..."\u{8}", "\u{B}", "\u{C}", "\u{E}"..."\u{1F}", "\u{7F}": out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A number for an SVG coordinate: at most one decimal, no exponent, "0" for anything not finite.
    static func num(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenths = (value * 10).rounded()
        guard abs(tenths) < 1e12 else { return value > 0 ? "1e11" : "-1e11" }
        let whole = Int64(tenths) / 10
        let fraction = abs(Int64(tenths) % 10)
        if fraction == 0 { return String(Int64(tenths) / 10) }
        return (tenths < 0 && whole == 0 ? "-" : "") + "\(whole).\(fraction)"
    }

    /// `text` cut to `limit` characters with an ellipsis (before escaping).
    static func truncate(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(max(1, limit - 1))) + "…"
    }
}

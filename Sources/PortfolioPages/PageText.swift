// Text from a scenario, a plan or a user, made fit for a page template: the template engine
// escapes it (`{{ }}`), this type makes sure nothing in it slips past that escaping.

/// A piece of text for a page, sanitised once when it is made.
///
/// Every view-model field that can hold text from outside (names, ids, titles, notes,
/// diagnoses) is a `PageText`. A template writes it with `{{field}}`, and swift-mustache's
/// HTML escaping (`& < > " '`, one `Character` at a time) makes it safe in element content
/// and in double-quoted attribute values. This type does the two things that escaping does
/// not do:
///
/// - C0 control characters other than tab, line feed and carriage return, and DEL, become
///   U+FFFD: they are not allowed in an HTML page.
/// - A markup character (`& < > " '`) that shares a grapheme cluster with other scalars (a
///   `"` followed by a combining accent, or preceded by a prepended mark) keeps its place and
///   the other scalars of that cluster become U+FFFD. The engine compares whole `Character`s,
///   so it would not recognise `"` + U+0301 as a quote and would write a bare `"` into an
///   attribute; after sanitising, every markup character is a cluster of its own.
///
/// The rendered text is `description`, which is what the engine writes.
public struct PageText: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringInterpolation {
    /// The sanitised text.
    public let description: String

    /// `text`, sanitised.
    public init(_ text: String) {
        description = Self.sanitize(text)
    }

    /// A literal, sanitised like any other text.
    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// An interpolated string, sanitised as a whole.
    public init(stringInterpolation: DefaultStringInterpolation) {
        self.init(String(stringInterpolation: stringInterpolation))
    }

    /// Whether the text is empty.
    public var isEmpty: Bool { description.isEmpty }

    /// `text` cut to `limit` characters with an ellipsis (cut before sanitising, so the limit
    /// counts the characters a reader sees).
    public static func truncated(_ text: String, _ limit: Int) -> PageText {
        PageText(text.count <= limit ? text : String(text.prefix(max(1, limit - 1))) + "…")
    }

    /// The scalars the engine escapes.
    private static let markup: Set<Unicode.Scalar> = ["&", "<", ">", "\"", "'"]

    /// `text` with control characters replaced and every markup character standing alone.
    static func sanitize(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for character in text {
            let scalars = character.unicodeScalars
            let entangled = scalars.count > 1 && scalars.contains { markup.contains($0) }
            for scalar in scalars {
                if isForbidden(scalar) || (entangled && !markup.contains(scalar)) {
                    out.append("\u{FFFD}")
                } else {
                    out.append(scalar)
                }
            }
        }
        return String(out)
    }

    /// C0 controls except tab, line feed and carriage return, and DEL.
    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0...0x8, 0xB, 0xC, 0xE...0x1F, 0x7F: true
        default: false
        }
    }
}

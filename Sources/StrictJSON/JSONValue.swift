// The JSON value of the strict reader (RFC 8259) for the scenario and plan formats.
//
// The scenario decoder needs what `JSONDecoder` does not give: every member of
// an object in document order (to name unknown keys), duplicate keys rejected,
// a nesting limit with a clear message, and line and column in syntax errors.
// Writing lives in `JSONValue+Writing.swift`.

/// A JSON document as a plain value.
///
/// Objects keep their members in document order. Numbers are `Double`s:
/// whether a number is an integer is a question about its value (`2.0` is the
/// integer 2), not about how it was written.
public enum JSONValue: Sendable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number; always finite when parsed.
    case number(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object's members in document order.
    case object([(key: String, value: JSONValue)])

    /// The nesting depth `init(parsing:maxDepth:)` allows unless told otherwise.
    public static let defaultMaxDepth = 256

    /// The value of the first member named `key`, when this is an object that has one.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The kind of value with its article, for messages: `an object`, `a number`, …
    package var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool(let value): value ? "true" : "false"
        case .number(let value): "the number \(JSONValue.formatNumber(value))"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

extension JSONValue: Equatable {
    /// Whether two values are equal; objects compare their members in order.
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case let (.bool(a), .bool(b)): a == b
        case let (.number(a), .number(b)): a == b
        case let (.string(a), .string(b)): a == b
        case let (.array(a), .array(b)): a == b
        case let (.object(a), .object(b)):
            a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }
}

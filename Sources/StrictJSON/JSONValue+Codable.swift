// A JSON value through Codable, for callers that embed one in their own types.

/// A coding key for any string or index.
struct JSONCodingKey: CodingKey, ExpressibleByStringLiteral {
    var stringValue: String
    var intValue: Int?

    init(_ string: String) {
        stringValue = string
        intValue = nil
    }

    init(stringValue: String) { self.init(stringValue) }

    init?(intValue: Int) {
        stringValue = String(intValue)
        self.intValue = intValue
    }

    init(stringLiteral value: String) { self.init(value) }
}

extension JSONValue: Codable {
    /// Reads whatever value the decoder holds: an object, an array, or a single value.
    ///
    /// Object members come in the order the decoder's `allKeys` gives; a decoder
    /// that merges repeated keys (as `JSONDecoder` does) hides them.
    public init(from decoder: any Decoder) throws {
        if let container = try? decoder.container(keyedBy: JSONCodingKey.self) {
            var members: [(key: String, value: JSONValue)] = []
            for key in container.allKeys {
                members.append((key.stringValue, try container.decode(JSONValue.self, forKey: key)))
            }
            self = .object(members)
            return
        }
        if var container = try? decoder.unkeyedContainer() {
            var elements: [JSONValue] = []
            while !container.isAtEnd { elements.append(try container.decode(JSONValue.self)) }
            self = .array(elements)
            return
        }
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a JSON value")
        }
    }

    /// Writes the value; integral numbers within ±(2^53 − 1) are written as integers.
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .bool(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .number(let value):
            var container = encoder.singleValueContainer()
            if let integer = JSONValue.exactInteger(value) {
                try container.encode(integer)
            } else {
                try container.encode(value)
            }
        case .string(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .array(let elements):
            var container = encoder.unkeyedContainer()
            for element in elements { try container.encode(element) }
        case .object(let members):
            var container = encoder.container(keyedBy: JSONCodingKey.self)
            for member in members { try container.encode(member.value, forKey: JSONCodingKey(member.key)) }
        }
    }

    /// The largest integer magnitude read as an integer: 2^53 − 1, the last one whose neighbours are
    /// `Double`s too, so that a text beyond it (9007199254740993 reads as 2^53) is refused, not rounded.
    package static let maxExactInteger = 9_007_199_254_740_991

    /// `value` as an `Int` when it is integral and within ±(2^53 − 1).
    package static func exactInteger(_ value: Double) -> Int? {
        guard value.isFinite, value.rounded(.towardZero) == value,
              value.magnitude <= Double(maxExactInteger) else { return nil }
        return Int(value)
    }
}

// The strict recursive-descent parser: duplicate keys, depth, numbers and UTF-8 checked, with line and column.

extension JSONValue {
    /// Parses one JSON document (UTF-8, an optional byte-order mark first).
    ///
    /// Strict: no comments, trailing commas, `NaN` or `Infinity`; an object may
    /// not repeat a key; a number too large for a `Double` (`1e400`) is rejected
    /// (one too small becomes 0); strings must be valid UTF-8 without unpaired
    /// surrogate escapes.
    ///
    /// - Parameters:
    ///   - bytes: The document.
    ///   - maxDepth: Most arrays and objects nested inside one another.
    /// - Throws: `JSONParseError` with the line, column and path of the first problem.
    /// - Complexity: O(n) in the length of the document.
    public init(parsing bytes: some Collection<UInt8>, maxDepth: Int = JSONValue.defaultMaxDepth) throws(JSONParseError) {
        let result = bytes.withContiguousStorageIfAvailable { buffer in
            JSONParser.parse(buffer, maxDepth: maxDepth)
        } ?? Array(bytes).withUnsafeBufferPointer { buffer in
            JSONParser.parse(buffer, maxDepth: maxDepth)
        }
        self = try result.get()
    }
}

/// A recursive-descent parser over a byte buffer; recursion is bounded by `maxDepth`.
struct JSONParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let maxDepth: Int
    private var index = 0
    private var depth = 0

    private init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    /// A problem found while parsing; the path is collected while the error unwinds,
    /// so that reading costs nothing for it.
    struct Failure: Error {
        let kind: JSONParseError.Kind
        let message: String
        let offset: Int
        /// Path components from the innermost outwards.
        var reversedPath: [JSONPathComponent] = []
    }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) -> Result<JSONValue, JSONParseError> {
        var parser = JSONParser(bytes: bytes, maxDepth: maxDepth)
        do throws(Failure) {
            return .success(try parser.parseDocument())
        } catch {
            return .failure(parser.parseError(error))
        }
    }

    /// The public error for `failure`, with line and column worked out once.
    private func parseError(_ failure: Failure) -> JSONParseError {
        let offset = min(failure.offset, bytes.count)
        var line = 1
        var column = 1
        for k in 0..<offset {
            let byte = bytes[k]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return JSONParseError(kind: failure.kind, message: failure.message, line: line, column: column, offset: offset,
                              path: JSONPathComponent.render(failure.reversedPath.reversed()))
    }

    /// Runs `body`, adding `component` to the path of any failure it throws.
    private mutating func within<T>(
        _ component: @autoclosure () -> JSONPathComponent, _ body: (inout JSONParser) throws(Failure) -> T
    ) throws(Failure) -> T {
        do throws(Failure) {
            return try body(&self)
        } catch {
            var failure = error
            failure.reversedPath.append(component())
            throw failure
        }
    }

    private mutating func parseDocument() throws(Failure) -> JSONValue {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        skipWhitespace()
        guard index < bytes.count else { throw error(.syntax, "the document is empty") }
        let value = try parseValue()
        skipWhitespace()
        guard index == bytes.count else {
            throw error(.syntax, "unexpected \(describeByte(at: index)) after the JSON value")
        }
        return value
    }

    private mutating func parseValue() throws(Failure) -> JSONValue {
        guard index < bytes.count else { throw error(.syntax, "unexpected end of input: expected a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "N") where hasPrefix("NaN"):
            throw error(.notANumber, "NaN is not a JSON number")
        case UInt8(ascii: "I") where hasPrefix("Infinity"):
            throw error(.notANumber, "Infinity is not a JSON number")
        default:
            throw error(.syntax, "unexpected \(describeByte(at: index)): expected a value")
        }
    }

    // MARK: Containers

    private mutating func enterContainer() throws(Failure) {
        depth += 1
        if depth > maxDepth {
            throw error(.tooDeep, "arrays and objects are nested deeper than \(maxDepth) levels")
        }
        index += 1
        skipWhitespace()
    }

    private mutating func parseArray() throws(Failure) -> JSONValue {
        try enterContainer()
        var elements: [JSONValue] = []
        if consume(UInt8(ascii: "]")) {
            depth -= 1
            return .array(elements)
        }
        while true {
            elements.append(try within(.index(elements.count)) { parser throws(Failure) in try parser.parseValue() })
            skipWhitespace()
            if consume(UInt8(ascii: ",")) {
                skipWhitespace()
                continue
            }
            if consume(UInt8(ascii: "]")) { break }
            throw error(.syntax, "expected ',' or ']' after an array element, found \(describeByte(at: index))")
        }
        depth -= 1
        return .array(elements)
    }

    private mutating func parseObject() throws(Failure) -> JSONValue {
        try enterContainer()
        var members: [(key: String, value: JSONValue)] = []
        var seen: Set<String> = []
        if consume(UInt8(ascii: "}")) {
            depth -= 1
            return .object(members)
        }
        while true {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw error(.syntax, "expected a string key, found \(describeByte(at: index))")
            }
            let keyOffset = index
            let key = try parseString()
            if isDuplicate(key, in: members, seen: &seen) {
                var failure = error(.duplicateKey, "duplicate key '\(key)'", at: keyOffset)
                failure.reversedPath.append(.key(key))
                throw failure
            }
            skipWhitespace()
            guard consume(UInt8(ascii: ":")) else {
                throw error(.syntax, "expected ':' after the key '\(key)', found \(describeByte(at: index))")
            }
            skipWhitespace()
            members.append((key, try within(.key(key)) { parser throws(Failure) in try parser.parseValue() }))
            skipWhitespace()
            if consume(UInt8(ascii: ",")) {
                skipWhitespace()
                continue
            }
            if consume(UInt8(ascii: "}")) { break }
            throw error(.syntax, "expected ',' or '}' after an object member, found \(describeByte(at: index))")
        }
        depth -= 1
        return .object(members)
    }

    /// Linear scan for small objects, a set once an object grows, so that detection stays O(n).
    private func isDuplicate(_ key: String, in members: [(key: String, value: JSONValue)], seen: inout Set<String>) -> Bool {
        let threshold = 16
        if members.count < threshold { return members.contains { $0.key == key } }
        if seen.isEmpty { seen = Set(members.map(\.key)) }
        return !seen.insert(key).inserted
    }

    // MARK: Strings

    /// Reads a string starting at its opening quote.
    private mutating func parseString() throws(Failure) -> String {
        let start = index + 1
        var i = start
        var asciiOnly = true
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<i])
                index = i + 1
                if asciiOnly { return String(decoding: slice, as: UTF8.self) }
                guard let string = String(validating: slice, as: UTF8.self) else {
                    throw error(.invalidUnicode, "the string is not valid UTF-8", at: start - 1)
                }
                return string
            }
            if byte == UInt8(ascii: "\\") { return try parseEscapedString(start: start, escapeAt: i) }
            if byte < 0x20 { throw error(.syntax, "control character 0x\(hex(byte)) must be escaped in a string", at: i) }
            if byte >= 0x80 { asciiOnly = false }
            i += 1
        }
        throw error(.syntax, "unterminated string", at: start - 1)
    }

    /// The slow path once a string turns out to hold escapes.
    private mutating func parseEscapedString(start: Int, escapeAt first: Int) throws(Failure) -> String {
        var buffer = Array(UnsafeBufferPointer(rebasing: bytes[start..<first]))
        var i = first
        while i < bytes.count {
            let byte = bytes[i]
            switch byte {
            case UInt8(ascii: "\""):
                index = i + 1
                guard let string = String(validating: buffer, as: UTF8.self) else {
                    throw error(.invalidUnicode, "the string is not valid UTF-8", at: start - 1)
                }
                return string
            case UInt8(ascii: "\\"):
                i = try appendEscape(at: i, to: &buffer)
            case 0..<0x20:
                throw error(.syntax, "control character 0x\(hex(byte)) must be escaped in a string", at: i)
            default:
                buffer.append(byte)
                i += 1
            }
        }
        throw error(.syntax, "unterminated string", at: start - 1)
    }

    /// Decodes the escape at `i` (a backslash) into `buffer`; returns the index after it.
    private func appendEscape(at i: Int, to buffer: inout [UInt8]) throws(Failure) -> Int {
        guard i + 1 < bytes.count else { throw error(.syntax, "unterminated string", at: i) }
        let simple: UInt8?
        switch bytes[i + 1] {
        case UInt8(ascii: "\""): simple = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): simple = UInt8(ascii: "\\")
        case UInt8(ascii: "/"): simple = UInt8(ascii: "/")
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "u"): simple = nil
        default: throw error(.syntax, "invalid escape '\\\(describeByte(at: i + 1))' in a string", at: i)
        }
        if let simple {
            buffer.append(simple)
            return i + 2
        }
        let unit = try hexUnit(at: i + 2)
        var scalarValue = UInt32(unit)
        var next = i + 6
        if (0xD800...0xDBFF).contains(unit) {
            guard next + 1 < bytes.count, bytes[next] == UInt8(ascii: "\\"), bytes[next + 1] == UInt8(ascii: "u") else {
                throw error(.invalidUnicode, "unpaired surrogate \\u\(hex(unit)) in a string", at: i)
            }
            let low = try hexUnit(at: next + 2)
            guard (0xDC00...0xDFFF).contains(low) else {
                throw error(.invalidUnicode, "unpaired surrogate \\u\(hex(unit)) in a string", at: i)
            }
            scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
            next += 6
        } else if (0xDC00...0xDFFF).contains(unit) {
            throw error(.invalidUnicode, "unpaired surrogate \\u\(hex(unit)) in a string", at: i)
        }
        guard let scalar = Unicode.Scalar(scalarValue) else {
            throw error(.invalidUnicode, "invalid \\u escape in a string", at: i)
        }
        buffer.append(contentsOf: String(Character(scalar)).utf8)
        return next
    }

    /// The four hex digits at `i`.
    private func hexUnit(at i: Int) throws(Failure) -> UInt16 {
        guard i + 4 <= bytes.count else { throw error(.syntax, "unterminated \\u escape", at: i) }
        var value: UInt16 = 0
        for k in i..<(i + 4) {
            let byte = bytes[k]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error(.syntax, "\\u must be followed by four hex digits", at: k)
            }
            value = value << 4 | UInt16(digit)
        }
        return value
    }

    // MARK: Numbers

    private mutating func parseNumber() throws(Failure) -> Double {
        let start = index
        var i = index
        let negative = bytes[i] == UInt8(ascii: "-")
        if negative {
            i += 1
            if hasPrefix("Infinity", at: i) { throw error(.notANumber, "-Infinity is not a JSON number") }
        }
        guard i < bytes.count, isDigit(bytes[i]) else {
            throw error(.syntax, "expected a digit after '-'", at: i)
        }
        let integerStart = i
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
            if i < bytes.count, isDigit(bytes[i]) { throw error(.syntax, "a number may not start with 0", at: start) }
        } else {
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        }
        let integerDigits = i - integerStart
        var isPlainInteger = true
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            isPlainInteger = false
            i += 1
            guard i < bytes.count, isDigit(bytes[i]) else { throw error(.syntax, "expected a digit after '.'", at: i) }
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            isPlainInteger = false
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard i < bytes.count, isDigit(bytes[i]) else { throw error(.syntax, "expected a digit in the exponent", at: i) }
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        }
        index = i
        if isPlainInteger && integerDigits <= 15 {
            var value: Int64 = 0
            for k in integerStart..<i { value = value * 10 + Int64(bytes[k] - UInt8(ascii: "0")) }
            return negative ? -Double(value) : Double(value)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        guard let value = Double(text) else { throw error(.syntax, "invalid number", at: start) }
        guard value.isFinite else {
            let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
            throw error(.numberTooLarge, "number too large: \(shown) does not fit in a double", at: start)
        }
        return value
    }

    // MARK: Bytes

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    private mutating func consume(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private func hasPrefix(_ literal: StaticString, at position: Int? = nil) -> Bool {
        let start = position ?? index
        let count = literal.utf8CodeUnitCount
        guard start + count <= bytes.count else { return false }
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: count)
        for k in 0..<count where bytes[start + k] != expected[k] { return false }
        return true
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(Failure) {
        guard hasPrefix(literal) else {
            throw error(.syntax, "unexpected \(describeByte(at: index)): expected a value")
        }
        index += literal.utf8CodeUnitCount
    }

    private func describeByte(at position: Int) -> String {
        guard position < bytes.count else { return "end of input" }
        let byte = bytes[position]
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x\(hex(byte))"
    }

    private func hex(_ value: some BinaryInteger) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        let width = value.bitWidth <= 8 ? 2 : 4
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// A failure at `position` (the current index by default).
    private func error(_ kind: JSONParseError.Kind, _ message: String, at position: Int? = nil) -> Failure {
        Failure(kind: kind, message: message, offset: position ?? index)
    }
}

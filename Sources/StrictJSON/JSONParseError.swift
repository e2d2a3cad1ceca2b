// What the strict reader reports: the kind of problem, the line, column and path.

/// Why a byte sequence is not a JSON document this reader accepts, and where.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The class of problem; new kinds may be added.
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// Not JSON: an unexpected character, a missing comma, an unterminated string, …
        public static let syntax = Kind("syntax")
        /// Arrays and objects nested deeper than the limit.
        public static let tooDeep = Kind("tooDeep")
        /// An object names the same key twice.
        public static let duplicateKey = Kind("duplicateKey")
        /// A number whose magnitude does not fit in a `Double` (such as `1e400`).
        public static let numberTooLarge = Kind("numberTooLarge")
        /// `NaN`, `Infinity` or `-Infinity`, which are not JSON.
        public static let notANumber = Kind("notANumber")
        /// A string whose bytes are not valid UTF-8, or an unpaired surrogate escape.
        public static let invalidUnicode = Kind("invalidUnicode")

        /// The kind's name.
        public var description: String { name }
    }

    /// The class of problem.
    public var kind: Kind
    /// What is wrong, in words.
    public var message: String
    /// Line of the offending byte, from 1.
    public var line: Int
    /// Column of the offending byte within its line, from 1, counted in Unicode scalars.
    public var column: Int
    /// Byte offset of the offending byte, from 0.
    public var offset: Int
    /// JSON path of the value being read, e.g. `people[1].capacity`; empty at the top.
    public var path: String

    /// Creates an error.
    public init(kind: Kind, message: String, line: Int, column: Int, offset: Int, path: String) {
        self.kind = kind
        self.message = message
        self.line = line
        self.column = column
        self.offset = offset
        self.path = path
    }

    /// `line L, column C: message`.
    public var description: String { "line \(line), column \(column): \(message)" }
}

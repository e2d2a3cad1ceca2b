/// A model that cannot be solved as given, reported by ``Model/validate()``.
///
/// The ``message`` names the offending variable or constraint by its name
/// (when it has one) and its index. Compare ``code`` to tell the cases apart;
/// new codes may be added in later versions.
public struct ModelError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem the model has.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case invalidCoefficient
            case invalidBound
            case invertedBounds
            case foreignVariable
            case foreignConstraint
            case invalidName
            case duplicateName
            case mismatchedArrays
            case tooLarge
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// A coefficient (objective or constraint) or constant is NaN or infinite.
        public static let invalidCoefficient = Code(.invalidCoefficient)
        /// A bound is NaN, a lower bound is +∞ or an upper bound is −∞.
        public static let invalidBound = Code(.invalidBound)
        /// A lower bound is above its upper bound.
        public static let invertedBounds = Code(.invertedBounds)
        /// A variable created by another model (or out of range) was used.
        public static let foreignVariable = Code(.foreignVariable)
        /// A constraint reference created by another model (or out of range) was used.
        public static let foreignConstraint = Code(.foreignConstraint)
        /// A name is longer than 255 UTF-8 bytes or contains control characters.
        public static let invalidName = Code(.invalidName)
        /// Two variables or two constraints share a name (reported when writing a file,
        /// where names identify columns and rows; GLPK writes spaces as `_`).
        public static let duplicateName = Code(.duplicateName)
        /// `variables` and `coefficients` of a constraint have different lengths.
        public static let mismatchedArrays = Code(.mismatchedArrays)
        /// The model exceeds GLPK's size limits.
        public static let tooLarge = Code(.tooLarge)

        /// The code's name, e.g. `invertedBounds`.
        public var description: String { base.rawValue }
    }

    /// What kind of problem the model has.
    public let code: Code
    /// A sentence naming the offending variable or constraint.
    public let message: String
    /// The offending variable, when there is one.
    public let variable: Variable?
    /// The offending constraint, when there is one.
    public let constraint: ConstraintRef?

    init(_ code: Code, _ message: String, variable: Variable? = nil, constraint: ConstraintRef? = nil) {
        self.code = code
        self.message = message
        self.variable = variable
        self.constraint = constraint
    }

    /// `"<code>: <message>"`.
    public var description: String { "\(code): \(message)" }
}

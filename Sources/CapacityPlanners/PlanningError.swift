// The one error a planner throws (it never returns an invalid plan instead).
public import CapacityPlanning

/// A planner failed (it never returns an invalid plan instead).
///
/// Compare ``code`` to tell the cases apart; new codes may be added in later versions, so a
/// `switch` over codes needs a `default`. ``underlying`` keeps the cause (a GLPK `SolverError`, say).
public struct PlanningError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure; compare it with the static codes such as `invalidPlan`.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case invalidPlan, solverFailed, unavailable, invalidOptions, noPlanFound, unsupported
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// The planner built a plan that the checker rejects: a bug, reported with the violations.
        public static let invalidPlan = Code(.invalidPlan)
        /// The solver failed (GLPK's own error, or a model it rejected).
        public static let solverFailed = Code(.solverFailed)
        /// The planner is not built in (the exact planner without the GLPK trait).
        public static let unavailable = Code(.unavailable)
        /// An option is out of range.
        public static let invalidOptions = Code(.invalidOptions)
        /// A heuristic found no valid plan, without proving that none exists.
        public static let noPlanFound = Code(.noPlanFound)
        /// The problem uses what this planner does not plan yet (format version 3's portfolio in
        /// flight, which only the exact planner plans).
        public static let unsupported = Code(.unsupported)

        /// The code's name, e.g. `invalidPlan`.
        public var description: String { base.rawValue }
    }

    /// What kind of failure (`invalidPlan`, `solverFailed`, `unavailable`, …).
    public var code: Code
    /// What happened, in words for a log or a user.
    public var message: String
    /// The checker's violations, for `invalidPlan`.
    public var violations: [PlanViolation]
    /// The error that caused this one, when there is one (not compared by `==`).
    public var underlying: (any Error & Sendable)?

    /// Creates an error of kind `code`; `violations` for `invalidPlan`, `underlying` for the cause.
    public init(_ code: Code, _ message: String, violations: [PlanViolation] = [],
                underlying: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.violations = violations
        self.underlying = underlying
    }

    /// `code: message`, then the violations.
    public var description: String {
        (["\(code): \(message)"] + violations.map { "  - \($0)" }).joined(separator: "\n")
    }

    /// Equal when code, message and violations are (the underlying error is not compared).
    public static func == (a: PlanningError, b: PlanningError) -> Bool {
        a.code == b.code && a.message == b.message && a.violations == b.violations
    }
}

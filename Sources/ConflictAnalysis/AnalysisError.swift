// The one error an analysis throws.
public import CapacityPlanning

/// Why an analysis could not run.
///
/// Compare ``code`` to tell the cases apart; new codes may be added in later versions, so a
/// `switch` over codes needs a `default`. ``underlying`` keeps the cause (the `ScenarioError`, say).
public struct AnalysisError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case invalidScenario, invalidPlan, invalidOptions, unavailable, unsupported
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// The scenario is invalid (the issues say why).
        public static let invalidScenario = Code(.invalidScenario)
        /// The plan cannot be analysed (e.g. it says `infeasible`).
        public static let invalidPlan = Code(.invalidPlan)
        /// An option is out of range.
        public static let invalidOptions = Code(.invalidOptions)
        /// The planner is not built in.
        public static let unavailable = Code(.unavailable)
        /// The scenario uses what this build reads and checks but does not analyse yet (format
        /// version 3's portfolio in flight).
        public static let unsupported = Code(.unsupported)

        /// The code's name, e.g. `invalidScenario`.
        public var description: String { base.rawValue }
    }

    /// The kind of failure.
    public var code: Code
    /// What went wrong, naming the field.
    public var message: String
    /// The scenario's issues, for `invalidScenario`.
    public var issues: [ScenarioIssue]
    /// The error that caused this one, when there is one (not compared by `==`).
    public var underlying: (any Error & Sendable)?

    /// Creates an error.
    public init(_ code: Code, _ message: String, issues: [ScenarioIssue] = [], underlying: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.issues = issues
        self.underlying = underlying
    }

    /// `code: message`.
    public var description: String { "\(code): \(message)" }

    /// Equal when code, message and issues are (the underlying error is not compared).
    public static func == (a: AnalysisError, b: AnalysisError) -> Bool {
        a.code == b.code && a.message == b.message && a.issues == b.issues
    }
}

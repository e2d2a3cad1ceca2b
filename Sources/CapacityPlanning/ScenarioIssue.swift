// Problems found in a scenario: errors reject it, warnings are reported beside the plan.

/// One problem in a scenario, located by its JSON path.
public struct ScenarioIssue: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// Whether the issue rejects the scenario.
    public enum Severity: String, Sendable, Equatable, Hashable {
        /// The scenario is invalid.
        case error
        /// The scenario is valid; the issue is reported.
        case warning
    }

    /// Whether the issue rejects the scenario (`error`) or is only reported (`warning`).
    public var severity: Severity
    /// JSON path of the field, e.g. `projects[3].demands[1].hours`; empty for the whole document.
    public var path: String
    /// Why, in words a user can act on.
    public var message: String

    /// Creates an issue.
    public init(_ severity: Severity, path: String, _ message: String) {
        self.severity = severity
        self.path = path
        self.message = message
    }

    /// An error at `path`.
    public static func error(_ path: String, _ message: String) -> ScenarioIssue {
        ScenarioIssue(.error, path: path, message)
    }

    /// A warning at `path`.
    public static func warning(_ path: String, _ message: String) -> ScenarioIssue {
        ScenarioIssue(.warning, path: path, message)
    }

    /// `path: message`, or the message alone for the whole document.
    public var description: String {
        path.isEmpty ? message : "\(path): \(message)"
    }
}

/// A scenario that cannot be planned, with every problem found (not only the first).
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The errors (severity `.error`), in document order.
    public var issues: [ScenarioIssue]

    /// Creates the error from its issues.
    public init(issues: [ScenarioIssue]) {
        self.issues = issues
    }

    /// One line per issue.
    public var description: String {
        "invalid scenario:\n" + issues.map { "  - \($0)" }.joined(separator: "\n")
    }
}

/// A solve that could not be carried out: a GLPK internal error caught by the
/// guard, an invalid model, bad options, a file that could not be written or
/// read, or a numerical failure. (Infeasible, unbounded and time limits are
/// ``Termination`` values, not errors.)
public struct SolverError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case glpkError
            case invalidModel
            case invalidOptions
            case solverFailure
            case fileError
            case nestedCall
            case wrongThread
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// GLPK detected an internal error (it would have aborted the process);
        /// ``SolverError/glpkMessage`` holds its message. Every GLPK object of the thread was freed.
        public static let glpkError = Code(.glpkError)
        /// The model failed ``Model/validate()``; see ``SolverError/modelError``.
        public static let invalidModel = Code(.invalidModel)
        /// A ``SolveOptions`` value is out of range.
        public static let invalidOptions = Code(.invalidOptions)
        /// GLPK gave up (singular or ill-conditioned basis, numerical failure); see ``SolverError/returnCode``.
        public static let solverFailure = Code(.solverFailure)
        /// A file could not be written or read.
        public static let fileError = Code(.fileError)
        /// A solve was started from inside a callback of another solve on the same thread.
        public static let nestedCall = Code(.nestedCall)
        /// A GLPK problem was used on a thread other than its own (a bug in this module).
        public static let wrongThread = Code(.wrongThread)

        /// The code's name, e.g. `glpkError`.
        public var description: String { base.rawValue }
    }

    /// What went wrong.
    public let code: Code
    /// A sentence describing the failure.
    public let message: String
    /// The text GLPK printed about the failure, if any.
    public let glpkMessage: String?
    /// GLPK's return code (`GLP_E…`), when the failure is one.
    public let returnCode: Int?
    /// The validation error, for ``Code/invalidModel``.
    public let modelError: ModelError?

    init(
        _ code: Code,
        _ message: String,
        glpkMessage: String? = nil,
        returnCode: Int? = nil,
        modelError: ModelError? = nil
    ) {
        self.code = code
        self.message = message
        let trimmed = glpkMessage?.trimmingTrailingNewlines()
        self.glpkMessage = (trimmed?.isEmpty ?? true) ? nil : trimmed
        self.returnCode = returnCode
        self.modelError = modelError
    }

    /// Wraps a model validation error.
    init(_ modelError: ModelError) {
        self.init(.invalidModel, "invalid model: \(modelError.message)", modelError: modelError)
    }

    /// `"<code>: <message>"`, followed by GLPK's message when there is one.
    public var description: String {
        var text = "\(code): \(message)"
        if let glpkMessage { text += " (GLPK: \(glpkMessage))" }
        return text
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var result = self
        while let last = result.last, last.isNewline || last == " " {
            result.removeLast()
        }
        return result
    }
}

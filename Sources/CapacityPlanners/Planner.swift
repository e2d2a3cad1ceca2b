// The interface every planner implements, so front ends and benchmarks pick one by name.
public import CapacityPlanning
import Synchronization

/// Something that turns a planning problem into a plan.
///
/// Planners are synchronous: a call runs on the caller's thread from start to
/// finish (the exact planner's GLPK problem lives and dies inside it). Run it
/// off an event loop, e.g. in a detached task, and stop it with
/// `PlanningOptions.cancellation`.
public protocol Planner: Sendable {
    /// The planner's name as front ends accept it (`greedy`, `glpk`, `auto`).
    var name: String { get }

    /// Plans `problem`.
    ///
    /// Returns a plan that the plan checker accepts (status `optimal` or `feasible`),
    /// or a plan with status `infeasible` and a diagnosis when no valid plan exists.
    /// - Throws: `PlanningError` when the planner fails (it never returns an invalid plan).
    func plan(_ problem: PlanningProblem, options: PlanningOptions) throws(PlanningError) -> Plan
}

/// A progress report during a long solve.
public struct PlanningProgress: Sendable, Equatable {
    /// The planner reporting.
    public var planner: String
    /// Best objective found so far.
    public var incumbent: Double?
    /// Best proven upper bound so far.
    public var bound: Double?
    /// Relative gap between the two, when both are known.
    public var gap: Double?
    /// Seconds since the planner started.
    public var elapsed: Double
    /// A short remark (phase, neighbourhoods tried, …).
    public var message: String?

    /// Creates a progress report.
    public init(planner: String, incumbent: Double? = nil, bound: Double? = nil, gap: Double? = nil,
                elapsed: Double, message: String? = nil) {
        self.planner = planner
        self.incumbent = incumbent
        self.bound = bound
        self.gap = gap
        self.elapsed = elapsed
        self.message = message
    }
}

/// A flag that asks a running planner to stop and return the best plan it has.
///
/// Thread-safe: cancel from any thread or task. Planners that drive a solver
/// register a handler with `onCancel(_:)` to stop it at once.
public final class PlanningCancellation: Sendable {
    private let state = Mutex<(cancelled: Bool, handlers: [@Sendable () -> Void])>((false, []))

    /// Creates a token that is not cancelled.
    public init() {}

    /// Asks the planner to stop; runs the registered handlers once.
    public func cancel() {
        let handlers = state.withLock { state -> [@Sendable () -> Void] in
            guard !state.cancelled else { return [] }
            state.cancelled = true
            defer { state.handlers = [] }
            return state.handlers
        }
        for handler in handlers { handler() }
    }

    /// Whether `cancel()` was called.
    public var isCancelled: Bool { state.withLock { $0.cancelled } }

    /// Runs `handler` when the token is cancelled (at once if it already is).
    public func onCancel(_ handler: @escaping @Sendable () -> Void) {
        let runNow = state.withLock { state -> Bool in
            if state.cancelled { return true }
            state.handlers.append(handler)
            return false
        }
        if runNow { handler() }
    }
}

/// How a planner should run.
public struct PlanningOptions: Sendable {
    /// Wall-clock limit in seconds; `nil` is none (the greedy planner's improvement phase then uses `moveLimit`).
    public var timeLimit: Double?
    /// Relative gap at which a MIP counts as solved (`optimal` is reported within it).
    public var relativeGap: Double
    /// Seed for every random choice: the same seed and limits give the same plan.
    public var seed: UInt64
    /// Most improvement moves (greedy) or neighbourhoods (LNS); `nil` uses the planner's default.
    public var moveLimit: Int?
    /// A plan to start from (the exact planner's warm start); it is used only if the checker accepts it.
    public var warmStart: Plan?
    /// Called with progress from the planner's thread; keep it quick.
    public var progress: (@Sendable (PlanningProgress) -> Void)?
    /// Stops the planner early; it then returns the best valid plan it has.
    public var cancellation: PlanningCancellation?

    /// Creates options.
    public init(
        timeLimit: Double? = nil,
        relativeGap: Double = 1e-6,
        seed: UInt64 = 0,
        moveLimit: Int? = nil,
        warmStart: Plan? = nil,
        progress: (@Sendable (PlanningProgress) -> Void)? = nil,
        cancellation: PlanningCancellation? = nil
    ) {
        self.timeLimit = timeLimit
        self.relativeGap = relativeGap
        self.seed = seed
        self.moveLimit = moveLimit
        self.warmStart = warmStart
        self.progress = progress
        self.cancellation = cancellation
    }
}

/// A planner failed (it never returns an invalid plan instead).
public struct PlanningError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure.
    public enum Code: String, Sendable, Equatable {
        /// The planner built a plan that the checker rejects: a bug, reported with the violations.
        case invalidPlan
        /// The solver failed (GLPK's own error, or a model it rejected).
        case solverFailed
        /// The planner is not built in (the exact planner without the GLPK trait).
        case unavailable
        /// An option is out of range.
        case invalidOptions
        /// A heuristic found no valid plan, without proving that none exists.
        case noPlanFound
    }

    /// What kind of failure.
    public var code: Code
    /// What happened.
    public var message: String
    /// The checker's violations, for `invalidPlan`.
    public var violations: [PlanViolation]

    /// Creates an error.
    public init(_ code: Code, _ message: String, violations: [PlanViolation] = []) {
        self.code = code
        self.message = message
        self.violations = violations
    }

    /// `code: message`, then the violations.
    public var description: String {
        ([ "\(code.rawValue): \(message)" ] + violations.map { "  - \($0)" }).joined(separator: "\n")
    }
}

// Stopping a running planner from any thread.
import Synchronization

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

#if GLPK
import CGLPK
import Logging

/// Solves ``Model``s with GLPK (GPL-3.0-or-later; only with the `GLPK` package trait).
///
/// **Threads.** Every function is synchronous and does all its GLPK work on
/// the calling thread: create the problem, load it once, solve, read, free.
/// Different threads may solve different models at the same time (GLPK's
/// environment is thread-local). Do not start a solve from inside a
/// ``SolveOptions/progress`` callback or a log handler of another solve on
/// the same thread: it throws ``SolverError/Code/nestedCall``. Calling from
/// an `async` context blocks that thread for the length of the solve.
///
/// **Errors.** GLPK aborts the process on invalid calls; here every GLPK call
/// runs under a guard that turns such an error into ``SolverError/Code/glpkError``
/// (with GLPK's message) and the process carries on. The model is validated
/// first, so the guard is only a safety net.
public enum GLPK {
    /// Solves `model`: with the simplex method when it has no integer or binary
    /// variables (values, duals and reduced costs), with branch and cut
    /// (`glp_intopt`) otherwise.
    ///
    /// Throws only when the solve could not be carried out (invalid model or
    /// options, GLPK error or numerical failure); infeasible, unbounded, time
    /// limits and cancellation are ``Termination`` values.
    ///
    /// - Complexity: loading is O(variables + constraints + non-zeros).
    public static func solve(_ model: Model, options: SolveOptions = SolveOptions()) throws(SolverError) -> SolveResult {
        let start = ContinuousClock.now
        try validate(model, options)
        return try GLPKCall.withLog(options.logger) { () throws(SolverError) -> SolveResult in
            if model.integerCount == 0 {
                return try solveLinear(model, options: options, start: start)
            }
            return try solveMixedInteger(model, options: options, start: start)
        }
    }

    /// Solves the LP relaxation of `model` (integrality ignored; binary
    /// variables keep their `0...1` bounds), with duals and reduced costs.
    /// ``SolveOptions/warmStart`` is ignored.
    public static func solveRelaxation(
        _ model: Model,
        options: SolveOptions = SolveOptions()
    ) throws(SolverError) -> SolveResult {
        let start = ContinuousClock.now
        var relaxedOptions = options
        relaxedOptions.warmStart = nil
        try validate(model, relaxedOptions)
        return try GLPKCall.withLog(options.logger) { () throws(SolverError) -> SolveResult in
            try solveLinear(model, options: relaxedOptions, start: start)
        }
    }

    /// Makes a deliberately invalid GLPK call (a column number out of range)
    /// under the guard, to show that it throws ``SolverError/Code/glpkError``
    /// instead of aborting. For tests.
    public static func _triggerGuardedErrorForTesting() throws(SolverError) {
        try GLPKCall.check(cglpk_trigger_error_for_testing(), "glp_set_col_bnds (guard self-test)")
    }

    // MARK: Checks

    static func validate(_ model: Model, _ options: SolveOptions) throws(SolverError) {
        do {
            try model.validate()
        } catch {
            throw SolverError(error)
        }
        if let timeLimit = options.timeLimit, !(timeLimit >= 0) {
            throw SolverError(.invalidOptions, "timeLimit must be ≥ 0 seconds, got \(timeLimit)")
        }
        if !(options.relativeGap >= 0) || !options.relativeGap.isFinite {
            throw SolverError(.invalidOptions, "relativeGap must be a finite number ≥ 0, got \(options.relativeGap)")
        }
        if let nodeLimit = options.nodeLimit, nodeLimit < 1 {
            throw SolverError(.invalidOptions, "nodeLimit must be ≥ 1, got \(nodeLimit)")
        }
        if !(options.progressInterval >= 0) {
            throw SolverError(.invalidOptions, "progressInterval must be ≥ 0, got \(options.progressInterval)")
        }
        if let warmStart = options.warmStart {
            guard warmStart.count == model.variableCount else {
                throw SolverError(
                    .invalidOptions,
                    "warmStart has \(warmStart.count) values for \(model.variableCount) variables")
            }
            if let j = warmStart.firstIndex(where: { !$0.isFinite }) {
                throw SolverError(
                    .invalidOptions,
                    "warmStart value \(warmStart[j]) for variable \(model.columnLabel(j)) is not finite")
            }
        }
    }

    static func isCancelled(_ options: SolveOptions) -> Bool {
        options.cancellation?.isCancelled == true || Task.isCancelled
    }

    /// Seconds left before the time limit (`nil`: no limit).
    static func remaining(_ options: SolveOptions, since start: ContinuousClock.Instant) -> Double? {
        options.timeLimit.map { $0 - seconds(since: start) }
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return (elapsed / .seconds(1))
    }

    /// GLPK's relative gap: |objective − bound| / (|objective| + DBL_EPSILON).
    static func relativeGap(_ objective: Double?, _ bound: Double?) -> Double? {
        guard let objective, let bound else { return nil }
        return abs(objective - bound) / (abs(objective) + Double.ulpOfOne)
    }
}
#endif

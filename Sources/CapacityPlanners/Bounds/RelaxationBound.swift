// The bound of the whole problem, computed beside the search: Lagrangian, then branch and bound on
// the pooled and the selection relaxations, then (when there is time) the exact model's LP relaxation.
#if GLPK
package import CapacityPlanning
import Optimization
import Foundation
import Synchronization

/// Bounds on the whole problem, computed once, possibly on another thread (Docs/formulation.md, "Bounds"):
/// 1. the Lagrangian bound (pure Swift, seconds at any size);
/// 2. branch and bound on the pooled relaxation (`ModelShape.pooledRelaxation`: people pooled per
///    demand), small at every size, for a fifth of the time left (at most 5 s);
/// 3. branch and bound on the selection relaxation (`ModelShape.selectionRelaxation`: focus limits
///    left out, aggregated rows in), whose root LP GLPK solves in seconds and whose best open node
///    keeps falling while it runs;
/// 4. when time is left and the model is small enough, the exact model's LP relaxation.
/// Every value offered is a proven upper bound; the smallest is kept, with where it comes from.
package final class RelaxationBound: Sendable {
    private let result = Mutex<(value: Double, source: BoundSource)?>(nil)
    private let done = DispatchSemaphore(value: 0)
    private let stopping = CancellationToken()

    /// A bound with nothing computed yet.
    package init() {}

    /// Ends the computations early (the search is over): the branch and bound stops at its next node.
    package func stop() { stopping.cancel() }

    /// The best bound so far (objective constant included).
    package var value: Double? { result.withLock { $0?.value } }

    /// The best bound so far with its source.
    package var best: (value: Double, source: BoundSource)? { result.withLock { $0 } }

    private func offer(_ bound: Double, _ source: BoundSource) {
        guard bound.isFinite else { return }
        result.withLock { current in
            if let current, current.value <= bound { return }
            current = (bound, source)
        }
    }

    /// Computes the bounds; any GLPK problem lives and dies inside this call.
    ///
    /// - Parameters:
    ///   - timeLimit: seconds for all of it; `nil` runs deterministically (branch and bound
    ///     ends at `nodeLimit` nodes).
    ///   - withLP: also solve the exact model's LP relaxation when time is left.
    ///   - shouldStop: polled by the branch and bound (the search is over or cancelled).
    package func compute(problem: PlanningProblem, incumbent: Double, timeLimit: Double?, withLP: Bool,
                 nodeLimit: Int = 2_000, shouldStop: @escaping @Sendable () -> Bool = { false }) {
        defer { done.signal() }
        let clock = ContinuousClock.now
        func left() -> Double? { timeLimit.map { $0 - clock.secondsElapsed } }
        let lagrangianLimit = timeLimit.map { min($0 * 0.1, 5) }
        if let bound = LagrangianBound(iterations: 200, timeLimit: lagrangianLimit).bound(for: problem, incumbent: incumbent) {
            offer(bound, .lagrangian)
        }
        if let remaining = left(), remaining < 0.2 { return }
        // The pooled relaxation: small at every size, so a bound within seconds where the selection
        // relaxation's root LP alone can take longer than the search has (a fifth of the time left,
        // at most 5 s: its bound is weaker, and the selection relaxation needs the rest).
        _ = branchAndBound(problem: problem, shape: .pooledRelaxation, source: .pooledRelaxation, incumbent: incumbent,
                           timeLimit: left().map { min($0 / 5, 5) }, nodeLimit: nodeLimit, shouldStop: shouldStop)
        if let remaining = left(), remaining < 0.2 { return }
        let proven = branchAndBound(problem: problem, shape: .selectionRelaxation, source: .selectionRelaxation,
                                    incumbent: incumbent, timeLimit: left(), nodeLimit: nodeLimit, shouldStop: shouldStop)
        guard withLP, !proven, !shouldStop(), !stopping.isCancelled else { return }
        if let remaining = left(), remaining < 0.2 { return }
        let formulation = ExactFormulation(problem: problem)
        var options = SolveOptions()
        if let remaining = left() { options.timeLimit = max(0.1, remaining) }
        guard let solved = try? GLPK.solveRelaxation(formulation.model, options: options),
              solved.termination == .optimal, let objective = solved.objective else { return }
        offer(objective, .linearRelaxation)
    }

    /// Branch and bound on a relaxation of `shape`, offering its best open node as it falls.
    /// Whether it proved the relaxation's optimum (or met the incumbent).
    private func branchAndBound(problem: PlanningProblem, shape: ModelShape, source: BoundSource, incumbent: Double,
                                timeLimit: Double?, nodeLimit: Int, shouldStop: @escaping @Sendable () -> Bool) -> Bool {
        guard !shouldStop(), !stopping.isCancelled else { return false }
        let formulation = ExactFormulation(problem: problem, shape: shape)
        let cancellation = CancellationToken()
        var options = SolveOptions()
        options.timeLimit = timeLimit.map { max(0.1, $0) }
        if timeLimit == nil { options.nodeLimit = nodeLimit }
        options.relativeGap = 1e-6
        options.cancellation = cancellation
        options.progress = { [self] progress in
            if let bound = progress.bound, abs(bound) < 1e300 { offer(bound, source) }
            if shouldStop() || stopping.isCancelled { cancellation.cancel() }
            // Once the relaxation's bound meets the plan, nothing tighter can be learnt from it.
            if let best = value, best <= incumbent + 1e-6 * max(1, abs(incumbent)) { cancellation.cancel() }
        }
        guard let solved = try? GLPK.solve(formulation.model, options: options) else { return false }
        if let bound = solved.bound, abs(bound) < 1e300 { offer(bound, source) }
        return solved.termination == .optimal
    }

    /// Waits at most `seconds` for the computations to end; whether they have.
    @discardableResult
    package func wait(seconds: Double) -> Bool {
        guard seconds > 0 else { return false }
        guard done.wait(timeout: .now() + seconds) == .success else { return false }
        done.signal()
        return true
    }
}
#endif

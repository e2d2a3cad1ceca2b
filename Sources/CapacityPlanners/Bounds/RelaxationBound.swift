// The bound of the whole problem: the Lagrangian bound, then the LP relaxation, on another thread.
#if GLPK
import CapacityPlanning
import Optimization
import Foundation
import Synchronization

/// Bounds on the whole problem, computed once, possibly on another thread: the Lagrangian bound
/// (cheap at any size), then the LP relaxation (tighter, but GLPK's simplex is slow on big models).
final class RelaxationBound: Sendable {
    private let result = Mutex<Double?>(nil)
    private let done = DispatchSemaphore(value: 0)

    /// The best bound so far (objective constant included).
    var value: Double? { result.withLock { $0 } }

    private func offer(_ bound: Double) {
        result.withLock { $0 = min($0 ?? .infinity, bound) }
    }

    /// Computes the bounds; any GLPK problem lives and dies inside this call.
    func compute(problem: PlanningProblem, incumbent: Double, timeLimit: Double?, withLP: Bool) {
        defer { done.signal() }
        let clock = ContinuousClock.now
        let lagrangianLimit = timeLimit.map { min($0 * 0.3, 20) }
        if let bound = LagrangianBound(iterations: 200, timeLimit: lagrangianLimit).bound(for: problem, incumbent: incumbent) {
            offer(bound)
        }
        guard withLP else { return }
        let formulation = ExactFormulation(problem: problem)
        var options = SolveOptions()
        if let timeLimit {
            options.timeLimit = max(0.1, timeLimit - clock.secondsElapsed)
        }
        guard let solved = try? GLPK.solveRelaxation(formulation.model, options: options),
              solved.termination == .optimal, let objective = solved.objective else { return }
        offer(objective)
    }

    /// Waits at most `seconds` for the computations to end; whether they have.
    @discardableResult
    func wait(seconds: Double) -> Bool {
        guard seconds > 0 else { return false }
        guard done.wait(timeout: .now() + seconds) == .success else { return false }
        done.signal()
        return true
    }
}
#endif

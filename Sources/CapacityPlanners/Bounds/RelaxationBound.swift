// The bound of the whole problem, computed beside the search: branch and bound on the class
// relaxation (after the Lagrangian bound where it is large), then (when there is time) the exact
// model's LP relaxation.
#if GLPK
package import CapacityPlanning
package import Optimization
import Foundation
import Synchronization

/// Bounds on the whole problem, computed once, possibly on another thread (Docs/formulation.md, "Bounds"):
/// 1. where the class relaxation is large: the Lagrangian bound (pure Swift, seconds at any size),
///    and only where that gives nothing, branch and bound on the pooled relaxation
///    (`ModelShape.pooledRelaxation`: people pooled per demand), small at every size, for a fifth of
///    the time left (at most 5 s);
/// 2. unless the class relaxation is too large to try, branch and bound with GLPK's cuts and
///    objective-weighted branching on it (`ModelShape.classRelaxation`: focus limits left out,
///    demands merged by who can do them, aggregated rows in), whose best open node keeps falling
///    while it runs;
/// 3. when time is left and the model is small enough, the exact model's LP relaxation.
/// Every value offered is a proven upper bound; the smallest is kept, with where it comes from.
package final class RelaxationBound: Sendable {
    private let result = Mutex<(value: Double, source: BoundSource)?>(nil)
    private let relaxed = Mutex<[Double]?>(nil)
    private let done = DispatchSemaphore(value: 0)
    private let stopping = CancellationToken()

    /// A bound with nothing computed yet.
    package init() {}

    /// Ends the computations early (the search is over): the branch and bound stops at its next node.
    package func stop() { stopping.cancel() }

    /// Whether `stop()` was called (what runs on this thread beside the bound checks it too).
    package var isStopped: Bool { stopping.isCancelled }

    /// The best bound so far (objective constant included).
    package var value: Double? { result.withLock { $0?.value } }

    /// The in-flight model's LP relaxation's solution, a value per column, once it is solved (a
    /// portfolio in flight only): the search frees the projects it would change (`relaxationGap`).
    package var relaxedValues: [Double]? { relaxed.withLock { $0 } }

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
    ///   - inFlight: the in-flight model of a portfolio in flight, whose bounds are computed instead
    ///     (`computeInFlight`).
    ///   - relaxed: in flight, called on this thread with the LP relaxation's solution before the
    ///     branch and bound starts (the search dives from it to a plan: `RelaxationDive`).
    package func compute(problem: PlanningProblem, incumbent: Double, timeLimit: Double?, withLP: Bool,
                 nodeLimit: Int = 2_000, inFlight: Model? = nil, relaxed: (@Sendable ([Double]) -> Void)? = nil,
                 shouldStop: @escaping @Sendable () -> Bool = { false }) {
        defer { done.signal() }
        let clock = ContinuousClock.now
        func left() -> Double? { timeLimit.map { $0 - clock.secondsElapsed } }
        if let inFlight {
            computeInFlight(inFlight, incumbent: incumbent, timeLimit: timeLimit, nodeLimit: nodeLimit, relaxed: relaxed,
                            shouldStop: shouldStop)
            return
        }
        // The class relaxation is as tight as the selection relaxation wherever budgets at real rates
        // and balance by cost do not bind, and a fraction of its size. Where it is small, its branch
        // and bound has all the time. Otherwise the Lagrangian bound comes first (until its steps
        // end, ≤ 40 % of the time, ≤ 30 s; all of it above the largest class model; within 1 % of
        // the class relaxation's LP bound on 250 × 80 × 26, where GLPK needs minutes for that LP).
        // The pooled relaxation (tiny at every size, and weaker than the Lagrangian bound on every
        // rung measured) runs only where that gave nothing (≤ a fifth of the time left, ≤ 5 s; all
        // of it above the largest class model).
        let classColumns = Self.classColumns(problem)
        if classColumns > Self.smallClassModel {
            // Above the largest class model nothing tighter follows it: it has all the time.
            let lagrangianLimit = classColumns > Self.largestClassModel ? timeLimit : timeLimit.map { min($0 * 0.4, 30) }
            let lagrangian = LagrangianBound(iterations: 1_000, timeLimit: lagrangianLimit)
                .bound(for: problem, incumbent: incumbent, shouldStop: { shouldStop() || stopping.isCancelled },
                       improved: { offer($0, .lagrangian) })
            if let remaining = left(), remaining < 0.2 { return }
            if lagrangian == nil {
                let pooledLimit = classColumns > Self.largestClassModel ? left() : left().map { min($0 / 5, 5) }
                _ = branchAndBound(ExactFormulation(problem: problem, shape: .pooledRelaxation).model, source: .pooledRelaxation,
                                   incumbent: incumbent, cuts: false, timeLimit: pooledLimit, nodeLimit: nodeLimit, shouldStop: shouldStop)
                if let remaining = left(), remaining < 0.2 { return }
            }
        }
        guard classColumns <= Self.largestClassModel else { return }
        let proven = branchAndBound(ExactFormulation(problem: problem, shape: .classRelaxation).model, source: .classRelaxation,
                                    incumbent: incumbent, cuts: true, timeLimit: left(), nodeLimit: nodeLimit, shouldStop: shouldStop)
        guard withLP, !proven, !shouldStop(), !stopping.isCancelled else { return }
        if let remaining = left(), remaining < 0.2 { return }
        let formulation = ExactFormulation(problem: problem)
        var options = SolveOptions()
        if let remaining = left() { options.timeLimit = max(0.1, remaining) }
        guard let solved = try? GLPK.solveRelaxation(formulation.model, options: options),
              solved.termination == .optimal, let objective = solved.objective else { return }
        offer(objective, .linearRelaxation)
    }

    /// Branch and bound on `formulation` (a relaxation), offering its best open node as it falls;
    /// `cuts` turns GLPK's cut generators on. Whether it proved the relaxation's optimum.
    private func branchAndBound(_ relaxation: Model, source: BoundSource, incumbent: Double, cuts: Bool,
                                timeLimit: Double?, nodeLimit: Int, shouldStop: @escaping @Sendable () -> Bool) -> Bool {
        guard !shouldStop(), !stopping.isCancelled else { return false }
        let cancellation = CancellationToken()
        var options = SolveOptions()
        options.cuts = cuts
        // The start binaries worth most are settled first (SolveOptions.Branching.objectiveWeighted):
        // measured on six class relaxations, a bound 0–23 % tighter after 20 s (formulation.md).
        options.branching = .objectiveWeighted
        options.timeLimit = timeLimit.map { max(0.1, $0) }
        if timeLimit == nil { options.nodeLimit = nodeLimit }
        options.relativeGap = 1e-6
        options.cancellation = cancellation
        // GLPK's root cut loop goes on while each round's gain is large against the objective; with
        // the (large, negative) unmet-penalty constant in it, it cut for 12 s on mid-size-pmo and
        // never branched. Solved without the constant, which is added back to every bound.
        var model = relaxation
        let constant = model.objectiveConstant
        model.objectiveConstant = 0
        options.progress = { [self] progress in
            if let bound = progress.bound, abs(bound) < 1e300 { offer(bound + constant, source) }
            if shouldStop() || stopping.isCancelled { cancellation.cancel() }
            // Once the relaxation's bound meets the plan, nothing tighter can be learnt from it.
            if let best = value, best <= incumbent + 1e-6 * max(1, abs(incumbent)) { cancellation.cancel() }
        }
        guard let solved = try? GLPK.solve(model, options: options) else { return false }
        if let bound = solved.bound, abs(bound) < 1e300 { offer(bound + constant, source) }
        return solved.termination == .optimal
    }

    /// The bounds of a portfolio in flight: the in-flight model's LP relaxation (5.5 s at
    /// 120 × 40 × 26, within 2.6 % of HiGHS's bound there), then GLPK's branch and bound on the model
    /// itself with its cuts, whose best open node keeps falling while it runs. `relaxed` gets the LP
    /// solution in between.
    private func computeInFlight(_ model: Model, incumbent: Double, timeLimit: Double?, nodeLimit: Int,
                                 relaxed onRelaxed: (([Double]) -> Void)?, shouldStop: @escaping @Sendable () -> Bool) {
        let clock = ContinuousClock.now
        func left() -> Double? { timeLimit.map { $0 - clock.secondsElapsed } }
        var options = SolveOptions(scaling: true, linearPresolve: true)
        if let limit = timeLimit { options.timeLimit = max(0.1, limit) }
        guard let solved = try? GLPK.solveRelaxation(model, options: options), solved.termination == .optimal,
              let objective = solved.objective else { return }
        offer(objective, .linearRelaxation)
        if solved.values.count == model.variableCount {
            relaxed.withLock { $0 = solved.values }
            onRelaxed?(solved.values)
        }
        if shouldStop() || stopping.isCancelled { return }
        if let remaining = left(), remaining < 0.5 { return }
        _ = branchAndBound(model, source: .branchAndBound, incumbent: incumbent, cuts: true, timeLimit: left(),
                           nodeLimit: nodeLimit, shouldStop: shouldStop)
    }

    /// The share of a timed search's time the bound has the second core for; a second search takes
    /// it after that (or once the bound is proven). Where the class relaxation is small its branch
    /// and bound is still closing at the end, so it keeps the core: on mid-size-pmo at 30 s the
    /// bound fell from 2.08 M (60 %) to 1.99 M, and the plans of three seeds were as good on
    /// average (formulation.md, "Bounds"). Elsewhere 60 %.
    package static func timeShare(for problem: PlanningProblem) -> Double {
        classColumns(problem) <= smallClassModel ? 1 : 0.6
    }

    /// Up to this many columns (60 × 25 × 16 has 5–10 k, 120 × 40 × 26 has 22–40 k) the class
    /// relaxation's root LP takes a second or two, and its branch and bound has all the time.
    static let smallClassModel = 20_000
    /// Above this many columns (500 × 150 × 52 seed 1, whose budgets that can bind give it 515 k;
    /// seed 2 has 170 k) its root LP does not finish in minutes: the pooled relaxation has all the time.
    static let largestClassModel = 400_000

    /// About how many hours columns the class relaxation has: the qualified people of each class
    /// (`ExactModelBuilder.demandClass(of:in:)`) times the periods of the horizon.
    static func classColumns(_ problem: PlanningProblem) -> Int {
        var classes = Set<ExactModelBuilder.DemandClass>()
        var columns = 0
        for demand in problem.demands where !demand.eligiblePeople.isEmpty {
            let key = ExactModelBuilder.demandClass(of: demand, in: problem)
            if classes.insert(key).inserted { columns += demand.eligiblePeople.count * problem.periodCount }
        }
        return columns
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

// The exact planner: the scenario as an integer program, solved by GLPK.
#if GLPK
public import CapacityPlanning
import Optimization
import Foundation

/// Plans by solving the scenario's integer program with GLPK (name `glpk`).
///
/// The status is honest: `optimal` only when GLPK proves the plan within
/// `options.relativeGap`; a time limit or cancellation with a plan in hand gives
/// `feasible` with the best bound. A warm start (`options.warmStart`, or the
/// greedy plan when `warmStartWithGreedy` is on) is injected into the search.
public struct ExactPlanner: Planner {
    /// The name front ends use for it: `glpk`.
    public var name: String { "glpk" }
    /// Warm-start GLPK from the greedy plan when no warm start is given.
    public var warmStartWithGreedy: Bool
    /// Turn on GLPK's cut generators (Gomory, MIR, cover, clique): a tighter bound on
    /// large portfolios, sometimes slower on small ones.
    public var cuts: Bool

    /// Creates the planner; by default it warm-starts GLPK from the greedy plan and leaves the cut
    /// generators off.
    public init(warmStartWithGreedy: Bool = true, cuts: Bool = false) {
        self.warmStartWithGreedy = warmStartWithGreedy
        self.cuts = cuts
    }

    /// Solves the problem's integer program (see Docs/formulation.md).
    public func checkedPlan(_ problem: PlanningProblem, options: PlanningOptions) throws(PlanningError) -> CheckedPlan {
        return try deliverPlan(problem, solver: name) { () throws(PlanningError) in try solve(problem, options: options) }
    }

    /// Solves in index space (see `plan(_:options:)`); the large-neighbourhood search calls this.
    package func solve(_ problem: PlanningProblem, options: PlanningOptions) throws(PlanningError) -> PlanningOutcome {
        let clock = ContinuousClock.now
        let impossible = problem.structuralInfeasibilities
        if !impossible.isEmpty { return .noPlan(diagnosis: impossible) }
        if problem.isInFlight { return try solveInFlight(problem, options: options, clock: clock) }
        let formulation = ExactFormulation(problem: problem)

        let warm = warmStart(problem, options, greedySeconds: 1)
        let warmValues = warm.flatMap { formulation.values(for: $0, problem: problem) }
        if let limit = options.timeLimit, clock.secondsElapsed >= limit, let warm {
            // Building the model used the whole time limit: GLPK would only overrun it.
            return PlanningOutcome(allocation: warm, model: formulation.size, notes: [
                PlannerNote("the time limit ran out while building the model; returning the warm start")])
        }

        let solveOptions = makeSolveOptions(options, warmStart: warmValues, clock: clock)
        let result: SolveResult
        do {
            result = try GLPK.solve(formulation.model, options: solveOptions)
        } catch {
            throw PlanningError(.solverFailed, "GLPK failed: \(error)", underlying: error)
        }

        if let proof = try Self.proofOfNoPlan(result, size: formulation.size, diagnosis: { Self.diagnose(problem) }) {
            return proof
        }
        // GLPK's best bound (objective constant included); its "infinite" sentinel is no bound.
        let solverBound = result.bound.flatMap { abs($0) < 1e300 ? $0 : nil }
        guard result.hasSolution else {
            if let warm {
                return PlanningOutcome(allocation: warm, bound: solverBound, model: formulation.size, nodes: result.nodes,
                                       notes: [PlannerNote("GLPK found no plan within the limit; returning the warm start")])
            }
            throw PlanningError(.noPlanFound, "GLPK found no plan within the time limit (\(result.termination))")
        }

        let proven = result.termination == .optimal || result.termination == .gapReached
        return PlanningOutcome(allocation: formulation.allocation(from: result.values, problem: problem),
                               proof: proven ? .solverProvedOptimal : .none, bound: solverBound,
                               model: formulation.size, nodes: result.nodes,
                               notes: [PlannerNote("GLPK: \(result.termination)")])
    }

    /// The warm start: `options.warmStart` when it is valid, else (with `warmStartWithGreedy`) the
    /// greedy plan, given a tenth of the time limit and at most `greedySeconds`.
    func warmStart(_ problem: PlanningProblem, _ options: PlanningOptions, greedySeconds: Double) -> Allocation? {
        if let start = options.warmStart?.checked(for: problem), start.isValid { return start.allocation }
        guard warmStartWithGreedy, options.warmStart == nil else { return nil }
        var greedyOptions = options
        greedyOptions.timeLimit = options.timeLimit.map { min(greedySeconds, $0 / 10) }
        greedyOptions.progress = nil
        guard let greedy = try? GreedyPlanner().solve(problem, options: greedyOptions), let allocation = greedy.allocation,
              PlanChecker.violations(of: allocation, for: problem).isEmpty else { return nil }
        return allocation.withoutNegligibleHours
    }

    func makeSolveOptions(_ options: PlanningOptions, warmStart: [Double]?, clock: ContinuousClock.Instant) -> SolveOptions {
        var solve = SolveOptions()
        solve.relativeGap = options.relativeGap
        solve.cuts = cuts
        // The starts worth most first: proofs 2-3x sooner on the ladder (Docs/formulation.md).
        solve.branching = .objectiveWeighted
        if let limit = options.timeLimit { solve.timeLimit = max(0.01, limit - clock.secondsElapsed) }
        solve.warmStart = warmStart
        let token = CancellationToken()
        options.cancellation?.onCancel { token.cancel() }
        solve.cancellation = token
        if let report = options.progress {
            let plannerName = name
            solve.progress = { p in
                let gap = p.incumbent.flatMap { incumbent in p.bound.map { Plan.relativeGap(objective: incumbent, bound: $0) } }
                report(PlanningProgress(planner: plannerName, incumbent: p.incumbent, bound: p.bound, gap: gap,
                                        elapsed: p.elapsed, message: "\(p.nodes) nodes"))
            }
        }
        return solve
    }

    /// GLPK's proof that no plan exists, as an outcome with `diagnosis`; `nil` when it did not
    /// prove that. An unbounded model is a failure: a valid scenario's objective is bounded.
    static func proofOfNoPlan(_ result: SolveResult, size: ModelSize,
                              diagnosis: () -> [String]) throws(PlanningError) -> PlanningOutcome? {
        switch result.termination {
        case .infeasible:
            return .noPlan(diagnosis: diagnosis(),
                           notes: [PlannerNote("GLPK proved that no plan satisfies every pin, budget and mandatory project")],
                           model: size, nodes: result.nodes)
        case .unbounded:
            throw PlanningError(.solverFailed, "GLPK reports the model unbounded, which a valid scenario cannot be")
        default:
            return nil
        }
    }

    /// Names the pins, budgets and required projects that cannot all hold, by an elastic
    /// re-solve that minimises their (scaled) violation.
    static func diagnose(_ problem: PlanningProblem) -> [String] {
        let elastic = ExactFormulation(problem: problem, elastic: true)
        var options = SolveOptions()
        options.timeLimit = 10
        guard let result = try? GLPK.solve(elastic.model, options: options), result.hasSolution else {
            return ["the pins, budgets and mandatory projects cannot all hold (the elastic re-solve found no detail)"]
        }
        var lines: [String] = []
        for slack in elastic.slacks {
            let amount = result.values[slack.variable.index]
            guard amount > 1e-6 else { continue }
            if slack.label.hasPrefix("pin") {
                lines.append("\(slack.label) falls short by \(Format.decimal(amount, digits: 2, trimmingZeros: true)) h")
            } else if slack.label.hasPrefix("budget") || slack.label.hasPrefix("portfolio") {
                lines.append("\(slack.label) would need \(Format.decimal(amount, digits: 2, trimmingZeros: true)) more")
            } else {
                lines.append(slack.label)
            }
        }
        return lines.isEmpty ? ["the pins, budgets and mandatory projects cannot all hold"] : lines
    }
}

#endif

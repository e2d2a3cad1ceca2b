// The exact planner on a portfolio in flight (spec v3, Part A): `InFlightFormulation` solved by GLPK.
#if GLPK
import CapacityPlanning
import Optimization

extension ExactPlanner {
    /// Solves the in-flight model; no warm start (the greedy planner does not plan it yet).
    func solveInFlight(_ problem: PlanningProblem, options: PlanningOptions,
                       clock: ContinuousClock.Instant) throws(PlanningError) -> PlanningOutcome {
        let formulation = InFlightFormulation(problem: problem)
        let result: SolveResult
        do {
            result = try GLPK.solve(formulation.model, options: makeSolveOptions(options, warmStart: nil, clock: clock))
        } catch {
            throw PlanningError(.solverFailed, "GLPK failed: \(error)", underlying: error)
        }
        if let proof = try Self.proofOfNoPlan(result, size: formulation.size, diagnosis: {
            ["the pins, budgets (with their actuals) and mandatory projects cannot all hold"]
        }) {
            return proof
        }
        let bound = result.bound.flatMap { abs($0) < 1e300 ? $0 : nil }
        guard result.hasSolution else {
            throw PlanningError(.noPlanFound, "GLPK found no plan within the time limit (\(result.termination))")
        }
        let proven = result.termination == .optimal || result.termination == .gapReached
        return PlanningOutcome(allocation: formulation.allocation(from: result.values),
                               proof: proven ? .solverProvedOptimal : .none, bound: bound,
                               model: formulation.size, nodes: result.nodes,
                               notes: [PlannerNote("GLPK: \(result.termination) (the portfolio in flight's model)")])
    }
}
#endif

// The LP relaxation's duals, read as the value of one more hour of a skill (Docs/analysis.md).
#if GLPK
package import CapacityPlanning
import Optimization

/// Shadow prices of the whole problem's LP relaxation (integrality dropped).
///
/// The relaxation is the exact model of `ExactFormulation` with every binary in `0...1`.
/// One extra hour of a person who has skill S at level L in period t, at no cost, is a new
/// column with coefficient 1 in the coverage row of each demand (j, d, t) it qualifies for and
/// objective coefficient `c = (mandatory ? unmetPenaltyPerHour : 0) − changePenaltyPerHour`
/// (it replaces an unmet hour of a mandatory project; a new person has no baseline hours).
/// Its reduced cost against the optimal duals `y` is `c − y(j,d,t)`, so the hour is worth
/// `max(0, max over those rows of c − y(j,d,t))` to the relaxation, at the margin.
/// Integer programs have no true duals; `ConflictAnalyzer` confirms these values by re-solving.
package struct ShadowPrices: Sendable {
    /// The relaxation's optimal objective (objective constant included): an upper bound on every plan.
    package let bound: Double
    /// The coverage rows' duals, by demand and period.
    package let coverage: [ExactFormulation.DemandPeriod: Double]
    /// Seconds to build and solve the relaxation.
    package let seconds: Double

    /// Builds and solves the LP relaxation of `problem`.
    ///
    /// - Throws: `PlanningError` `.solverFailed` when GLPK fails or the time limit stops the
    ///   simplex before it proves optimality (no duals then).
    package static func compute(for problem: PlanningProblem, timeLimit: Double? = nil) throws(PlanningError) -> ShadowPrices {
        let clock = ContinuousClock.now
        let formulation = ExactFormulation(problem: problem)
        var options = SolveOptions()
        options.timeLimit = timeLimit
        let result: SolveResult
        do {
            result = try GLPK.solveRelaxation(formulation.model, options: options)
        } catch {
            throw PlanningError(.solverFailed, "the LP relaxation failed: \(error)")
        }
        guard result.termination == .optimal, let objective = result.objective else {
            throw PlanningError(.solverFailed, "the LP relaxation did not finish (\(result.termination)); no shadow prices")
        }
        var duals: [ExactFormulation.DemandPeriod: Double] = [:]
        for (key, row) in formulation.coverageRows {
            let y = result.dual(row)
            if y.isFinite { duals[key] = y }
        }
        let elapsed = ContinuousClock.now - clock
        return ShadowPrices(
            bound: objective, coverage: duals,
            seconds: elapsed.seconds)
    }

    /// What one more free hour of a person with `skill` at `level` in `period` is worth to the
    /// relaxation, and the demand that would use it (`nil` when it is worth nothing).
    package func hourValue(skill: Int, level: Int, period: Int, in problem: PlanningProblem) -> (value: Double, demand: Int?) {
        var best = 0.0
        var bestDemand: Int?
        for demand in problem.demands where demand.skill == skill && demand.minLevel <= level {
            guard let y = coverage[ExactFormulation.DemandPeriod(demand: demand.index, period: period)] else { continue }
            let info = problem.projects[demand.project]
            let c = (info.mandatory ? problem.policy.unmetPenaltyPerHour : 0) - problem.policy.changePenaltyPerHour
            let value = c - y
            if value > best + 1e-9 {
                best = value
                bestDemand = demand.index
            }
        }
        return (best, bestDemand)
    }
}
#endif

// The analysis of a portfolio in flight (spec v3, section 6): the reference solve, the plan
// analysed, and the forecast with its mitigations. The version-1 and 2 sections assume fixed
// spans and are not computed for it yet (the report's notes say so).
import CapacityPlanning

extension ConflictAnalyzer {
    /// Analyses `given` (or a fresh plan) of an in-flight problem: the forecast, nothing else yet.
    func analyzeInFlight(_ problem: PlanningProblem, given: CheckedPlan?) -> ConflictReport {
        let solver = Resolver(options: options)
        options.progress?("solving the scenario as given (reference)")
        let reference = solver.solve(problem, warmStart: given)
        let analysed = given ?? reference.plan ?? CheckedPlan(Self.emptyPlan(problem), for: problem)
        let check = analysed.check
        var report = ConflictReport(
            plan: AnalysedPlan(
                source: given == nil ? .fresh : .given, objective: check.objective.total, valid: check.isValid,
                violations: check.violations.map(\.description),
                selectedProjects: analysed.allocation.starts.compactMap { $0 }.count,
                staffCost: check.objective.staffCost, unmetHours: check.objective.unmetHours),
            reference: reference.outcome)
        let base = reference.plan.flatMap { plan in
            reference.outcome.objective.map { Reference(scenario: problem.scenario, problem: problem, plan: plan, objective: $0) }
        }
        if base == nil {
            report.notes.append("The planner found no plan for the scenario as given (\(reference.outcome.error ?? "no reason given")); "
                                + "mitigations cannot be measured, so none were re-solved.")
        }
        options.progress?("forecasting finishes and re-solving mitigations")
        report.forecast = ForecastAnalysis(problem: problem, allocation: analysed.allocation, reference: base, solver: solver,
                                           limit: options.maxResolutions).forecasts()
        if problem.hasSupply {
            options.progress?("measuring each hire and course by a re-solve without it")
            report.supply = SupplyAnalysis(problem: problem, plan: analysed, solver: solver).decisions()
        }
        report.notes.append("For a portfolio in flight (format version 3) this build reports the forecast: finishes against due "
                            + "dates and the baseline, why late projects are late, and their best mitigations, each re-solved. "
                            + "The other sections (shortages, contention, resolutions, marginal values) are not computed for it yet.")
        return report
    }
}

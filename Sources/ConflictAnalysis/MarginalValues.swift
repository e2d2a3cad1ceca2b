// What one more hour, and one more person, of a skill at a level is worth: LP duals, then re-solves.
import CapacityPlanners
import CapacityPlanning

/// Marginal values of skills: the LP relaxation's shadow prices, confirmed by re-solving.
struct MarginalValues {
    let problem: PlanningProblem
    let base: Reference
    let solver: Resolver
    let limit: Int

    /// The most (skill, level, period) values listed.
    static let maximumListed = 60

    /// Seconds the LP relaxation may take: four solves' worth, at least 30 (GLPK's simplex
    /// needs 5–30 s on a model of some 10,000 columns).
    static func relaxationTimeLimit(_ solveLimit: Double) -> Double { max(30, 4 * solveLimit) }

    /// The values, highest LP value first, and notes on what was skipped.
    func evaluate() -> ([MarginalValue], [String]) {
        #if GLPK
        solver.options.progress?("solving the LP relaxation for shadow prices")
        let prices: ShadowPrices
        do {
            prices = try ShadowPrices.compute(for: problem, timeLimit: Self.relaxationTimeLimit(solver.options.timeLimit))
        } catch {
            return ([], ["Marginal values skipped: \(error.message)"])
        }
        var values: [MarginalValue] = []
        let classes = Set(problem.demands.map { [$0.skill, $0.minLevel] }).sorted { ($0[0], $0[1]) < ($1[0], $1[1]) }
        for c in classes {
            for t in 0..<problem.periodCount {
                let (value, demand) = prices.hourValue(skill: c[0], level: c[1], period: t, in: problem)
                guard value > 1e-6 else { continue }
                let usedBy = demand.map { "\(problem.projects[problem.demands[$0].project].id).\(problem.demands[$0].id)" }
                values.append(MarginalValue(skill: problem.skills[c[0]], level: c[1], period: t, lpValuePerHour: value,
                                            usedBy: usedBy))
            }
        }
        values.sort { ($0.lpValuePerHour, $1.skill, $1.level, $1.period) > ($1.lpValuePerHour, $0.skill, $0.level, $0.period) }
        var notes: [String] = []
        if values.count > Self.maximumListed {
            notes.append("Marginal values: the \(Self.maximumListed) highest of \(values.count) positive LP values are listed.")
            values = Array(values.prefix(Self.maximumListed))
        }
        // Confirm the best period of the most valuable (skill, level) pairs by re-solving.
        var confirmed: Set<String> = []
        for k in values.indices where confirmed.count < limit {
            let key = "\(values[k].skill):\(values[k].level)"
            guard !confirmed.contains(key) else { continue }
            confirmed.insert(key)
            confirm(&values[k])
        }
        return (values, notes)
        #else
        return ([], ["Marginal values need the LP relaxation, and this build has no GLPK."])
        #endif
    }

    /// Re-solves with one extra free hour in the value's period, and with one extra person of
    /// that skill and level over the whole horizon.
    func confirm(_ value: inout MarginalValue) {
        let hour = ScenarioChange.hire(skill: value.skill, level: value.level, hoursPerPeriod: 1,
                                       periods: value.period...value.period, costPerHour: 0)
        solver.options.progress?("re-solving with one more hour of \(value.skill) ≥ \(value.level) in period \(value.period)")
        let hourResult = resolve(hour)
        value.resolvedHourValue = hourResult?.objective.map { $0 - base.objective }
        let (weekly, rate) = typicalPerson(skill: value.skill, level: value.level, in: problem)
        let person = ScenarioChange.hire(skill: value.skill, level: value.level, hoursPerPeriod: weekly,
                                         periods: 0...(problem.periodCount - 1), costPerHour: rate)
        solver.options.progress?("re-solving with one more person of \(value.skill) ≥ \(value.level)")
        let personResult = resolve(person)
        value.resolvedPersonValue = personResult?.objective.map { $0 - base.objective }
        value.personHours = weekly
        value.personCostPerHour = rate
        let statuses = [hourResult?.status, personResult?.status]
        value.resolvedStatus = statuses.allSatisfy { $0 == .optimal } ? .optimal
            : statuses.contains { $0 == nil } ? nil : .feasible
    }

    private func resolve(_ change: ScenarioChange) -> SolveOutcome? {
        guard let scenario = try? change.apply(to: base.scenario) else { return nil }
        // The reference plan stays valid with an extra person, so the re-solve cannot end below it.
        return solver.solve(scenario, warmStart: base.plan.plan).outcome
    }
}

/// Median usable hours a period and median cost per hour of the people with `skill` at
/// `level` or above (of everyone when nobody has it): the hire a resolution or a marginal
/// value assumes.
func typicalPerson(skill: String, level: Int, in problem: PlanningProblem) -> (hours: Double, costPerHour: Double) {
    let s = problem.skills.firstIndex(of: skill)
    var qualified = problem.people.filter { person in s.map { person.levels[$0] >= level } ?? false }
    if qualified.isEmpty { qualified = problem.people }
    let hours = qualified.map { person in
        let positive = person.capacity.filter { $0 > 0 }
        return positive.isEmpty ? 0 : positive.reduce(0, +) / Double(positive.count)
    }
    return (max(1, median(hours)), median(qualified.map(\.costPerHour)))
}

/// The median of `values` (0 when empty).
func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    let mid = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

// Which neighbourhood rule runs next and how large sub-problems are, learnt from what paid.
#if GLPK
import CapacityPlanning

extension Search {
    /// A rule drawn by weight.
    mutating func chooseKind() -> NeighbourhoodKind {
        let kinds = self.kinds
        let total = kinds.reduce(0) { $0 + (weights[$1] ?? 1) }
        var r = random.draw(in: 0..<total)
        for kind in kinds {
            r -= weights[kind] ?? 1
            if r < 0 { return kind }
        }
        return kinds[kinds.count - 1]
    }

    /// Learns from a step: a rule is rewarded by its gain (relative to the objective), with a floor
    /// so no rule dies out; the column budget follows the sub-problem (`SearchPolicy.columnBudget`).
    mutating func adapt(move: Move, gain: Double, objective: Double, outcome: SubproblemResult) {
        if case .rule(let kind) = move {
            let score = gain > 0 ? 1 + min(10, 100 * gain / max(1, abs(objective))) : 0
            weights[kind] = max(0.1, 0.8 * (weights[kind] ?? 1) + 0.2 * score)
        }
        columnBudget = policy.columnBudget(after: columnBudget, hitLimit: outcome.hitLimit, optimal: outcome.optimal, gain: gain)
    }

    /// Hands the caller the best plan so far (`options.incumbentPlan`), at most every
    /// `options.incumbentPlanInterval` seconds.
    mutating func deliverIncumbent(_ current: Allocation) {
        guard let deliver = options.incumbentPlan, elapsed - lastIncumbentDelivery >= options.incumbentPlanInterval else { return }
        lastIncumbentDelivery = elapsed
        deliver(current.plan(for: problem, status: .feasible, solver: planner.name))
    }

    func report(_ objective: Double, _ bound: Double?, _ source: BoundSource?, _ message: String) {
        options.progress?(PlanningProgress(
            planner: planner.name, incumbent: objective, bound: bound,
            gap: bound.map { Plan.relativeGap(objective: objective, bound: $0) }, elapsed: elapsed, message: message,
            boundSource: source))
    }
}
#endif

// Repairing balance (spec v2, rule 11) during construction: when the required projects alone
// break a balance rule, add or drop projects until every rule holds.
import CapacityPlanning

extension GreedyRun {
    private enum BalanceStep {
        case remove(Int)
        case insert(Int)
    }

    /// Adds or drops one project at a time, each step the one that brings the balance rules
    /// closest to holding (the better objective on ties), until they all hold.
    ///
    /// - Returns: whether every balance rule holds afterwards.
    /// - Complexity: O(J) trial insertions and removals per step, at most 2·J + 10 steps.
    func repairBalance() -> Bool {
        guard !m.portfolio.groups.isEmpty else { return true }
        var steps = 0
        while state.balanceShortfall > 0 && steps < 2 * m.projectCount + 10 {
            steps += 1
            let current = state.balanceShortfall
            var best: (shortfall: Double, objective: Double, step: BalanceStep)?
            func consider(_ step: BalanceStep) {
                let shortfall = state.balanceShortfall
                let objective = state.objective
                if best.map({ (shortfall, -objective) < ($0.shortfall, -$0.objective) }) ?? true {
                    best = (shortfall, objective, step)
                }
            }
            for j in 0..<m.projectCount where state.isSelected(j) && !m.required[j] {
                let mark = state.mark
                if state.remove(j) { consider(.remove(j)) }
                state.rollback(to: mark)
            }
            for j in 0..<m.projectCount where !state.isSelected(j) && m.selectable[j] && m.staffable[j] {
                let mark = state.mark
                if state.insertGroup(j, tiers: tiers, startLimit: startLimit, repair: repair) != nil {
                    consider(.insert(j))
                }
                state.rollback(to: mark)
            }
            guard let chosen = best, chosen.shortfall < current - 1e-12 else { return false }
            switch chosen.step {
            case .remove(let j): state.remove(j)
            case .insert(let j): _ = state.insertGroup(j, tiers: tiers, startLimit: startLimit, repair: repair)
            }
            state.commit()
        }
        return state.balanceShortfall == 0
    }
}

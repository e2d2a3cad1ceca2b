// The greedy planner's view of spec v2's portfolio rules: what a start is worth (strategic value,
// cost of delay), and counters for system limits, alternatives and balance shares that the
// working plan keeps up to date on every selection and every hour.
import CapacityPlanning

/// Static, dense data for the version-2 rules.
struct GreedyPortfolio {
    let periods: Int
    /// `value + strategicValue` per project.
    let baseWorth: [Double]
    let costOfDelay: [Double]
    let earliestStart: [Int]
    /// Systems each project touches.
    let systemsOf: [[Int]]
    /// Limit per system (`Int.max` when unlimited).
    let systemLimit: [Int]
    /// Alternatives of each project.
    let excludes: [[Int]]
    /// Starts a system closes, per project.
    let closedStarts: [Set<Int>]
    /// Balance rules: membership, measure and shares.
    let groups: [BalanceGroup]
    let projectValue: [Double]
    /// Whether any rule measures cost (then every hour changes a share).
    let measuresCost: Bool
    /// Worth per project and start, in place of `baseWorth` and `costOfDelay` (the portfolio in
    /// flight, `GreedyInFlightTerms`); empty otherwise.
    let worthTable: [[Double]]
    /// Synergies of each project (indices into `synergyMembers` and `synergyValue`).
    let synergiesOf: [[Int]]
    let synergyMembers: [[Int]]
    /// `(Π probabilities) × value` per synergy.
    let synergyValue: [Double]

    init(problem: PlanningProblem, inFlight: GreedyInFlightTerms? = nil) {
        worthTable = inFlight?.worth ?? []
        let synergies = inFlight?.synergies ?? []
        synergyMembers = synergies.map(\.projects)
        synergyValue = synergies.map(\.value)
        var of = [[Int]](repeating: [], count: problem.projects.count)
        for (k, synergy) in synergies.enumerated() { for j in synergy.projects where of.indices.contains(j) { of[j].append(k) } }
        synergiesOf = of
        let projects = problem.projects
        periods = problem.periodCount
        baseWorth = projects.map { $0.value + $0.strategicValue }
        costOfDelay = projects.map(\.costOfDelay)
        earliestStart = projects.map(\.earliestStart)
        systemsOf = projects.map(\.systems)
        systemLimit = problem.systems.map { $0.limit ?? Int.max }
        excludes = projects.map(\.excludes)
        closedStarts = projects.map(\.closedStarts)
        groups = problem.balanceGroups
        projectValue = projects.map(\.value)
        measuresCost = problem.balanceGroups.contains { $0.rule.measure == .cost }
    }

    /// What selecting `j` at `s` adds before staffing (`ProjectInfo.worth(start:)`, bit for bit).
    @inline(__always)
    func worth(_ j: Int, _ s: Int, value: Double) -> Double {
        if !worthTable.isEmpty { return worthTable[j].indices.contains(s) ? worthTable[j][s] : -.infinity }
        guard costOfDelay[j] != 0 || baseWorth[j] != value else { return value }
        return baseWorth[j] - costOfDelay[j] * Double(s - earliestStart[j])
    }

    /// What the synergies of `j` add when `j` joins (or, negated, leaves) the selection;
    /// `isSelected` tells which other projects are selected.
    @inline(__always)
    func synergy(_ j: Int, isSelected: (Int) -> Bool) -> Double {
        var total = 0.0
        for k in synergiesOf[j] where synergyMembers[k].allSatisfy({ $0 == j || isSelected($0) }) {
            total += synergyValue[k]
        }
        return total
    }

    /// Whether a system leaves start `s` open to `j`.
    @inline(__always)
    func isOpen(_ j: Int, _ s: Int) -> Bool { closedStarts[j].isEmpty || !closedStarts[j].contains(s) }
}

/// The counters of the version-2 rules for the working plan.
struct GreedyPortfolioState {
    /// Selected projects active per `system * periods + t`.
    private(set) var systemActive: [Int32]
    /// (system, period) pairs over their limit.
    private(set) var systemOver = 0
    /// Selected pairs of alternatives.
    private(set) var conflicts = 0
    /// Per rule: the group's measure and the whole portfolio's.
    private(set) var groupMeasure: [Double]
    private(set) var totalMeasure: [Double]

    init(_ p: GreedyPortfolio) {
        systemActive = Array(repeating: 0, count: p.systemLimit.count * p.periods)
        groupMeasure = Array(repeating: 0, count: p.groups.count)
        totalMeasure = Array(repeating: 0, count: p.groups.count)
    }

    /// Counts `j` selected at `s` (`sign` 1) or unselected from `s` (`sign` −1); `isSelected` tells
    /// which other projects are selected.
    mutating func count(_ j: Int, at s: Int, duration: Int, sign: Int32, _ p: GreedyPortfolio,
                        isSelected: (Int) -> Bool) {
        for k in p.systemsOf[j] {
            let limit = p.systemLimit[k]
            for t in max(0, s)..<min(p.periods, s + duration) {
                let i = k * p.periods + t
                let wasOver = Int(systemActive[i]) > limit
                systemActive[i] += sign
                let isOver = Int(systemActive[i]) > limit
                if wasOver != isOver { systemOver += isOver ? 1 : -1 }
            }
        }
        for i in p.excludes[j] where isSelected(i) { conflicts += Int(sign) }
        for (r, group) in p.groups.enumerated() where group.rule.measure != .cost {
            let m = (group.rule.measure == .projects ? 1 : p.projectValue[j]) * Double(sign)
            totalMeasure[r] += m
            if group.members[j] { groupMeasure[r] += m }
        }
    }

    /// Adds `money` of staff cost on project `j` to the cost-measured rules.
    mutating func addCost(_ money: Double, project j: Int, _ p: GreedyPortfolio) {
        for (r, group) in p.groups.enumerated() where group.rule.measure == .cost {
            totalMeasure[r] += money
            if group.members[j] { groupMeasure[r] += money }
        }
    }

    /// How far the balance rules are from holding: Σ of each rule's missing share (0 when all hold).
    /// A margin of a tenth of the checker's tolerance absorbs the drift of incremental sums.
    func balanceShortfall(_ p: GreedyPortfolio) -> Double {
        var total = 0.0
        for (r, group) in p.groups.enumerated() {
            let all = totalMeasure[r]
            guard all > 1e-9 else { continue }
            let least = group.rule.minShare * all
            let most = group.rule.maxShare * all
            let slack = 0.1 * Tolerance.of(least)
            if groupMeasure[r] < least - slack { total += (least - groupMeasure[r]) / all }
            if groupMeasure[r] > most + 0.1 * Tolerance.of(most) { total += (groupMeasure[r] - most) / all }
        }
        return total
    }

    /// Whether systems and alternatives hold (balance is read through `balanceShortfall`).
    var systemsAndAlternativesHold: Bool { systemOver == 0 && conflicts == 0 }
}

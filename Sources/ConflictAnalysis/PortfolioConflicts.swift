// Format v2 in the analysis (spec v2, section 6): collisions on shared systems and work in
// freezes, and the portfolio reasons a project is left out (systems, alternatives, balance,
// cost of delay). Formulas over the scenario and the analysed plan; the forced re-solves of
// `SelectionAnalysis.forceIn` confirm the reasons.
import CapacityPlanning

/// A shared system over its limit, or changed during a freeze, in one period of the analysed plan.
public struct SystemCollision: Sendable, Equatable, Codable {
    /// What breaks: the system's limit, or a freeze.
    public enum Kind: String, Sendable, Equatable, Codable {
        /// More projects active on the system than its `maxConcurrentProjects`.
        case overLimit
        /// Projects active on the system in a frozen period.
        case freeze
    }

    /// The system's id.
    public var system: String
    /// The period of the collision.
    public var period: Int
    /// Over its limit, or in a freeze.
    public var kind: Kind
    /// The system's limit (`nil`: unlimited).
    public var limit: Int?
    /// The projects active on it then.
    public var projects: [String]

    /// Creates a collision.
    public init(system: String, period: Int, kind: Kind, limit: Int?, projects: [String]) {
        self.system = system
        self.period = period
        self.kind = kind
        self.limit = limit
        self.projects = projects
    }
}

/// The version-2 facts of an analysed plan.
struct PortfolioConflicts {
    let problem: PlanningProblem
    let allocation: Allocation

    /// Projects active on each system in each period, ascending: `[system][period]`.
    private var activeProjects: [[[Int]]] {
        problem.systems.map { system in
            var byPeriod = Array(repeating: [Int](), count: problem.periodCount)
            for j in system.projects {
                guard let s = allocation.starts[j] else { continue }
                for t in max(0, s)..<min(problem.periodCount, s + problem.projects[j].duration) { byPeriod[t].append(j) }
            }
            return byPeriod
        }
    }

    /// Every system and period where the plan breaks rule 10, by system then period.
    func collisions() -> [SystemCollision] {
        var out: [SystemCollision] = []
        for (k, byPeriod) in activeProjects.enumerated() {
            let system = problem.systems[k]
            for (t, projects) in byPeriod.enumerated() where !projects.isEmpty {
                let ids = projects.map { problem.projects[$0].id }
                if system.isFrozen(t) {
                    out.append(SystemCollision(system: system.id, period: t, kind: .freeze, limit: system.limit, projects: ids))
                } else if let limit = system.limit, projects.count > limit {
                    out.append(SystemCollision(system: system.id, period: t, kind: .overLimit, limit: limit, projects: ids))
                }
            }
        }
        return out
    }

    /// The version-2 reasons project `j` (left out) stays out, most fundamental first.
    ///
    /// - Parameters:
    ///   - cheapest: its cheapest possible staffing cost.
    ///   - staffedStart: the start at which the plan's free hours staff it fully, if any.
    func reasons(_ j: Int, cheapest: Double, staffedStart: Int?) -> [NotSelectedProject.Reason] {
        let info = problem.projects[j]
        var out: [NotSelectedProject.Reason] = []
        let chosen = info.excludes.filter { allocation.isSelected($0) }.map { problem.projects[$0].id }
        if !chosen.isEmpty {
            out.append(.init(kind: .alternative, detail: "Its alternative \(chosen.joined(separator: ", ")) is selected; "
                             + "the two exclude each other."))
        }
        if let full = fullSystem(j) {
            out.append(.init(kind: .system, detail: full))
        }
        out += balanceReasons(j, cheapest: cheapest)
        if let start = staffedStart, info.costOfDelay > 0 {
            let worth = info.worth(start: start)
            if worth < cheapest - Tolerance.of(cheapest), info.bestWorth >= cheapest {
                out.append(.init(kind: .costOfDelay, detail: "The first start the plan's free hours allow is period \(start); "
                    + "waiting until then costs \(Format.money(info.costOfDelay * Double(start - info.earliestStart))), "
                    + "leaving it worth \(Format.money(worth)), below its cheapest staffing \(Format.money(cheapest))."))
            }
        }
        return out
    }

    /// "Every start … puts payments-core over its limit": when each possible start of `j` meets a
    /// touched system that is already at its limit in one of its active periods.
    private func fullSystem(_ j: Int) -> String? {
        let info = problem.projects[j]
        guard !info.systems.isEmpty, !info.possibleStarts.isEmpty else { return nil }
        let active = activeProjects
        var blocking: [Int: Set<Int>] = [:]  // system → periods at its limit
        for s in info.possibleStarts {
            var blocked = false
            for k in info.systems {
                guard let limit = problem.systems[k].limit else { continue }
                for t in max(0, s)..<min(problem.periodCount, s + info.duration) where active[k][t].count >= limit {
                    blocking[k, default: []].insert(t)
                    blocked = true
                }
            }
            if !blocked { return nil }
        }
        let systems = blocking.keys.sorted().map { k in
            "\(problem.systems[k].id) (limit \(problem.systems[k].limit ?? 0), full in \(periodList(Array(blocking[k] ?? []))))"
        }
        return "Every start it could take puts a system it changes over its limit beside the plan's projects: "
            + systems.joined(separator: ", ") + "."
    }

    /// Balance rules that adding `j` at its cheapest staffing would break.
    private func balanceReasons(_ j: Int, cheapest: Double) -> [NotSelectedProject.Reason] {
        guard !problem.balanceGroups.isEmpty else { return [] }
        let cost = PlanChecker.staffCostByProject(allocation, problem)
        var out: [NotSelectedProject.Reason] = []
        for group in problem.balanceGroups {
            let rule = group.rule
            var (inGroup, total) = PlanChecker.shares(of: group, allocation, problem, staffCost: cost)
            let m = problem.balanceMeasure(rule.measure, project: j, staffCost: cheapest.isFinite ? cheapest : 0)
            total += m
            if group.members[j] { inGroup += m }
            guard total > 0 else { continue }
            let share = inGroup / total
            if group.members[j], inGroup > rule.maxShare * total + Tolerance.of(rule.maxShare * total) {
                out.append(.init(kind: .balance, detail: "Adding it would give \(rule.groupName) \(Format.percent(share, decimals: 1)) "
                    + "of the portfolio's \(rule.measure.rawValue), above its maximum \(Format.percent(rule.maxShare, decimals: 1)) "
                    + "(policy.balance[\(group.index)])."))
            } else if !group.members[j], inGroup < rule.minShare * total - Tolerance.of(rule.minShare * total) {
                out.append(.init(kind: .balance, detail: "Adding it would leave \(rule.groupName) \(Format.percent(share, decimals: 1)) "
                    + "of the portfolio's \(rule.measure.rawValue), below its minimum \(Format.percent(rule.minShare, decimals: 1)) "
                    + "(policy.balance[\(group.index)])."))
            }
        }
        return out
    }
}

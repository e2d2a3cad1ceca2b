// What a model may decide: the whole problem, or a neighbourhood of a plan with the rest fixed.
package import CapacityPlanning

/// The part of a problem a model decides, and what the fixed rest of a plan leaves for it.
///
/// `full(_:)` frees everything. `around(_:freeing:problem:)` frees a set of projects and
/// fixes every other project's start and hours as an allocation has them: the free
/// projects then see capacity, concurrency slots and the portfolio budget *reduced by
/// the fixed work*, and dependencies on fixed projects become limits on their starts.
/// Any allocation that agrees with the fixed part and is valid there is a solution of
/// the scoped model, so a solve warm-started from the current plan can only improve it.
package struct ModelScope: Sendable {
    /// Whether each project has variables.
    package var free: [Bool]
    /// Starts each free project may take (`nil`: it cannot be selected).
    package var startRanges: [ClosedRange<Int>?]
    /// Free projects that must be selected.
    package var required: [Bool]
    /// Usable hours left per person and period (index `person × periods + period`).
    package var capacity: [Double]
    /// Concurrent-project slots left per person and period; `nil` entries are unlimited.
    package var slots: [Int?]
    /// Portfolio budget left; `nil` is unlimited.
    package var globalBudget: Double?
    /// Fixed projects active per system and period (index `system × periods + period`; version 2).
    package var systemUse: [Int]
    /// Per balance rule, the fixed selected projects' measure: in the group, and in all.
    package var balanceFixed: [(group: Double, total: Double)]

    /// Everything free: the whole problem.
    package static func full(_ problem: PlanningProblem) -> ModelScope {
        let periods = problem.periodCount
        var capacity = [Double](repeating: 0, count: problem.people.count * periods)
        var slots = [Int?](repeating: nil, count: problem.people.count * periods)
        for person in problem.people {
            for t in 0..<periods {
                capacity[person.index * periods + t] = person.capacity[t]
                slots[person.index * periods + t] = person.maxConcurrentProjects
            }
        }
        return ModelScope(free: Array(repeating: true, count: problem.projects.count),
                          startRanges: problem.projects.map(\.startRange),
                          required: problem.projects.map(\.required),
                          capacity: capacity, slots: slots, globalBudget: problem.policy.budget,
                          systemUse: Array(repeating: 0, count: problem.systems.count * periods),
                          balanceFixed: problem.balanceGroups.map { _ in (0, 0) })
    }

    /// Frees `projects` and fixes the rest of `allocation`.
    ///
    /// - Parameter startWindows: narrower start ranges for some freed projects (intersected with
    ///   what the problem and the fixed projects allow), to keep a sub-problem small.
    /// - Complexity: O(cells of the allocation + P·T + J·Δ).
    package static func around(_ allocation: Allocation, freeing projects: Set<Int>, problem: PlanningProblem,
                              startWindows: [Int: ClosedRange<Int>] = [:]) -> ModelScope {
        var scope = full(problem)
        let periods = problem.periodCount
        scope.free = problem.projects.map { projects.contains($0.index) }
        var fixedCost = 0.0
        var fixedProjectsAt: [Int: Set<Int>] = [:]
        for (cell, h) in allocation.hours where h > 0 {
            let j = problem.demands[cell.demand].project
            guard !scope.free[j] else { continue }
            let k = cell.person * periods + cell.period
            scope.capacity[k] = max(0, scope.capacity[k] - h)
            fixedCost += h * problem.people[cell.person].costPerHour
            fixedProjectsAt[k, default: []].insert(j)
        }
        for (k, set) in fixedProjectsAt {
            if let limit = scope.slots[k] { scope.slots[k] = max(0, limit - set.count) }
        }
        if let budget = scope.globalBudget { scope.globalBudget = max(0, budget - fixedCost) }
        scope.fixPortfolio(allocation, problem: problem)

        for info in problem.projects where scope.free[info.index] {
            guard var range = info.startRange else { continue }
            var lower = range.lowerBound
            var upper = range.upperBound
            if let window = startWindows[info.index] {
                lower = max(lower, window.lowerBound)
                upper = min(upper, window.upperBound)
            }
            var possible = true
            for i in info.dependencies where !scope.free[i] {
                guard let s = allocation.starts[i] else { possible = false; break }
                lower = max(lower, s + problem.projects[i].duration)
            }
            if info.excludes.contains(where: { !scope.free[$0] && allocation.isSelected($0) }) { possible = false }
            for k in info.dependents where !scope.free[k] {
                guard let s = allocation.starts[k] else { continue }
                scope.required[info.index] = true
                upper = min(upper, s - info.duration)
            }
            if possible && lower <= upper {
                range = lower...upper
                scope.startRanges[info.index] = range
            } else {
                scope.startRanges[info.index] = nil
            }
        }
        for j in problem.projects.indices where !scope.free[j] {
            scope.startRanges[j] = nil
            scope.required[j] = false
        }
        return scope
    }

    /// Counts the fixed projects' use of each system and their share of each balance rule.
    private mutating func fixPortfolio(_ allocation: Allocation, problem: PlanningProblem) {
        guard !problem.systems.isEmpty || !problem.balanceGroups.isEmpty else { return }
        let periods = problem.periodCount
        for system in problem.systems {
            for j in system.projects where !free[j] {
                guard let s = allocation.starts[j] else { continue }
                for t in max(0, s)..<min(periods, s + problem.projects[j].duration) { systemUse[system.index * periods + t] += 1 }
            }
        }
        guard !problem.balanceGroups.isEmpty else { return }
        let cost = PlanChecker.staffCostByProject(allocation, problem)
        for group in problem.balanceGroups {
            for info in problem.projects where !free[info.index] && allocation.isSelected(info.index) {
                let m = problem.balanceMeasure(group.rule.measure, project: info.index, staffCost: cost[info.index])
                balanceFixed[group.index].total += m
                if group.members[info.index] { balanceFixed[group.index].group += m }
            }
        }
    }

    /// Whether some free project is required but cannot start: the scope has no solution.
    package var isHopeless: Bool {
        free.indices.contains { free[$0] && required[$0] && startRanges[$0] == nil }
    }
}

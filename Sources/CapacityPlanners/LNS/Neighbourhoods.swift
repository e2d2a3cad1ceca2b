// The neighbourhoods of the large-neighbourhood search: which projects to free next.
import CapacityPlanning
import Foundation

/// A kind of neighbourhood: a rule for picking the projects a sub-problem re-decides.
package enum NeighbourhoodKind: String, Sendable, CaseIterable, Codable {
    /// A project and the projects that share the most eligible people with it in overlapping periods.
    case sharedPeople
    /// The projects with (possible) work in a window of consecutive periods.
    case timeWindow
    /// The projects that need one skill.
    case skillPool
    /// A project left out, with the selected projects that block it (they compete for its people):
    /// an attempt to bring it in.
    case blocked
    /// Selected projects whose start could move, with what they depend on.
    case startMoves
    /// The projects that change one shared system, with their alternatives (version 2).
    case sharedSystem
    /// The projects of one balance group and as many outside it (version 2).
    case balanceGroup
    /// The projects whose span or selection the LP relaxation of the in-flight model would change,
    /// drawn by how far it is from the plan (version 3; relaxation-induced, Docs/lns.md).
    case relaxationGap
    /// The rules of every search.
    static let version1: [NeighbourhoodKind] = [.sharedPeople, .timeWindow, .skillPool, .blocked, .startMoves]

    /// The rules a search of `problem` uses: the version-2 ones only where they have something to free.
    static func rules(for problem: PlanningProblem) -> [NeighbourhoodKind] {
        var kinds = version1
        if problem.systems.contains(where: { $0.projects.count > 1 }) { kinds.append(.sharedSystem) }
        if !problem.balanceGroups.isEmpty { kinds.append(.balanceGroup) }
        if problem.isInFlight { kinds.append(.relaxationGap) }
        return kinds
    }
}

/// Precomputed relations between projects, people and skills, built once per search.
///
/// - Complexity: O(Σ_d |eligible_d| + J·P) to build.
struct NeighbourhoodIndex: Sendable {
    /// Eligible people of each project (union over its demands), ascending.
    let peopleOf: [[Int]]
    /// Projects each person is eligible for, ascending.
    let projectsOf: [[Int]]
    /// Projects with a demand for each skill.
    let projectsBySkill: [[Int]]
    /// Projects that could be selected at all.
    let selectable: [Int]

    init(problem: PlanningProblem) {
        var peopleOf = Array(repeating: [Int](), count: problem.projects.count)
        var projectsOf = Array(repeating: [Int](), count: problem.people.count)
        var bySkill = Array(repeating: [Int](), count: problem.skills.count)
        for info in problem.projects where info.canBeSelected {
            var people = Set<Int>()
            for d in info.demands {
                people.formUnion(problem.demands[d].eligiblePeople)
                let s = problem.demands[d].skill
                if bySkill[s].last != info.index { bySkill[s].append(info.index) }
            }
            peopleOf[info.index] = people.sorted()
            for p in peopleOf[info.index] { projectsOf[p].append(info.index) }
        }
        self.peopleOf = peopleOf
        self.projectsOf = projectsOf
        self.projectsBySkill = bySkill
        self.selectable = problem.projects.filter(\.canBeSelected).map(\.index)
    }
}

/// Picks the projects to free, deterministically for a given random stream.
struct NeighbourhoodPicker {
    let problem: PlanningProblem
    let index: NeighbourhoodIndex

    /// Selectable projects ordered by `kind` around `allocation`: the ones the rule picks
    /// first, then those sharing people with them, then the rest at random. The search
    /// frees a prefix of this order that fits its size budget.
    func order(_ kind: NeighbourhoodKind, around allocation: Allocation, using random: inout SeededGenerator,
               leftOutSeed: Int? = nil, gaps: [Int: Double] = [:]) -> [Int] {
        pick(kind, size: index.selectable.count, around: allocation, using: &random, complete: true, leftOutSeed: leftOutSeed,
             gaps: gaps)
    }

    /// Selectable projects ordered for repairing `seed`, a selected project left short: it, then
    /// the selected projects that share the most people with it in its periods, then as `order`.
    func order(repairing seed: Int, around allocation: Allocation, using random: inout SeededGenerator) -> [Int] {
        let rivals = closest(to: seed, among: index.selectable.filter { allocation.starts[$0] != nil }, allocation: allocation)
        return completed([seed] + rivals, size: index.selectable.count, around: allocation, using: &random)
    }

    /// Up to `size` selectable projects chosen by `kind` around `allocation`.
    func pick(_ kind: NeighbourhoodKind, size: Int, around allocation: Allocation,
              using random: inout SeededGenerator, complete: Bool = false, leftOutSeed: Int? = nil,
              gaps: [Int: Double] = [:]) -> [Int] {
        let pool = index.selectable
        guard !pool.isEmpty, size > 0 else { return [] }
        if size >= pool.count && !complete { return pool }
        var chosen: [Int]
        switch kind {
        case .sharedPeople:
            let seed = pool[random.draw(in: 0..<pool.count)]
            chosen = [seed] + closest(to: seed, among: pool, allocation: allocation)
        case .timeWindow:
            let width = max(2, problem.periodCount / 4)
            let first = random.draw(in: 0...max(0, problem.periodCount - width))
            let window = first..<(first + width)
            chosen = pool.filter { j in
                if let start = allocation.starts[j] {
                    return start < window.upperBound && start + problem.projects[j].duration > window.lowerBound
                }
                return problem.projects[j].candidatePeriods.overlaps(window)
            }
            random.shuffleFromFront(&chosen)
        case .skillPool:
            let skills = index.projectsBySkill.indices.filter { !index.projectsBySkill[$0].isEmpty }
            guard !skills.isEmpty else { return Array(pool.prefix(size)) }
            let skill = skills[random.draw(in: 0..<skills.count)]
            chosen = index.projectsBySkill[skill]
            random.shuffleFromFront(&chosen)
        case .blocked:
            let out = pool.filter { allocation.starts[$0] == nil }
            guard !out.isEmpty else {
                return pick(.sharedPeople, size: size, around: allocation, using: &random, complete: complete)
            }
            // The project whose turn it is (the search passes it), else a valuable one at random.
            let seed = leftOutSeed.flatMap { out.contains($0) ? $0 : nil }
                ?? weightedChoice(out, weight: { max(1, problem.projects[$0].bestWorth) }, using: &random)
            let blockers = closest(to: seed, among: pool.filter { allocation.starts[$0] != nil }, allocation: allocation)
            chosen = [seed] + blockers
        case .sharedSystem:
            let systems = problem.systems.filter { $0.projects.count > 1 }
            guard !systems.isEmpty else { return pick(.sharedPeople, size: size, around: allocation, using: &random, complete: complete) }
            chosen = systems[random.draw(in: 0..<systems.count)].projects.filter { problem.projects[$0].canBeSelected }
            random.shuffleFromFront(&chosen)
            chosen += chosen.flatMap { problem.projects[$0].excludes }.filter { problem.projects[$0].canBeSelected }
        case .balanceGroup:
            guard !problem.balanceGroups.isEmpty else {
                return pick(.sharedPeople, size: size, around: allocation, using: &random, complete: complete)
            }
            let group = problem.balanceGroups[random.draw(in: 0..<problem.balanceGroups.count)]
            var inside = pool.filter { group.members[$0] }
            var outside = pool.filter { !group.members[$0] }
            random.shuffleFromFront(&inside)
            random.shuffleFromFront(&outside)
            chosen = []
            for k in 0..<max(inside.count, outside.count) {
                if k < inside.count { chosen.append(inside[k]) }
                if k < outside.count { chosen.append(outside[k]) }
            }
        case .relaxationGap:
            // Each project the relaxation would change, drawn by its gap without replacement
            // (weighted keys u^(1/w), largest first).
            guard !gaps.isEmpty else { return pick(.sharedPeople, size: size, around: allocation, using: &random, complete: complete) }
            let keyed = gaps.sorted { $0.key < $1.key }.map { j, gap in (j, Foundation.pow(random.draw(in: 1e-12..<1), 1 / gap)) }
            chosen = keyed.sorted { ($0.1, -$0.0) > ($1.1, -$1.0) }.map(\.0)
        case .startMoves:
            var movable = pool.filter { j in
                guard allocation.starts[j] != nil, let range = problem.projects[j].startRange else { return false }
                return range.count > 1
            }
            random.shuffleFromFront(&movable)
            chosen = []
            for j in movable {
                chosen.append(j)
                chosen += problem.projects[j].dependencies.filter { allocation.starts[$0] != nil }
                chosen += problem.projects[j].dependents.filter { allocation.starts[$0] != nil }
            }
        }
        return completed(chosen, size: size, around: allocation, using: &random)
    }

    /// `chosen` without repeats, topped up to `size` with the projects that share people with its
    /// first three, then at random.
    private func completed(_ chosen: [Int], size: Int, around allocation: Allocation, using random: inout SeededGenerator) -> [Int] {
        let pool = index.selectable
        var seen = Set<Int>()
        var chosen = chosen.filter { seen.insert($0).inserted }
        if chosen.count < size {
            // Top up with projects that share people with those already chosen, then at random.
            for j in chosen.prefix(3) where chosen.count < size {
                for k in closest(to: j, among: pool, allocation: allocation) where chosen.count < size && seen.insert(k).inserted {
                    chosen.append(k)
                }
            }
            var rest = pool.filter { !seen.contains($0) }
            random.shuffleFromFront(&rest)
            chosen += rest.prefix(size - chosen.count)
        }
        return Array(chosen.prefix(size))
    }

    /// Projects of `candidates` ranked by how many eligible people they share with `seed`
    /// in overlapping periods (most first; ties by index).
    func closest(to seed: Int, among candidates: [Int], allocation: Allocation) -> [Int] {
        let allowed = Set(candidates)
        let mine = problem.projects[seed].candidatePeriods
        var shared: [Int: Int] = [:]
        for p in index.peopleOf[seed] {
            for k in index.projectsOf[p] where k != seed && allowed.contains(k) {
                let theirs = periods(of: k, allocation)
                if theirs.overlaps(mine) { shared[k, default: 0] += 1 }
            }
        }
        return shared.keys.sorted { (shared[$0] ?? 0, -$0) > (shared[$1] ?? 0, -$1) }
    }

    private func periods(of j: Int, _ allocation: Allocation) -> Range<Int> {
        if let start = allocation.starts[j] {
            return start..<((allocation.finish(of: j, in: problem) ?? start + problem.projects[j].duration - 1) + 1)
        }
        return problem.projects[j].candidatePeriods
    }

    private func weightedChoice(_ items: [Int], weight: (Int) -> Double, using random: inout SeededGenerator) -> Int {
        let total = items.reduce(0) { $0 + weight($1) }
        var r = random.draw(in: 0..<max(total, 1e-12))
        for item in items {
            r -= weight(item)
            if r < 0 { return item }
        }
        return items[items.count - 1]
    }
}

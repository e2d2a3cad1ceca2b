// Which projects a step frees, and with which starts, within the column budget.
#if GLPK
import CapacityPlanning

extension Search {
    /// Hours variables a freed project brings when its starts are limited to `window`.
    func columns(of j: Int, window: ClosedRange<Int>?) -> Double {
        Self.columns(of: j, window: window, in: problem)
    }

    /// Hours variables project `j` of `problem` brings when its starts are limited to `window`.
    static func columns(of j: Int, window: ClosedRange<Int>?, in problem: PlanningProblem) -> Double {
        let info = problem.projects[j]
        guard let range = info.startRange else { return 0 }
        let starts = window.map { min($0.upperBound, range.upperBound) - max($0.lowerBound, range.lowerBound) + 1 } ?? range.count
        let periods = Double(max(0, starts) + info.duration - 1)
        return info.demands.reduce(0) { $0 + Double(problem.demands[$1].eligiblePeople.count) * periods }
    }

    /// The next left-out project to try to bring in: they take turns, the most profitable
    /// (value less its cheapest staffing) first, so every one is tried within a few rounds.
    mutating func nextLeftOut(_ current: Allocation) -> Int? {
        let out = index.selectable.filter { current.starts[$0] == nil }
            .sorted { (profit[$0], -$0) > (profit[$1], -$1) }
        guard !out.isEmpty else { return nil }
        defer { leftOutTurn += 1 }
        return out[leftOutTurn % out.count]
    }

    /// The in-flight relaxation's gaps from `current` (`InFlightModel.relaxationGaps`), once its LP is
    /// solved; worked out again only when the plan has changed.
    mutating func relaxationGuide(around current: Allocation, objective: Double)
        -> (gaps: [Int: Double], windows: [Int: ClosedRange<Int>])?
    {
        if let cache = relaxationCache, cache.objective == objective { return (cache.gaps, cache.windows) }
        guard let inFlight, let relaxed = relaxation?.relaxedValues,
              let plan = inFlight.formulation.values(for: current) else { return nil }
        let guide = inFlight.relaxationGaps(relaxed, plan: plan)
        relaxationCache = (objective, guide.gaps, guide.windows)
        return guide
    }

    /// The selected projects the plan leaves short (more than half an hour unmet), most unmet first.
    func shortProjects(_ current: Allocation) -> [Int] {
        let unmet = current.unmetHoursByProject(problem)
        return unmet.indices.filter { unmet[$0] > 0.5 }.sorted { (unmet[$0], -$0) > (unmet[$1], -$1) }
    }

    /// Whether the next neighbourhood frees its projects with every start they could have
    /// (fewer projects fit the budget) instead of a few periods around their current one.
    /// Exchanges that move a project far (a mandatory one to the end of the horizon so that a
    /// left-out one can take its people early) need it; the rules about starts and about
    /// left-out projects use it.
    mutating func wideStarts(for kind: NeighbourhoodKind) -> Bool {
        switch kind {
        case .startMoves, .blocked: true
        default: false
        }
    }

    /// The prefix of `order` that fits the column budget, with the start windows that keep it
    /// small: a selected project may move `SearchPolicy.startRadius` periods; one left out may start in a
    /// window of the same width placed at random in its range; with `wide`, every project
    /// keeps its whole start range. When the whole problem fits, every project is freed with
    /// every start (`whole`), and an optimal solve proves the plan (the main search only).
    mutating func neighbourhood(_ order: [Int], around current: Allocation, wide: Bool, minimumCore: Int,
                                preferred: [Int: ClosedRange<Int>] = [:])
        -> (freed: [Int], windows: [Int: ClosedRange<Int>], whole: Bool)
    {
        if wholeProblemFits && !isHelper { return (order, [:], true) }
        var freed: [Int] = []
        var windows: [Int: ClosedRange<Int>] = [:]
        var used = 0.0
        for j in order {
            guard let range = problem.projects[j].startRange else { continue }
            let window: ClosedRange<Int>
            if wide {
                window = range
            } else if let wanted = preferred[j] {
                // The starts the relaxation gives weight to, with the plan's and the usual radius around it.
                let start = current.starts[j] ?? wanted.lowerBound
                window = min(wanted.lowerBound, start - policy.startRadius)...max(wanted.upperBound, start + policy.startRadius)
            } else if let start = current.starts[j] {
                window = (start - policy.startRadius)...(start + policy.startRadius)
            } else {
                let width = 2 * policy.startRadius
                let first = range.lowerBound + random.draw(in: 0...max(0, range.count - 1 - width))
                window = first...(first + width)
            }
            let cost = columns(of: j, window: window)
            if freed.count >= minimumCore && used + cost > columnBudget { continue }
            freed.append(j)
            windows[j] = window
            used += cost
            if used >= columnBudget { break }
        }
        addRing(to: &freed, windows: &windows, around: current)
        return (freed, windows, false)
    }

    /// Adds the ring around a neighbourhood's core: the selected projects that share the most
    /// people with it, each kept at its start but with its staffing freed, within `SearchPolicy.ringShare` of
    /// the column budget. An exchange (one project in, another out, a third moved) usually
    /// needs the people of projects around it to be re-staffed too, and a project whose start
    /// is fixed adds only hours variables for its own periods.
    mutating func addRing(to freed: inout [Int], windows: inout [Int: ClosedRange<Int>], around current: Allocation) {
        let ringBudget = columnBudget * policy.ringShare
        guard ringBudget > 0 else { return }
        let core = Set(freed)
        var shared: [Int: Int] = [:]
        for j in freed {
            for p in index.peopleOf[j] {
                for k in index.projectsOf[p] where !core.contains(k) && current.starts[k] != nil {
                    shared[k, default: 0] += 1
                }
            }
        }
        let ranked = shared.keys.sorted { (shared[$0] ?? 0, -$0) > (shared[$1] ?? 0, -$1) }
        var used = 0.0
        for k in ranked {
            guard let start = current.starts[k] else { continue }
            let window = start...start
            let cost = columns(of: k, window: window)
            if used + cost > ringBudget { continue }
            freed.append(k)
            windows[k] = window
            used += cost
        }
    }
}
#endif

// Which starts the shared systems leave a project (spec v2, rule 10): a start is blocked when a
// system the project touches is frozen in one of its active periods, or allows no project at all.
// One definition for the validator, the normalised problem and the analysis.

/// The periods in which each system is closed to every project: its freezes, or every period
/// when its `maxConcurrentProjects` is 0.
struct SystemCalendar {
    /// Closed periods per system index, sorted and without repeats (`nil`: closed in every period).
    let closed: [[Int]?]

    init(systems: [System]) {
        closed = systems.map { system in
            if system.maxConcurrentProjects == 0 { return nil }
            return Array(Set(system.freezes)).sorted()
        }
    }

    /// For every start in `window`, whether the project (active `duration` periods from its
    /// start, changing `systems`) may start there. Unknown system indices are ignored.
    ///
    /// - Complexity: O(|window| + closed periods of the systems).
    func openStarts(window: ClosedRange<Int>, duration: Int, systems: [Int]) -> [Bool] {
        var frozen: [Int] = []
        for k in systems where closed.indices.contains(k) {
            guard let periods = closed[k] else { return Array(repeating: false, count: window.count) }
            frozen += periods
        }
        guard !frozen.isEmpty else { return Array(repeating: true, count: window.count) }
        frozen.sort()
        var open = Array(repeating: true, count: window.count)
        var next = 0
        for (i, s) in window.enumerated() {
            while next < frozen.count && frozen[next] < s { next += 1 }
            if next < frozen.count && frozen[next] <= s + duration - 1 { open[i] = false }
        }
        return open
    }

    /// `the erp freeze in period 4`, `the freezes of erp (periods 4, 5) and crm (period 9)`,
    /// or `erp, which allows no project`: what closes `systems` within `periods`.
    func describe(systems: [Int], within periods: ClosedRange<Int>, ids: [String]) -> String {
        var parts: [(String, [Int])] = []
        for k in Set(systems).sorted() where closed.indices.contains(k) {
            guard let list = closed[k] else { return "\(ids[k]), which allows no project (maxConcurrentProjects 0)" }
            let inside = list.filter { periods.contains($0) }
            if !inside.isEmpty { parts.append((ids[k], inside)) }
        }
        func list(_ periods: [Int]) -> String {
            (periods.count == 1 ? "period " : "periods ") + periods.map(String.init).joined(separator: ", ")
        }
        if parts.count == 1, let (id, periods) = parts.first {
            return "the \(id) freeze in \(list(periods))"
        }
        return "the freezes of " + parts.map { "\($0.0) (\(list($0.1)))" }.joined(separator: " and ")
    }
}

// What one search did: neighbourhoods tried and improved, by kind and by 10-second window, and
// the sub-problems GLPK failed on.
#if GLPK

/// Statistics of one search, reported in the plan's note and in progress messages.
struct SearchStatistics: Sendable {
    var steps = 0
    var improvements = 0
    var tried: [Move: Int] = [:]
    var improved: [Move: Int] = [:]
    /// Neighbourhoods finished in each `window` seconds of the run (0–10 s, 10–20 s, …): a search
    /// that stops trying (one solve holding the time) shows as a run of zeros.
    var triedPerWindow: [Int] = []
    /// Of those, the ones that improved the plan.
    var improvedPerWindow: [Int] = []
    /// Sub-problems GLPK failed on (an error, not a limit), and the last error in words.
    var solverErrors = 0
    var lastSolverError: String?

    /// Seconds per window of `triedPerWindow`.
    static let window = 10.0

    /// Counts one finished neighbourhood of `kind`, `seconds` into the run.
    mutating func record(_ move: Move, improved gained: Bool, at seconds: Double) {
        steps += 1
        tried[move, default: 0] += 1
        let slot = max(0, Int(seconds / Self.window))
        if triedPerWindow.count <= slot {
            triedPerWindow += Array(repeating: 0, count: slot + 1 - triedPerWindow.count)
            improvedPerWindow += Array(repeating: 0, count: slot + 1 - improvedPerWindow.count)
        }
        triedPerWindow[slot] += 1
        guard gained else { return }
        improvements += 1
        improved[move, default: 0] += 1
        improvedPerWindow[slot] += 1
    }

    /// Counts a sub-problem GLPK failed on.
    mutating func recordFailure(_ message: String) {
        solverErrors += 1
        lastSolverError = message
    }

    var summary: String {
        // The version-1 rules always, the others where they were tried.
        let others = NeighbourhoodKind.allCases.filter { !NeighbourhoodKind.version1.contains($0) }.map(Move.rule) + [.guided, .repair, .wholeAttempt]
        let used = NeighbourhoodKind.version1.map(Move.rule) + others.filter { tried[$0] != nil }
        let kinds = used.map { "\($0.label) \(improved[$0] ?? 0)/\(tried[$0] ?? 0)" }
        var text = "\(steps) neighbourhoods, \(improvements) improved (\(kinds.joined(separator: ", ")))"
        if solverErrors > 0 { text += "; \(solverErrors) sub-problems failed in GLPK (last: \(lastSolverError ?? ""))" }
        return text
    }

    /// Improved/tried per 10 s window, e.g. `per 10 s: 3/14 1/12 0/9`.
    var timeline: String {
        guard !triedPerWindow.isEmpty else { return "" }
        return "per \(Int(Self.window)) s: " + zip(improvedPerWindow, triedPerWindow).map { "\($0)/\($1)" }.joined(separator: " ")
    }

    mutating func add(_ other: SearchStatistics) {
        steps += other.steps
        improvements += other.improvements
        tried.merge(other.tried, uniquingKeysWith: +)
        improved.merge(other.improved, uniquingKeysWith: +)
        let windows = max(triedPerWindow.count, other.triedPerWindow.count)
        triedPerWindow = (0..<windows).map { (triedPerWindow[safe: $0] ?? 0) + (other.triedPerWindow[safe: $0] ?? 0) }
        improvedPerWindow = (0..<windows).map { (improvedPerWindow[safe: $0] ?? 0) + (other.improvedPerWindow[safe: $0] ?? 0) }
        solverErrors += other.solverErrors
        lastSolverError = other.lastSolverError ?? lastSolverError
    }
}

private extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
#endif

// What one search did: neighbourhoods tried and improved, by kind.
#if GLPK

/// Statistics of one search, reported in the plan's note and in progress messages.
struct SearchStatistics: Sendable {
    var steps = 0
    var improvements = 0
    var tried: [NeighbourhoodKind: Int] = [:]
    var improved: [NeighbourhoodKind: Int] = [:]

    var summary: String {
        let used = NeighbourhoodKind.version1 + NeighbourhoodKind.allCases.filter { !NeighbourhoodKind.version1.contains($0) && tried[$0] != nil }
        let kinds = used.map { "\($0.rawValue) \(improved[$0] ?? 0)/\(tried[$0] ?? 0)" }
        return "\(steps) neighbourhoods, \(improvements) improved (\(kinds.joined(separator: ", ")))"
    }

    mutating func add(_ other: SearchStatistics) {
        steps += other.steps
        improvements += other.improvements
        tried.merge(other.tried, uniquingKeysWith: +)
        improved.merge(other.improved, uniquingKeysWith: +)
    }
}
#endif

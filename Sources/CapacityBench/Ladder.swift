// The sizes the benchmark ladder runs, and how they are named on the command line.
import CapacityPlanning
import Foundation

/// One rung of the ladder: a generated scenario of `people × projects × periods`.
struct LadderSize: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// People in the pool.
    var people: Int
    /// Candidate projects.
    var projects: Int
    /// Weekly periods in the horizon.
    var periods: Int

    /// The full ladder, from a small team to a large enterprise portfolio.
    static let full: [LadderSize] = [
        LadderSize(people: 10, projects: 5, periods: 8),
        LadderSize(people: 20, projects: 10, periods: 12),
        LadderSize(people: 30, projects: 12, periods: 12),
        LadderSize(people: 60, projects: 25, periods: 16),
        LadderSize(people: 120, projects: 40, periods: 26),
        LadderSize(people: 250, projects: 80, periods: 26),
        LadderSize(people: 500, projects: 150, periods: 52),
        LadderSize(people: 1000, projects: 300, periods: 52),
    ]

    /// The ladder of `--quick`: three small rungs that finish in seconds.
    static let quick: [LadderSize] = [
        LadderSize(people: 10, projects: 5, periods: 8),
        LadderSize(people: 20, projects: 10, periods: 12),
        LadderSize(people: 60, projects: 25, periods: 16),
    ]

    /// Creates a size.
    init(people: Int, projects: Int, periods: Int) {
        self.people = people
        self.projects = projects
        self.periods = periods
    }

    /// Parses `PEOPLExPROJECTSxPERIODS` (e.g. `60x25x16`; `×` and `X` also separate);
    /// `nil` unless all three are whole numbers with at least one person, one project and one period.
    init?(parsing text: String) {
        let parts = text.lowercased().replacingOccurrences(of: "×", with: "x")
            .split(separator: "x", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 3,
              let people = Int(parts[0]), let projects = Int(parts[1]), let periods = Int(parts[2]),
              people >= 1, projects >= 1, periods >= 1,
              people <= 100_000, projects <= 100_000, periods <= 10_000
        else { return nil }
        self.init(people: people, projects: projects, periods: periods)
    }

    /// `PEOPLExPROJECTSxPERIODS`, as `--sizes` takes it.
    var description: String { "\(people)x\(projects)x\(periods)" }

    /// `people × projects × periods`, for display.
    var pretty: String { "\(people.grouped)×\(projects.grouped)×\(periods)" }

    /// The product people × projects × periods (a crude size when eligible cells are unknown).
    var volume: Int { people * projects * periods }

    /// Orders by volume, then by people, projects and periods.
    static func < (a: LadderSize, b: LadderSize) -> Bool {
        (a.volume, a.people, a.projects, a.periods) < (b.volume, b.people, b.projects, b.periods)
    }
}

extension Int {
    /// The number with thousands separated by commas (`1,000`).
    var grouped: String { Format.grouped(self) }
}

// Can a project be staffed at some start: alone, or beside the plan's other work? (Deadline risk.)
import CapacityPlanning

/// Staffing checks for one project at a time, by max flow per period.
///
/// The plan's bookings are indexed once (per period, person and project), and each project's
/// best start under each supply is computed once and remembered: deadline risk, contention and
/// the reasons a project is left out all ask for the same answers.
struct StaffingCheck {
    let problem: PlanningProblem
    let allocation: Allocation
    /// `bookings[t][p][j]`: hours the plan books for person `p` on project `j` in period `t`.
    private let bookings: [[Int: [Int: Double]]]
    /// Hours the plan covers per demand and period (`demand · T + period`).
    private let covered: [Int: Double]
    private let memo = Memo()

    /// Best starts already computed.
    private final class Memo {
        var best: [Int: Shortfall?] = [:]
    }

    init(problem: PlanningProblem, allocation: Allocation) {
        self.problem = problem
        self.allocation = allocation
        var bookings = [[Int: [Int: Double]]](repeating: [:], count: problem.periodCount)
        var covered: [Int: Double] = [:]
        for (cell, h) in allocation.hours where h > 0 && cell.period >= 0 && cell.period < problem.periodCount {
            bookings[cell.period][cell.person, default: [:]][problem.demands[cell.demand].project, default: 0] += h
            covered[cell.demand * problem.periodCount + cell.period, default: 0] += h
        }
        self.bookings = bookings
        self.covered = covered
    }

    /// How short a project is at one start.
    struct Shortfall {
        /// The start.
        var start: Int
        /// Hours short in total.
        var hours: Double
        /// One staffing that leaves the least short: unmet hours by demand and period.
        var lines: [UnmetDemand]
    }

    /// Which hours a person has for the project being checked.
    enum Supply {
        /// Everyone's usable hours (the project alone).
        case alone
        /// Usable hours minus the plan's bookings on other projects.
        case besideThePlan
        /// As `besideThePlan`, and nothing from people already at their concurrency limit.
        case besideThePlanWithConcurrency
    }

    /// The most starts tried per project (spread evenly over its start range).
    static let maximumStarts = 60

    /// The start of `project` that leaves it least short under `supply`, or `nil` when it has no start.
    func bestStart(_ j: Int, supply: Supply) -> Shortfall? {
        let key = j * 3 + (supply == .alone ? 0 : supply == .besideThePlan ? 1 : 2)
        if let known = memo.best[key] { return known }
        var best: Shortfall?
        if let range = problem.projects[j].startRange {
            let closed = problem.projects[j].closedStarts
            for s in Self.sample(range) where !closed.contains(s) {
                let shortfall = self.shortfall(j, start: s, supply: supply)
                if best == nil || shortfall.hours < (best?.hours ?? .infinity) - 1e-9 { best = shortfall }
                if shortfall.hours <= 1e-6 { break }
            }
        }
        memo.best[key] = best
        return best
    }

    /// `range`, or at most `maximumStarts` of its values spread evenly (first and last included).
    static func sample(_ range: ClosedRange<Int>) -> [Int] {
        let count = range.count
        guard count > maximumStarts else { return Array(range) }
        return (0..<maximumStarts).map { range.lowerBound + Int((Double($0) * Double(count - 1) / Double(maximumStarts - 1)).rounded()) }
    }

    /// How short `project` is when it starts at `s` and draws on `supply`.
    func shortfall(_ j: Int, start s: Int, supply: Supply) -> Shortfall {
        let info = problem.projects[j]
        var total = 0.0
        var lines: [UnmetDemand] = []
        for offset in info.offsetsInHorizon(start: s, periods: problem.periodCount) {
            let t = s + offset
            let demands = info.demands.filter { problem.demands[$0].hours(start: s, period: t) > 0 }
            guard !demands.isEmpty else { continue }
            var available: [Int: Double] = [:]
            for d in demands {
                for p in problem.demands[d].eligiblePeople where available[p] == nil {
                    available[p] = hours(of: p, excluding: j, period: t, supply: supply)
                }
            }
            let flowLines = demands.map { d in
                SupplyFlow.Line(hours: problem.demands[d].hours(start: s, period: t),
                                people: problem.demands[d].eligiblePeople.filter { (available[$0] ?? 0) > 1e-9 })
            }
            let flow = SupplyFlow(lines: flowLines, capacity: { available[$0] ?? 0 })
            for (k, d) in demands.enumerated() {
                let missing = flowLines[k].hours - flow.served[k]
                if missing > Tolerance.of(flowLines[k].hours) {
                    total += missing
                    lines.append(UnmetDemand(demand: problem.demands[d].id, period: t, hours: missing))
                }
            }
        }
        return Shortfall(start: s, hours: total, lines: lines)
    }

    /// Hours person `p` has in period `t` for project `j` under `supply`.
    func hours(of p: Int, excluding j: Int, period t: Int, supply: Supply) -> Double {
        let capacity = problem.people[p].capacity[t]
        guard supply != .alone, capacity > 0, let byProject = bookings[t][p] else { return max(0, capacity) }
        var booked = 0.0
        var others = 0
        for (project, h) in byProject where project != j {
            booked += h
            others += 1
        }
        if supply == .besideThePlanWithConcurrency, let limit = problem.people[p].maxConcurrentProjects, others >= limit {
            return 0
        }
        return max(0, capacity - booked)
    }

    /// Unmet hours of selected project `j` in the plan, by demand and period.
    func unmet(_ j: Int) -> [UnmetDemand] {
        guard let s = allocation.starts[j] else { return [] }
        let info = problem.projects[j]
        var out: [UnmetDemand] = []
        for offset in info.offsetsInHorizon(start: s, periods: problem.periodCount) {
            let t = s + offset
            for d in info.demands {
                let need = problem.demands[d].hours(start: s, period: t)
                let missing = need - (covered[d * problem.periodCount + t] ?? 0)
                if need > 0, missing > Tolerance.of(need) {
                    out.append(UnmetDemand(demand: problem.demands[d].id, period: t, hours: missing))
                }
            }
        }
        return out
    }

    /// Projects that cannot be staffed in their window, and selected projects left short.
    func deadlineRisks() -> [DeadlineRisk] {
        var risks: [DeadlineRisk] = []
        for info in problem.projects {
            let j = info.index
            guard info.startRange != nil else {
                let why = info.windowStarts == nil
                    ? "its window (earliest start \(problem.scenario.projects[j].earliestStart), last period "
                        + "\(min(problem.scenario.projects[j].deadline ?? problem.periodCount - 1, problem.periodCount - 1)), "
                        + "\(info.duration) periods long) cannot hold it"
                    : "its dependencies finish too late for any start in its window"
                risks.append(DeadlineRisk(project: info.id, mandatory: info.mandatory, kind: .noStartInWindow,
                                          bestStart: nil, shortHours: info.totalHours, shortfall: [],
                                          detail: "\(info.id) cannot start: \(why)."))
                continue
            }
            if let alone = bestStart(j, supply: .alone), alone.hours > Tolerance.of(info.totalHours) {
                risks.append(DeadlineRisk(
                    project: info.id, mandatory: info.mandatory, kind: .cannotBeStaffedAlone, bestStart: alone.start,
                    shortHours: alone.hours, shortfall: alone.lines,
                    detail: "Even with everyone free, \(info.id) is \(Format.hoursWithUnit(alone.hours)) short at its best start (period \(alone.start))."))
                if allocation.starts[j] == nil { continue }
            }
            if allocation.starts[j] != nil {
                let unmet = unmet(j)
                let total = unmet.reduce(0) { $0 + $1.hours }
                if total > 0 {
                    risks.append(DeadlineRisk(
                        project: info.id, mandatory: info.mandatory, kind: .unmetHours, bestStart: allocation.starts[j],
                        shortHours: total, shortfall: unmet,
                        detail: "The plan leaves \(info.id) \(Format.hoursWithUnit(total)) short over \(Set(unmet.map(\.period)).count) period(s)."))
                }
            } else if info.mandatory, let beside = bestStart(j, supply: .besideThePlan), beside.hours > Tolerance.of(info.totalHours) {
                risks.append(DeadlineRisk(
                    project: info.id, mandatory: true, kind: .noRoomBesideThePlan, bestStart: beside.start,
                    shortHours: beside.hours, shortfall: beside.lines,
                    detail: "\(info.id) could be staffed alone, but beside the plan's other work it is "
                        + "\(Format.hoursWithUnit(beside.hours)) short at its best start (period \(beside.start))."))
            }
        }
        return risks
    }
}

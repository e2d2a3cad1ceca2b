// Supply around greedy (spec v3, Part B). Greedy staffs the people it is given; hires and courses
// are decided around it by steepest ascent: each round tries one more batch of hires of a role
// (1–3, at each of a few starts) or one more course (at each of a few starts), re-runs greedy on
// the scenario with that supply made into people, and keeps the change that gains most — until
// none gains, or the time is spent.
import CapacityPlanning

/// Hires (per role, their starts) and courses (per course, its start) greedy plans with.
struct GreedySupply: Hashable {
    var hires: [Int: [Int]] = [:]
    var courses: [Int: Int] = [:]
}

extension GreedyPlanner {
    /// Most starts tried per role or course in a round (spread over its range).
    static let supplyStartsPerRound = 8
    /// Most hires of one role added in one move (two hires may only pay together).
    static let supplyBatch = 3

    /// Plans a problem with supply: greedy without any, then steepest ascent over hires and courses.
    func solveWithSupply(_ problem: PlanningProblem, options: PlanningOptions,
                         began: ContinuousClock.Instant) throws(PlanningError) -> PlanningOutcome {
        var supply = GreedySupply()
        var best = try plan(problem, with: supply, options: options, began: began)
        var rounds = 0, runs = 1
        while true {
            rounds += 1
            var winner: (supply: GreedySupply, allocation: Allocation, objective: Double)?
            var late = false
            for candidate in Self.supplyMoves(from: supply, problem: problem) {
                if Self.outOfTime(options, began: began) { late = true; break }
                runs += 1
                guard let tried = try? plan(problem, with: candidate, options: options, began: began) else { continue }
                if tried.objective > (winner?.objective ?? best.objective) + 1e-9 * max(1, abs(best.objective)) {
                    winner = (candidate, tried.allocation, tried.objective)
                }
            }
            if let winner {
                supply = winner.supply
                best = (winner.allocation, winner.objective)
            }
            if winner == nil || late { break }
        }
        let hires = supply.hires.values.reduce(0) { $0 + $1.count }
        let note = "greedy with supply: \(hires) hire(s) and \(supply.courses.count) course(s) chosen by steepest ascent "
            + "(\(rounds) round(s), \(runs) greedy run(s))"
        return PlanningOutcome(allocation: best.allocation, notes: [PlannerNote(note)])
    }

    /// Whether less than a tenth of the time limit is left.
    private static func outOfTime(_ options: PlanningOptions, began: ContinuousClock.Instant) -> Bool {
        guard let limit = options.timeLimit else { return options.cancellation?.isCancelled == true }
        return began.secondsElapsed > 0.9 * limit || options.cancellation?.isCancelled == true
    }

    /// Greedy on the scenario with `supply` made into people, its plan mapped back onto `problem`
    /// with the hires and courses; checked. Throws when greedy finds nothing valid.
    private func plan(_ problem: PlanningProblem, with supply: GreedySupply, options: PlanningOptions,
                      began: ContinuousClock.Instant) throws(PlanningError) -> (allocation: Allocation, objective: Double) {
        let made = SuppliedScenario(problem, supply)
        let inner: PlanningProblem
        do { inner = try PlanningProblem(made.scenario) } catch {
            throw PlanningError(.noPlanFound, "greedy with supply: \(error)")
        }
        var innerOptions = options
        if let limit = options.timeLimit { innerOptions.timeLimit = max(0.01, (limit - began.secondsElapsed) / 4) }
        let outcome = try solve(inner, options: innerOptions)
        guard let planned = outcome.allocation else { throw PlanningError(.noPlanFound, "greedy found no plan") }
        let allocation = made.mapBack(planned, onto: problem)
        guard PlanChecker.violations(of: allocation, for: problem).isEmpty else {
            throw PlanningError(.noPlanFound, "greedy's plan with this supply breaks the rules")
        }
        return (allocation, ObjectiveBreakdown(allocation: allocation, problem: problem).total)
    }

    /// One more batch of hires of a role, or one more course, at up to `supplyStartsPerRound` starts each.
    static func supplyMoves(from supply: GreedySupply, problem: PlanningProblem) -> [GreedySupply] {
        var moves: [GreedySupply] = []
        for role in problem.roles {
            guard let starts = role.starts else { continue }
            let hired = supply.hires[role.index]?.count ?? 0
            let room = min(role.usefulHires, role.instances.count) - hired
            guard room > 0 else { continue }
            for s in spread(starts) {
                for count in 1...min(room, supplyBatch) {
                    var next = supply
                    next.hires[role.index, default: []] += Array(repeating: s, count: count)
                    next.hires[role.index]?.sort()
                    moves.append(next)
                }
            }
        }
        for course in problem.courses where supply.courses[course.index] == nil {
            guard let starts = course.starts, starts.lowerBound <= problem.periodCount - 1 - course.duration else { continue }
            for s in spread(starts.lowerBound...min(starts.upperBound, problem.periodCount - 1 - course.duration)) {
                var next = supply
                next.courses[course.index] = s
                moves.append(next)
            }
        }
        return moves
    }

    /// Up to `supplyStartsPerRound` starts spread evenly over `range`, its first always among them.
    private static func spread(_ range: ClosedRange<Int>) -> [Int] {
        guard range.count > supplyStartsPerRound else { return Array(range) }
        let step = Double(range.count - 1) / Double(supplyStartsPerRound - 1)
        return Array(Set((0..<supplyStartsPerRound).map { range.lowerBound + Int((Double($0) * step).rounded()) })).sorted()
    }
}

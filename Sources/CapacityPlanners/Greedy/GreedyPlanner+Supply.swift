// Supply around greedy (spec v3, Part B). Greedy staffs the people it is given; hires and courses
// are decided around it: each role and course in turn whose skills a project left out or short
// of hours needs tries its moves — one more batch of 1–3 hires, or the course, at up to four
// starts — each a greedy run on the scenario with that supply made into people, and the best that
// gains is kept; rounds repeat until one gains nothing, or the time is spent.
import CapacityPlanning

/// Hires (per role, their starts) and courses (per course, its start) greedy plans with.
struct GreedySupply: Hashable {
    var hires: [Int: [Int]] = [:]
    var courses: [Int: Int] = [:]
}

extension GreedyPlanner {
    /// Most starts tried per role or course and move (its first, then spread over its range).
    static let supplyStarts = 4
    /// Most hires of one role added in one move (two hires may only pay together).
    static let supplyBatch = 3
    /// Most rounds over the roles and courses.
    static let supplyRounds = 6
    /// Improving moves of each greedy run that screens a supply move (the chosen supply is then
    /// planned with the full search).
    static let supplyScreeningMoves = 200

    /// Plans a problem with supply: greedy without any, then the roles and courses in turn.
    func solveWithSupply(_ problem: PlanningProblem, options: PlanningOptions,
                         began: ContinuousClock.Instant) throws(PlanningError) -> PlanningOutcome {
        var supply = GreedySupply()
        var screening = options
        screening.moveLimit = min(options.moveLimit ?? Self.supplyScreeningMoves, Self.supplyScreeningMoves)
        var best = try plan(problem, with: supply, options: screening, began: began)
        var rounds = 0, runs = 1
        rounds: while rounds < Self.supplyRounds {
            rounds += 1
            var gained = false
            for group in Self.supplyGroups(problem, needing: Self.wanted(problem, best.allocation)) {
                var winner: (supply: GreedySupply, allocation: Allocation, objective: Double)?
                for candidate in group(supply) {
                    if Self.outOfTime(options, began: began) { break }
                    runs += 1
                    guard let tried = try? plan(problem, with: candidate, options: screening, began: began) else { continue }
                    let floor = winner?.objective ?? best.objective
                    if tried.objective > floor + 1e-9 * max(1, abs(floor)) { winner = (candidate, tried.allocation, tried.objective) }
                }
                if let winner {
                    supply = winner.supply
                    best = (winner.allocation, winner.objective)
                    gained = true
                }
                if Self.outOfTime(options, began: began) { break rounds }
            }
            if !gained { break }
        }
        // The chosen supply planned with greedy's full search; kept when it is better.
        if let full = try? plan(problem, with: supply, options: options, began: began), full.objective > best.objective {
            best = full
        }
        let hires = supply.hires.values.reduce(0) { $0 + $1.count }
        let note = "greedy with supply: \(hires) hire(s) and \(supply.courses.count) course(s), each role and course "
            + "tried in turn where a project left out or short needs it (\(rounds) round(s), \(runs) greedy run(s))"
        return PlanningOutcome(allocation: best.allocation, notes: [PlannerNote(note)])
    }

    /// Whether the supply search has had half the time limit (the chosen supply's full run and
    /// the caller's next steps get the rest), or the caller cancelled.
    private static func outOfTime(_ options: PlanningOptions, began: ContinuousClock.Instant) -> Bool {
        if options.cancellation?.isCancelled == true { return true }
        guard let limit = options.timeLimit else { return false }
        return began.secondsElapsed > 0.5 * limit
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

    /// The demand lines of projects that `allocation` leaves out or short: what supply could serve.
    static func wanted(_ problem: PlanningProblem, _ allocation: Allocation) -> [Int] {
        let unmet = allocation.unmetHoursByProject(problem)
        return problem.projects.filter { $0.canBeSelected && (allocation.starts[$0.index] == nil || unmet[$0.index] > 0.5) }
            .flatMap(\.demands)
    }

    /// For each role and course that qualifies someone for one of the `wanted` lines, the moves
    /// it offers from a supply: one more batch of hires, or the course, at up to `supplyStarts` starts.
    static func supplyGroups(_ problem: PlanningProblem, needing wanted: [Int]) -> [(GreedySupply) -> [GreedySupply]] {
        var groups: [(GreedySupply) -> [GreedySupply]] = []
        for role in problem.roles {
            guard let starts = role.starts,
                  wanted.contains(where: { d in role.instances.first.map(problem.demands[d].supplyEligible.contains) ?? false })
            else { continue }
            groups.append { supply in
                let hired = supply.hires[role.index]?.count ?? 0
                let room = min(role.usefulHires, role.instances.count) - hired
                guard room > 0 else { return [] }
                return spread(starts).flatMap { s in
                    (1...min(room, supplyBatch)).map { count in
                        var next = supply
                        next.hires[role.index, default: []] += Array(repeating: s, count: count)
                        next.hires[role.index]?.sort()
                        return next
                    }
                }
            }
        }
        for course in problem.courses {
            guard let starts = course.starts, starts.lowerBound <= problem.periodCount - 1 - course.duration,
                  wanted.contains(where: { problem.qualifyingCourses(person: course.person, demand: $0).contains(course.index) })
            else { continue }
            // Starts whose every period leaves room for the course's hours (rule 6).
            let capacity = problem.people[course.person].capacity
            let usable = (starts.lowerBound...min(starts.upperBound, problem.periodCount - 1 - course.duration)).filter { s in
                (s..<(s + course.duration)).allSatisfy { course.hoursPerPeriod <= capacity[$0] + Tolerance.of(capacity[$0]) }
            }
            guard !usable.isEmpty else { continue }
            groups.append { supply in
                guard supply.courses[course.index] == nil else { return [] }
                return spread(usable).map { s in
                    var next = supply
                    next.courses[course.index] = s
                    return next
                }
            }
        }
        return groups
    }

    /// Up to `supplyStarts` of `starts` (ascending) spread evenly, the first always among them.
    private static func spread<C: Collection<Int>>(_ starts: C) -> [Int] {
        let list = Array(starts)
        guard list.count > supplyStarts else { return list }
        let step = Double(list.count - 1) / Double(supplyStarts - 1)
        return Array(Set((0..<supplyStarts).map { list[Int((Double($0) * step).rounded())] })).sorted()
    }
}

// The greedy planner on the portfolio in flight (spec v3, Part A): greedy runs on reductions with
// one span per project (GreedyInFlight.swift) — every project at its fastest pace first, then the
// flexible projects that run left out or short given their longest and then a middle span — and
// the best lifted plan the checker accepts.
import CapacityPlanning

extension GreedyPlanner {
    /// Reductions tried: the fastest pace, then longer spans for the projects left out or short.
    static let inFlightPasses = 3

    /// Plans an in-flight `problem`. Work is done as early as each line's rate allows; a project
    /// the first run leaves out or short is given a longer span, which lowers its hours per period.
    func solveInFlight(_ problem: PlanningProblem, options: PlanningOptions,
                       began: ContinuousClock.Instant) throws(PlanningError) -> PlanningOutcome {
        if problem.statusPeriod >= problem.periodCount { return Self.planAtHorizonEnd(problem) }
        var pace = Array(repeating: GreedyPace.fastest, count: problem.projects.count)
        var best: (allocation: Allocation, objective: Double, note: String)?
        var failures: [String] = []
        var tried: [[GreedyPace]] = []
        for pass in 0..<Self.inFlightPasses {
            if pass > 0, options.cancellation?.isCancelled == true { break }
            if tried.contains(pace) { break }
            tried.append(pace)
            var passOptions = options
            if let limit = options.timeLimit {
                let left = max(0, limit - began.secondsElapsed)
                passOptions.timeLimit = left / Double(Self.inFlightPasses - pass)
            }
            let reduction: GreedyInFlightReduction
            do {
                reduction = try GreedyInFlightReduction(problem, pace: pace)
            } catch {
                failures.append("pass \(pass + 1): \(error)")
                pace = pace.map { _ in pass == 0 ? .longest : .middle }  // the next pass tries other spans
                continue
            }
            let run = GreedyRun(model: GreedyIndex(problem: reduction.reduced, inFlight: reduction.terms),
                                options: passOptions, began: .now)
            let moveLimit = passOptions.moveLimit ?? Self.defaultMoveLimit
            do {
                try run.constructBest(variants: run.variants(moveLimit: moveLimit))
            } catch {
                failures.append(Self.describeFailure(error.project, problem))
                pace = Self.slower(pace, after: pass, problem: problem, reduction: reduction, allocation: nil)
                continue
            }
            if let limit = passOptions.moveLimit {
                run.improve(moveLimit: limit)
            } else {
                run.improve(moveLimit: Self.defaultMoveLimit,
                            workLimit: max(Self.minimumSearchWork, Self.searchWorkFactor * run.constructionWork))
            }
            let reducedPlan = run.state.allocation()
            let lifted = reduction.lift(reducedPlan)
            var repair = GreedyInFlightRepair(problem: problem, allocation: lifted)
            repair.shiftFlexibleWork()
            repair.cheapen()
            repair.topUp()
            let filled = Self.placeLeftOut(repair, problem: problem)
            for allocation in [filled, repair.allocation, lifted] where PlanChecker.violations(of: allocation, for: problem).isEmpty {
                let objective = ObjectiveBreakdown(allocation: allocation, problem: problem).total
                if best.map({ objective > $0.objective + 1e-9 * max(1, abs($0.objective)) }) ?? true {
                    best = (allocation, objective, "pass \(pass + 1) of \(Self.inFlightPasses)")
                }
            }
            pace = Self.slower(pace, after: pass, problem: problem, reduction: reduction, allocation: reducedPlan)
        }
        guard let chosen = best else {
            throw PlanningError(.noPlanFound, failures.first ?? "the greedy planner found no valid plan for the portfolio in flight")
        }
        let note = "greedy on the portfolio in flight: one span per project, work as early as each rate allows, "
            + "longer spans for projects left out or short; best plan from \(chosen.note)"
        return PlanningOutcome(allocation: chosen.allocation, notes: [PlannerNote(note)])
    }

    /// Most placements `placeLeftOut` checks (each check reads the whole plan).
    static let placementChecks = 200

    /// Adds the projects a plan leaves out, most valuable first, each at the first start and the
    /// shortest span that hold all its work where people have room, when the plan stays valid
    /// and gains.
    static func placeLeftOut(_ repaired: GreedyInFlightRepair, problem: PlanningProblem) -> Allocation {
        var current = repaired
        guard PlanChecker.violations(of: current.allocation, for: problem).isEmpty else { return current.allocation }
        var objective = ObjectiveBreakdown(allocation: current.allocation, problem: problem).total
        var checks = 0
        let leftOut = problem.projects.filter { current.allocation.starts[$0.index] == nil && $0.canBeSelected }
            .sorted { ($0.bestWorth, -$0.index) > ($1.bestWorth, -$1.index) }
        for info in leftOut where checks < placementChecks {
            guard let range = info.startRange else { continue }
            placing: for s in range.prefix(8) {
                guard let finishes = info.finishes(start: s) else { continue }
                for f in finishes {
                    checks += 1  // every attempt counts: each copies the plan and fills a span
                    if checks > placementChecks { break placing }
                    var attempt = current
                    guard attempt.place(info.index, start: s, finish: f) else { continue }
                    if PlanChecker.violations(of: attempt.allocation, for: problem).isEmpty {
                        let gained = ObjectiveBreakdown(allocation: attempt.allocation, problem: problem).total
                        if gained > objective + 1e-9 * max(1, abs(objective)) {
                            current = attempt
                            objective = gained
                        }
                    }
                    break placing
                }
            }
        }
        return current.allocation
    }

    /// The next paces: the flexible projects `allocation` leaves out or short get the longest span
    /// after the first pass, a middle one after the second; the others keep theirs.
    static func slower(_ pace: [GreedyPace], after pass: Int, problem: PlanningProblem,
                       reduction: GreedyInFlightReduction, allocation: Allocation?) -> [GreedyPace] {
        var next = pace
        var covered = [Double](repeating: 0, count: problem.demands.count)
        for (cell, hours) in allocation?.hours ?? [:] where covered.indices.contains(cell.demand) { covered[cell.demand] += hours }
        for info in problem.projects where info.demands.contains(where: { problem.demands[$0].isFlexible }) {
            let j = info.index
            let selected = allocation?.starts[j] != nil
            let short = selected && info.demands.contains { d in
                let need = reduction.reduced.demands[d].totalHours
                return need - covered[d] > Tolerance.of(need)
            }
            guard !selected || short else { continue }
            next[j] = pass == 0 ? .longest : .middle
        }
        return next
    }

    /// With the status period at the horizon's end nothing can be planned: the started projects
    /// that are done (or mandatory, left short) are kept when they are worth it.
    static func planAtHorizonEnd(_ problem: PlanningProblem) -> PlanningOutcome {
        var allocation = Allocation(projectCount: problem.projects.count)
        for info in problem.projects {
            guard let started = info.started, info.earliestFinish <= info.lastPeriod else { continue }
            let project = problem.scenario.projects[info.index]
            let left = GreedyInFlightReduction.hasWorkLeft(project, status: problem.statusPeriod)
            guard info.mandatory || (!left && info.worth(start: started, finish: info.earliestFinish) >= 0) else { continue }
            allocation.starts[info.index] = started
            allocation.finishes[info.index] = info.earliestFinish
        }
        return PlanningOutcome(allocation: allocation, notes: [PlannerNote("greedy: the status period is the horizon's end; nothing left to plan")])
    }
}

// Where a search starts (the warm start, greedy, or the exact planner) and its bound.
#if GLPK
import CapacityPlanning
import Foundation

extension Search {
    /// Where the search starts: a plan, or the exact planner's proof that none exists.
    enum Start {
        /// A valid allocation to improve.
        case allocation(Allocation)
        /// The exact planner's proof that no plan exists, with its diagnosis.
        case noPlan(PlanningOutcome)
    }

    /// The warm start when the checker accepts it, else the greedy plan, else the exact planner's first plan.
    mutating func startingPoint() throws(PlanningError) -> Start {
        if let start = options.warmStart?.checked(for: problem), start.isValid {
            return .allocation(start.allocation)
        }
        var greedyOptions = options
        greedyOptions.progress = nil
        greedyOptions.warmStart = nil
        let greedyCap = wholeProblemFits ? policy.quickStartSeconds : policy.greedyStartSeconds
        if let limit = timeLimit { greedyOptions.timeLimit = max(0.05, min(limit * 0.15, greedyCap)) }
        if deterministic { greedyOptions.timeLimit = nil }
        do throws(PlanningError) {
            if let greedy = try GreedyPlanner().solve(problem, options: greedyOptions).allocation,
               PlanChecker.violations(of: greedy, for: problem).isEmpty {
                return .allocation(greedy.withoutNegligibleHours)
            }
        } catch {
            // Fall through to the exact planner, which can also prove infeasibility.
        }
        var exactOptions = options
        exactOptions.progress = nil
        exactOptions.timeLimit = remaining.map { max(0.1, $0 * 0.5) } ?? 60
        let exact = try ExactPlanner(warmStartWithGreedy: false).solve(problem, options: exactOptions)
        guard let allocation = exact.allocation else { return .noPlan(exact) }
        let violations = PlanChecker.violations(of: allocation, for: problem)
        guard violations.isEmpty else {
            throw PlanningError(.invalidPlan, "glpk produced a plan that breaks the rules", violations: violations)
        }
        return .allocation(allocation.withoutNegligibleHours)
    }

    /// The number of hours variables the whole problem's model would have.
    var modelCells: Int {
        problem.demands.reduce(0) { total, demand in
            total + demand.eligiblePeople.count * problem.projects[demand.project].candidatePeriods.count
        }
    }

    /// Starts the bound computations (`RelaxationBound.compute`): the Lagrangian bound where the
    /// class relaxation is large, branch and bound on the class relaxation, then the LP relaxation
    /// of the whole problem when time is left and its model is small enough. On another thread when
    /// running against the clock (the second core, for `RelaxationBound.timeShare(for:)` of the
    /// time, while the search uses the first), at once in deterministic mode. In flight, against
    /// the clock, the bound's thread dives from its LP solution to a plan first (`RelaxationDive`)
    /// and offers it to the search through `shared`.
    func startBound(incumbent: Double, shared: SharedIncumbent) -> RelaxationBound {
        let relaxation = RelaxationBound()
        let problem = problem
        let withLP = modelCells <= planner.boundModelLimit
        if deterministic {
            relaxation.compute(problem: problem, incumbent: incumbent, timeLimit: nil, withLP: withLP,
                               nodeLimit: planner.boundNodeLimit, inFlight: inFlight?.formulation.model)
        } else {
            // The bound has the second core for its share of the time; then a second search takes it.
            let share = wholeProblemFits ? policy.boundShareBesideWholeSolve
                : inFlight != nil ? 0.6 : RelaxationBound.timeShare(for: problem)
            let limit = remaining.map { max(0.5, $0 * share) }
            let cancellation = options.cancellation
            let model = inFlight?.formulation.model
            let dive = inFlight.flatMap { diveFromRelaxation($0, shared: shared, stopping: relaxation) }
            let thread = Thread {
                relaxation.compute(problem: problem, incumbent: incumbent, timeLimit: limit, withLP: withLP, inFlight: model,
                                   relaxed: dive, shouldStop: { cancellation?.isCancelled == true })
            }
            thread.stackSize = 16 << 20
            thread.start()
        }
        return relaxation
    }

    /// What the bound's thread does with the in-flight LP solution: a dive to a plan
    /// (`RelaxationDive`) until `SearchPolicy.diveShare` of the time, where the LP took at most
    /// `SearchPolicy.diveLPShare` of it; the plan is offered to the searches when the checker
    /// accepts it and it beats theirs. `nil` where the policy has no dive.
    /// The dive ends when the search does (`stopping` is stopped) or is cancelled.
    func diveFromRelaxation(_ inFlight: InFlightModel, shared: SharedIncumbent,
                            stopping: RelaxationBound) -> (@Sendable ([Double]) -> Void)? {
        guard policy.diveShare > 0, let remaining else { return nil }
        let began = ContinuousClock.now
        let deadline = began.advanced(by: .seconds(remaining * policy.diveShare))
        let lpLimit = remaining * policy.diveLPShare
        let (problem, cancellation) = (problem, options.cancellation)
        return { relaxed in
            // The dive solves the LP again about ten times: where the first took long, it cannot finish.
            guard began.secondsElapsed <= lpLimit else {
                shared.recordDive("not run: the LP took \(Format.seconds(began.secondsElapsed))")
                return
            }
            let dive = RelaxationDive(formulation: inFlight.formulation)
            let shouldStop = { @Sendable in cancellation?.isCancelled == true || stopping.isStopped }
            guard let plan = dive.plan(from: relaxed, until: deadline, shouldStop: shouldStop),
                  PlanChecker.violations(of: plan, for: problem).isEmpty else {
                shared.recordDive("no plan by \(Format.seconds(began.secondsElapsed))")
                return
            }
            let objective = ObjectiveBreakdown(allocation: plan, problem: problem).total
            let better = shared.better(than: objective) == nil
            shared.offer(objective, plan)
            shared.recordDive("\(Format.wholeMoney(objective)) at \(Format.seconds(began.secondsElapsed))"
                              + (better ? ", taken" : ", not better"))
        }
    }
}
#endif

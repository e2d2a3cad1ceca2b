// The exact planner: the scenario as an integer program, solved by GLPK.
#if GLPK
public import CapacityPlanning
import Optimization
import Foundation

/// Plans by solving the scenario's integer program with GLPK (name `glpk`).
///
/// The status is honest: `optimal` only when GLPK proves the plan within
/// `options.relativeGap`; a time limit or cancellation with a plan in hand gives
/// `feasible` with the best bound. A warm start (`options.warmStart`, or the
/// greedy plan when `warmStartWithGreedy` is on) is injected into the search.
public struct ExactPlanner: Planner {
    /// `glpk`.
    public var name: String { "glpk" }
    /// Warm-start GLPK from the greedy plan when no warm start is given.
    public var warmStartWithGreedy: Bool
    /// Turn on GLPK's cut generators (Gomory, MIR, cover, clique): a tighter bound on
    /// large portfolios, sometimes slower on small ones.
    public var cuts: Bool

    /// Creates the planner.
    public init(warmStartWithGreedy: Bool = true, cuts: Bool = false) {
        self.warmStartWithGreedy = warmStartWithGreedy
        self.cuts = cuts
    }

    /// Solves the problem's integer program (see Docs/formulation.md).
    public func plan(_ problem: PlanningProblem, options: PlanningOptions) throws(PlanningError) -> Plan {
        let clock = ContinuousClock.now
        if let reasons = Self.structuralInfeasibility(problem) {
            return Self.infeasiblePlan(problem, solver: name, diagnosis: reasons, seconds: seconds(since: clock))
        }
        let formulation = ExactFormulation(problem: problem)

        var warm: Allocation?
        if let plan = options.warmStart, PlanChecker.check(plan, for: problem).isValid {
            warm = Allocation(plan: plan, problem: problem)
        } else if warmStartWithGreedy, options.warmStart == nil {
            var greedyOptions = options
            greedyOptions.timeLimit = options.timeLimit.map { min(1, $0 / 10) }
            greedyOptions.progress = nil
            if let plan = try? GreedyPlanner().plan(problem, options: greedyOptions), plan.status != .infeasible {
                warm = Allocation(plan: plan, problem: problem)
            }
        }
        let warmValues = warm.flatMap { formulation.values(for: $0, problem: problem) }
        if let limit = options.timeLimit, seconds(since: clock) >= limit, let warm {
            // Building the model used the whole time limit: GLPK would only overrun it.
            let details = PlanDetails(seconds: seconds(since: clock), model: formulation.size,
                                      note: "the time limit ran out while building the model; returning the warm start")
            return try warm.plan(for: problem, status: .feasible, solver: name, details: details).verified(for: problem)
        }

        let solveOptions = makeSolveOptions(options, formulation: formulation, warmStart: warmValues, clock: clock)
        let result: SolveResult
        do {
            result = try GLPK.solve(formulation.model, options: solveOptions)
        } catch {
            throw PlanningError(.solverFailed, "GLPK failed: \(error)")
        }

        var details = PlanDetails(seconds: seconds(since: clock), model: formulation.size, nodes: result.nodes,
                                  warnings: problem.warnings.isEmpty ? nil : problem.warnings.map(\.description))
        switch result.termination {
        case .infeasible:
            details.diagnosis = Self.diagnose(problem)
            details.note = "GLPK proved that no plan satisfies every pin, budget and mandatory project"
            return Self.infeasiblePlan(problem, solver: name, details: details)
        case .unbounded:
            throw PlanningError(.solverFailed, "GLPK reports the model unbounded, which a valid scenario cannot be")
        default:
            break
        }
        guard result.hasSolution else {
            if let warm {
                details.note = "GLPK found no plan within the limit; returning the warm start"
                let warmObjective = ObjectiveBreakdown(allocation: warm, problem: problem).total
                let bound = result.bound.flatMap { abs($0) < 1e300 ? max(warmObjective, $0) : nil }
                details.gap = bound.map { Self.gap(objective: warmObjective, bound: $0) }
                return try warm.plan(for: problem, status: .feasible, solver: name, bound: bound, details: details)
                    .verified(for: problem)
            }
            throw PlanningError(.noPlanFound, "GLPK found no plan within the time limit (\(result.termination))")
        }

        let allocation = formulation.allocation(from: result.values, problem: problem)
        let proven: Bool
        switch result.termination {
        case .optimal, .gapReached: proven = true
        default: proven = false
        }
        var plan = allocation.plan(for: problem, status: proven ? .optimal : .feasible, solver: name)
        let objective = plan.objective ?? 0
        // The bound is GLPK's best bound shifted by the constant; never below the plan's own objective.
        // GLPK's best bound, never below the plan's own objective; equal to it only when GLPK proved optimality.
        let solverBound = result.bound.flatMap { abs($0) < 1e300 ? $0 : nil }
        plan.bound = solverBound.map { max(objective, $0) } ?? (result.termination == .optimal ? objective : nil)
        details.gap = plan.bound.map { Self.gap(objective: objective, bound: $0) }
        details.note = "GLPK: \(result.termination)"
        plan.details = details
        return try plan.verified(for: problem)
    }

    private func makeSolveOptions(_ options: PlanningOptions, formulation: ExactFormulation,
                                  warmStart: [Double]?, clock: ContinuousClock.Instant) -> SolveOptions {
        var solve = SolveOptions()
        solve.relativeGap = options.relativeGap
        solve.cuts = cuts
        if let limit = options.timeLimit { solve.timeLimit = max(0.01, limit - seconds(since: clock)) }
        solve.warmStart = warmStart
        let token = CancellationToken()
        options.cancellation?.onCancel { token.cancel() }
        solve.cancellation = token
        if let report = options.progress {
            let plannerName = name
            solve.progress = { p in
                report(PlanningProgress(planner: plannerName, incumbent: p.incumbent, bound: p.bound, gap: p.gap,
                                        elapsed: p.elapsed, message: "\(p.nodes) nodes"))
            }
        }
        return solve
    }

    /// Relative gap `(bound − objective) / max(1, |objective|)`, never negative.
    static func gap(objective: Double, bound: Double) -> Double {
        max(0, bound - objective) / max(1, abs(objective))
    }

    private func seconds(since start: ContinuousClock.Instant) -> Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    /// Reasons no plan can exist that need no solve: a required project with no possible start,
    /// a pin whose person qualifies for none of the demands it names.
    static func structuralInfeasibility(_ problem: PlanningProblem) -> [String]? {
        var reasons: [String] = []
        for info in problem.projects where info.required && info.startRange == nil {
            let why = info.mandatory ? "mandatory" : "pinned (or needed by a pinned or mandatory project)"
            reasons.append("project '\(info.id)' is \(why) but has no start that fits its window, its dependencies and its pins")
        }
        for pin in problem.pins where pin.countingDemands.isEmpty {
            reasons.append("pins[\(pin.index)]: \(problem.people[pin.person].id) qualifies for no demand of '\(problem.projects[pin.project].id)' that the pin names")
        }
        return reasons.isEmpty ? nil : reasons
    }

    /// An `infeasible` plan: every project unselected, no objective, the diagnosis attached.
    static func infeasiblePlan(_ problem: PlanningProblem, solver: String, diagnosis: [String], seconds: Double) -> Plan {
        infeasiblePlan(problem, solver: solver, details: PlanDetails(seconds: seconds, diagnosis: diagnosis))
    }

    static func infeasiblePlan(_ problem: PlanningProblem, solver: String, details: PlanDetails) -> Plan {
        Plan(status: .infeasible, solver: solver, objective: nil, bound: nil,
             projects: problem.projects.map { ProjectDecision(id: $0.id, selected: false) },
             assignments: [], details: details)
    }

    /// Names the pins, budgets and required projects that cannot all hold, by an elastic
    /// re-solve that minimises their (scaled) violation.
    static func diagnose(_ problem: PlanningProblem) -> [String] {
        let elastic = ExactFormulation(problem: problem, elastic: true)
        var options = SolveOptions()
        options.timeLimit = 10
        guard let result = try? GLPK.solve(elastic.model, options: options), result.hasSolution else {
            return ["the pins, budgets and mandatory projects cannot all hold (the elastic re-solve found no detail)"]
        }
        var lines: [String] = []
        for slack in elastic.slacks {
            let amount = result.values[slack.variable.index]
            guard amount > 1e-6 else { continue }
            if slack.label.hasPrefix("pin") {
                lines.append("\(slack.label) falls short by \(amount.formatted2) h")
            } else if slack.label.hasPrefix("budget") || slack.label.hasPrefix("portfolio") {
                lines.append("\(slack.label) would need \(amount.formatted2) more")
            } else {
                lines.append(slack.label)
            }
        }
        return lines.isEmpty ? ["the pins, budgets and mandatory projects cannot all hold"] : lines
    }
}

extension Double {
    /// The number with at most two decimals, for messages.
    var formatted2: String {
        let rounded = (self * 100).rounded() / 100
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
        return String(rounded)
    }
}
#endif

// `auto`: the greedy plan, improved by the exact planner when GLPK is built in.
public import CapacityPlanning

/// Greedy first, then GLPK warm-started from the greedy plan within the time limit
/// (name `auto`). Falls back to the greedy plan when GLPK is not built in, finds
/// nothing better in time, or fails; `details.note` says which plan was returned and why.
public struct AutoPlanner: Planner {
    /// `auto`.
    public var name: String { "auto" }
    /// Time limit used when the options give none, in seconds.
    public var defaultTimeLimit: Double

    /// Creates the planner.
    public init(defaultTimeLimit: Double = 30) {
        self.defaultTimeLimit = defaultTimeLimit
    }

    /// Plans with greedy, then tries to improve on it with the exact planner.
    public func plan(_ problem: PlanningProblem, options: PlanningOptions) throws(PlanningError) -> Plan {
        let clock = ContinuousClock.now
        var greedyOptions = options
        if let limit = options.timeLimit { greedyOptions.timeLimit = min(limit / 5, 2) }
        let greedy: Plan?
        var greedyFailure: PlanningError?
        do throws(PlanningError) {
            greedy = try GreedyPlanner().plan(problem, options: greedyOptions)
        } catch {
            greedy = nil
            greedyFailure = error
        }
        #if GLPK
        if greedy?.status == .infeasible { return relabel(greedy, note: "auto: no plan can exist (found before solving)") }
        var exactOptions = options
        let elapsed = Self.seconds(since: clock)
        exactOptions.timeLimit = max(0.1, (options.timeLimit ?? defaultTimeLimit) - elapsed)
        exactOptions.warmStart = greedy
        do throws(PlanningError) {
            let exact = try ExactPlanner(warmStartWithGreedy: false).plan(problem, options: exactOptions)
            if exact.status == .infeasible {
                return relabel(exact, note: "auto: GLPK proved that no valid plan exists")
            }
            if let greedy, (greedy.objective ?? -.infinity) > (exact.objective ?? -.infinity) + Tolerance.of(greedy.objective ?? 0) {
                var plan = greedy
                plan.bound = exact.bound.map { max($0, greedy.objective ?? $0) }
                return relabel(plan, note: "auto: the greedy plan; GLPK found nothing better in time")
            }
            return relabel(exact, note: exact.status == .optimal
                ? "auto: GLPK proved this plan optimal (warm-started from greedy)"
                : "auto: GLPK improved on the greedy plan but did not prove optimality in time")
        } catch {
            if let greedy { return relabel(greedy, note: "auto: the greedy plan; GLPK failed: \(error.message)") }
            throw error
        }
        #else
        if let greedy { return relabel(greedy, note: "auto: the greedy plan (built without GLPK)") }
        throw greedyFailure ?? PlanningError(.noPlanFound, "the greedy planner found no plan")
        #endif
    }

    private func relabel(_ plan: Plan?, note: String) -> Plan {
        guard var plan else { return Plan(status: .infeasible, solver: name) }
        plan.details = plan.details ?? PlanDetails()
        plan.details?.note = note + (plan.solver.map { " [\($0)]" } ?? "")
        plan.solver = name
        return plan
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
}

/// The planners front ends can name.
public enum PlannerKind: String, Sendable, CaseIterable, CustomStringConvertible {
    /// The exact planner on GLPK.
    case glpk
    /// The pure-Swift greedy planner with local search.
    case greedy
    /// Greedy, improved by GLPK when built in.
    case auto

    /// Whether this build can run the planner (`glpk` needs the GLPK trait).
    public var isAvailable: Bool {
        #if GLPK
        return true
        #else
        return self != .glpk
        #endif
    }

    /// The planner, or `PlanningError.unavailable` when this build lacks it.
    public func makePlanner() throws(PlanningError) -> any Planner {
        switch self {
        case .greedy: return GreedyPlanner()
        case .auto: return AutoPlanner()
        case .glpk:
            #if GLPK
            return ExactPlanner()
            #else
            throw PlanningError(.unavailable, "this build has no GLPK (built with --disable-default-traits); use --solver greedy or auto")
            #endif
        }
    }

    /// The name.
    public var description: String { rawValue }
}

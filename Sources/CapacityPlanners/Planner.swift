// The interface every planner implements, so front ends and benchmarks pick one by name.
public import CapacityPlanning

/// Something that turns a planning problem into a plan.
///
/// Planners are synchronous: a call runs on the caller's thread from start to
/// finish (the exact planner's GLPK problem lives and dies inside it). Run it
/// off an event loop, e.g. in a detached task, and stop it with
/// `PlanningOptions.cancellation`.
public protocol Planner: Sendable {
    /// The planner's name as front ends accept it (`greedy`, `glpk`, `auto`).
    var name: String { get }

    /// Plans `problem`, and hands on the plan with the check every planner makes of it.
    ///
    /// Returns a plan that the plan checker accepts (status `optimal` or `feasible`),
    /// or a plan with status `infeasible` and a diagnosis when no valid plan exists.
    /// - Throws: `PlanningError` when the planner fails (it never returns an invalid plan).
    func checkedPlan(_ problem: PlanningProblem, options: PlanningOptions) throws(PlanningError) -> CheckedPlan
}

extension Planner {
    /// Plans `problem` (see `checkedPlan(_:options:)`): the plan alone.
    public func plan(_ problem: PlanningProblem, options: PlanningOptions) throws(PlanningError) -> Plan {
        try checkedPlan(problem, options: options).plan
    }
}


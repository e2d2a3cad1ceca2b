// The greedy planner: pure Swift, no solver. Builds a valid plan quickly and improves it by local
// search; it never proves optimality (status `feasible`). See Docs/greedy.md.
public import CapacityPlanning

/// A fast heuristic planner that needs no MIP solver.
///
/// It places pinned and mandatory projects first (each after what it depends on), then the
/// other projects in order of value for the scarce capacity they use, committing one only when
/// it can be fully staffed within capacity, concurrency limits and budgets and adds to the
/// objective. People are offered work scarcest-first (those with the fewest other uses), then
/// cheapest, with the project's team and the baseline's people first when assignments or change
/// are penalised. A seeded local search then drops, adds, moves and re-staffs projects and moves
/// hours between people, keeping only valid plans with a better objective.
///
/// The same problem, seed and `moveLimit` give the same plan (a `timeLimit` or cancellation can
/// stop the search earlier). The plan's status is `feasible`; it is `infeasible` only when a
/// required project can never be scheduled or a pin's person qualifies for none of its demands.
///
/// - Complexity: construction is about linear in the eligible (person, demand, period)
///   combinations times the starts tried per project; each move touches one or a few projects.
public struct GreedyPlanner: Planner {
    /// Improvement moves tried when `PlanningOptions.moveLimit` is `nil`.
    public static let defaultMoveLimit = 4000

    /// Without an explicit `moveLimit`, the search also stops after this many times the
    /// construction's elementary steps (hours offered or changed)…
    static let searchWorkFactor = 4
    /// …but never before this many steps, so small scenarios get all `defaultMoveLimit` moves.
    static let minimumSearchWork = 5_000_000

    /// Creates the planner; it has no settings of its own (`PlanningOptions` steers each run).
    public init() {}

    /// The name front ends use for it: `greedy`.
    public var name: String { "greedy" }

    /// Plans `problem`: construction, then local search within `options.moveLimit` moves
    /// (default `defaultMoveLimit`) and `options.timeLimit` seconds.
    ///
    /// - Returns: a `feasible` plan the checker accepts, or an `infeasible` plan with a diagnosis
    ///   when a required project has no possible start or a pin's person qualifies for none of its demands.
    /// - Throws: `PlanningError` `.invalidOptions` for a negative limit, `.noPlanFound` when the
    ///   heuristic cannot satisfy every pin, required project and budget together (that does not
    ///   prove that no plan exists), `.invalidPlan` if the checker rejects the plan (a bug).
    public func checkedPlan(_ problem: PlanningProblem, options: PlanningOptions) throws(PlanningError) -> CheckedPlan {
        return try deliverPlan(problem, solver: name) { () throws(PlanningError) in try solve(problem, options: options) }
    }

    /// Plans in index space (see `plan(_:options:)`); other planners call this for their starting point.
    package func solve(_ problem: PlanningProblem, options: PlanningOptions) throws(PlanningError) -> PlanningOutcome {
        let began = ContinuousClock.now
        if let limit = options.timeLimit, !(limit >= 0) {
            throw PlanningError(.invalidOptions, "timeLimit must be a number ≥ 0, got \(limit)")
        }
        if let limit = options.moveLimit, limit < 0 {
            throw PlanningError(.invalidOptions, "moveLimit must be ≥ 0, got \(limit)")
        }
        let impossible = problem.structuralInfeasibilities
        if !impossible.isEmpty {
            return .noPlan(diagnosis: impossible, notes: [PlannerNote("no valid plan exists")])
        }
        if problem.hasSupply { return try solveWithSupply(problem, options: options, began: began) }
        if problem.isInFlight { return try solveInFlight(problem, options: options, began: began) }

        let run = GreedyRun(model: GreedyIndex(problem: problem), options: options, began: began)
        let moveLimit = options.moveLimit ?? Self.defaultMoveLimit
        do {
            try run.constructBest(variants: run.variants(moveLimit: moveLimit))
        } catch {
            throw PlanningError(.noPlanFound, Self.describeFailure(error.project, problem))
        }
        if let limit = options.moveLimit {
            run.improve(moveLimit: limit)
        } else {
            // By default the search also stops after a few times the construction's effort, so big
            // scenarios stay near-linear while small ones get the full default number of moves.
            run.improve(moveLimit: Self.defaultMoveLimit,
                        workLimit: max(Self.minimumSearchWork, Self.searchWorkFactor * run.constructionWork))
        }

        var note = "greedy: best of \(run.constructions) construction\(run.constructions == 1 ? "" : "s"), then \(run.moves) local-search moves (\(run.accepted) kept)"
        if run.interrupted { note += "; stopped early" }
        return PlanningOutcome(allocation: run.state.allocation(), notes: [PlannerNote(note)])
    }

    static func describeFailure(_ j: Int, _ problem: PlanningProblem) -> String {
        guard problem.projects.indices.contains(j) else { return "the greedy planner found no valid plan" }
        let project = problem.projects[j]
        let pins = problem.pins.filter { $0.project == j }.map { pin in
            "pins[\(pin.index)] (\(problem.people[pin.person].id), \(pin.hours) h)"
        }
        var message = "the greedy planner could not place required project '\(project.id)' (\(problem.requirement(of: project)))"
        if !pins.isEmpty { message += " while meeting \(pins.joined(separator: ", "))" }
        if !project.mandatory { message += " fully staffed" }
        message += " within capacity, concurrency limits and budgets; this does not prove that no valid plan exists"
        return message
    }
}

// What a planner found, in index space: planners pass it between themselves, and the wire
// `Plan` is built from it and checked once, at the edge (`Planner.checkedPlan`).
package import CapacityPlanning

/// What a planner proved about its plan.
package enum Proof: Sendable, Equatable {
    /// Nothing: a valid plan, no proof that it is optimal.
    case none
    /// The solver proved the plan optimal within the relative gap.
    case solverProvedOptimal
    /// A sub-problem that freed every project was solved to optimality (the large-neighbourhood search).
    case wholeProblemSolved
    /// The plan's objective meets a proven bound within the relative gap.
    case meetsBound
    /// No valid plan exists (by the problem's structure or by the solver's proof).
    case noPlanExists

    /// Whether the plan is proven optimal.
    package var provesOptimality: Bool {
        switch self {
        case .solverProvedOptimal, .wholeProblemSolved, .meetsBound: true
        case .none, .noPlanExists: false
        }
    }
}

/// One planner's remark on how it ran; the edge renders a planner's notes around those of
/// the planners it called (`auto: … [lns: …]`).
package struct PlannerNote: Sendable, Equatable, CustomStringConvertible {
    /// The remark, e.g. `greedy: best of 3 constructions, then 4000 local-search moves (12 kept)`.
    package var text: String

    /// Creates a note.
    package init(_ text: String) {
        self.text = text
    }

    /// The text.
    package var description: String { text }
}

/// A planner's result before it becomes a `Plan`: an allocation on indices (or the proof that
/// none exists), what is proven about it, and how the planner ran.
package struct PlanningOutcome: Sendable {
    /// The plan on indices; `nil` when no valid plan exists (`proof == .noPlanExists`).
    package var allocation: Allocation?
    /// What is proven about the allocation.
    package var proof: Proof
    /// A proven upper bound on the best objective (objective constant included), when known;
    /// the edge lifts it to the plan's own objective where rounding leaves it a hair below.
    package var bound: Double?
    /// What proves `bound`.
    package var boundSource: BoundSource?
    /// For no plan: the pins, budgets and projects that cannot all hold.
    package var diagnosis: [String]?
    /// The planners' remarks, outermost first.
    package var notes: [PlannerNote]
    /// Size of the model solved, for MIP-based planners.
    package var model: ModelSize?
    /// Branch-and-bound nodes explored.
    package var nodes: Int?

    /// A valid plan on indices.
    package init(allocation: Allocation, proof: Proof = .none, bound: Double? = nil, boundSource: BoundSource? = nil,
                 model: ModelSize? = nil, nodes: Int? = nil, notes: [PlannerNote] = []) {
        self.allocation = allocation
        self.proof = proof
        self.bound = bound
        self.boundSource = bound == nil ? nil : boundSource
        self.notes = notes
        self.model = model
        self.nodes = nodes
    }

    /// The proof that no valid plan exists, with its diagnosis.
    package static func noPlan(diagnosis: [String], notes: [PlannerNote] = [], model: ModelSize? = nil,
                               nodes: Int? = nil) -> PlanningOutcome {
        var outcome = PlanningOutcome(allocation: Allocation(projectCount: 0), proof: .noPlanExists, model: model,
                                      nodes: nodes, notes: notes)
        outcome.allocation = nil
        outcome.diagnosis = diagnosis
        return outcome
    }

    /// The outcome with `note` put first (a planner that wraps another one says why it returned its plan).
    package func noting(_ note: PlannerNote) -> PlanningOutcome {
        var outcome = self
        outcome.notes.insert(note, at: 0)
        return outcome
    }

    /// The notes in one line: the outermost first, each inner one in brackets (`auto: … [lns: …]`).
    package var renderedNotes: String? {
        notes.reversed().reduce(nil as String?) { inner, note in inner.map { "\(note.text) [\($0)]" } ?? note.text }
    }

    /// The wire plan: built once, with its objective, bound, gap and details, then checked once.
    ///
    /// The status is `optimal` when the proof says so, `infeasible` when no plan exists, else
    /// `feasible`. The bound is never below the plan's own objective; a proof of optimality
    /// without a bound gives the objective itself as the bound.
    /// - Throws: `PlanningError.invalidPlan` with the checker's violations (a planner's bug).
    package func plan(for problem: PlanningProblem, solver: String, seconds: Double) throws(PlanningError) -> CheckedPlan {
        var details = PlanDetails(seconds: seconds, model: model, nodes: nodes, note: renderedNotes,
                                  warnings: problem.warnings.isEmpty ? nil : problem.warnings.map(\.description),
                                  diagnosis: diagnosis)
        guard let allocation else {
            let plan = Plan(status: .infeasible, solver: solver, objective: nil, bound: nil,
                            projects: problem.projects.map { ProjectDecision(id: $0.id, selected: false) },
                            assignments: [], details: details)
            return CheckedPlan(plan, for: problem)
        }
        var plan = allocation.plan(for: problem, status: proof.provesOptimality ? .optimal : .feasible, solver: solver)
        let objective = plan.objective ?? 0
        if proof == .wholeProblemSolved {
            plan.bound = objective
        } else {
            plan.bound = bound.map { max(objective, $0) } ?? (proof.provesOptimality ? objective : nil)
        }
        details.gap = plan.bound.map { Plan.relativeGap(objective: objective, bound: $0) }
        if plan.bound != nil {
            details.boundSource = proof.provesOptimality ? .optimum : (boundSource ?? .branchAndBound)
        }
        plan.details = details
        let checked = CheckedPlan(plan, for: problem)
        guard checked.isValid else {
            throw PlanningError(.invalidPlan, "\(solver) produced a plan that breaks the rules", violations: checked.check.violations)
        }
        details.explanation = checked.explanation(for: problem)
        return checked.with(details: details)
    }
}

extension Allocation {
    /// The allocation as a plan carries it: hours at or below `1e-9` dropped (what `plan(for:…)` keeps).
    package var withoutNegligibleHours: Allocation {
        var kept = self
        kept.hours = hours.filter { $0.value > 1e-9 }
        return kept
    }
}

/// Runs `solve` and delivers its outcome as a checked wire plan named `solver`: the one edge of every planner.
package func deliverPlan(_ problem: PlanningProblem, solver: String,
                         _ solve: () throws(PlanningError) -> PlanningOutcome) throws(PlanningError) -> CheckedPlan {
    let began = ContinuousClock.now
    let outcome = try solve()
    return try outcome.plan(for: problem, solver: solver, seconds: began.secondsElapsed)
}

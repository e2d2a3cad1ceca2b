// The plan of spec v1 (section 2): which projects go ahead, when, and who works how many hours.

/// What a planner says about the plan it returns.
public enum PlanStatus: String, Sendable, Equatable, Codable, CaseIterable {
    /// Proven optimal within the solver's gap tolerance.
    case optimal
    /// A valid plan, not proven optimal.
    case feasible
    /// Proven that no valid plan exists; such a plan has nothing to check.
    case infeasible
}

/// A project's line in a plan.
public struct ProjectDecision: Sendable, Equatable, Codable {
    /// Id of the scenario's project this line decides.
    public var id: String
    /// Whether the project goes ahead.
    public var selected: Bool
    /// The start period; present exactly when selected.
    public var start: Int?
    /// Total demanded hours left unstaffed (mandatory projects only).
    public var unmetHours: Double?
    /// Its strategic score `Σ_k weight_k · scores[k]` (version 2, selected projects; checkers ignore it).
    public var strategicScore: Double?
    /// `costOfDelay · (start − earliestStart)` (version 2, selected projects; checkers ignore it);
    /// in version 3, `costOfDelay · (finish − earliest finish)`.
    public var delayCost: Double?
    /// Its last period (version 3, selected projects); absent means `start + duration − 1`.
    public var finish: Int?
    /// Periods its finish lies after `due` (version 3; checkers ignore it).
    public var late: Int?
    /// `probability × (value + strategic value)` (version 3, tentative projects; checkers ignore it).
    public var expectedValue: Double?

    /// Creates a project's line; a valid plan gives `start` exactly when `selected` is true.
    public init(id: String, selected: Bool, start: Int? = nil, unmetHours: Double? = nil,
                strategicScore: Double? = nil, delayCost: Double? = nil, finish: Int? = nil) {
        self.id = id
        self.selected = selected
        self.start = start
        self.unmetHours = unmetHours
        self.strategicScore = strategicScore
        self.delayCost = delayCost
        self.finish = finish
    }
}

/// Hours one person works on one demand of one project in one period.
public struct Assignment: Sendable, Equatable, Hashable, Codable {
    /// The person's id.
    public var person: String
    /// The project's id.
    public var project: String
    /// The demand's id within the project.
    public var demand: String
    /// The period (index in the horizon) in which the hours are worked.
    public var period: Int
    /// Hours worked (> 0: a plan lists no empty assignment).
    public var hours: Double

    /// Creates an assignment of `hours` by `person` to demand `demand` of `project` in `period`.
    public init(person: String, project: String, demand: String, period: Int, hours: Double) {
        self.person = person
        self.project = project
        self.demand = demand
        self.period = period
        self.hours = hours
    }
}

/// Size of the optimisation model behind a plan.
public struct ModelSize: Sendable, Equatable, Codable {
    /// Constraint rows of the model.
    public var rows: Int
    /// Variable columns of the model (hours, selections and starts, auxiliaries).
    public var columns: Int
    /// Non-zero coefficients.
    public var nonZeros: Int
    /// Binary (or integer) columns.
    public var binaries: Int

    /// Creates a model size.
    public init(rows: Int, columns: Int, nonZeros: Int, binaries: Int) {
        self.rows = rows
        self.columns = columns
        self.nonZeros = nonZeros
        self.binaries = binaries
    }
}

/// How a plan was produced: timings, model size, and the planner's own remarks.
///
/// Encoded under the plan's `details` key (spec: "other keys may be added").
public struct PlanDetails: Sendable, Equatable, Codable {
    /// Wall-clock seconds the planner took.
    public var seconds: Double?
    /// Relative gap between objective and bound, when both are known.
    public var gap: Double?
    /// What proves the bound, when there is one.
    public var boundSource: BoundSource?
    /// Size of the model solved, for MIP-based planners.
    public var model: ModelSize?
    /// Branch-and-bound nodes explored.
    public var nodes: Int?
    /// Why this planner's plan was returned (for `auto`), or why the solve ended.
    public var note: String?
    /// Warnings about the scenario (orphaned baseline work, projects that never fit, …).
    public var warnings: [String]?
    /// For an infeasible plan: the pins and budgets that cannot all hold.
    public var diagnosis: [String]?
    /// The objective explained term by term, by project, person and team (a valid plan's).
    public var explanation: ObjectiveExplanation?

    /// Creates plan details; a `nil` field is left out of the JSON.
    public init(
        seconds: Double? = nil,
        gap: Double? = nil,
        model: ModelSize? = nil,
        nodes: Int? = nil,
        note: String? = nil,
        warnings: [String]? = nil,
        diagnosis: [String]? = nil,
        boundSource: BoundSource? = nil
    ) {
        self.seconds = seconds
        self.gap = gap
        self.boundSource = boundSource
        self.model = model
        self.nodes = nodes
        self.note = note
        self.warnings = warnings
        self.diagnosis = diagnosis
    }
}

/// A plan: every project once, with its selection and start, and the hours assigned.
public struct Plan: Sendable, Equatable, Codable {
    /// What the planner proved about this plan.
    public var status: PlanStatus
    /// Which planner produced it (`glpk`, `greedy`, `auto`, …).
    public var solver: String?
    /// The plan's objective (spec section 2); absent for an infeasible plan.
    public var objective: Double?
    /// A proven upper bound on the best objective, when known.
    public var bound: Double?
    /// Every project of the scenario, once.
    public var projects: [ProjectDecision]
    /// Hours > 0 only; each (person, project, demand, period) at most once.
    public var assignments: [Assignment]
    /// How the plan was produced (timings, model size, bound source, notes, warnings, diagnosis);
    /// encoded as `details`.
    public var details: PlanDetails?
    /// The selected portfolio's score per driver and share per balance group (version 2).
    public var strategy: StrategySummary?
    /// The hires it makes (version 3, Part B); `nil` (left out of the JSON) when none.
    public var hires: [Hire]?
    /// The courses it takes (version 3, Part B); `nil` (left out of the JSON) when none.
    public var training: [CourseTaken]?

    /// Creates a plan; `PlanChecker` judges whether it is valid for a problem.
    public init(
        status: PlanStatus,
        solver: String? = nil,
        objective: Double? = nil,
        bound: Double? = nil,
        projects: [ProjectDecision] = [],
        assignments: [Assignment] = [],
        details: PlanDetails? = nil,
        strategy: StrategySummary? = nil,
        hires: [Hire]? = nil,
        training: [CourseTaken]? = nil
    ) {
        self.status = status
        self.solver = solver
        self.objective = objective
        self.bound = bound
        self.projects = projects
        self.assignments = assignments
        self.details = details
        self.strategy = strategy
        self.hires = hires
        self.training = training
    }
}

// The forecast of a portfolio in flight (spec v3, section 6): each selected project's finish
// against its due date and the baseline's, and for a late one the reason that binds and its
// best mitigations, each re-solved.
public import CapacityPlanning

/// One selected project's forecast.
public struct ProjectForecast: Sendable, Equatable, Codable {
    /// The project's id.
    public var project: String
    /// Its first period in the plan.
    public var start: Int
    /// Its last period in the plan (its finish).
    public var finish: Int
    /// The finish period's short name ("W20"; "P20" without a unit).
    public var finishLabel: String
    /// The date the finish period begins, when the horizon has a start and a unit (`YYYY-MM-DD`).
    public var finishDate: String?
    /// Its promised finish period (`due`), if any.
    public var due: Int?
    /// The due period's short name.
    public var dueLabel: String?
    /// The date the due period begins, when the horizon has dates.
    public var dueDate: String?
    /// Periods the finish lies after `due` (0 when on time or without a due date).
    public var late: Int
    /// Its finish in the baseline, when the baseline selects it.
    public var baselineFinish: Int?
    /// `finish − baselineFinish`: periods it slipped since the baseline (negative: earlier).
    public var slip: Int?
    /// Why it is late (late projects only).
    public var reason: LateReason?
    /// The best changes that would pull it in, best objective first, each re-solved (late projects only).
    public var mitigations: [Mitigation]

    /// Creates a forecast; reason and mitigations are for late projects.
    public init(project: String, start: Int, finish: Int, finishLabel: String, finishDate: String? = nil, due: Int? = nil,
                dueLabel: String? = nil, dueDate: String? = nil, late: Int = 0, baselineFinish: Int? = nil, slip: Int? = nil,
                reason: LateReason? = nil, mitigations: [Mitigation] = []) {
        self.project = project
        self.start = start
        self.finish = finish
        self.finishLabel = finishLabel
        self.finishDate = finishDate
        self.due = due
        self.dueLabel = dueLabel
        self.dueDate = dueDate
        self.late = late
        self.baselineFinish = baselineFinish
        self.slip = slip
        self.reason = reason
        self.mitigations = mitigations
    }
}

/// What holds a late project back.
public struct LateReason: Sendable, Equatable, Codable {
    /// The kind of reason.
    public enum Kind: String, Sendable, Equatable, Codable {
        /// The people who qualify for one of its lines are fully booked in the named periods.
        case skill
        /// It waits for a project it depends on to finish.
        case dependency
        /// A shared system it touches is frozen or at its limit before its start.
        case system
        /// None of these binds: its span is what its own work and rates need (or it starts late by choice).
        case ownWork
    }

    /// The kind of reason.
    public var kind: Kind
    /// The sentence for people.
    public var detail: String
    /// The line's skill and least level (skill).
    public var skill: String?
    /// The least level (skill).
    public var minLevel: Int?
    /// The periods in which the qualified people are fully booked (skill).
    public var periods: [Int]
    /// The project it waits for (dependency) or the system (system).
    public var blocker: String?
}

/// A change that would pull a late project in, re-solved with the analysis planner.
public struct Mitigation: Sendable, Equatable, Codable {
    /// The change (apply it to the scenario to reproduce the re-solve).
    public var change: ScenarioChange
    /// What it does, for people.
    public var description: String
    /// The re-solve.
    public var outcome: SolveOutcome
    /// Objective of the re-solve minus the reference's.
    public var objectiveChange: Double?
    /// The late project's finish in the re-solve (`nil` when it is not selected there).
    public var newFinish: Int?
    /// Its periods late in the re-solve.
    public var newLate: Int?
}

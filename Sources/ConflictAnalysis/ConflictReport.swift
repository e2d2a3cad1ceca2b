// The analysis report: what breaks in a plan, why, and what each fix is worth (Docs/analysis.md).
public import CapacityPlanning

/// Everything `ConflictAnalyzer.analyze` finds, in the JSON form Docs/analysis.md documents.
///
/// Every number is either a formula over the scenario and the analysed plan (stated on the field)
/// or the objective of a re-solve, which carries its own status so a reader knows whether it is proven.
public struct ConflictReport: Sendable, Equatable, Codable {
    /// Format version of the report's JSON (1).
    public var version = 1
    /// The plan that was analysed and what the checker says about it.
    public var plan: AnalysedPlan
    /// The best plan the analysis planner found for the scenario as given: every re-solve's
    /// change in objective is measured against this objective.
    public var reference: SolveOutcome
    /// People booked beyond their usable capacity in the analysed plan (rule 6).
    public var overAllocations: [OverAllocation] = []
    /// Baseline hours that no longer have a person, project, demand or period to land on.
    public var orphanedWork: [OrphanedWork] = []
    /// Periods in which a group of demands needs more hours than all the people who can serve
    /// them have, whoever works on what (a max-flow bound, not a sum over skills).
    public var skillShortages: [SkillShortage] = []
    /// Projects competing for the same scarce people in the same periods.
    public var contention: [Contention] = []
    /// Projects that cannot be staffed in their window, and mandatory projects' unmet hours.
    public var deadlineRisks: [DeadlineRisk] = []
    /// Shared systems over their limit or changed in a freeze (version 2).
    public var collisions: [SystemCollision] = []
    /// The analysed plan's score per driver and share per balance group (version-2 scenarios).
    public var alignment: StrategySummary?
    /// Projects the analysed plan leaves out, with the reasons and the cost of forcing each in.
    public var notSelected: [NotSelectedProject] = []
    /// What one more hour, and one more person, of a skill at a level is worth.
    public var marginalValues: [MarginalValue] = []
    /// Changes to the scenario, each re-solved, ranked by the change in objective.
    public var resolutions: [Resolution] = []
    /// The best objective as the portfolio budget varies.
    public var tradeOff: TradeOffCurve?
    /// What the analysis skipped or could not do, and why.
    public var notes: [String] = []
    /// The forecast of a portfolio in flight (format version 3, section 6): every selected
    /// project's finish against its due date and the baseline; `nil` for other scenarios.
    public var forecast: [ProjectForecast]?
    /// Each hire entry and course of the analysed plan with the work it makes possible and its
    /// worth, re-solved without it (format version 3, Part B); `nil` for a scenario without supply.
    public var supply: [SupplyDecision]?

    /// Creates a report for `plan` measured against `reference`.
    public init(plan: AnalysedPlan, reference: SolveOutcome) {
        self.plan = plan
        self.reference = reference
    }
}

/// Where the analysed plan came from and what the checker says about it.
public struct AnalysedPlan: Sendable, Equatable, Codable {
    /// Where the plan came from: given by the caller, the baseline, or planned afresh.
    public enum Source: String, Sendable, Equatable, Codable {
        /// Passed in by the caller (`--plan`).
        case given
        /// The scenario's baseline (the plan currently published).
        case baseline
        /// Planned afresh by the analysis planner (no plan given and no baseline).
        case fresh
    }

    /// Where the plan came from.
    public var source: Source
    /// Its objective as the checker computes it (spec section 2), whether or not it is valid.
    public var objective: Double
    /// Whether the checker accepts it.
    public var valid: Bool
    /// The checker's violations, one line each.
    public var violations: [String]
    /// Number of projects it selects.
    public var selectedProjects: Int
    /// Staff cost it books.
    public var staffCost: Double
    /// Mandatory projects' unmet hours it leaves.
    public var unmetHours: Double
}

/// The outcome of one solve of the analysis planner (the reference or a re-solve).
public struct SolveOutcome: Sendable, Equatable, Codable {
    /// `optimal`, `feasible` or `infeasible`; absent when the planner found no plan or failed.
    public var status: PlanStatus?
    /// The plan's objective, as the plan checker computes it (absent without a plan).
    public var objective: Double?
    /// The planner's proven upper bound, when it has one.
    public var bound: Double?
    /// Name of the planner that solved it (the analysis planner: `auto`, `glpk`, …).
    public var solver: String
    /// Wall-clock seconds the solve took.
    public var seconds: Double
    /// Why there is no plan (the planner's error, or an invalid changed scenario).
    public var error: String?

    /// Creates an outcome.
    public init(status: PlanStatus?, objective: Double? = nil, bound: Double? = nil, solver: String,
                seconds: Double, error: String? = nil) {
        self.status = status
        self.objective = objective
        self.bound = bound
        self.solver = solver
        self.seconds = seconds
        self.error = error
    }
}

/// Hours on one project, as an entry of a conflict's project list.
public struct ProjectHours: Sendable, Equatable, Codable {
    /// The project's id.
    public var project: String
    /// The hours (booked or demanded, as the list that holds the entry says).
    public var hours: Double

    /// Creates an entry.
    public init(project: String, hours: Double) {
        self.project = project
        self.hours = hours
    }
}

/// A person booked beyond usable capacity in one period.
public struct OverAllocation: Sendable, Equatable, Codable {
    /// The over-booked person's id.
    public var person: String
    /// The period in which the person is over-booked.
    public var period: Int
    /// Hours the plan books in the period.
    public var bookedHours: Double
    /// Usable hours in the period: `capacity × utilizationCap`.
    public var usableHours: Double
    /// Hours booked beyond usable capacity: `bookedHours − usableHours`.
    public var excessHours: Double
    /// The projects booked, most hours first.
    public var projects: [ProjectHours]

    /// Creates an entry.
    public init(person: String, period: Int, bookedHours: Double, usableHours: Double, excessHours: Double,
                projects: [ProjectHours]) {
        self.person = person
        self.period = period
        self.bookedHours = bookedHours
        self.usableHours = usableHours
        self.excessHours = excessHours
        self.projects = projects
    }
}

/// Baseline hours that have nowhere to go.
public struct OrphanedWork: Sendable, Equatable, Codable {
    /// Why the hours are orphaned.
    public enum Reason: String, Sendable, Equatable, Codable {
        /// The person is no longer in the scenario.
        case personGone
        /// The project is no longer in the scenario.
        case projectGone
        /// The project no longer has this demand.
        case demandGone
        /// The period is outside the horizon.
        case outsideHorizon
    }

    /// Person id as the baseline names it.
    public var person: String
    /// Project id as the baseline names it.
    public var project: String
    /// Demand id as the baseline names it.
    public var demand: String
    /// The period as the baseline names it (outside the horizon for `outsideHorizon`).
    public var period: Int
    /// The baseline's hours in that cell.
    public var hours: Double
    /// What the scenario no longer has for the hours.
    public var reason: Reason
}

/// Demand of one skill at a minimum level in a period.
public struct SkillDemand: Sendable, Equatable, Codable {
    /// The skill demanded.
    public var skill: String
    /// The least level that qualifies.
    public var minLevel: Int
    /// Hours demanded by the analysed plan's selected projects.
    public var hours: Double
    /// Usable hours of everyone qualified, added up as if nobody had other skills: what a
    /// per-skill count would call supply.
    public var qualifiedHours: Double
    /// The projects demanding it, most hours first.
    public var projects: [ProjectHours]
}

/// A group of demands that, in one period, needs more hours than the people who can serve
/// any of them have in total: no staffing of the analysed plan's selection can cover it.
///
/// Found with a max flow (demands → qualified people → capacity): the group is the source side
/// of the minimum cut, so `shortageHours = demandHours − supplyHours` exactly, and a person
/// qualified for two of its demands counts once.
public struct SkillShortage: Sendable, Equatable, Codable {
    /// The period in which the group is short.
    public var period: Int
    /// The demands in the group, by skill and minimum level.
    public var demands: [SkillDemand]
    /// The people who can serve any demand of the group (all fully used by it).
    public var people: [String]
    /// Hours the group demands.
    public var demandHours: Double
    /// Usable hours of `people`.
    public var supplyHours: Double
    /// Hours no staffing can cover: `demandHours − supplyHours`.
    public var shortageHours: Double
}

/// Projects fighting over the same people in the same periods.
///
/// Two kinds: selected projects whose combined demand exceeds what their shared people have
/// (`sharedShortage`), and a project left out because the plan gives its qualified people to
/// other projects in the periods it would need them (`displacement`).
public struct Contention: Sendable, Equatable, Codable {
    /// The kind of contention.
    public enum Kind: String, Sendable, Equatable, Codable {
        /// Selected projects short together of the people they share.
        case sharedShortage
        /// A project left out (first member) whose people the plan books on the other members.
        case displacement
    }


    /// One project in the group.
    public struct Member: Sendable, Equatable, Codable {
        /// The project's id.
        public var project: String
        /// Hours it demands from the group's people over `periods`.
        public var demandHours: Double
        /// `sharedShortage`: how much of the group's shortage goes away without this project,
        /// `shortage(group) − shortage(group without it)`, summed over the periods.
        /// `displacement`: for the left-out project, its shortfall beside the plan; for each
        /// other member, the part of that shortfall its bookings on the contended people
        /// account for, `Σ_t min(booked(t), short(t))`.
        public var shortageExplained: Double
        /// The other projects of the group that need its people.
        public var competitors: [String]
    }

    /// Whether selected projects are short together or a left-out project is displaced.
    public var kind: Kind
    /// Periods in which this group is short.
    public var periods: [Int]
    /// Ids of the people the projects contend for.
    public var people: [String]
    /// The projects in the group, with their demand and share of the shortage (for `displacement`,
    /// the left-out project first).
    public var projects: [Member]
    /// The group's shortage summed over `periods`.
    public var shortageHours: Double
}

/// A project at risk of missing its window.
public struct DeadlineRisk: Sendable, Equatable, Codable {
    /// The kind of risk.
    public enum Kind: String, Sendable, Equatable, Codable {
        /// No start fits its window once its dependencies are placed.
        case noStartInWindow
        /// No start in its window can be staffed even if it had everyone to itself.
        case cannotBeStaffedAlone
        /// It can be staffed alone, but no start fits in what the analysed plan leaves free.
        case noRoomBesideThePlan
        /// It is selected but left short of staff (mandatory projects only).
        case unmetHours
    }

    /// Id of the project at risk.
    public var project: String
    /// Whether it is mandatory.
    public var mandatory: Bool
    /// The kind of risk.
    public var kind: Kind
    /// The start with the smallest shortfall, and that shortfall in hours (for staffing risks).
    public var bestStart: Int?
    /// Hours short at `bestStart` (staffing risks) or unmet in the plan (`unmetHours`).
    public var shortHours: Double
    /// The unmet hours by demand and period (for `unmetHours`; the best start's shortfall otherwise).
    public var shortfall: [UnmetDemand]
    /// The risk in one sentence, with the numbers.
    public var detail: String
}

/// Hours of one demand in one period left unstaffed.
public struct UnmetDemand: Sendable, Equatable, Codable {
    /// The demand's id within its project.
    public var demand: String
    /// The period in which the hours go unstaffed.
    public var period: Int
    /// Hours left unstaffed.
    public var hours: Double

    /// Creates an entry.
    public init(demand: String, period: Int, hours: Double) {
        self.demand = demand
        self.period = period
        self.hours = hours
    }
}

/// A project the analysed plan leaves out.
public struct NotSelectedProject: Sendable, Equatable, Codable {
    /// A reason it is out.
    public struct Reason: Sendable, Equatable, Codable {
        /// The kind of reason.
        public enum Kind: String, Sendable, Equatable, Codable {
            /// Its window cannot hold it (its own dates or its dependencies').
            case window
            /// It depends on a project the plan leaves out.
            case dependency
            /// A skill is short in some periods of every start, given the plan's other work.
            case skill
            /// Its qualified people with free hours are at their concurrency limit.
            case concurrency
            /// Its budget is below the cheapest possible staffing.
            case projectBudget
            /// The portfolio budget has no room for its cheapest staffing.
            case portfolioBudget
            /// Its value is below the cheapest possible staffing cost.
            case value
            /// Its alternative is selected (version 2).
            case alternative
            /// Every start it could take puts a system it changes over its limit (version 2).
            case system
            /// Adding it would break a balance rule (version 2).
            case balance
            /// Waiting for the first start it can be staffed costs more than it is worth (version 2).
            case costOfDelay
            /// None of the above: it fits, but staffing it displaces work worth more.
            case displacesBetterWork
        }

        /// The kind of reason.
        public var kind: Kind
        /// One sentence, with the numbers.
        public var detail: String
    }

    /// The left-out project's id.
    public var project: String
    /// The project's own `value`: what leaving it out forgoes, before staffing costs.
    public var value: Double
    /// Why it is out, most fundamental first.
    public var reasons: [Reason]
    /// The re-solve with the project forced in (pinned: selected and fully staffed), when one was run.
    public var forcedIn: ForcedSelection?
}

/// The outcome of forcing a project into the plan.
public struct ForcedSelection: Sendable, Equatable, Codable {
    /// The re-solve of the scenario with the project pinned in.
    public var outcome: SolveOutcome
    /// `outcome.objective − reference.objective`: what forcing it in costs (negative) or gains.
    public var change: Double?
    /// Hours of the project left unstaffed even when forced in (it cannot be fully staffed).
    public var unmetHours: Double
    /// Projects the reference selects that the forced plan drops to make room.
    public var displaced: [String]
}

/// What more of a skill at a level is worth in a period.
public struct MarginalValue: Sendable, Equatable, Codable {
    /// The skill.
    public var skill: String
    /// Level of the extra person.
    public var level: Int
    /// The period whose extra hour is valued (the extra person works over the whole horizon).
    public var period: Int
    /// The LP relaxation's value of one more free hour (from the coverage duals; see `ShadowPrices`).
    public var lpValuePerHour: Double
    /// The project and demand the LP would give the hour to.
    public var usedBy: String?
    /// Re-solve with one extra free hour in this period: the change in objective.
    public var resolvedHourValue: Double?
    /// Re-solve with one extra person (this skill and level, `personHours` a period over the
    /// horizon, at `personCostPerHour`): the change in objective, the person's cost included.
    public var resolvedPersonValue: Double?
    /// Weekly hours of that extra person.
    public var personHours: Double?
    /// Cost per hour of that extra person (the median of people with the skill at that level or above).
    public var personCostPerHour: Double?
    /// Status of the re-solves (`optimal` when both were proven).
    public var resolvedStatus: PlanStatus?
}

/// A change to the scenario that resolves conflicts, evaluated by re-solving.
public struct Resolution: Sendable, Equatable, Codable {
    /// The change (apply it with `ScenarioChange.apply(to:)`).
    public var change: ScenarioChange
    /// One sentence, in the PMO's words.
    public var description: String
    /// The re-solve of the changed scenario.
    public var outcome: SolveOutcome
    /// `outcome.objective − reference.objective`.
    public var objectiveChange: Double?
    /// Conflicts of the analysed plan that the re-solved plan no longer has.
    public var clears: [String]
}

/// The best objective as a policy parameter varies: the portfolio's efficient frontier.
public struct TradeOffCurve: Sendable, Equatable, Codable {
    /// One budget on the curve and the best plan found within it.
    public struct Point: Sendable, Equatable, Codable {
        /// The parameter's value (`nil`: no limit).
        public var budget: Double?
        /// The re-solve with the portfolio budget set to `budget`.
        public var outcome: SolveOutcome
        /// Value of the selected projects.
        public var value: Double?
        /// Staff cost of the re-solved plan.
        public var staffCost: Double?
        /// Ids of the projects the re-solved plan selects.
        public var selected: [String]
    }

    /// The parameter varied (`policy.budget`).
    public var parameter: String
    /// Points, by increasing budget, unlimited last.
    public var points: [Point]
}

// analyze(scenario, plan?): conflicts, their causes, and what each fix is worth (Docs/analysis.md).
public import CapacityPlanners
public import CapacityPlanning

/// How much work the analysis may do.
public struct AnalysisOptions: Sendable {
    /// The planner of every solve (the reference and each re-solve). `auto` by default;
    /// `glpk` proves optimality on small scenarios, so every change in objective is exact.
    public var planner: PlannerKind
    /// Time limit of each solve, in seconds.
    public var timeLimit: Double
    /// Seed of every solve (the same seed for all, so differences come from the scenario).
    public var seed: UInt64
    /// Most projects left out that are forced in and re-solved (highest value first).
    public var maxForcedSelections: Int
    /// Most resolutions re-solved and ranked.
    public var maxResolutions: Int
    /// Most (skill, level) pairs whose marginal value is confirmed by re-solving.
    public var maxMarginalResolves: Int
    /// Budgets on the trade-off curve, as fractions of the portfolio budget (or, without one,
    /// of the reference plan's staff cost); an unlimited budget is always added. Empty: no curve.
    public var tradeOffFractions: [Double]
    /// Called with a short line before each solve (from the calling thread).
    public var progress: (@Sendable (String) -> Void)?

    /// Creates options; the defaults suit a scenario of tens of people.
    public init(planner: PlannerKind = .auto, timeLimit: Double = 5, seed: UInt64 = 1,
                maxForcedSelections: Int = 8, maxResolutions: Int = 10, maxMarginalResolves: Int = 4,
                tradeOffFractions: [Double] = [0.25, 0.5, 0.75, 1, 1.25, 1.5],
                progress: (@Sendable (String) -> Void)? = nil) {
        self.planner = planner
        self.timeLimit = timeLimit
        self.seed = seed
        self.maxForcedSelections = maxForcedSelections
        self.maxResolutions = maxResolutions
        self.maxMarginalResolves = maxMarginalResolves
        self.tradeOffFractions = tradeOffFractions
        self.progress = progress
    }
}

/// Finds where a plan breaks, why, and what each fix is worth.
///
/// Conflicts (over-allocation, orphaned work, skill shortages, contention, deadline risk) are
/// formulas over the scenario and the plan; causes and values (why a project is out, marginal
/// values, resolutions, the trade-off curve) come from re-solving changed scenarios with the
/// analysis planner, each measured against one reference solve of the unchanged scenario.
public struct ConflictAnalyzer: Sendable {
    /// How much work each analysis may do: planner, time limit, seed and how many re-solves.
    public var options: AnalysisOptions

    /// Creates an analyzer; the default options suit a scenario of tens of people.
    public init(options: AnalysisOptions = AnalysisOptions()) {
        self.options = options
    }

    /// A time limit that is not a positive number, or a planner this build lacks.
    private func checkOptions() throws(AnalysisError) {
        guard options.timeLimit.isFinite, options.timeLimit > 0 else {
            throw AnalysisError(.invalidOptions, "timeLimit must be a number of seconds > 0, got \(options.timeLimit)")
        }
        guard options.planner.isAvailable else {
            throw AnalysisError(.unavailable, "the \(options.planner.rawValue) planner is not built in (this build has no GLPK)")
        }
    }

    /// Analyses `plan` — by default the scenario's baseline when it has one, else a fresh plan.
    ///
    /// - Throws: `AnalysisError` for an invalid scenario, a plan that says `infeasible`, bad
    ///   options or a planner this build lacks. A planner that finds no plan is not an error:
    ///   the report says so and skips what needs a plan.
    public func analyze(_ scenario: Scenario, plan given: Plan? = nil) throws(AnalysisError) -> ConflictReport {
        try checkOptions()
        let problem: PlanningProblem
        do {
            problem = try PlanningProblem(scenario)
        } catch {
            throw AnalysisError(.invalidScenario, "the scenario is invalid: \(error)", issues: error.issues, underlying: error)
        }
        return try analyze(problem, plan: given)
    }

    /// Analyses `plan` of a problem already built (the front ends have one); see `analyze(_:plan:)`.
    public func analyze(_ problem: PlanningProblem, plan given: Plan? = nil) throws(AnalysisError) -> ConflictReport {
        try analyze(problem, checked: given.map { CheckedPlan($0, for: problem) })
    }

    /// Analyses a plan already checked against `problem` (it is not checked again; one checked
    /// against another problem is); see `analyze(_:plan:)`.
    public func analyze(_ problem: PlanningProblem, checked given: CheckedPlan?) throws(AnalysisError) -> ConflictReport {
        let givenChecked = given?.checked(for: problem)
        let scenario = problem.scenario
        try checkOptions()
        if let given = givenChecked?.plan, given.status == .infeasible {
            throw AnalysisError(.invalidPlan, "plan.status: the plan says infeasible, so it has nothing to analyse")
        }
        if problem.isInFlight {
            return analyzeInFlight(problem, given: givenChecked)
        }

        let solver = Resolver(options: options)
        options.progress?("solving the scenario as given (reference)")
        var reference = solver.solve(problem, warmStart: givenChecked)
        if let first = reference.plan, reference.outcome.status != .optimal {
            // Re-solves start from the reference plan where it stays valid. Give the reference the
            // same second run, so a change is credited only with what it adds, not with the extra
            // search time a re-solve gets.
            options.progress?("solving the scenario again from the reference plan (control)")
            let control = solver.solve(problem, warmStart: first)
            if let better = control.outcome.objective, better > reference.outcome.objective ?? -.infinity {
                var outcome = control.outcome
                outcome.seconds += reference.outcome.seconds
                reference = Solved(outcome: outcome, plan: control.plan, problem: problem)
            }
        }

        let source: AnalysedPlan.Source
        let analysed: CheckedPlan
        if let givenChecked {
            (source, analysed) = (.given, givenChecked)
        } else if let baseline = scenario.baseline {
            (source, analysed) = (.baseline, CheckedPlan(Self.plan(of: baseline, problem: problem), for: problem))
        } else {
            (source, analysed) = (.fresh, reference.plan ?? CheckedPlan(Self.emptyPlan(problem), for: problem))
        }
        let check = analysed.check
        let allocation = analysed.allocation
        var report = ConflictReport(
            plan: AnalysedPlan(
                source: source, objective: check.objective.total, valid: check.isValid,
                violations: check.violations.map(\.description),
                selectedProjects: allocation.starts.compactMap { $0 }.count,
                staffCost: check.objective.staffCost, unmetHours: check.objective.unmetHours),
            reference: reference.outcome)
        if reference.plan == nil {
            report.notes.append("The planner found no plan for the scenario as given (\(reference.outcome.error ?? "no reason given")); "
                                + "changes in objective cannot be measured, so re-solves were skipped.")
        }

        let capacity = CapacityView(problem: problem)
        report.overAllocations = capacity.overAllocations(allocation)
        report.orphanedWork = capacity.orphanedWork(scenario)
        let shortages = ShortageFinder(problem: problem, allocation: allocation)
        let found = shortages.find()
        report.skillShortages = found.shortages
        report.contention = found.contention
        let staffing = StaffingCheck(problem: problem, allocation: allocation)
        report.contention += shortages.displacements(staffing: staffing)
        report.deadlineRisks = staffing.deadlineRisks()
        let portfolio = PortfolioConflicts(problem: problem, allocation: allocation)
        report.collisions = portfolio.collisions()
        if scenario.version >= 2 { report.alignment = StrategySummary(allocation: allocation, problem: problem) }
        let selection = SelectionAnalysis(problem: problem, allocation: allocation, staffing: staffing)
        report.notSelected = selection.reasons()

        if let referencePlan = reference.plan, let referenceObjective = reference.outcome.objective {
            let base = Reference(scenario: scenario, problem: problem, plan: referencePlan, objective: referenceObjective)
            selection.forceIn(&report.notSelected, base: base, solver: solver, limit: options.maxForcedSelections)
            let marginal = MarginalValues(problem: problem, base: base, solver: solver, limit: options.maxMarginalResolves)
            let (values, notes) = marginal.evaluate()
            report.marginalValues = values
            report.notes += notes
            let planner = ResolutionPlanner(problem: problem, base: base, solver: solver, report: report,
                                            allocation: allocation, staffing: staffing, limit: options.maxResolutions)
            report.resolutions = planner.evaluate()
            report.tradeOff = TradeOff(base: base, solver: solver, fractions: options.tradeOffFractions).curve()
        }
        return report
    }

    /// The baseline as a plan: its decisions, every project it does not mention left out, and
    /// the assignments that still name a person, project, demand and period of the scenario.
    static func plan(of baseline: Baseline, problem: PlanningProblem) -> Plan {
        var decisions: [String: ProjectDecision] = [:]
        for decision in baseline.projects where problem.projectIndex[decision.id] != nil {
            decisions[decision.id] = ProjectDecision(id: decision.id, selected: decision.selected,
                                                     start: decision.selected ? decision.start : nil)
        }
        let projects = problem.projects.map { decisions[$0.id] ?? ProjectDecision(id: $0.id, selected: false) }
        let assignments = baseline.assignments.filter { a in
            problem.personIndex[a.person] != nil && problem.demandIndex(projectID: a.project, demandID: a.demand) != nil
                && a.period >= 0 && a.period < problem.periodCount
        }
        return Plan(status: .feasible, solver: "baseline", projects: projects, assignments: assignments)
    }

    static func emptyPlan(_ problem: PlanningProblem) -> Plan {
        Plan(status: .feasible, solver: "none", projects: problem.projects.map { ProjectDecision(id: $0.id, selected: false) },
             assignments: [])
    }
}

/// The reference solve everything is measured against.
struct Reference {
    /// The unchanged scenario.
    var scenario: Scenario
    /// Its problem.
    var problem: PlanningProblem
    /// The reference plan, as its planner checked it.
    var plan: CheckedPlan
    /// The reference plan's objective.
    var objective: Double

    /// Ids of the projects the reference plan selects.
    var selected: Set<String> { Set(plan.plan.projects.filter(\.selected).map(\.id)) }
}

/// A solve of the analysis planner: what the report records, the plan as the planner checked
/// it, and the problem it was solved for.
struct Solved {
    /// What the report records of the solve.
    var outcome: SolveOutcome
    /// The plan, when one was found (checked once, by the planner's edge).
    var plan: CheckedPlan?
    /// The problem solved, when the scenario was valid.
    var problem: PlanningProblem?
}

/// Runs the analysis planner on the problem or on changed scenarios.
struct Resolver: Sendable {
    var options: AnalysisOptions

    /// Solves a changed scenario: its problem is built here, and `warmStart` (a plan of the
    /// unchanged scenario) is used when it is valid for it.
    func solve(_ scenario: Scenario, warmStart: Plan? = nil) -> Solved {
        let clock = ContinuousClock.now
        let problem: PlanningProblem
        do {
            problem = try PlanningProblem(scenario)
        } catch {
            return Solved(outcome: SolveOutcome(status: nil, solver: options.planner.rawValue, seconds: clock.secondsElapsed,
                                                error: "the changed scenario is invalid: \(error)"))
        }
        var solved = solve(problem, warmStart: warmStart.map { CheckedPlan($0, for: problem) }, since: clock)
        solved.problem = problem
        return solved
    }

    /// Solves `problem`, warm-started from `warmStart` (checked against it) when it is valid.
    func solve(_ problem: PlanningProblem, warmStart: CheckedPlan?, since clock: ContinuousClock.Instant = .now) -> Solved {
        func elapsed() -> Double { clock.secondsElapsed }
        let name = options.planner.rawValue
        var planning = PlanningOptions(timeLimit: options.timeLimit, seed: options.seed)
        if let warmStart, warmStart.isValid { planning.warmStart = warmStart }
        do {
            let planner = try options.planner.makePlanner()
            let checked = try planner.checkedPlan(problem, options: planning)
            let plan = checked.plan
            guard plan.status != .infeasible else {
                let why = (plan.details?.diagnosis ?? []).joined(separator: "; ")
                return Solved(outcome: SolveOutcome(status: .infeasible, solver: plan.solver ?? name, seconds: elapsed(),
                                                    error: "no valid plan exists" + (why.isEmpty ? "" : ": \(why)")),
                              problem: problem)
            }
            return Solved(outcome: SolveOutcome(status: plan.status, objective: checked.check.objective.total, bound: plan.bound,
                                                solver: plan.solver ?? name, seconds: elapsed()),
                          plan: checked, problem: problem)
        } catch {
            return Solved(outcome: SolveOutcome(status: nil, solver: name, seconds: elapsed(), error: error.description),
                          problem: problem)
        }
    }
}

// The greedy planner on version 3's portfolio in flight: each project gets one span length (a
// pace), which turns the problem into a version-2 problem the greedy run already plans — from the
// status period on, with started projects at the status period, flexible work spread evenly over
// the span, budgets net of actuals — priced by the in-flight objective (worth per start and finish,
// probabilities, synergies); the plan is lifted back with each project's start and finish.
import CapacityPlanning

/// How fast a project's flexible work is done: the span it is given.
enum GreedyPace: Sendable, CaseIterable {
    /// The shortest span its rates allow (`duration`, or longer when `maxPerPeriod` needs it).
    case fastest
    /// Halfway between the fastest and the longest span.
    case middle
    /// The longest span `maxDuration`, the deadline and the horizon allow.
    case longest
}

/// One project's span in a reduction: from `firstPeriod` (the status period for a started
/// project) for `length` periods; `finishBeforeStatus` when a started project is already done.
struct GreedySpan: Sendable, Equatable {
    /// Periods from the reduced start to the finish (≥ 1).
    var length: Int
    /// For a started project with nothing left whose earliest finish lies before the status
    /// period: that finish (the reduced problem holds it at the status period for one period).
    var finishBeforeStatus: Int?
    /// It can never be selected (its window, or its work at its rates, does not fit; not mandatory).
    var unselectable = false
}

/// The in-flight problem as a version-2 problem with one span per project, and the terms that
/// price it as the in-flight objective does.
struct GreedyInFlightReduction {
    /// The in-flight problem.
    let original: PlanningProblem
    /// The version-2 problem: same people, projects and demand lines, in the same order.
    let reduced: PlanningProblem
    /// Each project's span.
    let spans: [GreedySpan]
    /// What a reduced start is worth, per project and start (the in-flight objective's terms).
    let terms: GreedyInFlightTerms

    /// Reduces `problem` with each project's span at `pace[j]`.
    ///
    /// - Throws: the reduced scenario's validation error (a span that makes a mandatory project
    ///   unable to fit; the fastest pace never does for a scenario that validated).
    init(_ problem: PlanningProblem, pace: [GreedyPace]) throws(ScenarioError) {
        original = problem
        let scenario = problem.scenario
        let status = problem.statusPeriod
        var spans: [GreedySpan] = []
        var reducedProjects: [Project] = []
        for (j, project) in scenario.projects.enumerated() {
            let info = problem.projects[j]
            let span = Self.span(of: project, info, status: status, periods: problem.periodCount, pace: pace[j])
            spans.append(span)
            reducedProjects.append(Self.reduce(project, info, span: span, status: status, periods: problem.periodCount))
        }
        var reducedScenario = scenario
        reducedScenario.version = 2
        reducedScenario.status = nil
        reducedScenario.synergies = []
        // Supply is decided around greedy (GreedyPlanner+Supply.swift), never inside one run.
        reducedScenario.hiring = []
        reducedScenario.training = []
        reducedScenario.projects = reducedProjects
        if let budget = scenario.policy.budget {
            reducedScenario.policy.budget = max(0, budget - problem.actualSpend)
        }
        reducedScenario.baseline = scenario.baseline.map { Self.reduce($0, scenario, status: status) }
        let reduced = try PlanningProblem(reducedScenario)
        self.reduced = reduced
        self.spans = spans
        terms = GreedyInFlightTerms(original: problem, reduced: reduced, spans: spans)
    }

    /// The span a project gets at `pace` (clamped to what its window allows).
    static func span(of project: Project, _ info: ProjectInfo, status: Int, periods: Int, pace: GreedyPace) -> GreedySpan {
        guard info.canBeSelected else { return GreedySpan(length: 1, unselectable: true) }
        let first = project.started.map { _ in status } ?? max(project.earliestStart, status)
        // The span's own minimum: the nominal duration from the start, from the status period on.
        let minimum = project.started == nil ? project.duration : info.earliestFinish - status + 1
        var fastest = max(1, minimum)
        for line in project.demands {
            guard let work = line.work, work > Tolerance.of(work) else { continue }
            let rate = line.maxPerPeriod ?? .infinity
            // Periods the rate needs, capped past the horizon (a tiny rate must not overflow Int).
            let needed = rate.isFinite ? min((work / rate - 1e-9).rounded(.up), Double(periods + 1)) : 1
            fastest = max(fastest, Int(needed))
        }
        let lastFinish = min(info.lastPeriod, (project.started ?? first) + info.maxDuration - 1)
        let longest = max(1, lastFinish - first + 1)
        let nothingLeft = project.started != nil && info.earliestFinish < status && !Self.hasWorkLeft(project, status: status)
        if nothingLeft { return GreedySpan(length: 1, finishBeforeStatus: info.earliestFinish) }
        if fastest > longest {
            // The work does not fit at its rates: a mandatory project runs its longest span and
            // falls short (the spec allows it, at the unmet penalty); another cannot be selected.
            guard info.mandatory else { return GreedySpan(length: 1, unselectable: true) }
            fastest = longest
        }
        let length: Int
        switch pace {
        case .fastest: length = fastest
        case .middle: length = (fastest + longest) / 2
        case .longest: length = longest
        }
        return GreedySpan(length: length, finishBeforeStatus: nil)
    }

    /// Whether a started project has hours left from the status period on.
    static func hasWorkLeft(_ project: Project, status: Int) -> Bool {
        guard let started = project.started else { return true }
        return project.demands.contains { line in
            if let work = line.work { return work > Tolerance.of(work) }
            let done = max(0, status - started)
        let end = min(project.duration, done + 10_000)  // a profile is never longer than the horizon's limit
        return end > done && (done..<end).contains { line.hours[$0] > 0 }
        }
    }

    /// The version-2 project: its span from `first`, fixed profiles from the status period on,
    /// flexible work spread evenly (at most its rate), its budget net of its actuals.
    static func reduce(_ project: Project, _ info: ProjectInfo, span: GreedySpan, status: Int, periods: Int) -> Project {
        var reduced = project
        reduced.started = nil
        reduced.maxDuration = nil
        reduced.due = nil
        reduced.latePenaltyPerPeriod = 0
        reduced.probability = nil
        reduced.duration = span.length
        if span.unselectable {
            // An empty window: never selected (version 2 reads it as a warning), nothing expanded.
            reduced.duration = 1
            reduced.earliestStart = max(project.earliestStart, status)
            reduced.deadline = reduced.earliestStart - 1
            reduced.dependsOn = project.started == nil ? project.dependsOn : []
            reduced.touches = []
            reduced.mandatory = false
            reduced.demands = project.demands.map { line in
                var out = line
                out.work = nil
                out.maxPerPeriod = nil
                out.hours = .perPeriod([0])
                return out
            }
            return reduced
        }
        if project.started != nil {
            reduced.earliestStart = status
            reduced.dependsOn = []  // history (rule 3 does not apply to a started project)
            reduced.deadline = status + span.length - 1  // it runs on from the status period
            if span.finishBeforeStatus != nil { reduced.touches = [] }  // done: held there, on no system
        } else {
            reduced.earliestStart = max(project.earliestStart, status)
        }
        let skipped = project.started.map { max(0, status - $0) } ?? 0
        reduced.demands = project.demands.map { line in
            var out = line
            out.work = nil
            out.maxPerPeriod = nil
            if span.finishBeforeStatus != nil {
                out.hours = .perPeriod(Array(repeating: 0, count: span.length))
            } else if let work = line.work {
                let each = min(line.maxPerPeriod ?? .infinity, work / Double(span.length))
                out.hours = .perPeriod(Array(repeating: max(0, each), count: span.length))
            } else {
                let profile = line.hours.expanded(to: project.duration)
                out.hours = .perPeriod((0..<span.length).map { skipped + $0 < profile.count ? profile[skipped + $0] : 0 })
            }
            return out
        }
        if let budget = project.budget { reduced.budget = max(0, budget - info.actualSpend) }
        return reduced
    }

    /// The baseline from the status period on, a started project's start read as the status period.
    static func reduce(_ baseline: Baseline, _ scenario: Scenario, status: Int) -> Baseline {
        var out = baseline
        let started = Dictionary(scenario.projects.compactMap { p in p.started.map { (p.id, $0) } }, uniquingKeysWith: { a, _ in a })
        out.projects = baseline.projects.map { decision in
            var d = decision
            d.finish = nil
            // A started project's start is fixed: it matches the baseline's or changes, whatever the plan.
            if let s = started[d.id], let start = d.start {
                if start == s { d.start = status } else { d.selected = false; d.start = nil }
            }
            return d
        }
        out.assignments = baseline.assignments.filter { $0.period >= status }
        return out
    }

    /// The reduced plan lifted back: started projects at `started`, every finish from its span.
    func lift(_ allocation: Allocation) -> Allocation {
        var lifted = Allocation(starts: allocation.starts, hours: allocation.hours,
                                finishes: Array(repeating: nil, count: allocation.starts.count))
        for (j, start) in allocation.starts.enumerated() {
            guard let s = start else { continue }
            let span = spans[j]
            lifted.finishes[j] = span.finishBeforeStatus ?? (s + span.length - 1)
            if let started = original.projects[j].started { lifted.starts[j] = started }
        }
        return lifted
    }
}

/// The in-flight objective's terms on a reduction: worth per project and reduced start (with
/// probability, delay from the earliest finish and lateness), and the synergies.
struct GreedyInFlightTerms: Sendable {
    /// `worth[j][s]`: what selecting `j` at reduced start `s` adds before staffing.
    let worth: [[Double]]
    /// The synergies: projects and `(Π probabilities) × value`.
    let synergies: [(projects: [Int], value: Double)]

    init(original: PlanningProblem, reduced: PlanningProblem, spans: [GreedySpan]) {
        let periods = original.periodCount
        worth = original.projects.map { info in
            let span = spans[info.index]
            return (0..<max(1, periods)).map { s in
                let start = info.started ?? s
                let finish = span.finishBeforeStatus ?? (s + span.length - 1)
                return info.worth(start: start, finish: finish)
            }
        }
        synergies = original.synergies.map { synergy in
            (synergy.projects, synergy.projects.reduce(1.0) { $0 * original.projects[$1].probability } * synergy.value)
        }
    }
}

// The forecast's computation: finishes against due dates and the baseline, the reason that holds
// a late project back, and its mitigations (move its due date, descope its late work, hire a
// contractor for the skill that binds, delay or cancel a less valuable project that holds those
// people), each re-solved; the three best by objective.
public import CapacityPlanning

extension ProjectForecast {
    /// Every selected project's forecast for `allocation` of `problem`, without re-solving
    /// anything: its finish against its due date and the baseline's finish, and for a late one
    /// the reason that binds; no mitigations (`ConflictAnalyzer.analyze` re-solves those). The
    /// latest first, then by id.
    ///
    /// - Complexity: O(cells + J·D·T·P) for J projects, D lines each, T periods and P people.
    public static func forecasts(_ problem: PlanningProblem, allocation: Allocation) -> [ProjectForecast] {
        ForecastAnalysis(problem: problem, allocation: allocation, reference: nil,
                         solver: Resolver(options: AnalysisOptions()), limit: 0).forecasts()
    }
}

/// Forecasts one analysed plan of a portfolio in flight.
struct ForecastAnalysis {
    let problem: PlanningProblem
    let allocation: Allocation
    /// The reference solve the mitigations are measured against (`nil`: no mitigations).
    let reference: Reference?
    let solver: Resolver
    /// Most late projects given mitigations (each costs up to five re-solves).
    let limit: Int
    /// Hours booked per `person * periods + t` in the plan.
    private let load: [Double]

    init(problem: PlanningProblem, allocation: Allocation, reference: Reference?, solver: Resolver, limit: Int) {
        self.problem = problem
        self.allocation = allocation
        self.reference = reference
        self.solver = solver
        self.limit = limit
        var load = [Double](repeating: 0, count: problem.people.count * problem.periodCount)
        for (cell, h) in allocation.hours { load[cell.person * problem.periodCount + cell.period] += h }
        self.load = load
    }

    /// Mitigations kept per late project.
    static let kept = 3

    /// Every selected project's forecast, the latest first, then by id.
    func forecasts() -> [ProjectForecast] {
        let labels = PeriodLabels(problem.scenario.horizon)
        func date(_ t: Int?) -> String? { t.flatMap(labels.firstDay(of:)).map(PeriodLabels.isoDate(dayNumber:)) }
        var out: [ProjectForecast] = []
        for info in problem.projects {
            guard let s = allocation.starts[info.index], let f = allocation.finish(of: info.index, in: problem) else { continue }
            let baseline = baselineFinish(info)
            out.append(ProjectForecast(project: info.id, start: s, finish: f, finishLabel: labels.short(f), finishDate: date(f),
                                       due: info.due, dueLabel: info.due.map { labels.short($0) }, dueDate: date(info.due),
                                       late: info.periodsLate(finish: f),
                                       baselineFinish: baseline, slip: baseline.map { f - $0 }))
        }
        out.sort { ($0.late, $0.slip ?? 0, $1.project) > ($1.late, $1.slip ?? 0, $0.project) }
        var analysed = 0
        for k in out.indices where out[k].late > 0 {
            guard let j = problem.projectIndex[out[k].project] else { continue }
            let reason = reason(j, start: out[k].start, finish: out[k].finish)
            out[k].reason = reason
            if analysed < limit, let reference {
                out[k].mitigations = mitigations(j, finish: out[k].finish, reason: reason, reference: reference)
                analysed += 1
            }
        }
        return out
    }

    /// The baseline's finish of a project it selects.
    private func baselineFinish(_ info: ProjectInfo) -> Int? {
        guard let decision = problem.scenario.baseline?.projects.first(where: { $0.id == info.id }), decision.selected,
              let start = decision.start else { return nil }
        return decision.finish ?? start + info.duration - 1
    }

    // MARK: Why it is late

    /// The reason that binds: a dependency it waits for, a system that holds its start, else the
    /// line whose qualified people are fully booked in the most periods of its span, else its own work.
    func reason(_ j: Int, start s: Int, finish f: Int) -> LateReason {
        let info = problem.projects[j]
        let labels = PeriodLabels(problem.scenario.horizon)
        let first = info.started ?? max(info.earliestStart, problem.statusPeriod)
        if info.started == nil, s > first {
            for i in info.dependencies {
                if let fi = allocation.finish(of: i, in: problem), fi + 1 == s {
                    return LateReason(kind: .dependency, detail: "it waits for \(problem.projects[i].id), which finishes in \(labels.short(fi))",
                                      periods: [], blocker: problem.projects[i].id)
                }
            }
            for k in info.systems {
                let system = problem.systems[k]
                let held = (first..<max(first, min(s, problem.periodCount))).filter { t in
                    system.isFrozen(t) || system.limit.map { limit in
                        system.projects.filter { $0 != j && isActive($0, t) }.count >= limit
                    } == true
                }
                if !held.isEmpty {
                    return LateReason(kind: .system, detail: "system \(system.id) is frozen or at its limit in \(periodText(held, labels))",
                                      periods: held, blocker: system.id)
                }
            }
        }
        var best: (line: Int, periods: [Int])?
        let from = max(s, problem.statusPeriod), last = min(f, problem.periodCount - 1)
        for d in info.demands where from <= last {
            let line = problem.demands[d]
            let full = (from...last).filter { t in
                line.eligiblePeople.reduce(0.0) { $0 + max(0, problem.people[$1].capacity[t] - booked($1, t)) } < 1
            }
            if !full.isEmpty, full.count > best?.periods.count ?? 0 { best = (d, full) }
        }
        if let best {
            let line = problem.demands[best.line]
            let skill = problem.skills[line.skill]
            return LateReason(kind: .skill,
                              detail: "everyone with \(skill) ≥ \(line.minLevel) is fully booked in \(periodText(best.periods, labels))",
                              skill: skill, minLevel: line.minLevel, periods: best.periods, blocker: nil)
        }
        return LateReason(kind: .ownWork, detail: "its remaining work at its rates, from \(labels.short(from)), needs until \(labels.short(f))",
                          periods: [], blocker: nil)
    }

    private func isActive(_ k: Int, _ t: Int) -> Bool {
        guard let s = allocation.starts[k], let f = allocation.finish(of: k, in: problem) else { return false }
        return t >= max(s, problem.statusPeriod) && t <= f
    }

    private func booked(_ p: Int, _ t: Int) -> Double { load[p * problem.periodCount + t] }

    private func periodText(_ periods: [Int], _ labels: PeriodLabels) -> String {
        guard let first = periods.first, let last = periods.last else { return "no period" }
        if periods.count == last - first + 1 { return first == last ? labels.short(first) : "\(labels.short(first))–\(labels.short(last))" }
        return periods.map { labels.short($0) }.joined(separator: ", ")
    }

    // MARK: Mitigations

    /// Up to five candidate changes, each re-solved; the `kept` best by objective change.
    func mitigations(_ j: Int, finish f: Int, reason: LateReason, reference: Reference) -> [Mitigation] {
        let info = problem.projects[j]
        let late = info.periodsLate(finish: f)
        var candidates: [(ScenarioChange, String)] = [
            (.moveDue(info.id, by: late), "move \(info.id)'s due date \(late) period\(late == 1 ? "" : "s") later (accept the slip)"),
        ]
        let binding = bindingLine(j, reason: reason)
        if let d = binding, let work = problem.demands[d].work, let due = info.due {
            let after = allocation.hours.reduce(0.0) { $0 + ($1.key.demand == d && $1.key.period > due ? $1.value : 0) }
            if after > 0.5 {
                let left = max(0, (work - after).rounded(.down))
                candidates.append((.descope(info.id, demand: problem.demands[d].id, to: left),
                                   "descope \(info.id).\(problem.demands[d].id) by the \(Format.hoursWithUnit(after)) done after its due date"))
            }
        }
        if let d = binding {
            let line = problem.demands[d]
            let skill = problem.skills[line.skill]
            // The dearest qualified person's rate; when nobody qualifies, the dearest anyone's (never free).
            let dearest = line.eligiblePeople.map { problem.people[$0].costPerHour }.max()
                ?? problem.people.filter { $0.hire == nil }.map(\.costPerHour).max() ?? 0
            let hours = min(40, line.maxPerPeriod ?? 40)
            let from = problem.statusPeriod
            // A declared role that qualifies comes before a contractor: one more hire, where the
            // plan already hires all the role allows and a hire could start before the finish.
            for role in problem.roles where role.levels[line.skill] >= line.minLevel {
                let hired = role.instances.filter { allocation.hires[$0] != nil }.count
                guard hired == role.instances.count, let first = role.starts?.lowerBound, first <= f,
                      role.instances.count < Scenario.maxHires else { continue }
                candidates.append((.hireMore(role.id, to: hired + 1),
                                   "hire one more \(role.id) (from \(PeriodLabels(problem.scenario.horizon).short(first)))"))
            }
            if from <= f {
                candidates.append((.hire(skill: skill, level: line.minLevel, hoursPerPeriod: hours, periods: from...f,
                                         costPerHour: (dearest * 1.25).rounded()),
                                   "hire a contractor with \(skill) ≥ \(line.minLevel), \(Format.hoursWithUnit(hours)) a period, at 125 % of the dearest rate"))
            }
            if let k = rival(of: j, line: d, until: f) {
                let id = problem.projects[k].id
                candidates.append((.drop(id), "cancel \(id) (worth less) and give its people to \(info.id)"))
                if problem.projects[k].started == nil, let due = info.due, due + 1 < problem.periodCount,
                   let planned = allocation.starts[k], planned <= due {
                    candidates.append((.delay(id, by: due + 1 - planned, earliestStart: due + 1),
                                       "delay \(id) until after \(info.id)'s due date"))
                }
            }
        }
        var out: [Mitigation] = []
        for (change, description) in candidates {
            guard let changed = try? change.apply(to: reference.scenario) else { continue }
            let solved = solver.solve(changed, warmStart: reference.plan.plan)
            var newFinish: Int?
            var newLate: Int?
            if let plan = solved.plan, let changedProblem = solved.problem, let k = changedProblem.projectIndex[info.id] {
                newFinish = plan.allocation.finish(of: k, in: changedProblem)
                newLate = newFinish.map { changedProblem.projects[k].periodsLate(finish: $0) }
            }
            out.append(Mitigation(change: change, description: description, outcome: solved.outcome,
                                  objectiveChange: solved.outcome.objective.map { $0 - reference.objective },
                                  newFinish: newFinish, newLate: newLate))
        }
        out.sort { ($0.objectiveChange ?? -.infinity) > ($1.objectiveChange ?? -.infinity) }
        return Array(out.prefix(Self.kept))
    }

    /// The line the reason names (skill), else the project's largest flexible line, else its largest line.
    private func bindingLine(_ j: Int, reason: LateReason) -> Int? {
        let lines = problem.projects[j].demands
        if reason.kind == .skill, let skill = reason.skill {
            if let d = lines.first(where: { problem.skills[problem.demands[$0].skill] == skill
                && problem.demands[$0].minLevel == reason.minLevel }) { return d }
        }
        let flexible = lines.filter { problem.demands[$0].isFlexible }
        return (flexible.isEmpty ? lines : flexible).max { (problem.demands[$0].work ?? problem.demands[$0].totalHours)
            < (problem.demands[$1].work ?? problem.demands[$1].totalHours) }
    }

    /// The least valuable selected project (not mandatory, not `j`) on which people qualified for
    /// `line` work between the status period and `until`.
    private func rival(of j: Int, line d: Int, until f: Int) -> Int? {
        let qualified = Set(problem.demands[d].eligiblePeople)
        var hoursOn: [Int: Double] = [:]
        for (cell, h) in allocation.hours where qualified.contains(cell.person) && cell.period <= f {
            let k = problem.demands[cell.demand].project
            if k != j, !problem.projects[k].mandatory { hoursOn[k, default: 0] += h }
        }
        let own = worth(j)
        return hoursOn.keys.filter { worth($0) < own }.min { a, b in
            let (wa, wb) = (worth(a), worth(b))
            return wa != wb ? wa < wb : a < b
        }
    }

    private func worth(_ k: Int) -> Double {
        guard let s = allocation.starts[k], let f = allocation.finish(of: k, in: problem) else { return 0 }
        return problem.projects[k].worth(start: s, finish: f)
    }
}

// The plan rules spec v3 changes for the portfolio in flight: a selected project's span
// (rule 2 on its finish, rule 13 on its start) and flexible lines' coverage (rule 5).

extension PlanChecker {
    // MARK: - Rules 2 and 13

    /// The span `[start, finish]` of a selected project against `duration … maxDuration`, its
    /// deadline and the horizon (rule 2), and its start against `earliestStart`, the status period
    /// and `started` (rules 2 and 13).
    static func checkSpan(_ info: ProjectInfo, start: Int, finish: Int, _ problem: PlanningProblem,
                          _ out: inout [PlanViolation]) {
        let project = problem.scenario.projects[info.index]
        let length = finish - start + 1
        if length < info.duration || length > info.maxDuration {
            let allowed = info.maxDuration > info.duration ? "\(info.duration)…\(info.maxDuration)" : "\(info.duration)"
            out.append(PlanViolation(.window,
                "project '\(info.id)' runs \(start)…\(finish), \(length) periods; it takes \(allowed)",
                projects: [info.id], periods: [start]))
        }
        if finish > info.lastPeriod {
            out.append(PlanViolation(.window,
                "project '\(info.id)' finishes in \(finish), after its last allowed period \(info.lastPeriod)",
                projects: [info.id], periods: [finish]))
        }
        if let started = info.started {
            if start != started {
                out.append(PlanViolation(.status,
                    "started project '\(info.id)' has start \(start); it started in \(started)",
                    projects: [info.id], periods: [start]))
            }
            return
        }
        if start < project.earliestStart {
            out.append(PlanViolation(.window,
                "project '\(info.id)' starts in \(start), before its earliestStart \(project.earliestStart)",
                projects: [info.id], periods: [start]))
        }
        if start < problem.statusPeriod {
            out.append(PlanViolation(.status,
                "project '\(info.id)' starts in \(start), before the status period \(problem.statusPeriod); it has not started",
                projects: [info.id], periods: [start]))
        }
    }

    // MARK: - Rule 5 for flexible lines

    /// A flexible line's hours: at most `maxPerPeriod` in each period, at most `work` in total, and
    /// (unless the project is mandatory) not short of `work`.
    static func checkFlexibleCoverage(_ demand: DemandInfo, of project: ProjectInfo, covered: [Double],
                                      _ problem: PlanningProblem, _ out: inout [PlanViolation]) {
        let periods = problem.periodCount
        let work = demand.work ?? 0
        var total = 0.0
        for t in 0..<periods {
            let have = covered[demand.index * periods + t]
            guard have > 0 else { continue }
            total += have
            if let most = demand.maxPerPeriod, have > most + Tolerance.of(most) {
                out.append(PlanViolation(.coverage,
                    "demand '\(demand.id)' of '\(project.id)' gets \(have) h in period \(t), more than its maxPerPeriod \(most) h",
                    projects: [project.id], periods: [t], amount: have - most))
            }
        }
        if total > work + Tolerance.of(work) {
            out.append(PlanViolation(.coverage,
                "demand '\(demand.id)' of '\(project.id)' gets \(total) h in total, more than its work \(work) h",
                projects: [project.id], amount: total - work))
        } else if work - total > Tolerance.of(work) && !project.mandatory {
            out.append(PlanViolation(.coverage,
                "demand '\(demand.id)' of non-mandatory '\(project.id)' is short \(work - total) h of its work \(work) h",
                projects: [project.id], amount: work - total))
        }
    }
}

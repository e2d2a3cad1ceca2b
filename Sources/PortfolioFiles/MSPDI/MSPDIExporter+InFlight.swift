// A portfolio in flight (format v3, Part A) as Microsoft Project sees progress: a status date,
// actual starts, actual work per past period, and the plan's hours as the remaining work.
import CapacityPlanning

extension MSPDIExporter {
    /// The task UIDs: a project's summary task by project id, then its lines' tasks by
    /// `"project␟demand"`, numbered from 1 in the scenario's order.
    static func taskUIDs(_ scenario: Scenario) -> (summary: [String: Int], line: [String: Int]) {
        var summary: [String: Int] = [:]
        var line: [String: Int] = [:]
        var uid = 0
        for project in scenario.projects {
            uid += 1
            summary[project.id] = uid
            for demand in project.demands { uid += 1; line["\(project.id)\u{1F}\(demand.resolvedID)"] = uid }
        }
        return (summary, line)
    }

    /// The periods a project's tasks span in a portfolio in flight: a selected project from its
    /// start to the plan's finish (`start + duration − 1` when the plan gives none); a left-out
    /// one from its first possible start (`started`, else the later of its earliest start and
    /// the status period) for its duration.
    static func span(_ project: Project, _ decision: ProjectDecision?, statusPeriod: Int) -> (first: Int, last: Int) {
        if decision?.selected == true, let start = decision?.start {
            return (start, max(start, decision?.finish ?? start + project.duration - 1))
        }
        let start = project.firstStart(statusPeriod: statusPeriod)
        return (start, start + project.duration - 1)
    }

    /// Adds the progress of a portfolio in flight to `document`, the plan's file:
    ///
    /// - the status date: the last working day before the status period;
    /// - each started project's summary task and line tasks: the actual start (the first working
    ///   day of `started`; of the first actual, for a line), actual work (the actuals), remaining
    ///   work (the plan's hours) and work (both);
    /// - each assignment: actual work with its hours per past period as time-phased actual work
    ///   (`TimephasedData` type 2), remaining work = the plan's hours, work = both; a person's
    ///   actuals on a line the plan gives them no hours on are an assignment of their own,
    ///   finished at their last actual.
    ///
    /// `planned` is the plan's hours per period by `"person␟project␟demand"`, `byLine` its hours by
    /// `"project␟demand"`, and `assignmentKeys` the `"person␟project␟demand"` of each assignment
    /// written, in order (as `document(_:problem:title:)` has them).
    static func addProgress(to document: inout MSPDIDocument, planned hours: [String: [Double]], byLine plannedByLine: [String: Double],
                            assignmentKeys: [String], problem: PlanningProblem, calendar: MSPDICalendar) {
        let scenario = problem.scenario
        let periods = calendar.periods
        if let status = scenario.status {
            document.StatusDate = MSPDICalendar.finish(calendar.lastWorkingDay(status.period - 1))
        }
        let separator = "\u{1F}"
        // Actual hours per "person project demand", per period, in the order of the actuals.
        var actual: [String: [Int: Double]] = [:]
        var actualOrder: [String] = []
        for a in scenario.status?.actuals ?? [] where a.hours > 0 && (0..<periods).contains(a.period) {
            let key = [a.person, a.project, a.demand].joined(separator: separator)
            if actual[key] == nil { actualOrder.append(key) }
            actual[key, default: [:]][a.period, default: 0] += a.hours
        }
        let planned = hours.mapValues { $0.reduce(0, +) }  // "person project demand" → the plan's hours

        // Assignments: the plan's, then the actuals without planned hours.
        let (summaryUID, lineUID) = taskUIDs(scenario)
        var assignments = document.Assignments?.Assignment ?? []
        let written = Set(assignmentKeys)
        for (i, key) in zip(assignments.indices, assignmentKeys) {
            addActuals(to: &assignments[i], actual[key] ?? [:], remaining: planned[key] ?? 0, calendar: calendar)
        }
        let resourceUID = Dictionary(scenario.people.enumerated().map { ($1.id, $0 + 1) }, uniquingKeysWith: { a, _ in a })
        for key in actualOrder where !written.contains(key) {
            let parts = key.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 3, let resource = resourceUID[parts[0]], let task = lineUID[parts[1] + separator + parts[2]],
                  let byPeriod = actual[key] else { continue }
            let peak = byPeriod.map { t, hours in calendar.workingHours(t) > 0 ? hours / calendar.workingHours(t) : 0 }.max() ?? 0
            var assignment = MSPDIDocument.Assignment(UID: String(assignments.count + 1), TaskUID: String(task),
                                                      ResourceUID: String(resource), Units: number(peak))
            addActuals(to: &assignment, byPeriod, remaining: 0, calendar: calendar)
            assignments.append(assignment)
        }
        document.Assignments = .init(Assignment: assignments)

        // The started projects' tasks.
        var actualByLine: [String: [Int: Double]] = [:]  // "project demand" → hours per period
        for (key, byPeriod) in actual {
            let line = String(key.drop(while: { $0 != "\u{1F}" }).dropFirst())
            for (t, hours) in byPeriod { actualByLine[line, default: [:]][t, default: 0] += hours }
        }
        let taskIndex = Dictionary((document.Tasks?.Task ?? []).enumerated().compactMap { k, task in task.UID.map { ($0, k) } },
                                   uniquingKeysWith: { a, _ in a })
        guard var tasks = document.Tasks?.Task else { return }
        for project in scenario.projects {
            guard let started = project.started, let summary = summaryUID[project.id].flatMap({ taskIndex[String($0)] }) else { continue }
            var projectActual = 0.0, projectRemaining = 0.0
            for demand in project.demands {
                let line = project.id + separator + demand.resolvedID
                let byPeriod = actualByLine[line] ?? [:]
                let done = byPeriod.values.reduce(0, +), left = plannedByLine[line] ?? 0
                projectActual += done
                projectRemaining += left
                guard let k = lineUID[line].flatMap({ taskIndex[String($0)] }) else { continue }
                setProgress(&tasks[k], actual: done, remaining: left)
                if let first = byPeriod.keys.min() { tasks[k].ActualStart = MSPDICalendar.start(calendar.firstWorkingDay(first)) }
            }
            setProgress(&tasks[summary], actual: projectActual, remaining: projectRemaining)
            tasks[summary].ActualStart = MSPDICalendar.start(calendar.firstWorkingDay(started))
        }
        document.Tasks = .init(Task: tasks)
    }

    /// An assignment's actual work (`byPeriod`, hours per past period) and remaining work.
    private static func addActuals(to assignment: inout MSPDIDocument.Assignment, _ byPeriod: [Int: Double], remaining: Double,
                                   calendar: MSPDICalendar) {
        let done = byPeriod.values.reduce(0, +)
        assignment.PercentWorkComplete = percent(actual: done, remaining: remaining)
        assignment.ActualWork = MSPDICalendar.duration(hours: done)
        assignment.RemainingWork = MSPDICalendar.duration(hours: remaining)
        assignment.Work = MSPDICalendar.duration(hours: done + remaining)
        guard let first = byPeriod.keys.min(), let last = byPeriod.keys.max() else { return }
        assignment.ActualStart = MSPDICalendar.start(calendar.firstWorkingDay(first))
        assignment.Start = assignment.ActualStart  // actuals precede the planned hours (rule 13)
        if remaining <= 0 || assignment.Finish == nil {
            assignment.Finish = MSPDICalendar.finish(calendar.lastWorkingDay(last))
            if remaining <= 0 { assignment.ActualFinish = assignment.Finish }
        }
        let uid = assignment.UID
        let phased = byPeriod.keys.sorted().compactMap { t -> MSPDIDocument.TimephasedData? in
            guard let hours = byPeriod[t], hours > 0 else { return nil }
            return MSPDIDocument.TimephasedData(Type: "2", UID: uid, Start: MSPDICalendar.start(calendar.firstWorkingDay(t)),
                                                Finish: MSPDICalendar.finish(calendar.lastWorkingDay(t)),
                                                Unit: timephasedUnit(calendar.unit), Value: MSPDICalendar.duration(hours: hours))
        }
        assignment.TimephasedData = phased + (assignment.TimephasedData ?? [])
    }

    /// A task's work, actual work, remaining work and share of work complete.
    private static func setProgress(_ task: inout MSPDIDocument.Task, actual: Double, remaining: Double) {
        task.Work = MSPDICalendar.duration(hours: actual + remaining)
        task.PercentWorkComplete = percent(actual: actual, remaining: remaining)
        task.ActualWork = MSPDICalendar.duration(hours: actual)
        task.RemainingWork = MSPDICalendar.duration(hours: remaining)
    }

    /// The whole percent of the work done: 100 only when nothing remains.
    private static func percent(actual: Double, remaining: Double) -> String {
        let total = actual + remaining
        guard total > 0 else { return "0" }
        return remaining <= 0 ? "100" : String(Int((100 * actual / total).rounded(.down)))
    }
}

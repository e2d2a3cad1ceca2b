// A plan as a Microsoft Project file: people as resources, projects as summary tasks, demand lines as tasks.
public import CapacityPlanning
public import Foundation

/// Writes a plan as Microsoft Project XML (MSPDI) that Project, ProjectLibre, GanttProject and MPXJ open.
///
/// - Resources: one per person (work resource, standard rate per hour, max units = capacity ÷
///   the period's working hours, availability periods where that share changes; skills, id and
///   concurrency limit in custom fields).
/// - Tasks: one summary task per project, with one task per demand line below it. A selected
///   project spans its planned periods; a left-out one is inactive (`Active` 0) at its earliest
///   window. Tasks are manually scheduled, so Project keeps the plan's dates; the earliest start
///   is a start-no-earlier-than constraint, the deadline Project's deadline, each dependency a
///   finish-to-start link. Value, mandatory, budget, ids, skills and demand hours are custom fields.
/// - Assignments: one per person and demand line, with the plan's hours per period as
///   time-phased work and their sum as work.
/// - A portfolio in flight (format v3): the status date, spans to the plan's finish, actual
///   work and actual starts (`MSPDIExporter+InFlight.swift`).
/// - Supply (format v3, Part B): each hire instance the plan makes is a generic resource `ROLE#K`
///   after the people, available from its start; courses have no place (`MSPDIExporter+Supply.swift`).
/// Periods are placed on Project's standard calendar (Monday–Friday, 8 hours a day) from
/// `horizon.start` (`MSPDICalendar.fallbackStart` without one) in `horizon.unit` (weeks without one).
public enum MSPDIExporter {
    /// The date of period 0 when the horizon has no start (a Monday).
    public static let fallbackStart = MSPDICalendar.fallbackStart

    /// The document for `plan` of `problem`, titled `title`.
    public static func document(_ plan: Plan, problem: PlanningProblem, title: String) -> MSPDIDocument {
        let scenario = problem.scenario
        let calendar = MSPDICalendar(scenario.horizon)
        let periods = scenario.horizon.periods
        var document = MSPDIDocument()
        document.Name = title
        document.Title = title
        document.StartDate = MSPDICalendar.start(calendar.firstWorkingDay(0))
        document.FinishDate = MSPDICalendar.finish(calendar.lastWorkingDay(max(0, periods - 1)))
        document.CalendarUID = "1"
        document.MinutesPerDay = "480"
        document.MinutesPerWeek = "2400"
        document.DaysPerMonth = "20"
        document.ExtendedAttributes = .init(ExtendedAttribute: MSPDIField.all.map {
            .init(FieldID: String($0.id), FieldName: $0.name, Alias: $0.alias)
        })
        document.Calendars = .init(Calendar: [standardCalendar()])
        let hires = hireResources(plan, problem: problem, calendar: calendar, firstUID: scenario.people.count + 1)
        document.Resources = .init(Resource: scenario.people.enumerated().map { i, person in
            resource(person, uid: i + 1, calendar: calendar)
        } + hires.map(\.resource))

        // Tasks: a summary per project, a task per demand line.
        let decisions = Dictionary(plan.projects.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var hours: [String: [Double]] = [:]  // "person project demand" → hours per period
        var pairOrder: [String] = []
        for a in plan.assignments where (0..<periods).contains(a.period) && a.hours > 0 {
            let key = "\(a.person)\u{1F}\(a.project)\u{1F}\(a.demand)"
            if hours[key] == nil { hours[key] = Array(repeating: 0, count: periods); pairOrder.append(key) }
            hours[key]?[a.period] += a.hours
        }
        var bookedByLine: [String: Double] = [:]  // "project demand" → hours
        var bookedByProject: [String: Double] = [:]
        for a in plan.assignments {
            bookedByLine["\(a.project)\u{1F}\(a.demand)", default: 0] += a.hours
            bookedByProject[a.project, default: 0] += a.hours
        }
        var tasks: [MSPDIDocument.Task] = []
        let (summaryUID, demandUID) = taskUIDs(scenario)  // demandUID: "project demand" → task UID
        let inFlight = problem.isInFlight
        for (k, project) in scenario.projects.enumerated() {
            let decision = decisions[project.id]
            let selected = decision?.selected == true
            var start = selected ? (decision?.start ?? project.earliestStart) : max(0, project.earliestStart)
            var last = start + project.duration - 1
            if inFlight { (start, last) = span(project, decision, statusPeriod: scenario.statusPeriod) }
            var summary = task(uid: summaryUID[project.id] ?? 0, name: project.resolvedName, outline: "\(k + 1)", level: 1,
                               first: start, last: last, calendar: calendar, active: selected)
            summary.Summary = "1"
            summary.Work = MSPDICalendar.duration(hours: bookedByProject[project.id] ?? 0)
            summary.ConstraintType = "4"
            summary.ConstraintDate = MSPDICalendar.start(calendar.firstWorkingDay(project.earliestStart))
            if let deadline = project.deadline { summary.Deadline = MSPDICalendar.finish(calendar.lastWorkingDay(deadline)) }
            if !selected { summary.Notes = "Left out of the plan." }
            let links = project.dependsOn.compactMap { summaryUID[$0] }.map { MSPDIDocument.Link(PredecessorUID: String($0), Type: "1") }
            summary.PredecessorLink = links.isEmpty ? nil : links
            summary.ExtendedAttribute = [value(.scenarioID, project.id), value(.value, number(project.value)),
                                         value(.mandatory, project.mandatory ? "1" : "0")]
                + (project.budget.map { [value(.budget, number($0))] } ?? [])
            tasks.append(summary)
            for (d, demand) in project.demands.enumerated() {
                var line = task(uid: demandUID["\(project.id)\u{1F}\(demand.resolvedID)"] ?? 0,
                                name: "\(project.resolvedName): \(demand.resolvedID)", outline: "\(k + 1).\(d + 1)", level: 2,
                                first: start, last: last, calendar: calendar, active: selected)
                line.Summary = "0"
                line.Work = MSPDICalendar.duration(hours: bookedByLine["\(project.id)\u{1F}\(demand.resolvedID)"] ?? 0)
                line.ExtendedAttribute = [value(.scenarioID, demand.resolvedID), value(.skill, demand.skill)]
                    + (demand.isFlexible ? [] : [value(.demandHours, demandHours(demand.hours))])  // a flexible line has no profile
                    + [value(.minLevel, String(demand.minLevel))]
                tasks.append(line)
            }
        }
        document.Tasks = .init(Task: tasks)

        // Assignments with their hours per period.
        var resourceUID = Dictionary(scenario.people.enumerated().map { ($1.id, $0 + 1) }, uniquingKeysWith: { a, _ in a })
        for hire in hires where resourceUID[hire.name] == nil { resourceUID[hire.name] = hire.uid }
        var assignments: [MSPDIDocument.Assignment] = []
        var assignmentKeys: [String] = []  // "person project demand" of each assignment
        for key in pairOrder {
            let parts = key.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 3, let perPeriod = hours[key], let resource = resourceUID[parts[0]],
                  let task = demandUID["\(parts[1])\u{1F}\(parts[2])"],
                  let first = perPeriod.firstIndex(where: { $0 > 0 }), let last = perPeriod.lastIndex(where: { $0 > 0 })
            else { continue }
            let id = assignments.count + 1
            assignmentKeys.append(key)
            let peak = (first...last).map { t in calendar.workingHours(t) > 0 ? perPeriod[t] / calendar.workingHours(t) : 0 }.max() ?? 0
            assignments.append(MSPDIDocument.Assignment(
                UID: String(id), TaskUID: String(task), ResourceUID: String(resource),
                Finish: MSPDICalendar.finish(calendar.lastWorkingDay(last)),
                Start: MSPDICalendar.start(calendar.firstWorkingDay(first)),
                Units: number(peak), Work: MSPDICalendar.duration(hours: perPeriod.reduce(0, +)),
                TimephasedData: (first...last).filter { perPeriod[$0] > 0 }.map { t in
                    MSPDIDocument.TimephasedData(Type: "1", UID: String(id), Start: MSPDICalendar.start(calendar.firstWorkingDay(t)),
                                                 Finish: MSPDICalendar.finish(calendar.lastWorkingDay(t)),
                                                 Unit: timephasedUnit(calendar.unit), Value: MSPDICalendar.duration(hours: perPeriod[t]))
                }))
        }
        document.Assignments = .init(Assignment: assignments)
        if inFlight {
            addProgress(to: &document, planned: hours, byLine: bookedByLine, assignmentKeys: assignmentKeys, problem: problem,
                        calendar: calendar)
        }
        return document
    }

    /// A task spanning periods `first…last`.
    private static func task(uid: Int, name: String, outline: String, level: Int, first: Int, last: Int,
                             calendar: MSPDICalendar, active: Bool) -> MSPDIDocument.Task {
        var task = MSPDIDocument.Task()
        task.UID = String(uid)
        task.ID = String(uid)
        task.Name = name
        task.Active = active ? "1" : "0"
        task.Manual = "1"
        task.Type = "1"
        task.OutlineNumber = outline
        task.OutlineLevel = String(level)
        task.Start = MSPDICalendar.start(calendar.firstWorkingDay(first))
        task.Finish = MSPDICalendar.finish(calendar.lastWorkingDay(last))
        task.Duration = MSPDICalendar.duration(hours: calendar.workingHours(from: first, through: last))
        task.DurationFormat = "7"
        task.Milestone = "0"
        return task
    }

    /// A person as a work resource.
    static func resource(_ person: Person, uid: Int, calendar: MSPDICalendar) -> MSPDIDocument.Resource {
        let capacity = person.capacity.expanded(to: calendar.periods)
        let units = capacity.indices.map { t in calendar.workingHours(t) > 0 ? capacity[t] / calendar.workingHours(t) : 0 }
        var resource = MSPDIDocument.Resource()
        resource.UID = String(uid)
        resource.ID = String(uid)
        resource.Name = person.resolvedName
        resource.Type = "1"
        resource.Group = person.team
        resource.MaxUnits = number(units.max() ?? 0)
        resource.StandardRate = number(person.costPerHour)
        resource.StandardRateFormat = "2"
        let skills = person.skills.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }.joined(separator: ";")
        resource.ExtendedAttribute = [value(.personID, person.id)] + (skills.isEmpty ? [] : [value(.skills, skills)])
            + (person.maxConcurrentProjects.map { [value(.maxConcurrentProjects, String($0))] } ?? [])
        // One availability period per run of periods with the same share of the working time.
        if Set(units).count > 1 {
            var periods: [MSPDIDocument.AvailabilityPeriod] = []
            var runStart = 0
            for t in units.indices where t == units.count - 1 || units[t + 1] != units[t] {
                periods.append(.init(AvailableFrom: MSPDICalendar.midnight(calendar.firstDay(runStart)),
                                     AvailableTo: MSPDICalendar.endOfDay(calendar.lastDay(t)), AvailableUnits: number(units[t])))
                runStart = t + 1
            }
            resource.AvailabilityPeriods = .init(AvailabilityPeriod: periods)
        }
        return resource
    }

    /// The standard calendar: Monday to Friday, 08:00–12:00 and 13:00–17:00.
    private static func standardCalendar() -> MSPDIDocument.Calendar {
        let hours = MSPDIDocument.WorkingTimes(WorkingTime: [.init(FromTime: "08:00:00", ToTime: "12:00:00"),
                                                             .init(FromTime: "13:00:00", ToTime: "17:00:00")])
        return .init(UID: "1", Name: "Standard", IsBaseCalendar: "1", BaseCalendarUID: "-1",
                     WeekDays: .init(WeekDay: (1...7).map { day in  // 1 is Sunday
                         let working = day != 1 && day != 7
                         return .init(DayType: String(day), DayWorking: working ? "1" : "0", WorkingTimes: working ? hours : nil)
                     }))
    }

    /// MSPDI's code for the length of a time-phased stretch: 2 day, 3 week, 5 month (a quarter too).
    static func timephasedUnit(_ unit: PeriodUnit) -> String {
        switch unit {
        case .day: return "2"
        case .week: return "3"
        case .month, .quarter: return "5"
        }
    }

    private static func value(_ field: MSPDIField, _ text: String) -> MSPDIDocument.FieldValue {
        .init(FieldID: String(field.id), Value: text)
    }

    private static func demandHours(_ hours: Hours) -> String {
        switch hours {
        case .constant(let x): return number(x)
        case .perPeriod(let xs): return xs.map(number).joined(separator: ";")
        }
    }

    /// `40`, `0.8`, `37.5`: whole numbers without a point.
    static func number(_ x: Double) -> String { SheetText.number(x) }
}

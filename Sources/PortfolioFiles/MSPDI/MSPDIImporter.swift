// A Microsoft Project file into a scenario: resources → people, summary tasks → projects, their tasks → demand lines.
public import CapacityPlanning
import Foundation

/// Turns a Microsoft Project XML document into a scenario (spec v1; v3 with a status date).
/// Docs/cli.md has the mapping.
///
/// - Resources of type work become people: id from the "Person id" field or the name, team
///   from the group, cost per hour from the standard rate, capacity per period from max units
///   (or the availability period in force) × the period's working hours, skills from the
///   "Skills" field (`backend:5;devops:3`), else the group as a skill at level 1. A generic
///   resource (a hire the export made, `ROLE#K`) is a person too, with a warning.
/// - Each top-level task becomes a project (a top-level task without subtasks is its own
///   demand line): duration = the periods from its start to its finish, earliest start from a
///   start-no-earlier-than or must-start-on constraint, deadline from its deadline (or a
///   finish-no-later-than constraint), value, mandatory and budget from custom fields,
///   dependencies from links to other projects' tasks.
/// - Each leaf task below it becomes a demand line: skill from the "Skill" field or the first
///   assigned resource's group, hours from the "Demand hours" field, else the assignments'
///   time-phased work per period, else their work spread over their working days.
/// - With a project status date, the portfolio is in flight (format v3): the status period is
///   the first period whose last working day lies after the status date; a project with
///   actual work before it is started, its assignments' actual work becomes actuals and its
///   lines flexible, needing their remaining work (`MSPDIImporter+InFlight.swift`).
/// Whatever cannot be mapped is a warning naming the element.
public enum MSPDIImporter {
    /// Imports `document`; `file` names it in messages. `settings` gives the unit (weeks by
    /// default), and may override the start (else the file's start date), the number of periods
    /// (else through the file's finish date) and the policy.
    public static func run(_ document: MSPDIDocument, file: String, settings: ScenarioImporter.Settings) -> ScenarioImporter.Outcome {
        var reader = MSPDIReading(document: document, file: file)
        return reader.run(settings: settings)
    }
}

/// One import: the document, its field aliases, the issues found.
struct MSPDIReading {
    let document: MSPDIDocument
    let file: String
    var errors: [ImportIssue] = []
    var warnings: [ImportIssue] = []
    /// Field id → alias (lowercased), from the document's definitions.
    let aliases: [String: String]
    /// The status date and period, when the file has a status date (the portfolio in flight).
    var status: MSPDIStatus?
    /// The actual work read, for started projects (with a status date).
    var actuals: [Actual] = []

    init(document: MSPDIDocument, file: String) {
        self.document = document
        self.file = file
        var aliases: [String: String] = [:]
        for definition in document.ExtendedAttributes?.ExtendedAttribute ?? [] {
            if let id = definition.FieldID, let alias = definition.Alias { aliases[id] = alias.lowercased() }
        }
        self.aliases = aliases
    }

    mutating func warn(_ message: String) { warnings.append(ImportIssue(file: file, line: nil, message: message)) }
    mutating func fail(_ message: String, setting: String? = nil) {
        var issue = ImportIssue(file: file, line: nil, message: message)
        issue.setting = setting
        errors.append(issue)
    }

    /// The value of `field` in `values`: by the alias the file defines, else by the field's own id when the file does not redefine it.
    func value(_ field: MSPDIField, in values: [MSPDIDocument.FieldValue]?) -> String? {
        let alias = field.alias.lowercased()
        let ids = aliases.filter { $0.value == alias }.map(\.key)
        let candidates = ids.isEmpty && aliases[String(field.id)] == nil ? [String(field.id)] : ids
        let text = values?.first { $0.FieldID.map(candidates.contains) == true }?.Value?.trimmingCharacters(in: .whitespacesAndNewlines)
        return text?.isEmpty == false ? text : nil
    }

    static func number(_ text: String?) -> Double? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), let x = Double(text), x.isFinite else { return nil }
        return x
    }

    static func isOn(_ text: String?) -> Bool { ["1", "true", "yes"].contains(text?.lowercased() ?? "") }

    /// A task's name for messages.
    static func describe(_ task: MSPDIDocument.Task) -> String { "task '\(task.Name ?? "")' (UID \(task.UID ?? "?"))" }

    // MARK: -

    mutating func run(settings: ScenarioImporter.Settings) -> ScenarioImporter.Outcome {
        let tasks = (document.Tasks?.Task ?? []).filter { ($0.OutlineLevel.flatMap { Int($0) } ?? 1) >= 1 && $0.UID != "0" }
        let unit = settings.unit ?? .week
        let days = tasks.flatMap { [MSPDICalendar.day(of: $0.Start), MSPDICalendar.day(of: $0.Finish)] }.compactMap { $0 }
        guard let startDay = settings.start.flatMap { MSPDICalendar.day(of: $0) } ?? MSPDICalendar.day(of: document.StartDate)
                ?? days.min() else {
            fail("has no start date (Project/StartDate) and no dated task: give the horizon's start date", setting: "horizon.start")
            return ScenarioImporter.Outcome(scenario: nil, errors: errors, warnings: warnings)
        }
        let start = PeriodLabels.isoDate(dayNumber: startDay)
        let lastDay = ([MSPDICalendar.day(of: document.FinishDate)] + days.map { Optional($0) }).compactMap { $0 }.max() ?? startDay
        var periods = settings.periods ?? 1
        if settings.periods == nil {
            let probe = MSPDICalendar(Horizon(periods: Scenario.maxPeriods, start: start, unit: unit))
            periods = min(Scenario.maxPeriods, max(1, (probe.period(containing: lastDay) ?? Scenario.maxPeriods - 1) + 1))
        }
        let horizon = Horizon(periods: periods, start: start, unit: unit)
        let calendar = MSPDICalendar(horizon)
        status = readStatus(calendar: calendar, setting: settings.statusPeriod)

        for cal in document.Calendars?.Calendar ?? [] where !(cal.Exceptions?.Exception ?? []).isEmpty {
            warn("calendar '\(cal.Name ?? cal.UID ?? "?")' has \(cal.Exceptions?.Exception?.count ?? 0) exceptions (holidays): "
                 + "not mapped; capacity counts Monday to Friday, 8 hours a day")
        }
        let (people, resourceIDs) = readPeople(calendar: calendar)
        var projects = readProjects(tasks, calendar: calendar, people: people, resourceIDs: resourceIDs)
        projects.removeAll { $0.id.isEmpty }

        var scenario = Scenario(horizon: horizon, people: people, projects: projects, policy: settings.policy)
        if let perPoint = settings.valuePerPoint { scenario.strategy = Strategy(valuePerPoint: perPoint) }
        if let status {
            scenario.version = 3
            scenario.status = Status(period: status.period, actuals: actuals)
        }
        for issue in scenario.validate() {
            let located = ImportIssue(file: file, line: nil, message: issue.description)
            if issue.severity == .error { errors.append(located) } else { warnings.append(located) }
        }
        return ScenarioImporter.Outcome(scenario: errors.isEmpty ? scenario : nil, errors: errors, warnings: warnings)
    }

    /// Work resources as people; resource UID → person id.
    mutating func readPeople(calendar: MSPDICalendar) -> ([Person], [String: String]) {
        var people: [Person] = []
        var ids: [String: String] = [:]
        var used = Set<String>()
        var groupSkills = 0
        for resource in document.Resources?.Resource ?? [] {
            let name = resource.Name?.trimmingCharacters(in: .whitespaces) ?? ""
            if name.isEmpty && (resource.UID == "0" || resource.UID == nil) { continue }  // Project's blank resource
            let label = "resource '\(name)' (UID \(resource.UID ?? "?"))"
            if let type = resource.Type, type != "1" {
                warn("\(label) is a \(type == "0" ? "material" : "cost") resource, not a person: not imported")
                continue
            }
            if name.isEmpty { warn("\(label) has no name: not imported"); continue }
            if let uid = resource.CalendarUID, uid != document.CalendarUID, uid != "-1" {
                warn("\(label) has its own calendar (UID \(uid)): not mapped; its capacity counts the standard working week")
            }
            if let generic = resource.IsGeneric, generic == "1" || generic.lowercased() == "true" {
                warn("\(label) is a generic resource (a placeholder, such as a planned hire): imported as a person "
                     + "with its availability, not as a role that may be hired")
            }
            var id = value(.personID, in: resource.ExtendedAttribute) ?? Self.slug(name)
            id = Self.unique(id, in: &used)
            if let uid = resource.UID { ids[uid] = id }

            let maxUnits = Self.number(resource.MaxUnits) ?? 1
            let availability = (resource.AvailabilityPeriods?.AvailabilityPeriod ?? []).map { period in
                (from: MSPDICalendar.day(of: period.AvailableFrom) ?? Int.min, to: MSPDICalendar.day(of: period.AvailableTo) ?? Int.max,
                 units: Self.number(period.AvailableUnits) ?? 0)
            }
            let capacity = (0..<calendar.periods).map { t -> Double in
                let day = calendar.firstDay(t)
                let units = availability.isEmpty ? maxUnits : (availability.first { $0.from <= day && day <= $0.to }?.units ?? 0)
                return ((units * calendar.workingHours(t)) * 1e6).rounded() / 1e6
            }
            var skills: [String: Int] = [:]
            if let text = value(.skills, in: resource.ExtendedAttribute) {
                for item in text.split(whereSeparator: { $0 == ";" || $0 == "," }) {
                    let parts = item.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                    guard let skill = parts.first, !skill.isEmpty else { continue }
                    guard let level = parts.count == 2 ? Int(parts[1]) : 1, (1...5).contains(level) else {
                        warn("\(label): skill '\(item)' is not skill:level with a level 1…5 (dropped)")
                        continue
                    }
                    skills[skill] = level
                }
            } else {
                skills[resource.Group?.trimmingCharacters(in: .whitespaces).nilIfEmpty ?? "general"] = 1
                groupSkills += 1
            }
            people.append(Person(id: id, name: name == id ? nil : name, skills: skills,
                                 capacity: Set(capacity).count <= 1 ? .constant(capacity.first ?? 0) : .perPeriod(capacity),
                                 costPerHour: max(0, Self.number(resource.StandardRate) ?? 0),
                                 maxConcurrentProjects: value(.maxConcurrentProjects, in: resource.ExtendedAttribute).flatMap { Int($0) },
                                 team: resource.Group?.trimmingCharacters(in: .whitespaces).nilIfEmpty))
        }
        if groupSkills > 0 {
            warn("\(groupSkills) resource\(groupSkills == 1 ? " has" : "s have") no 'Skills' field: each such person's skill is "
                 + "their group at level 1")
        }
        return (people, ids)
    }

    /// Top-level tasks as projects, their leaf tasks as demand lines.
    mutating func readProjects(_ tasks: [MSPDIDocument.Task], calendar: MSPDICalendar, people: [Person],
                               resourceIDs: [String: String]) -> [Project] {
        // Group tasks under their top-level task by outline level, in file order.
        var groups: [(top: MSPDIDocument.Task, leaves: [MSPDIDocument.Task])] = []
        var projectOfTask: [String: Int] = [:]
        for (k, task) in tasks.enumerated() {
            let level = task.OutlineLevel.flatMap { Int($0) } ?? 1
            let next = k + 1 < tasks.count ? (tasks[k + 1].OutlineLevel.flatMap { Int($0) } ?? 1) : 0
            if level == 1 {
                groups.append((task, []))
            } else if groups.isEmpty {
                warn("\(Self.describe(task)) comes before any top-level task: not imported")
                continue
            }
            if let uid = task.UID { projectOfTask[uid] = groups.count - 1 }
            if next <= level {  // a leaf
                if Self.isOn(task.Milestone) {
                    warn("\(Self.describe(task)) is a milestone: no hours, not imported")
                } else {
                    groups[groups.count - 1].leaves.append(task)
                }
            }
            if status == nil, let actual = MSPDICalendar.hours(ofDuration: task.ActualWork), actual > 0 {
                warn("\(Self.describe(task)) has actual work (progress): not imported, as the file has no status date; "
                     + "demands are the planned hours (set the project's status date to import progress as actuals)")
            }
        }
        let assignments = document.Assignments?.Assignment ?? []
        var byTask: [String: [MSPDIDocument.Assignment]] = [:]
        for assignment in assignments {
            guard let task = assignment.TaskUID, let resource = assignment.ResourceUID else { continue }
            if resourceIDs[resource] == nil {
                if resource != "-65535" {
                    warn("assignment UID \(assignment.UID ?? "?") names resource UID \(resource), which is not a person: not imported")
                }
                continue
            }
            byTask[task, default: []].append(assignment)
        }
        let groupOf = Dictionary(people.map { ($0.id, $0.team ?? $0.skills.keys.sorted().first ?? "general") }, uniquingKeysWith: { a, _ in a })

        var projects: [Project] = []
        var usedProjectIDs = Set<String>()
        for (j, group) in groups.enumerated() {
            let top = group.top
            let label = Self.describe(top)
            guard let startDay = MSPDICalendar.day(of: top.Start), let finishDay = MSPDICalendar.day(of: top.Finish) else {
                warn("\(label) has no start or finish date: not imported")
                projects.append(Project(id: "", duration: 1))
                continue
            }
            let first = calendar.periodIndex(containing: startDay)
            let last = max(first, calendar.periodIndex(containing: finishDay))
            let duration = last - first + 1
            let name = top.Name?.trimmingCharacters(in: .whitespaces) ?? ""
            let id = Self.unique(value(.scenarioID, in: top.ExtendedAttribute) ?? Self.slug(name.isEmpty ? "project-\(j + 1)" : name),
                                 in: &usedProjectIDs)
            var earliest = 0
            if ["2", "4"].contains(top.ConstraintType ?? ""), let day = MSPDICalendar.day(of: top.ConstraintDate) {
                earliest = max(0, calendar.periodIndex(containing: day))
            }
            var deadline: Int?
            if let day = MSPDICalendar.day(of: top.Deadline) {
                deadline = calendar.periodIndex(containing: day)
            } else if ["3", "7"].contains(top.ConstraintType ?? ""), let day = MSPDICalendar.day(of: top.ConstraintDate) {
                deadline = calendar.periodIndex(containing: day)
            }
            var project = Project(id: id, name: name.isEmpty || name == id ? nil : name,
                                  value: max(0, Self.number(value(.value, in: top.ExtendedAttribute)) ?? 0),
                                  mandatory: Self.isOn(value(.mandatory, in: top.ExtendedAttribute)), duration: duration,
                                  earliestStart: earliest, deadline: deadline,
                                  budget: Self.number(value(.budget, in: top.ExtendedAttribute)))
            var usedDemandIDs = Set<String>()
            let lines = group.leaves.isEmpty ? [top] : group.leaves
            var progress: MSPDIProgress?  // with a status date: started or not, actuals, remaining work
            if let status {
                progress = readProgress(top: top, lines: lines, byTask: byTask, resourceIDs: resourceIDs, calendar: calendar, status: status)
            }
            for (k, leaf) in lines.enumerated() {
                let assigned = byTask[leaf.UID ?? ""] ?? []
                let skill = value(.skill, in: leaf.ExtendedAttribute)
                    ?? assigned.lazy.compactMap { resourceIDs[$0.ResourceUID ?? ""].flatMap { groupOf[$0] } }.first ?? "general"
                let demandName = leaf.Name?.trimmingCharacters(in: .whitespaces) ?? skill
                let demandID = Self.unique(value(.scenarioID, in: leaf.ExtendedAttribute)
                                           ?? Self.slug(demandName.hasPrefix(name + ": ") ? String(demandName.dropFirst(name.count + 2)) : demandName),
                                           in: &usedDemandIDs)
                let minLevel = Self.number(value(.minLevel, in: leaf.ExtendedAttribute)).map { Int($0) } ?? 1
                if let work = progress?.remaining[k] {  // a started project's line: its remaining work
                    project.demands.append(Demand(id: demandID == skill ? nil : demandID, skill: skill, minLevel: minLevel, work: work))
                    continue
                }
                let hours = demandHours(leaf, assigned: assigned, projectStart: first, duration: duration, calendar: calendar)
                project.demands.append(Demand(id: demandID == skill ? nil : demandID, skill: skill, minLevel: minLevel, hours: hours))
            }
            if let progress { markStarted(&project, progress, finish: last, calendar: calendar) }
            projects.append(project)
        }
        // Finish-to-start links between projects.
        for (j, group) in groups.enumerated() where !projects[j].id.isEmpty {
            for task in [group.top] + group.leaves {
                for link in task.PredecessorLink ?? [] {
                    guard let from = link.PredecessorUID, let i = projectOfTask[from], i != j, !projects[i].id.isEmpty else {
                        if let from = link.PredecessorUID, projectOfTask[from] == j { continue }  // inside one project
                        warn("\(Self.describe(task)): a link from task UID \(link.PredecessorUID ?? "?") is not between two projects: not imported")
                        continue
                    }
                    if let type = link.Type, type != "1" {
                        let names = ["0": "finish-to-finish", "2": "start-to-finish", "3": "start-to-start"]
                        warn("\(Self.describe(task)): the \(names[type] ?? "type \(type)") link from UID \(from) is read as finish-to-start")
                    }
                    if let lag = Self.number(link.LinkLag), lag != 0 {
                        warn("\(Self.describe(task)): the lag of the link from UID \(from) is not mapped (dependencies have no lag)")
                    }
                    if !projects[j].dependsOn.contains(projects[i].id) { projects[j].dependsOn.append(projects[i].id) }
                }
            }
        }
        return projects
    }

    /// A demand line's hours per project period.
    mutating func demandHours(_ task: MSPDIDocument.Task, assigned: [MSPDIDocument.Assignment], projectStart: Int,
                              duration: Int, calendar: MSPDICalendar) -> Hours {
        if let text = value(.demandHours, in: task.ExtendedAttribute) {
            let parts = text.split(separator: ";").map { Self.number(String($0)) }
            if parts.count == 1, let x = parts[0] { return .constant(x) }
            if !parts.isEmpty, parts.allSatisfy({ $0 != nil }) { return .perPeriod(parts.compactMap { $0 }) }
            warn("\(Self.describe(task)): 'Demand hours' '\(text)' is not a number or numbers separated by ';' (read from the assignments)")
        }
        var hours = Array(repeating: 0.0, count: duration)
        // The days of the project's periods: only they can receive hours.
        let projectDays = calendar.firstDay(projectStart)...max(calendar.firstDay(projectStart), calendar.lastDay(projectStart + duration - 1))
        func add(_ amount: Double, from firstDay: Int, to lastDay: Int) {
            // Spread evenly over the working days from firstDay to lastDay (or firstDay itself when
            // there are none), into the project's periods. The days are counted, and only those
            // inside the project's periods visited: a stretch may claim to run for centuries.
            let stretch = firstDay...max(firstDay, lastDay)
            let count = MSPDICalendar.workingDays(in: stretch)
            let share = amount / Double(max(1, count))
            guard count == 0 || stretch.overlaps(projectDays) else { return }
            let visited = count == 0 ? firstDay...firstDay : stretch.clamped(to: projectDays)
            for day in visited where count == 0 || MSPDICalendar.isWorkingDay(day) {
                let k = calendar.periodIndex(containing: day) - projectStart
                if hours.indices.contains(k) { hours[k] += share }
            }
        }
        var spread = false
        for assignment in assigned {
            let phased = (assignment.TimephasedData ?? []).filter { ($0.Type ?? "1") == "1" }
            if !phased.isEmpty {
                for stretch in phased {
                    guard let amount = MSPDICalendar.hours(ofDuration: stretch.Value), let a = MSPDICalendar.day(of: stretch.Start) else { continue }
                    add(amount, from: a, to: MSPDICalendar.day(of: stretch.Finish) ?? a)
                }
            } else if let work = MSPDICalendar.hours(ofDuration: assignment.Work), let a = MSPDICalendar.day(of: assignment.Start ?? task.Start) {
                add(work, from: a, to: MSPDICalendar.day(of: assignment.Finish ?? task.Finish) ?? a)
                spread = true
            }
        }
        if assigned.isEmpty, let work = MSPDICalendar.hours(ofDuration: task.Work), work > 0, let a = MSPDICalendar.day(of: task.Start) {
            add(work, from: a, to: MSPDICalendar.day(of: task.Finish) ?? a)
            spread = true
        }
        if spread { warn("\(Self.describe(task)): no time-phased work, so its work is spread evenly over its working days") }
        hours = hours.map { ($0 * 1e6).rounded() / 1e6 }
        return Set(hours).count == 1 ? .constant(hours[0]) : .perPeriod(hours)
    }

    /// An id from a name: lowercase letters, digits and hyphens.
    static func slug(_ name: String) -> String {
        var out = ""
        for c in name.lowercased() {
            if c.isLetter || c.isNumber { out.append(c) } else if !out.isEmpty && out.last != "-" { out.append("-") }
        }
        while out.last == "-" { out.removeLast() }
        return out.isEmpty ? "item" : out
    }

    /// `id`, or `id-2`, `id-3`, … when it is taken.
    static func unique(_ id: String, in used: inout Set<String>) -> String {
        var candidate = id, n = 1
        while used.contains(candidate) { n += 1; candidate = "\(id)-\(n)" }
        used.insert(candidate)
        return candidate
    }
}

private extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}

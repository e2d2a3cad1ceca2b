// The report's "Supply" section (format v3, Part B): the plan's hires and courses on the timeline,
// in two tables with their costs, and the capacity they add by skill.
import CapacityPlanning
import PortfolioPages

/// Lays out the hires and courses a plan takes (`Templates/supply.mustache`): the timeline
/// (`SupplyTimeline`), a table of hires and one of courses whose totals are the objective's hiring
/// and training terms, what the scenario offers that the plan leaves unused, and per skill the
/// usable hours before and after (`SupplyCapacity`).
enum SupplySection {
    /// One hire instance.
    struct HireRow: Sendable {
        /// `ROLE#K`.
        let id: PageText
        /// The role's name and what it can do ("Data engineer · data 4").
        let role: PageText
        /// Its first period, with its date.
        let start: PageText
        /// Hours booked of usable, from its start to the horizon's end.
        let hours: PageText
        /// Hiring cost and salary to the horizon's end.
        let cost: PageText
        /// How the cost is made up.
        let costTip: PageText
    }

    /// One course the plan takes.
    struct CourseRow: Sendable {
        /// The course's id.
        let id: PageText
        /// Who attends.
        let person: PageText
        /// "ml 1 → 3".
        let skill: PageText
        /// The periods it runs, and the hours a period it takes.
        let runs: PageText
        /// The first period the person has the level, or "after the horizon's end".
        let qualifies: PageText
        /// The hours the plan gives the person on lines only the course qualifies them for, by project.
        let enables: PageText
        /// Its cost.
        let cost: PageText
    }

    /// Hours per period of one skill and level, before and after, as two step lines.
    struct Spark: Sendable {
        /// One column's hover area.
        struct Column: Sendable {
            /// Left and width.
            let x: String, width: String
            /// The column's hours before and after.
            let tip: PageText
        }

        /// The lines as SVG path data.
        let before: String, after: String
        /// The value at the top of the chart.
        let top: PageText
        /// Hover areas with each column's hours.
        let columns: [Column]
    }

    /// One skill and level a role or course adds to.
    struct CapacityRow: Sendable {
        /// "data ≥ 3".
        let skill: PageText
        /// "hires of Data engineer, course dev-ml".
        let sources: PageText
        /// Usable hours from the status period to the horizon's end, without and with the plan's supply.
        let before: PageText, after: PageText
        /// After − before, signed.
        let change: PageText
        /// Whether the plan adds hours.
        let gains: Bool
        /// The hours per period.
        let spark: Spark
    }

    /// The section.
    struct View: Sendable {
        /// The line under the heading.
        let sub: PageText
        /// Hires and courses on the timeline, when the plan takes any.
        let timeline: SupplyTimeline.View?
        /// Whether the plan hires anyone.
        let hasHires: Bool
        /// The hire instances, by role and number.
        let hires: [HireRow]
        /// Σ of their costs: the objective's hiring term.
        let hiringTotal: PageText
        /// Whether the plan takes a course.
        let hasCourses: Bool
        /// The courses, in scenario order.
        let courses: [CourseRow]
        /// Σ of their costs: the objective's training term.
        let trainingTotal: PageText
        /// Whether the plan takes no hire and no course.
        let takesNothing: Bool
        /// What the scenario offers that the plan leaves unused.
        let notTaken: [PageText]
        /// Whether there is any.
        let hasNotTaken: Bool
        /// Whether any skill is shown before and after.
        let hasCapacity: Bool
        /// Skills and levels, by skill.
        let capacity: [CapacityRow]
        /// "W3–W8": the periods the hours columns add up.
        let span: PageText
    }

    /// Whether `data`'s page has the section: the scenario has roles or courses, or the plan names hires or courses.
    static func applies(_ data: ReportData) -> Bool {
        data.problem.hasSupply || !(data.plan.hires ?? []).isEmpty || !(data.plan.training ?? []).isEmpty
    }

    /// The section for `data`; `nil` when it does not apply.
    static func view(_ data: ReportData) -> View? {
        guard applies(data) else { return nil }
        let problem = data.problem
        let labels = data.labels
        let o = data.kpis.objective
        let unit = String(labels.unitName.dropLast())

        let hires = (data.hires?.people ?? []).map { person -> HireRow in
            let slot = problem.people[person.index].hire
            let role = slot.flatMap { problem.scenario.hiring.indices.contains($0.role) ? problem.scenario.hiring[$0.role] : nil }
            let skills = (role?.skills ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            let start = person.hiredFrom ?? 0
            let cost = SupplyTimeline.hireCost(data, person: person.index) ?? 0
            let remaining = max(0, problem.periodCount - start)
            let tip = role.map {
                "hiring \(Format.money($0.hireCost)) + salary \(Format.money($0.capacity * $0.costPerHour)) a \(unit) × \(remaining)"
            } ?? ""
            return HireRow(id: PageText(person.id),
                           role: PageText((role?.resolvedName ?? "?") + (skills.isEmpty ? "" : " · " + skills)),
                           start: PageText(labels.firstDay(of: start).map { "\(labels.short(start)) · " + PeriodLabels.isoDate(dayNumber: $0) }
                                           ?? labels.label(start)),
                           hours: PageText("\(Format.hours(person.booked.reduce(0, +))) h of \(Format.hours(person.usable.reduce(0, +))) h"),
                           cost: PageText(Format.money(cost)), costTip: PageText(tip))
        }

        // The courses as the text report and the analysis read them (`SupplySummary`).
        let summary = SupplySummary(allocation: data.allocation, problem: problem)
        let courses = summary.courses.map { entry -> CourseRow in
            let p = problem.personIndex[entry.person]
            let people = problem.scenario.people
            let own = p.flatMap { people.indices.contains($0) ? people[$0].skills[entry.skill] : nil }
            let perPeriod = problem.courses.first { $0.id == entry.course }?.hoursPerPeriod ?? 0
            let enables = entry.work.map { work in
                "\(problem.projectIndex[work.project].map { problem.scenario.projects[$0].resolvedName } ?? work.project) "
                    + "\(Format.hours(work.hours)) h"
            }
            return CourseRow(id: PageText(entry.course), person: PageText(p.map { SupplyTimeline.personName(data, $0) } ?? entry.person),
                             skill: PageText("\(entry.skill) " + (own.map { "\($0) → " } ?? "→ ") + "\(entry.level)"),
                             runs: PageText(labels.range(entry.start, entry.end) + " · \(Format.hours(perPeriod)) h a \(unit)"),
                             qualifies: PageText(entry.qualifiesFrom < problem.periodCount ? labels.label(entry.qualifiesFrom)
                                                 : "after the horizon's end"),
                             enables: PageText(enables.isEmpty ? "–" : enables.joined(separator: ", ")),
                             cost: PageText(Format.money(entry.cost)))
        }

        let s = min(max(problem.statusPeriod, 0), problem.periodCount)
        let last = max(s, problem.periodCount - 1)
        let unused = notTaken(data)
        let capacity = SupplyCapacity.rows(problem, allocation: data.allocation).map { capacityRow($0, data, from: s) }
        let sub = "The people the plan hires (each hire is a person ROLE#K, paid from its start to the horizon's end) and the "
            + "courses it takes (their hours come off the person's capacity while they run; the level counts from the "
            + "\(unit) after), with what they cost and the capacity they add."
        return View(sub: PageText(sub), timeline: SupplyTimeline.view(data),
                    hasHires: !hires.isEmpty, hires: hires,
                    hiringTotal: PageText(Format.money(o.hiringCost ?? 0)),
                    hasCourses: !courses.isEmpty, courses: courses,
                    trainingTotal: PageText(Format.money(o.trainingCost ?? 0)),
                    takesNothing: hires.isEmpty && courses.isEmpty,
                    notTaken: unused.map { PageText($0) }, hasNotTaken: !unused.isEmpty,
                    hasCapacity: !capacity.isEmpty, capacity: capacity,
                    span: PageText(s < problem.periodCount ? "\(labels.short(s))–\(labels.short(last))" : "–"))
    }

    /// Roles with hires left and courses not taken, in scenario order.
    private static func notTaken(_ data: ReportData) -> [String] {
        let problem = data.problem
        let labels = data.labels
        let unit = String(labels.unitName.dropLast())
        var lines: [String] = []
        for role in problem.roles where problem.scenario.hiring.indices.contains(role.index) {
            let given = problem.scenario.hiring[role.index]
            let hired = role.instances.filter { data.allocation.hires[$0] != nil }.count
            let left = role.instances.count - hired
            guard left > 0 else { continue }
            let when = role.starts.map { "from \(labels.short($0.lowerBound))" } ?? "no start within the horizon"
            lines.append("\(given.resolvedName): \(left) \(hired > 0 ? "more " : "")hire\(left == 1 ? "" : "s") possible, "
                         + "\(when), \(Format.money(given.hireCost)) + \(Format.money(given.capacity * given.costPerHour)) a \(unit) each")
        }
        for course in problem.courses where data.allocation.courses[course.index] == nil
            && problem.scenario.training.indices.contains(course.index) {
            let given = problem.scenario.training[course.index]
            let when = course.starts.map { "from \(labels.short($0.lowerBound))" } ?? "cannot end within the horizon"
            lines.append("course \(given.id): \(SupplyTimeline.personName(data, course.person)), \(given.skill) → \(given.level), "
                         + "\(course.duration) \(course.duration == 1 ? unit : labels.unitName), \(when), \(Format.money(course.cost))")
        }
        return lines
    }

    /// A skill and level's row: hours from the status period on, and the chart per column.
    private static func capacityRow(_ row: SupplyCapacity, _ data: ReportData, from s: Int) -> CapacityRow {
        let before = row.before.indices.filter { $0 >= s }.reduce(0.0) { $0 + row.before[$1] }
        let after = row.after.indices.filter { $0 >= s }.reduce(0.0) { $0 + row.after[$1] }
        let change = after - before
        let changeText = abs(change) < 0.05 ? "0 h" : (change > 0 ? "+" : "−") + Format.hours(abs(change)) + " h"
        return CapacityRow(skill: PageText("\(row.skill) ≥ \(row.level)"), sources: PageText(row.sources.joined(separator: ", ")),
                           before: PageText(Format.hours(before) + " h"), after: PageText(Format.hours(after) + " h"),
                           change: PageText(changeText), gains: change > 0.05, spark: spark(row, data))
    }

    private static let sparkWidth = 240.0, sparkHeight = 40.0, sparkTop = 4.0

    /// Before and after as step lines over the report's columns (each column's average per period).
    private static func spark(_ row: SupplyCapacity, _ data: ReportData) -> Spark {
        let columns = data.columns
        func average(_ values: [Double], _ c: Range<Int>) -> Double {
            c.reduce(0.0) { $0 + (values.indices.contains($1) ? values[$1] : 0) } / Double(max(1, c.count))
        }
        let before = columns.map { average(row.before, $0) }
        let after = columns.map { average(row.after, $0) }
        let top = SkillCharts.niceCeiling(max(before.max() ?? 0, after.max() ?? 0))
        let step = sparkWidth / Double(max(1, columns.count))
        let plot = sparkHeight - sparkTop - 2
        func y(_ v: Double) -> Double { sparkTop + plot - min(1, max(0, v / top)) * plot }
        let n = SVG.number
        func path(_ values: [Double]) -> String {
            values.enumerated().map { c, v in
                (c == 0 ? "M" : " L") + "\(n(Double(c) * step)),\(n(y(v))) L\(n(Double(c + 1) * step)),\(n(y(v)))"
            }.joined()
        }
        let hover = columns.enumerated().map { c, column in
            let name = column.count == 1 ? data.labels.label(column.lowerBound)
                : data.labels.range(column.lowerBound, column.upperBound - 1)
            return Spark.Column(x: n(Double(c) * step), width: n(step),
                                tip: PageText("\(row.skill) ≥ \(row.level) · \(name): \(Format.hours(before[c])) h before, "
                                              + "\(Format.hours(after[c])) h with the plan's hires and courses"))
        }
        return Spark(before: path(before), after: path(after), top: PageText(Format.hours(top) + " h"), columns: hover)
    }
}

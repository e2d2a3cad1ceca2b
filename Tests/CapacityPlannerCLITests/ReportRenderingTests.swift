// The HTML report's pieces: its templates, period labels, heatmap classes, the page for a small plan
// and for hostile names (escaping and sanitising: PortfolioPagesTests).
@testable import CapacityPlannerCLI
import CapacityPlanning
import Foundation
import Testing

@Suite("report rendering")
struct ReportRenderingTests {
    @Test("the report's templates parse")
    func templates() throws {
        _ = try ReportTemplates.loaded.get()
    }

    @Test("period labels from the horizon's start and unit")
    func periodLabels() {
        let weeks = PeriodLabels(Horizon(periods: 26, start: "2027-01-04", unit: .week))
        #expect(weeks.label(0) == "W1 Jan 04")
        #expect(weeks.label(8) == "W9 Mar 01")
        #expect(weeks.monthHeading(0) == "January 2027")
        #expect(weeks.monthHeading(1) == nil)
        #expect(weeks.monthHeading(4) == "February 2027")
        #expect(weeks.horizonDescription == "26 weeks from 4 January 2027")
        #expect(weeks.range(2, 5) == "W3–W6 (Jan 18 – Feb 08)")

        let leap = PeriodLabels(Horizon(periods: 3, start: "2028-02-28", unit: .day))
        #expect(leap.label(1) == "D2 Feb 29")
        #expect(leap.label(2) == "D3 Mar 01")

        let months = PeriodLabels(Horizon(periods: 14, start: "2027-11-30", unit: .month))
        #expect(months.label(0) == "M1 Nov 2027")
        #expect(months.label(3) == "M4 Feb 2028")
        #expect(months.date(of: 3)?.day == 29, "clamped to the month's end")

        let quarters = PeriodLabels(Horizon(periods: 8, start: "2027-01-01", unit: .quarter))
        #expect(quarters.label(5) == "Q6 2028 Q2")

        let bare = PeriodLabels(Horizon(periods: 4))
        #expect(bare.label(0) == "P1")
        #expect(bare.horizonDescription == "4 periods")
        #expect(PeriodLabels(Horizon(periods: 2, start: "2027-02-30", unit: .week)).label(0) == "W1")
    }

    @Test("heatmap colour classes")
    func cellClasses() {
        #expect(Heatmap.cellClass(booked: 0, capacity: 0, usable: 0) == "off")
        #expect(Heatmap.cellClass(booked: 0, capacity: 40, usable: 34) == "u0")
        #expect(Heatmap.cellClass(booked: 1, capacity: 40, usable: 34) == "u1")
        #expect(Heatmap.cellClass(booked: 34, capacity: 40, usable: 34) == "u9")
        #expect(Heatmap.cellClass(booked: 36, capacity: 40, usable: 34) == "over")
        #expect(Heatmap.cellClass(booked: 5, capacity: 0, usable: 0) == "over")
    }

    /// Two people in two teams, a mandatory project and one that cannot fit its window.
    static func smallProblem() throws -> PlanningProblem {
        try PlanningProblem(Scenario(
            horizon: Horizon(periods: 6, start: "2027-03-01", unit: .week),
            people: [Person(id: "ada", name: "Ada", skills: ["backend": 4], capacity: .constant(40), costPerHour: 100, team: "Core"),
                     Person(id: "bo", skills: ["qa": 3], capacity: .perPeriod([40, 40, 0, 40, 40, 40]), costPerHour: 60)],
            projects: [Project(id: "api", name: "API", value: 20000, mandatory: true, duration: 3,
                               demands: [Demand(skill: "backend", hours: .constant(20)), Demand(skill: "qa", hours: .constant(10))]),
                       Project(id: "late", value: 9000, duration: 4, earliestStart: 4,
                               demands: [Demand(skill: "qa", hours: .constant(5))]),
                       Project(id: "ml", value: 50000, duration: 2,
                               demands: [Demand(skill: "data", hours: .constant(5))]),
                       Project(id: "next", value: 1000, duration: 1, dependsOn: ["ml"])]))
    }

    @Test("the page for a small plan: sections, labels, reasons for what is left out")
    func smallPage() throws {
        let problem = try Self.smallProblem()
        var allocation = Allocation(projectCount: problem.projects.count)
        allocation.starts[0] = 0
        for t in 0..<3 {
            allocation.hours[CellKey(person: 0, demand: 0, period: t)] = 20
        }
        allocation.hours[CellKey(person: 1, demand: 1, period: 0)] = 10
        allocation.hours[CellKey(person: 1, demand: 1, period: 1)] = 10
        let plan = allocation.plan(for: problem, status: .feasible, solver: "test")
        let data = ReportData(title: "Small", problem: problem, checked: CheckedPlan(plan, for: problem))
        let html = try HTMLReport.render(data)
        #expect(html.contains("<h1>Small</h1>"))
        #expect(html.contains("W1 Mar 01"))
        #expect(html.contains("10 h left unstaffed"), "the mandatory project's shortfall in week 3")
        #expect(html.contains("Its window cannot hold its 4 periods."), "late: 4 weeks from week 5 of 6")
        #expect(html.contains("Nobody has data."))
        #expect(html.contains("It depends on ml, which the plan leaves out."))
        #expect(html.contains("class=\"off\""), "bo's week without capacity")
        #expect(html.contains("No team"))
        #expect(html.contains("<details class=\"team\" open>"))
        #expect(data.check.isValid, "\(data.check.violations)")
    }

    @Test("names with markup, quotes and control characters come out escaped everywhere")
    func hostileNames() throws {
        let evil = "<script>alert(\"x\")</script> & 'co'\u{1}\u{1B}"
        let quote = "Zoë \"\u{301} onmouseover=alert(1) \""
        let scenario = Scenario(
            horizon: Horizon(periods: 3, start: "2027-01-04", unit: .week),
            people: [Person(id: "p<1>", name: evil, skills: ["b<e>": 3], capacity: .constant(40), costPerHour: 10, team: quote)],
            projects: [Project(id: "x\"y", name: quote, value: 5000, mandatory: true, duration: 2,
                               demands: [Demand(id: "d<&>", skill: "b<e>", hours: .constant(10))]),
                       Project(id: "out", name: evil, value: 1, duration: 1, demands: [Demand(skill: "b<e>", hours: .constant(90))])])
        let problem = try PlanningProblem(scenario)
        var allocation = Allocation(projectCount: 2)
        allocation.starts[0] = 0
        allocation.hours[CellKey(person: 0, demand: 0, period: 0)] = 10
        let plan = allocation.plan(for: problem, status: .feasible, solver: "<b>",
                                   details: PlanDetails(note: "note \u{0}<i>", warnings: ["warn \"<u>\""]))
        let html = try HTMLReport.render(ReportData(title: evil, problem: problem, checked: CheckedPlan(plan, for: problem)))
        #expect(!html.contains("<script") && !html.contains("<b>") && !html.contains("<i>") && !html.contains("<u>"))
        let scalars = Set(html.unicodeScalars)
        let controls: Set<Unicode.Scalar> = ["\u{0}", "\u{1}", "\u{1B}"]
        #expect(scalars.isDisjoint(with: controls), "control characters replaced")
        let combining: Unicode.Scalar = "\u{301}"
        #expect(!scalars.contains(combining), "the accent on the quote is replaced, so the quote is escaped, not written bare")
        let escapedEvil = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;\u{FFFD}\u{FFFD}"
        let escapedQuote = "Zoë &quot;\u{FFFD} onmouseover=alert(1) &quot;"
        #expect(html.contains(escapedEvil))
        #expect(html.contains(escapedQuote))
        // Every attribute value is double-quoted and holds no bare quote: between `="` and the next `"` there is no `<` or `>`.
        let attributes = html.split(separator: "=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(attributes.allSatisfy { !$0.contains("<") && !$0.contains(">") })
    }

    @Test("an infeasible plan renders its diagnosis without charts")
    func infeasiblePage() throws {
        let problem = try Self.smallProblem()
        let plan = Plan(status: .infeasible, solver: "test", details: PlanDetails(diagnosis: ["pin 0 <falls> short"]))
        let html = try HTMLReport.render(ReportData(title: "T", problem: problem, checked: CheckedPlan(plan, for: problem)))
        #expect(html.contains("No valid plan exists"))
        #expect(html.contains("pin 0 &lt;falls&gt; short"))
        #expect(!html.contains("<h2>Schedule</h2>"))
    }

    @Test("a plan naming unknown projects and huge starts still renders")
    func hostilePlan() throws {
        let problem = try Self.smallProblem()
        let plan = Plan(status: .feasible, projects: [ProjectDecision(id: "api", selected: true, start: Int.max),
                                                      ProjectDecision(id: "ghost", selected: true, start: -5)],
                        assignments: [Assignment(person: "ada", project: "api", demand: "backend", period: 99, hours: 1e300)])
        let data = ReportData(title: "T", problem: problem, checked: CheckedPlan(plan, for: problem))
        let html = try HTMLReport.render(data)
        #expect(!data.check.isValid)
        #expect(html.contains("This plan is not valid"))

        // Hours no person has, inside the horizon: the heatmap's share must not overflow an Int.
        let absurd = Plan(status: .feasible, projects: problem.projects.map { ProjectDecision(id: $0.id, selected: $0.id == "api", start: $0.id == "api" ? 0 : nil) },
                          assignments: [Assignment(person: "ada", project: "api", demand: "backend", period: 0, hours: 1e300)])
        let page = try HTMLReport.render(ReportData(title: "T", problem: problem, checked: CheckedPlan(absurd, for: problem)))
        #expect(page.contains("This plan is not valid"))
    }

    @Test("the progress line's text")
    func progressText() {
        let snapshot = ProgressLine.PlanningProgressSnapshot(planner: "glpk", incumbent: 151230, bound: 160000, gap: 0.058)
        #expect(ProgressLine.text(snapshot, elapsed: 3.25) == "   3.2s  glpk  incumbent 151,230  bound 160,000  gap 5.80%")
        #expect(ProgressLine.text(nil, elapsed: 1) == "   1.0s  solving  incumbent –  bound –  gap –")
    }

    @Test("colour follows NO_COLOR and TERM")
    func colour() {
        // Standard input of a test is not a terminal: never colour.
        #expect(!Terminal.usesColor(STDIN_FILENO, environment: [:]) || Terminal.isTerminal(STDIN_FILENO))
        #expect(!Terminal.usesColor(STDIN_FILENO, environment: ["NO_COLOR": "1"]))
        #expect(!Terminal.canRedraw(STDIN_FILENO, environment: ["TERM": "dumb"]))
        #expect(TextStyle.plain.red("x") == "x")
        #expect(TextStyle(enabled: true).red("x") == "\u{1B}[31mx\u{1B}[0m")
    }
}

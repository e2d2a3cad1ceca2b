// The HTML report of a plan with supply (format v3, Part B): the Supply section (hires and courses on
// the timeline, their tables and costs, capacity before and after by skill), hired instances in the
// heatmap and the headline, and pages of other scenarios without any of it.
@testable import CapacityPlannerCLI
import CapacityPlanning
import Foundation
import PortfolioPages
import Testing

@Suite("report rendering: supply")
struct ReportSupplyTests {
    /// An SVG number (NaN when it is not one, which fails every comparison).
    private func number(_ text: String) -> Double { Double(text) ?? .nan }

    /// The page's section under `<h2>title</h2>`, up to its end.
    private func section(_ title: String, in html: String) -> String? {
        guard let start = html.range(of: "<h2>\(title)</h2>") else { return nil }
        return html[start.upperBound...].components(separatedBy: "</section>").first
    }

    /// The timeline's period → x (the schedule's layout: names, then periods, then the hours and cost columns).
    private func geometry(_ timeline: SupplyTimeline.View, periods: Int) -> (Int) -> Double {
        let cell = (number(timeline.width) - GanttChart.labelWidth - GanttChart.infoWidth) / Double(periods)
        return { GanttChart.labelWidth + Double($0) * cell }
    }

    // MARK: - A small scenario: a role of three, one hired; a course ending with the horizon

    /// Ben (data 1) and a data project from period 2; a role `eng` (data 4, up to 3 hires from period 1)
    /// and two courses for Ben: one to data 3, one that ends in the horizon's last period.
    private static func smallProblem() throws -> PlanningProblem {
        try PlanningProblem(Scenario(
            version: 3, horizon: Horizon(periods: 6, start: "2027-03-01", unit: .week),
            people: [Person(id: "ben", name: "Ben", skills: ["data": 1, "web": 2], capacity: .constant(40), costPerHour: 100,
                            team: "Core")],
            projects: [Project(id: "model", value: 50_000, duration: 3, earliestStart: 2,
                               demands: [Demand(id: "data", skill: "data", minLevel: 3, hours: .constant(30))])],
            hiring: [Role(id: "eng", name: "Engineer", skills: ["data": 4], capacity: 40, costPerHour: 50, hireCost: 1_000,
                          earliestStart: 1, maxHires: 3)],
            training: [Course(id: "ben-data", person: "ben", skill: "data", level: 3, duration: 2, hoursPerPeriod: 10, cost: 500),
                       Course(id: "ben-web", person: "ben", skill: "web", level: 4, duration: 2, hoursPerPeriod: 5, cost: 300)]))
    }

    /// One `eng` hired in period 2 doing the project's hours; Ben on `ben-web` in the last two periods.
    private func smallPage(hires: [Hire]? = [Hire(role: "eng", start: 2, count: 1)],
                           training: [CourseTaken]? = [CourseTaken(course: "ben-web", start: 4)],
                           person: String = "eng#1") throws -> (data: ReportData, html: String) {
        let problem = try Self.smallProblem()
        let plan = Plan(status: .feasible, projects: [ProjectDecision(id: "model", selected: true, start: 2)],
                        assignments: (2...4).map { Assignment(person: person, project: "model", demand: "data", period: $0, hours: 30) },
                        hires: hires, training: training)
        let data = ReportData(title: "Supply", problem: problem, checked: CheckedPlan(plan, for: problem))
        return (data, try HTMLReport.render(data))
    }

    @Test("the heatmap lists hired instances with their role's capacity from the start, never the unhired ones")
    func hiredInTheHeatmap() throws {
        let (data, html) = try smallPage()
        #expect(data.check.isValid, "\(data.check.violations)")
        let hires = try #require(data.hires)
        #expect(hires.name == "Hires")
        #expect(hires.people.map(\.id) == ["eng#1"], "eng#2 and eng#3 are not hired")
        let eng = try #require(hires.people.first)
        #expect(eng.name == "Engineer #1" && eng.hiredFrom == 2)
        #expect(eng.capacity == [0, 0, 40, 40, 40, 40])
        #expect(eng.usable == [0, 0, 40, 40, 40, 40])
        #expect(eng.booked == [0, 0, 30, 30, 30, 0])
        #expect(eng.projects == ["model"])

        let heatmap = Heatmap.view(data)
        #expect(heatmap.hasHires)
        let group = try #require(heatmap.teams.last)
        #expect(group.name == "Hires" && group.size == 1)
        let row = try #require(group.people.first)
        #expect(row.cells.map(\.cls) == ["off", "off", "u8", "u8", "u8", "u0"])
        #expect(row.cells[0].tip.description.hasSuffix("not hired yet (starts W3)"))
        #expect(row.cells[2].tip.description.hasSuffix("30 h of 40 h (75%)"))
        #expect(row.average == Format.percent(90.0 / 160), "booked over the periods it is employed, not the horizon")
        #expect(!html.contains("eng#2") && !html.contains("eng#3") && !html.contains("Engineer #2"))
        #expect(html.contains("Engineer #1"))
        #expect(html.contains("hatched before their start"))

        // Ben's course takes 5 h in periods 4 and 5, shown as booked.
        let ben = try #require(heatmap.teams.first?.people.first)
        #expect(ben.cells[4].tip.description.contains("5 h (5 h on a course) of 40 h"))
        #expect(html.contains("A course&#39;s hours count as booked."))

        // The headline's utilisation counts the hire: 90 h + 0 of Ben's 240 h and the hire's 160 h.
        let page = ReportPage(data, analysis: nil)
        let utilisation = try #require(page.sections?.cards.first { $0.label == "Utilisation" })
        #expect(utilisation.detail.description.hasPrefix("90 h of 400 h"))
        // The skill chart counts Ben and the hire, the hire's hours from its start, Ben's course hours off his.
        let skill = try #require(data.skills.first { $0.skill == "data" })
        #expect(skill.people == 2)
        #expect(skill.supply == [40, 40, 80, 80, 75, 75])
    }

    @Test("the small plan's Supply section: the hire to the horizon's end, the course ending with it, what is not taken")
    func smallSupply() throws {
        let (data, html) = try smallPage()
        let view = try #require(SupplySection.view(data))
        #expect(view.hires.map(\.id.description) == ["eng#1"])
        #expect(view.hires[0].start.description == "W3 · 2027-03-15")
        #expect(view.hires[0].hours.description == "90 h of 160 h")
        #expect(view.hires[0].cost.description == Format.money(1_000 + 40 * 50 * 4))
        #expect(view.courses.map(\.id.description) == ["ben-web"])
        #expect(view.courses[0].skill.description == "web 2 → 4")
        #expect(view.courses[0].qualifies.description == "after the horizon's end")
        #expect(view.courses[0].enables.description == "–", "no line needs web")
        #expect(view.notTaken.map(\.description) == [
            "Engineer: 2 more hires possible, from W2, 1,000 + 2,000 a week each",
            "course ben-data: Ben, data → 3, 2 weeks, from W1, 500",
        ])
        let timeline = try #require(view.timeline)
        let x = geometry(timeline, periods: 6)
        let course = try #require(timeline.rows.last?.qualifies)
        #expect(course.anchor == "end" && abs(number(course.x) - x(6)) < 0.11, "the mark sits at the horizon's end")
        // Capacity of data ≥ 3: nobody before; the hire's 40 h from period 2 after. ben-data, not taken, adds nothing.
        let rows = SupplyCapacity.rows(data.problem, allocation: data.allocation)
        #expect(rows.map { "\($0.skill) ≥ \($0.level)" } == ["data ≥ 3", "web ≥ 4"])
        let data3 = try #require(rows.first { $0.skill == "data" })
        #expect(data3.level == 3 && data3.sources == ["hires of Engineer"])
        #expect(data3.before == [0, 0, 0, 0, 0, 0] && data3.after == [0, 0, 40, 40, 40, 40])
        let supply = try #require(section("Supply", in: html))
        #expect(supply.contains("Not taken:</p><ul class=\"small\" style=\"margin-top:2px\"><li>Engineer: 2 more hires possible"))
        #expect(supply.contains("data ≥ 3") && supply.contains("+160 h"))
    }

    @Test("a scenario with roles and courses whose plan takes none: the section says so, without capacity rows")
    func nothingTaken() throws {
        let problem = try Self.smallProblem()
        let plan = Plan(status: .feasible, projects: [ProjectDecision(id: "model", selected: false)], assignments: [])
        let data = ReportData(title: "None", problem: problem, checked: CheckedPlan(plan, for: problem))
        let html = try HTMLReport.render(data)
        #expect(data.check.isValid, "\(data.check.violations)")
        #expect(data.hires == nil)
        let view = try #require(SupplySection.view(data))
        #expect(view.takesNothing && view.timeline == nil && !view.hasHires && !view.hasCourses)
        #expect(!view.hasCapacity, "nothing is taken, so nothing changes")
        let supply = try #require(section("Supply", in: html))
        #expect(supply.contains("The plan hires nobody and takes no course."))
        #expect(supply.contains("<li>Engineer: 3 hires possible"))
        let cards = try #require(ReportPage(data, analysis: nil).sections?.cards)
        #expect(cards.contains { $0.label == "Hiring and training" && $0.detail == "no hires, no courses" })
        #expect(!html.contains("Engineer #"), "no hire in the heatmap")
    }

    @Test("hires and courses that do not fit still render: a hire in the last period, one too many, hours before a start")
    func hostileSupply() throws {
        // Four hires of a role of three, one starting in the last period, hours booked before its start.
        let (data, html) = try smallPage(hires: [Hire(role: "eng", start: 5, count: 1), Hire(role: "eng", start: 0, count: 3)],
                                         training: [CourseTaken(course: "ben-data", start: 5), CourseTaken(course: "nope", start: 1)],
                                         person: "eng#3")
        #expect(!data.check.isValid)
        #expect(html.contains("This plan is not valid"))
        let view = try #require(SupplySection.view(data))
        #expect(view.hires.count == 3, "the role's three instances, not a fourth")
        #expect(view.courses.map(\.id.description) == ["ben-data"])
        #expect(!html.contains("NaN") && !html.contains("∞"))
    }

    @Test("a hire of a role with no capacity: no division by zero, its periods not available once hired")
    func emptyRole() throws {
        let problem = try PlanningProblem(Scenario(
            version: 3, horizon: Horizon(periods: 4, start: "2027-03-01", unit: .week),
            people: [Person(id: "ben", skills: ["data": 1], capacity: .constant(40), costPerHour: 100)],
            projects: [Project(id: "model", value: 1_000, duration: 1, demands: [Demand(skill: "data", minLevel: 3, hours: .constant(1))])],
            hiring: [Role(id: "ghost", skills: ["data": 3], capacity: 0, hireCost: 10, maxHires: 1)]))
        let plan = Plan(status: .feasible, projects: [ProjectDecision(id: "model", selected: false)], assignments: [],
                        hires: [Hire(role: "ghost", start: 2, count: 1)])
        let data = ReportData(title: "Ghost", problem: problem, checked: CheckedPlan(plan, for: problem))
        let html = try HTMLReport.render(data)
        #expect(data.check.isValid, "\(data.check.violations)")
        let row = try #require(Heatmap.view(data).teams.last?.people.first)
        #expect(row.cells.map(\.cls) == ["off", "off", "off", "off"] && row.average == "–")
        #expect(row.cells[1].tip.description.hasSuffix("not hired yet (starts W3)"))
        #expect(row.cells[2].tip.description.hasSuffix("not available"))
        let view = try #require(SupplySection.view(data))
        #expect(view.hires.first?.hours.description == "0 h of 0 h")
        #expect(view.hiringTotal.description == "10")
        #expect(!html.contains("NaN") && !html.contains("∞"))
    }

    // MARK: - Examples/… and the shared fixtures

    @Test("pages of v1, v2 and v3 Part A scenarios have no Supply section, no hiring card, no hires' group")
    func noSupplyElsewhere() throws {
        for name in ["mid-size-pmo.json", "small-team.json", "in-flight.json"] {
            let problem = try CLI.problem(at: CLI.example(name))
            let checked = try SolvingOptions.parse(["--solver", "greedy", "--seed", "0"]).plan(problem)
            let data = ReportData(title: name, problem: problem, checked: checked)
            let html = try HTMLReport.render(data)
            #expect(!problem.hasSupply && data.hires == nil && SupplySection.view(data) == nil, "\(name)")
            for mark in ["<h2>Supply</h2>", "Hiring and training", ">Hires<", "hatched before their start", "supply-row",
                         "A course&#39;s hours", "grid-template-columns:repeat(7"] {
                #expect(!html.contains(mark), "\(name): \(mark)")
            }
            #expect(ReportPage(data, analysis: nil).sections?.cards.count == 6, "\(name)")
            #expect(!ValueChart.steps(data).contains { $0.label == "Hiring" || $0.label == "Training" }, "\(name)")
        }
    }

    #if GLPK
    /// The shared fixture `everything.json` (v3: every feature) planned by GLPK to its optimum.
    private func everything() throws -> (data: ReportData, html: String) {
        let path = SharedFiles.fixtures(version: 3).appendingPathComponent("everything.json").path
        let problem = try CLI.problem(at: path)
        let checked = try SolvingOptions.parse(["--solver", "glpk", "--time-limit", "60"]).plan(problem)
        let data = ReportData(title: "everything", problem: problem, checked: checked)
        return (data, try HTMLReport.render(data))
    }

    @Test("everything.json, GLPK's plan: the Supply section's hires and course with their periods, dates and costs")
    func everythingSupply() throws {
        let (data, html) = try everything()
        let problem = data.problem
        let plan = data.plan
        #expect(data.check.isValid, "\(data.check.violations)")
        #expect(plan.status == .optimal)
        let hires = try #require(plan.hires, "the optimum hires")
        let taken = try #require(plan.training, "the optimum trains")
        let labels = data.labels
        let periods = problem.periodCount
        let view = try #require(SupplySection.view(data))
        let timeline = try #require(view.timeline)
        let x = geometry(timeline, periods: periods)

        // Each hire instance ROLE#K, numbered in the order of the starts, from its start to the end.
        var expected: [(id: String, role: Role, start: Int)] = []
        for hire in hires {
            let role = try #require(problem.scenario.hiring.first { $0.id == hire.role })
            let before = expected.filter { $0.role.id == hire.role }.count
            for k in 0..<hire.count { expected.append((Scenario.hireName(role: hire.role, number: before + k + 1), role, hire.start)) }
        }
        #expect(view.hires.map(\.id.description) == expected.map(\.id))
        var hiring = 0.0
        for ((id, role, start), row) in zip(expected, view.hires) {
            let date = try #require(labels.firstDay(of: start).map { PeriodLabels.isoDate(dayNumber: $0) })
            #expect(row.start.description == "\(labels.short(start)) · \(date)", "\(id)")
            let cost = role.hireCost + role.capacity * role.costPerHour * Double(periods - start)
            #expect(row.cost.description == Format.money(cost), "\(id)")
            hiring += cost
            let strip = try #require(timeline.rows.first { $0.detail.description == id })
            #expect(abs(number(strip.bar.x) - x(start)) < 0.11, "\(id)")
            #expect(abs(number(strip.bar.width) - (x(periods) - x(start) - 1)) < 0.11, "\(id) runs to the horizon's end")
            let booked = plan.assignments.filter { $0.person == id }.reduce(0) { $0 + $1.hours }
            #expect(booked > 0, "\(id) works")
            #expect(row.hours.description.hasPrefix("\(Format.hours(booked)) h of "), "\(id)")
            #expect(strip.booked.count == Set(plan.assignments.filter { $0.person == id }.map(\.period)).count)
        }
        let course = try #require(taken.first)
        let info = try #require(problem.courses.first { $0.id == course.course })
        let row = try #require(view.courses.first { $0.id.description == course.course })
        let last = course.start + info.duration - 1
        #expect(row.runs.description.hasPrefix(labels.range(course.start, last)))
        #expect(row.qualifies.description == labels.label(course.start + info.duration))
        #expect(row.cost.description == Format.money(info.cost))
        // The work only the course qualifies its person for: ml-scoring's line (ml ≥ 3), after the course.
        let person = problem.people[info.person].id
        let enabled = plan.assignments.filter { $0.person == person && $0.project == "ml-scoring" }
        #expect(!enabled.isEmpty && enabled.allSatisfy { $0.period >= course.start + info.duration })
        #expect(row.enables.description == "ml-scoring \(Format.hours(enabled.reduce(0) { $0 + $1.hours })) h")
        let strip = try #require(timeline.rows.first { $0.name.description == course.course })
        #expect(abs(number(strip.bar.x) - x(course.start)) < 0.11)
        #expect(abs(number(strip.bar.width) - (x(last + 1) - x(course.start) - 1)) < 0.11)
        let mark = try #require(strip.qualifies)
        #expect(abs(number(mark.x) - x(course.start + info.duration)) < 0.11)

        // The totals are the objective's hiring and training terms, in the table, the headline and the waterfall.
        let objective = data.check.objective
        let hiringCost = try #require(objective.hiringCost)
        let trainingCost = try #require(objective.trainingCost)
        #expect(abs(hiringCost - hiring) < 1e-6)
        #expect(abs(trainingCost - taken.compactMap { t in problem.courses.first { $0.id == t.course }?.cost }.reduce(0, +)) < 1e-6)
        #expect(view.hiringTotal.description == Format.money(hiringCost))
        #expect(view.trainingTotal.description == Format.money(trainingCost))
        let steps = ValueChart.steps(data)
        #expect(steps.first { $0.label == "Hiring" }.map { abs($0.amount + hiringCost) < 1e-6 } == true)
        #expect(steps.first { $0.label == "Training" }.map { abs($0.amount + trainingCost) < 1e-6 } == true)
        let card = try #require(ReportPage(data, analysis: nil).sections?.cards.first { $0.label == "Hiring and training" })
        #expect(card.value.description == Format.compactMoney(hiringCost + trainingCost))
        #expect(card.tooltip?.description == "Hiring \(Format.money(hiringCost)) · training \(Format.money(trainingCost))")

        // On the page: the section after the forecast, its tables and the capacity before and after.
        let supply = try #require(section("Supply", in: html))
        let forecastAt = try #require(html.range(of: "<h2>Forecast</h2>")), supplyAt = try #require(html.range(of: "<h2>Supply</h2>"))
        #expect(forecastAt.lowerBound < supplyAt.lowerBound)
        for id in expected.map(\.id) { #expect(supply.contains(">\(id)<"), "\(id)") }
        #expect(supply.contains("Hiring (the objective&#39;s term)</td><td class=\"num pname\">\(Format.money(hiringCost))"))
        #expect(supply.contains("Training (the objective&#39;s term)</td><td class=\"num pname\">\(Format.money(trainingCost))"))
        #expect(supply.contains("class=\"qualifies\"") && supply.contains("class=\"booked\""))
        #expect(html.contains("grid-template-columns:repeat(7,minmax(0,1fr))"), "seven headline cards in one row")
    }

    @Test("everything.json, GLPK's plan: capacity before and after for the skills the role and the course add")
    func everythingCapacity() throws {
        let (data, _) = try everything()
        let problem = data.problem
        let rows = SupplyCapacity.rows(problem, allocation: data.allocation)
        // data ≥ 3 (the pipelines line; the role brings data 4): nobody before, the hires from their start after.
        let dataRow = try #require(rows.first { $0.skill == "data" })
        #expect(dataRow.level == 3 && dataRow.before.allSatisfy { $0 == 0 })
        let cap = problem.policy.utilizationCap
        for t in 0..<problem.periodCount {
            let hired = data.allocation.hires.values.filter { $0 <= t }.count
            #expect(abs(dataRow.after[t] - Double(hired) * 40 * cap) < 1e-9, "period \(t)")
        }
        // ml ≥ 3 (ml-scoring's line): Dev from the course's end.
        let mlRow = try #require(rows.first { $0.skill == "ml" })
        let course = try #require(data.plan.training?.first)
        let info = try #require(problem.courses.first { $0.id == course.course })
        #expect(mlRow.level == 3 && mlRow.sources == ["course dev-ml"])
        for t in 0..<problem.periodCount {
            let dev = t >= course.start + info.duration ? problem.people[info.person].capacity[t] : 0
            #expect(mlRow.before[t] == 0 && abs(mlRow.after[t] - dev) < 1e-9, "period \(t)")
        }
    }

    @Test("everything.json, GLPK's plan: the hired instances are in the heatmap and the skill charts")
    func everythingHeatmap() throws {
        let (data, html) = try everything()
        let heatmap = Heatmap.view(data)
        let group = try #require(heatmap.teams.last)
        #expect(group.name == "Hires")
        let hired = data.allocation.hires
        #expect(group.size == hired.count)
        for (person, row) in zip(try #require(data.hires).people, group.people) {
            let start = try #require(hired[person.index])
            #expect(row.cells[..<start].allSatisfy { $0.cls == "off" }, "\(person.id) before its start")
            #expect(row.cells[start...].allSatisfy { $0.cls != "off" && $0.cls != "over" }, "\(person.id) from its start")
            #expect(row.average != "–")
        }
        #expect(html.contains(">Hires<small>\(hired.count)</small>"))
        let skill = try #require(data.skills.first { $0.skill == "data" })
        #expect(skill.people == 1 + hired.count, "Ana and the hires")
        #expect(skill.peakLoad.isFinite)
    }
    #endif
}

// The HTML report of a portfolio in flight (format v3, Part A): the past shaded, bars to their
// finish with their actuals, due marks and late periods, the Forecast section; and pages of
// other scenarios without any of it.
@testable import CapacityPlannerCLI
import CapacityPlanning
import Foundation
import PortfolioPages
import Testing

@Suite("report rendering: portfolio in flight")
struct ReportInFlightTests {
    /// The page of `Examples/<name>` planned by the greedy planner: its data, chart and HTML.
    private func page(_ name: String) throws -> (data: ReportData, chart: GanttChart.View, html: String) {
        let problem = try CLI.problem(at: CLI.example(name))
        let checked = try SolvingOptions.parse(["--solver", "greedy"]).plan(problem)
        let data = ReportData(title: name, problem: problem, checked: checked)
        return (data, GanttChart.view(data), try HTMLReport.render(data))
    }

    /// An SVG number (NaN when it is not one, which fails every comparison).
    private func number(_ text: String) -> Double { Double(text) ?? .nan }

    /// The chart's row of the project with id `id`.
    private func row(_ id: String, _ data: ReportData, _ chart: GanttChart.View) throws -> GanttChart.Row {
        let j = try #require(data.problem.projectIndex[id])
        let name = PageText.truncated(data.problem.scenario.projects[j].resolvedName, data.problem.projects[j].mandatory ? 34 : 44)
        return try #require(chart.rows.first { $0.name == name }, "no row for \(id)")
    }

    /// The chart's period → x: the left edge from the past band, the cell from the status line.
    private func geometry(_ data: ReportData, _ chart: GanttChart.View) throws -> (Int) -> Double {
        let flight = try #require(chart.flight)
        let past = try #require(flight.past, "the example's status period is after period 0")
        let left = number(past.x), status = number(flight.status.x)
        let cell = (status - left) / Double(data.problem.statusPeriod)
        return { left + Double($0) * cell }
    }

    @Test("Examples/in-flight.json: the past shaded up to the status period, with its marker and legend")
    func past() throws {
        let (data, chart, html) = try page("in-flight.json")
        #expect(data.check.isValid, "\(data.check.violations)")
        let s = data.problem.statusPeriod
        #expect(s > 0)
        let x = try geometry(data, chart)
        let past = try #require(chart.flight?.past)
        #expect(abs(number(past.width) - (x(s) - x(0))) < 0.11)
        #expect(html.contains("class=\"past\""))
        #expect(html.contains("status: " + data.labels.label(s)))
        #expect(html.contains("the past (before the status period)"))
        #expect(html.contains("bar from the start to the finish"), "the schedule's caption says what the bars are")
    }

    @Test("payments-migration's bar runs from its start to its planned finish, its actuals before the status period")
    func barToFinish() throws {
        let (data, chart, html) = try page("in-flight.json")
        let j = try #require(data.problem.projectIndex["payments-migration"])
        let start = try #require(data.allocation.starts[j])
        let finish = try #require(data.allocation.finish(of: j, in: data.problem))
        #expect(data.plan.projects.first { $0.id == "payments-migration" }?.finish == finish, "the plan's own finish")
        let x = try geometry(data, chart)
        let payments = try row("payments-migration", data, chart)
        let bar = payments.bar
        #expect(abs(number(bar.x) - x(start)) < 0.11)
        #expect(abs(number(bar.width) - (x(finish + 1) - x(start) - 1)) < 0.11, "from \(start) to \(finish)")
        #expect(html.contains("<rect x=\"\(bar.x)\" y=\"\(bar.y)\" width=\"\(bar.width)\" height=\"14\" rx=\"4\""))

        // Its part before the status period is its actuals, with the hours booked.
        let s = data.problem.statusPeriod
        let actuals = try #require(payments.flight?.actuals)
        #expect(abs(number(actuals.width) - (x(min(s, finish + 1)) - x(start))) < 0.11)
        let booked = (data.problem.scenario.status?.actuals ?? []).filter { $0.project == "payments-migration" }.reduce(0) { $0 + $1.hours }
        #expect(booked > 0)
        #expect(actuals.tip.description.contains("Actuals: \(Format.hours(booked)) h"))
        #expect(html.contains("class=\"actuals\""))
    }

    @Test("a late project: due mark at the end of its due period, its periods after it marked late, in the row and the forecast")
    func lateProject() throws {
        let (data, chart, html) = try page("in-flight.json")
        let problem = data.problem
        let late = try #require(problem.projects.first { info in
            data.allocation.finish(of: info.index, in: problem).map { info.periodsLate(finish: $0) > 0 } ?? false
        }, "the greedy plan of the example finishes some project after its due date")
        let due = try #require(late.due)
        let finish = try #require(data.allocation.finish(of: late.index, in: problem))
        let periodsLate = finish - due
        let x = try geometry(data, chart)
        let lateRow = try row(late.id, data, chart)
        let flight = try #require(lateRow.flight)

        let mark = try #require(flight.due)
        #expect(abs(number(mark.x) - x(due + 1)) < 0.11)
        let segment = try #require(flight.late)
        #expect(abs(number(segment.x) - x(due + 1)) < 0.11)
        let text = "late by \(periodsLate) week" + (periodsLate == 1 ? "" : "s")
        #expect(segment.tip.description.hasPrefix(text))
        #expect(flight.note?.text.description == text)
        #expect(html.contains("class=\"due\"") && html.contains("class=\"late\""))
        #expect(html.contains(">\(text)</text>"), "the row says it")
        #expect(html.contains("late (after the due date)") && html.contains("due date (end of the period)"))

        // The Forecast section: the late project by name, in the analysis's words, without mitigations.
        let forecast = try #require(html.range(of: "<h2>Forecast</h2>")).upperBound
        let section = html[forecast...].components(separatedBy: "</section>")[0]
        #expect(section.contains(PageText(problem.scenario.projects[late.index].resolvedName).description))
        #expect(section.contains("\(late.id) will finish in \(data.labels.short(finish))"))
        #expect(section.contains("Run the report with --analyze"))
        // A project on time is not marked late.
        for info in problem.projects where data.allocation.finish(of: info.index, in: problem).map({ info.periodsLate(finish: $0) == 0 }) ?? false {
            let onTime = try row(info.id, data, chart)
            #expect(onTime.flight?.late == nil, "\(info.id)")
        }
    }

    @Test("report --analyze on the portfolio in flight: the Forecast section with the late project's mitigations")
    func analyzed() throws {
        let result = try CLI.run(["report", CLI.example("in-flight.json"), "--solver", "greedy", "--time-limit", "2", "--analyze"],
                                 timeout: 300)
        #expect(result.status == 0, "\(result)")
        let html = result.output
        let forecast = try #require(html.range(of: "<h2>Forecast</h2>"), "no Forecast section")
        let section = html[forecast.upperBound...].components(separatedBy: "</section>")[0]
        #expect(section.contains("From capacity-planner analyze"))
        #expect(section.contains(" will finish in "), "a late project's sentence")
        #expect(section.contains("because "))
        #expect(section.contains("<th>Mitigation</th>") && section.contains("Change in objective"))
        #expect(section.contains("due date"), "moving the due date is always among the candidates")
        #expect(!section.contains("Run the report with --analyze"))
        #expect(!html.contains("Conflicts and resolutions"), "in flight the analysis is the forecast")
    }

    @Test("a version-1 page has none of it: no past, no status line, no due or late marks, no forecast")
    func versionOne() throws {
        let (data, chart, html) = try page("mid-size-pmo.json")
        #expect(!data.problem.isInFlight)
        #expect(chart.flight == nil && chart.rows.allSatisfy { $0.flight == nil })
        for mark in ["class=\"past\"", "status: ", "class=\"actuals\"", "class=\"due\"", "class=\"late\"", "clip-path",
                     "late by", "<h2>Forecast</h2>", "the past (before the status period)", "bar from the start to the finish"] {
            #expect(!html.contains(mark), "\(mark)")
        }
        #expect(html.contains("bar at the planned start and duration"))
    }
}

// `capacity-planner import` of a portfolio in flight (format v3, Part A): the projects' v3 columns,
// flexible demand lines, the status period, an actuals file (a timesheet export) and synergies; and
// the workbook `report --format xlsx` writes, read back with its actuals and finishes.
@testable import PortfolioFiles
import CapacityPlanners
import CapacityPlanning
import Foundation
import TestSupport
import Testing

@Suite("Import: format v3, the portfolio in flight")
struct ImportVersion3Tests {
    private let people = "id,capacity,costPerHour,skills\nana,40,80,dev:3;qa:2\nbo,40,60,dev:2\n"
    private let projects = """
        id,value,mandatory,duration,maxDuration,started,due,latePenaltyPerPeriod,probability
        portal,90000,yes,4,8,1,6,2000,
        wallet,70000,,3,,,,,0.6
        shop,50000,,2,,,,,

        """
    private let demands = """
        project,id,skill,minLevel,hours,work,maxPerPeriod
        portal,build,dev,2,,160,40
        portal,test,qa,,,40,
        wallet,dev,dev,,20;20;10,,
        shop,dev,dev,,10,,

        """

    private func run(projects: String? = nil, demands: String? = nil, actuals: String?, synergies: String? = nil,
                     status: String? = "2027-01-18") -> ScenarioImporter.Outcome {
        ScenarioImporter.run(
            people: FileFixtures.source("people.csv", people), projects: FileFixtures.source("projects.csv", projects ?? self.projects),
            demands: FileFixtures.source("demands.csv", demands ?? self.demands), availability: nil, pins: nil,
            actuals: actuals.map { FileFixtures.source("actuals.csv", $0) }, synergies: synergies.map { FileFixtures.source("synergies.csv", $0) },
            settings: ScenarioImporter.Settings(periods: 12, start: "2027-01-04", unit: .week, statusPeriod: status))
    }

    @Test("the v3 columns, a timesheet of actuals and synergies make a valid version-3 scenario with the values given")
    func inFlight() throws {
        // A row a day in week 1 adds up; a blank demand is the project's only line… unless it has two.
        let actuals = """
            person,project,demand,period,hours
            ana,portal,build,2027-01-11,8
            ana,portal,build,2027-01-12,8
            ana,portal,test,1,6
            bo,portal,build,1,30

            """
        let outcome = run(actuals: actuals, synergies: "id,projects,value\nbundle,wallet;shop,12000\n")
        #expect(outcome.errors.isEmpty, "\(outcome.errors)")
        let scenario = try #require(outcome.scenario)
        #expect(scenario.version == 3)
        #expect(scenario.status == Status(period: 2, actuals: [
            Actual(person: "ana", project: "portal", demand: "build", period: 1, hours: 16),
            Actual(person: "ana", project: "portal", demand: "test", period: 1, hours: 6),
            Actual(person: "bo", project: "portal", demand: "build", period: 1, hours: 30),
        ]))
        let portal = scenario.projects[0]
        #expect(portal.started == 1 && portal.maxDuration == 8 && portal.due == 6 && portal.latePenaltyPerPeriod == 2000)
        #expect(portal.demands[0].work == 160 && portal.demands[0].maxPerPeriod == 40 && portal.demands[0].isFlexible)
        #expect(portal.demands[1].work == 40 && portal.demands[1].maxPerPeriod == nil)
        #expect(scenario.projects[1].probability == 0.6 && scenario.projects[1].demands[0].hours == .perPeriod([20, 20, 10]))
        #expect(scenario.synergies == [Synergy(id: "bundle", projects: ["wallet", "shop"], value: 12000)])
        let decoded = try Scenario.decode(jsonBytes: scenario.jsonValue.serialized(pretty: true))
        #expect(decoded == scenario)
        let problem = try PlanningProblem(decoded)
        let plan = try GreedyPlanner().plan(problem, options: PlanningOptions(seed: 1))
        #expect(PlanChecker.check(plan, for: problem).isValid)
    }

    @Test("a blank demand names the project's only line; with two lines it is an error at the cell")
    func blankDemand() throws {
        let one = run(actuals: "person,project,demand,period,hours\nana,portal,,1,8\n",
                      status: "2")
        #expect(one.scenario == nil)
        #expect(one.errors.map(\.description).contains { $0.hasPrefix("actuals.csv:2: demand is empty, and project 'portal' has 2 demand lines") },
                "\(one.errors.map(\.description))")
        let single = run(demands: "project,skill,work\nportal,dev,160\nwallet,dev,50\nshop,dev,20\n",
                         actuals: "person,project,period,hours\nana,portal,1,8\n", status: "2")
        #expect(single.errors.isEmpty, "\(single.errors)")
        #expect(single.scenario?.status?.actuals == [Actual(person: "ana", project: "portal", demand: "dev", period: 1, hours: 8)])
    }

    @Test("errors name the file and line, the cell or the setting", arguments: [
        (nil, nil, "ana,portal,build,1,8", "2027-01-18" as String?, "demands.csv:3: gives both hours and work"),
        (nil, "project,skill,hours,work\nportal,dev,,\nwallet,dev,10,\nshop,dev,10,\n", "ana,portal,dev,1,8", "2",
         "demands.csv:2: hours is empty: give hours"),
        (nil, nil, "ana,portal,build,1,8", nil, "status.period: actuals.csv books hours in the past, but the status period is not given"),
        (nil, nil, "ana,portal,build,1,8", "13", "status.period: 13 is outside the horizon"),
        (nil, nil, "ana,portal,build,1,8", "soon", "status.period: 'soon' is not a period index"),
        (nil, nil, "ana,portal,build,2027-06-07,8", "2", "actuals.csv:2: period '2027-06-07' is outside the horizon"),
        ("id,duration,started\nportal,4,x\nwallet,3,\nshop,2,\n", nil, "ana,portal,build,1,8", "2",
         "projects.csv:2: started 'x' is not a whole number"),
    ] as [(String?, String?, String, String?, String)])
    func errors(projects: String?, demands: String?, actual: String, status: String?, expected: String) {
        var demands = demands
        if demands == nil && expected.contains("both") {
            demands = "project,id,skill,hours,work\nportal,build,dev,,160\nportal,test,qa,10,40\nwallet,dev,dev,10,\nshop,dev,dev,10,\n"
        }
        let outcome = run(projects: projects, demands: demands, actuals: "person,project,demand,period,hours\n\(actual)\n",
                          status: status)
        #expect(outcome.scenario == nil)
        #expect(outcome.errors.contains { $0.description.hasPrefix(expected) }, "\(outcome.errors.map(\.description))")
    }

    @Test("an actual in the present, or on a project not started, is the domain's error traced to its row")
    func domainErrorsAtTheirRow() throws {
        let present = run(actuals: "person,project,demand,period,hours\nana,portal,build,1,8\nana,portal,build,3,8\n", status: "2")
        let error = try #require(present.errors.first { $0.file == "actuals.csv" })
        #expect(error.line == 3 && error.message.contains("period"), "\(present.errors.map(\.description))")
        let notStarted = run(actuals: "person,project,demand,period,hours\nana,wallet,dev,1,8\n", status: "2")
        #expect(notStarted.errors.contains { $0.file == "actuals.csv" && $0.line == 2 && $0.message.contains("not started") },
                "\(notStarted.errors.map(\.description))")
    }

    @Test("a v2 import without v3 columns stays version 2 or 1; the status period alone makes version 3")
    func versions() throws {
        let plain = ScenarioImporter.run(
            people: FileFixtures.source("people.csv", people), projects: FileFixtures.source("projects.csv", "id,value,duration\nshop,50000,2\n"),
            demands: FileFixtures.source("demands.csv", "project,skill,hours\nshop,dev,10\n"), availability: nil, pins: nil,
            settings: ScenarioImporter.Settings(periods: 6))
        #expect(try #require(plain.scenario).version == 1)
        let status = ScenarioImporter.run(
            people: FileFixtures.source("people.csv", people), projects: FileFixtures.source("projects.csv", "id,value,duration\nshop,50000,2\n"),
            demands: FileFixtures.source("demands.csv", "project,skill,hours\nshop,dev,10\n"), availability: nil, pins: nil,
            settings: ScenarioImporter.Settings(periods: 6, statusPeriod: "6"))
        let scenario = try #require(status.scenario, "\(status.errors)")
        #expect(scenario.version == 3 && scenario.status == Status(period: 6))
    }

    @Test("report --format xlsx of Examples/in-flight.json writes finishes, due dates and actuals, and imports back")
    func workbookRoundTrip() throws {
        let data = try Data(contentsOf: SharedFiles.examples.appendingPathComponent("in-flight.json"))
        let problem = try PlanningProblem(try Scenario(json: data))
        let plan = try GreedyPlanner().plan(problem, options: PlanningOptions(seed: 1))
        let checked = CheckedPlan(plan, for: problem)
        #expect(checked.check.isValid)
        let written = ScenarioSheets.make(problem.scenario)
        let xlsx = try WorkbookWriter.xlsx(PlanSheets.make(checked, problem: problem) + written.sheets)
        let workbook = try Workbook(xlsx: xlsx, file: "plan.xlsx")

        // The Schedule: each selected project's finish as the plan has it, its due date and lateness.
        let schedule = try #require(workbook.sheet(named: "Schedule"))
        let header = try #require(schedule.rows.first?.fields)
        let column = { (name: String) in try #require(header.firstIndex(of: name)) }
        let (finishColumn, dueColumn, lateColumn) = (try column("finish period"), try column("due"), try column("periods late"))
        let allocation = checked.allocation
        #expect(schedule.rows.count == problem.projects.count + 1)
        for (row, info) in zip(schedule.rows.dropFirst(), problem.projects) {
            let project = problem.scenario.projects[info.index]
            let finish = allocation.starts[info.index] == nil ? nil : allocation.finish(of: info.index, in: problem)
            let cell = { (c: Int) in row.fields.indices.contains(c) ? row.fields[c] : "" }
            #expect(cell(finishColumn) == (finish.map { String($0) } ?? ""), "\(project.id)")
            #expect(cell(dueColumn) == (project.due.map { String($0) } ?? ""), "\(project.id)")
            if let finish, let due = project.due {
                #expect(cell(lateColumn) == String(max(0, finish - due)), "\(project.id)")
            }
        }

        // Read back: the status, actuals, synergies and every project's and line's v3 keys.
        let sheet = ScenarioImporter.settings(in: workbook)
        #expect(sheet.errors.isEmpty, "\(sheet.errors)")
        let outcome = ScenarioImporter.run(workbook: workbook, file: "plan.xlsx", settings: sheet.settings)
        #expect(outcome.errors.isEmpty, "\(outcome.errors)")
        let imported = try #require(outcome.scenario)
        let original = problem.scenario
        #expect(imported.version == 3 && imported.status == original.status && imported.synergies == original.synergies)
        #expect(FileFixtures.differences(original, imported, checkPolicy: false) == [])
        for (a, b) in zip(original.projects, imported.projects) {
            #expect(a.started == b.started && a.maxDuration == b.maxDuration && a.due == b.due
                    && a.latePenaltyPerPeriod == b.latePenaltyPerPeriod && a.probability == b.probability, "\(a.id)")
            #expect(a.demands.map(\.work) == b.demands.map(\.work) && a.demands.map(\.maxPerPeriod) == b.demands.map(\.maxPerPeriod),
                    "\(a.id)")
        }
        let reread = try PlanningProblem(imported)
        #expect(PlanChecker.check(plan, for: reread).objective.total == checked.check.objective.total)
    }
}

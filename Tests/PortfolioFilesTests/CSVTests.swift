// The CSV reader and the importer's parsing of cells.
@testable import PortfolioFiles
import CapacityPlanning
import Foundation
import Testing

@Suite("CSV reader")
struct CSVTests {
    @Test("quotes, commas and line breaks in quotes, doubled quotes")
    func quoting() throws {
        let records = try CSV.parse("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nlast,,\n", file: "t.csv")
        #expect(records.map(\.fields) == [["a", "b", "c"], ["x, y", "say \"hi\"", "two\nlines"], ["last", "", ""]])
        #expect(records.map(\.line) == [1, 2, 4], "a record starts on the line after a multi-line field")
    }

    @Test("CRLF, a lone CR, a byte order mark, no final line break")
    func lineEndings() throws {
        let data = Data([0xEF, 0xBB, 0xBF]) + Data("id,name\r\nana,Ana\rbo,Bo".utf8)
        let records = try CSV.parse(data, file: "t.csv")
        #expect(records.map(\.fields) == [["id", "name"], ["ana", "Ana"], ["bo", "Bo"]])
        #expect(records.map(\.line) == [1, 2, 3])
    }

    @Test("blank lines and rows of empty cells are skipped; line numbers stay true")
    func blankLines() throws {
        let records = try CSV.parse("id\n\nana\n,,\n  \nbo\n", file: "t.csv")
        #expect(records.map(\.fields) == [["id"], ["ana"], ["bo"]])
        #expect(records.map(\.line) == [1, 3, 6])
    }

    @Test("a quoted field that never ends is reported at the line it starts")
    func unterminated() {
        #expect(throws: ImportIssue(file: "t.csv", line: 2, message: "a quoted field starts here and never ends")) {
            try CSV.parse("id,name\nana,\"Ana\nmore\n", file: "t.csv")
        }
    }

    @Test("text after a closing quote is an error")
    func textAfterQuote() {
        #expect(throws: ImportIssue.self) { try CSV.parse("a\n\"x\"y\n", file: "t.csv") }
    }

    @Test("bytes that are not UTF-8 are reported for the file")
    func notUTF8() {
        #expect(throws: ImportIssue.self) { try CSV.parse(Data([0x61, 0xFF, 0x0A]), file: "t.csv") }
    }

    @Test("header names match without case, spaces, underscores or hyphens; typos are errors")
    func header() throws {
        var errors: [ImportIssue] = [], warnings: [ImportIssue] = []
        let records = try CSV.parse("ID,Cost Per Hour,max_concurrent-projects,Department,capacty\nana,90,2,IT,40\n", file: "p.csv")
        let table = Table(file: "p.csv", records: records, known: ScenarioImporter.peopleColumns,
                             required: ["id", "capacity"], issues: &errors, warnings: &warnings)
        #expect(table.value("costPerHour", in: table.rows[0]) == "90")
        #expect(table.value("maxConcurrentProjects", in: table.rows[0]) == "2")
        #expect(warnings.map(\.description) == ["p.csv:1: column 'Department' is not used (ignored)"])
        #expect(errors.map(\.description) == ["p.csv:1: unknown column 'capacty' (did you mean 'capacity'?)",
                                              "p.csv:1: missing column 'capacity'"])
    }

    @Test("numbers are plain decimals", arguments: [
        ("40", 40.0), ("-2.5", -2.5), ("1e3", 1000.0), (".5", 0.5), ("7.", 7.0),
        ("abc", nil), ("1,200", nil), ("0x10", nil), ("nan", nil), ("inf", nil), ("", nil), ("1e400", nil), ("--1", nil),
    ] as [(String, Double?)])
    func numbers(_ text: String, _ value: Double?) {
        #expect(ScenarioImporter.number(text) == value)
    }

    @Test("cells become the scenario's values; availability by index and by date")
    func importing() throws {
        let outcome = ScenarioImporter.run(
            people: FileFixtures.source("people.csv", "id,capacity,skills,team\nana,40,backend:4; data:2,Core\nbo,32,,\n"),
            projects: FileFixtures.source("projects.csv", "id,duration,mandatory,dependsOn,deadline\na,2,yes,,\nb,1,n,a; ,3\n"),
            demands: FileFixtures.source("demands.csv", "project,skill,hours,minLevel,id\na,backend,10;20,3,\nb,data,5,,x\n"),
            availability: FileFixtures.source("leave.csv", "person,period,hours\nana,1,0\nbo,2027-01-18,16\n"),
            pins: nil,
            settings: ScenarioImporter.Settings(periods: 4, start: "2027-01-04", unit: .week))
        #expect(outcome.errors.isEmpty, "\(outcome.errors)")
        let scenario = try #require(outcome.scenario)
        #expect(scenario.people[0].skills == ["backend": 4, "data": 2])
        #expect(scenario.people[0].capacity == .perPeriod([40, 0, 40, 40]))
        #expect(scenario.people[1].capacity == .perPeriod([32, 32, 16, 32]))
        #expect(scenario.people[1].team == nil)
        #expect(scenario.projects[0].mandatory && !scenario.projects[1].mandatory)
        #expect(scenario.projects[1].dependsOn == ["a"])
        #expect(scenario.projects[1].deadline == 3)
        #expect(scenario.projects[0].demands == [Demand(skill: "backend", minLevel: 3, hours: .perPeriod([10, 20]))])
        #expect(scenario.projects[1].demands == [Demand(id: "x", skill: "data", hours: .constant(5))])
    }

    @Test("the horizon is inferred when --periods is not given")
    func inferredHorizon() throws {
        let outcome = ScenarioImporter.run(
            people: FileFixtures.source("people.csv", "id,capacity\nana,40\n"),
            projects: FileFixtures.source("projects.csv", "id,duration,earliestStart,deadline\na,2,1,\nb,1,0,6\n"),
            demands: FileFixtures.source("demands.csv", "project,skill,hours\n"),
            availability: nil, pins: nil, settings: ScenarioImporter.Settings())
        #expect(outcome.scenario?.horizon.periods == 7)
    }

    @Test("the domain's errors are traced back to the row and the setting")
    func domainErrorsLocated() {
        var settings = ScenarioImporter.Settings(periods: 4)
        settings.policy.utilizationCap = 3
        let outcome = ScenarioImporter.run(
            people: FileFixtures.source("people.csv", "id,capacity,maxConcurrentProjects\nana,40;40,0\n"),
            projects: FileFixtures.source("projects.csv", "id,duration,mandatory,deadline\na,3,yes,1\n"),
            demands: FileFixtures.source("demands.csv", "project,skill,hours,minLevel\na,backend,1,9\n"),
            availability: nil, pins: FileFixtures.source("pins.csv", "person,project,hours\nzed,a,5\n"), settings: settings)
        let text = outcome.errors.map(\.description)
        #expect(outcome.scenario == nil)
        #expect(text.contains { $0.hasPrefix("people.csv:2: capacity") }, "\(text)")
        #expect(text.contains { $0.hasPrefix("people.csv:2: maxConcurrentProjects") }, "\(text)")
        #expect(text.contains { $0.hasPrefix("projects.csv:2: ") && $0.contains("cannot fit") }, "\(text)")
        #expect(text.contains { $0.hasPrefix("demands.csv:2: minLevel") }, "\(text)")
        #expect(text.contains { $0.hasPrefix("pins.csv:2: ") && $0.contains("zed") }, "\(text)")
        #expect(outcome.errors.contains { $0.setting == "policy.utilizationCap" && $0.line == nil }, "\(text)")
        #expect(text.contains { $0.hasPrefix("policy.utilizationCap: ") }, "\(text)")
    }
}

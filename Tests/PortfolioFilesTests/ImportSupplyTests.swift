// `capacity-planner import` of supply (format v3, Part B): a roles file into `hiring` and a courses
// file into `training`, every problem at its file, row and column; the same as workbook sheets.
@testable import PortfolioFiles
import CapacityPlanners
import CapacityPlanning
import Foundation
import Testing

@Suite("Import: format v3, supply (roles and courses)")
struct ImportSupplyTests {
    private let people = "id,capacity,costPerHour,skills\nana,40,80,dev:3;qa:2\nbo,40,60,dev:2\n"
    private let projects = "id,value,duration\nshop,50000,4\nwallet,30000,2\n"
    private let demands = "project,skill,minLevel,hours\nshop,dev,3,40\nwallet,qa,3,20\n"
    static let roleHeader = "id,name,skills,capacity,costPerHour,hireCost,earliestStart,maxHires"
    static let courseHeader = "id,person,skill,level,duration,hoursPerPeriod,cost,earliestStart"

    private func run(roles: String?, courses: String?, start: String? = "2027-01-04") -> ScenarioImporter.Outcome {
        ScenarioImporter.run(
            people: FileFixtures.source("people.csv", people), projects: FileFixtures.source("projects.csv", projects),
            demands: FileFixtures.source("demands.csv", demands), availability: nil, pins: nil,
            roles: roles.map { FileFixtures.source("roles.csv", $0) }, courses: courses.map { FileFixtures.source("courses.csv", $0) },
            settings: ScenarioImporter.Settings(periods: 12, start: start, unit: .week))
    }

    @Test("roles and courses files make a valid version-3 scenario with the values given (skills as people's, earliestStart an index or a date)")
    func supply() throws {
        let roles = """
            \(Self.roleHeader)
            dev-senior,Senior developer,dev:4; qa:3,40,70,5000,2027-02-03,2
            tester,,qa:3,32,,,,1

            """
        let courses = """
            \(Self.courseHeader)
            bo-dev,bo,dev,3,2,8,1500,1
            ana-qa,ana,qa,4,1,,,2027-01-18

            """
        let outcome = run(roles: roles, courses: courses)
        #expect(outcome.errors.isEmpty, "\(outcome.errors)")
        let scenario = try #require(outcome.scenario)
        #expect(scenario.version == 3)
        #expect(scenario.hiring == [
            Role(id: "dev-senior", name: "Senior developer", skills: ["dev": 4, "qa": 3], capacity: 40, costPerHour: 70,
                 hireCost: 5000, earliestStart: 4, maxHires: 2),
            Role(id: "tester", skills: ["qa": 3], capacity: 32, maxHires: 1),
        ])
        #expect(scenario.training == [
            Course(id: "bo-dev", person: "bo", skill: "dev", level: 3, duration: 2, hoursPerPeriod: 8, cost: 1500, earliestStart: 1),
            Course(id: "ana-qa", person: "ana", skill: "qa", level: 4, duration: 1, earliestStart: 2),
        ])
        let decoded = try Scenario.decode(jsonBytes: scenario.jsonValue.serialized(pretty: true))
        #expect(decoded == scenario)
        let problem = try PlanningProblem(decoded)
        let plan = try GreedyPlanner().plan(problem, options: PlanningOptions(seed: 1))
        #expect(PlanChecker.check(plan, for: problem).isValid)
    }

    @Test("roles alone, or courses alone, make version 3; neither leaves the version as it was")
    func versions() throws {
        let roles = run(roles: "id,capacity,maxHires\nqa-contractor,40,1\n", courses: nil)
        #expect(try #require(roles.scenario, "\(roles.errors)").version == 3)
        let courses = run(roles: nil, courses: "id,person,skill,level,duration\nbo-qa,bo,qa,3,2\n")
        #expect(try #require(courses.scenario, "\(courses.errors)").version == 3)
        let empty = run(roles: "id,capacity,maxHires\n", courses: nil)
        let scenario = try #require(empty.scenario, "\(empty.errors)")
        #expect(scenario.version == 1 && scenario.hiring.isEmpty)
    }

    /// A file's name, its text, the description an error starts with, and the column it is in.
    typealias Case = (file: String, text: String, expected: String, column: String?)

    @Test("every bad cell is an error at its file, line and column; the domain's errors are traced back to the row", arguments: [
        ("roles", "\(roleHeader)\ndev#x,,,40,,,,1", "roles.csv:2: id 'dev#x' contains '#' (hires are named ROLE#K)", "id"),
        ("roles", "\(roleHeader)\nana,,,40,,,,1", "roles.csv:2: role id 'ana' is a person's id (people.csv line 2): a role's hires are named 'ana#1'", "id"),
        ("roles", "\(roleHeader)\nqa,,,40,,,,1\nqa,,,20,,,,1", "roles.csv:3: role id 'qa' repeats line 2", "id"),
        ("roles", "\(roleHeader)\n,,,40,,,,1", "roles.csv:2: id is empty", "id"),
        ("roles", "\(roleHeader)\nqa,,qa=3,40,,,,1", "roles.csv:2: skills: 'qa=3' is not skill:level", "skills"),
        ("roles", "\(roleHeader)\nqa,,qa:7,40,,,,1", "roles.csv:2: skills.qa: level of skill 'qa' must be an integer 1…5, got 7", "skills"),
        ("roles", "\(roleHeader)\nqa,,,abc,,,,1", "roles.csv:2: capacity 'abc' is not a number", "capacity"),
        ("roles", "\(roleHeader)\nqa,,,,,,,1", "roles.csv:2: capacity is empty", "capacity"),
        ("roles", "\(roleHeader)\nqa,,,-40,,,,1", "roles.csv:2: capacity", "capacity"),
        ("roles", "\(roleHeader)\nqa,,,40,x,,,1", "roles.csv:2: costPerHour 'x' is not a number", "costPerHour"),
        ("roles", "\(roleHeader)\nqa,,,40,,-1,,1", "roles.csv:2: hireCost", "hireCost"),
        ("roles", "\(roleHeader)\nqa,,,40,,,soon,1", "roles.csv:2: earliestStart 'soon' is not a period index (0-based) or an ISO date", "earliestStart"),
        ("roles", "\(roleHeader)\nqa,,,40,,,2026-12-28,1", "roles.csv:2: earliestStart '2026-12-28' is before the horizon's start 2027-01-04", "earliestStart"),
        ("roles", "\(roleHeader)\nqa,,,40,,,-2,1", "roles.csv:2: earliestStart", "earliestStart"),
        ("roles", "\(roleHeader)\nqa,,,40,,,,", "roles.csv:2: maxHires is empty", "maxHires"),
        ("roles", "\(roleHeader)\nqa,,,40,,,,1.5", "roles.csv:2: maxHires '1.5' is not a whole number", "maxHires"),
        ("roles", "id,capacity\nqa,40", "roles.csv:1: missing column 'maxHires'", nil),
        ("courses", "\(courseHeader)\nc1,zed,dev,3,2,,,", "courses.csv:2: person 'zed' is not in people.csv", "person"),
        ("courses", "\(courseHeader)\nc1,bo,dev,3,2,,,\nc1,ana,dev,4,2,,,", "courses.csv:3: course id 'c1' repeats line 2", "id"),
        ("courses", "\(courseHeader)\nc1,bo,,3,2,,,", "courses.csv:2: skill is empty", "skill"),
        ("courses", "\(courseHeader)\nc1,bo,dev,x,2,,,", "courses.csv:2: level 'x' is not a whole number", "level"),
        ("courses", "\(courseHeader)\nc1,bo,dev,9,2,,,", "courses.csv:2: level must be an integer 1…5, got 9", "level"),
        ("courses", "\(courseHeader)\nc1,bo,dev,3,,,,", "courses.csv:2: duration is empty", "duration"),
        ("courses", "\(courseHeader)\nc1,bo,dev,3,0,,,", "courses.csv:2: duration", "duration"),
        ("courses", "\(courseHeader)\nc1,bo,dev,3,2,-8,,", "courses.csv:2: hoursPerPeriod", "hoursPerPeriod"),
        ("courses", "\(courseHeader)\nc1,bo,dev,3,2,,lots,", "courses.csv:2: cost 'lots' is not a number", "cost"),
        ("courses", "\(courseHeader)\nc1,bo,dev,3,2,,,2027-13-01", "courses.csv:2: earliestStart '2027-13-01' is not a period index", "earliestStart"),
        ("courses", "id,person,skill,duration\nc1,bo,dev,2", "courses.csv:1: missing column 'level'", nil),
    ] as [Case])
    func errors(file: String, text: String, expected: String, column: String?) throws {
        let outcome = file == "roles" ? run(roles: text + "\n", courses: nil) : run(roles: nil, courses: text + "\n")
        #expect(outcome.scenario == nil)
        let error = try #require(outcome.errors.first { $0.description.hasPrefix(expected) }, "\(outcome.errors.map(\.description))")
        let header = text.split(separator: "\n").first.map { $0.split(separator: ",", omittingEmptySubsequences: false) } ?? []
        #expect(error.column == column.flatMap { name in header.firstIndex { Table.normalise(String($0)) == Table.normalise(name) } },
                "\(error) is in column \(column ?? "none")")
        #expect(outcome.errors.count == 1, "one error only: \(outcome.errors.map(\.description))")
    }

    @Test("a date without the horizon's start is an error that names the setting")
    func dateWithoutStart() throws {
        let outcome = run(roles: "id,capacity,earliestStart,maxHires\nqa,40,2027-02-03,1\n", courses: nil, start: nil)
        let error = try #require(outcome.errors.first, "an error")
        #expect(error.description.hasPrefix("roles.csv:2: earliestStart '2027-02-03' is a date, but the horizon has no start"))
        #expect(error.setting == "horizon.start")
    }

    @Test("a role or course that can never start inside the horizon is a warning at its row")
    func neverStarts() throws {
        let outcome = run(roles: "id,capacity,earliestStart,maxHires\nqa,40,20,1\n",
                          courses: "id,person,skill,level,duration,earliestStart\nc1,bo,dev,3,4,10\n")
        #expect(outcome.errors.isEmpty, "\(outcome.errors)")
        #expect(outcome.warnings.contains { $0.file == "roles.csv" && $0.line == 2 && $0.message.contains("can never be hired") },
                "\(outcome.warnings.map(\.description))")
        #expect(outcome.warnings.contains { $0.file == "courses.csv" && $0.line == 2 && $0.message.contains("can never finish") },
                "\(outcome.warnings.map(\.description))")
    }

    @Test("in a workbook, the Roles and Courses sheets are read with the same columns and their problems named by cell")
    func sheets() throws {
        func sheet(_ name: String, _ text: String) -> Workbook.Sheet {
            Workbook.Sheet(name: name, rows: text.split(separator: "\n").enumerated().map { k, line in
                TableRow(line: k + 1, fields: line.split(separator: ",", omittingEmptySubsequences: false).map(String.init))
            })
        }
        let base = [sheet("People", people), sheet("Projects", projects), sheet("Demands", demands)]
        let settings = ScenarioImporter.Settings(periods: 12, start: "2027-01-04", unit: .week)
        let good = Workbook(sheets: base + [sheet("Roles", "\(Self.roleHeader)\ndev-senior,,dev:4,40,70,,3,2"),
                                            sheet("Courses", "\(Self.courseHeader)\nbo-dev,bo,dev,3,2,8,1500,")])
        let outcome = ScenarioImporter.run(workbook: good, file: "book.xlsx", settings: settings)
        #expect(outcome.errors.isEmpty && outcome.warnings.isEmpty, "\(outcome.errors) \(outcome.warnings)")
        let scenario = try #require(outcome.scenario)
        #expect(scenario.version == 3)
        #expect(scenario.hiring == [Role(id: "dev-senior", skills: ["dev": 4], capacity: 40, costPerHour: 70, earliestStart: 3, maxHires: 2)])
        #expect(scenario.training == [Course(id: "bo-dev", person: "bo", skill: "dev", level: 3, duration: 2, hoursPerPeriod: 8, cost: 1500)])

        let bad = Workbook(sheets: base + [sheet("Roles", "\(Self.roleHeader)\ndev#senior,,dev:4,forty,,,,2"),
                                           sheet("Courses", "\(Self.courseHeader)\nbo-dev,zed,dev,3,2,,,\nana-qa,ana,qa,6,1,,,")])
        let errors = ScenarioImporter.run(workbook: bad, file: "book.xlsx", settings: settings).errors.map(\.description)
        #expect(errors == ["Roles!D2: capacity 'forty' is not a number", "Courses!B2: person 'zed' is not in People",
                           "Courses!D3: level must be an integer 1…5, got 6"], "\(errors)")
        let hash = Workbook(sheets: base + [sheet("Roles", "\(Self.roleHeader)\ndev#senior,,dev:4,40,,,,2")])
        #expect(ScenarioImporter.run(workbook: hash, file: "book.xlsx", settings: settings).errors.map(\.description)
                == ["Roles!A2: id 'dev#senior' contains '#' (hires are named ROLE#K)"])
    }
}

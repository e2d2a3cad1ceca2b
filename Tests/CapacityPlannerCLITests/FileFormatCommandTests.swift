// `import --xlsx/--mspdi`, `report` and `solve --format xlsx|mspdi` end to end, with the committed examples.
import CapacityPlanning
import Foundation
import TestSupport
import Testing

@Suite("Excel and Microsoft Project files, end to end")
struct FileFormatCommandTests {
    /// The scenario of the CSV example, as the README's import command makes it.
    static func csvScenario() throws -> Scenario {
        let csv = { (name: String) in CLI.example("csv/\(name).csv") }
        let result = try CLI.run(["import", "--people", csv("people"), "--projects", csv("projects"), "--demands", csv("demands"),
                                  "--availability", csv("availability"), "--pins", csv("pins"), "--periods", "12",
                                  "--start", "2027-01-04", "--utilization-cap", "0.85", "--assignment-penalty", "100"])
        try #require(result.status == 0, "\(result)")
        return try Scenario(json: result.stdout)
    }

    @Test("Examples/portfolio.xlsx imports into the CSV example's scenario, and writing that back gives the same workbook")
    func exampleWorkbook() throws {
        let result = try CLI.run(["import", "--xlsx", CLI.example("portfolio.xlsx")])
        #expect(result.status == 0, "\(result)")
        let imported = try Scenario(json: result.stdout)
        #expect(imported == (try Self.csvScenario()), "the workbook holds the whole scenario, Settings included")

        // Solve it and write the workbook again: it imports into the same scenario.
        let folder = try CLI.temporaryDirectory()
        let scenario = folder.appendingPathComponent("s.json").path, book = folder.appendingPathComponent("plan.xlsx").path
        try result.stdout.write(to: URL(fileURLWithPath: scenario))
        let solved = try CLI.run(["solve", scenario, "--solver", "greedy", "--format", "xlsx", "-o", book])
        #expect(solved.status == 0, "\(solved)")
        let again = try CLI.run(["import", "--xlsx", book])
        #expect(again.status == 0 && (try? Scenario(json: again.stdout)) == imported, "\(again)")
    }

    @Test("Examples/portfolio-plan.xml imports into the CSV example's people, projects and demands (pins and policy are not in a Project file)")
    func exampleProjectFile() throws {
        let result = try CLI.run(["import", "--mspdi", CLI.example("portfolio-plan.xml"), "--unit", "week"])
        #expect(result.status == 0, "\(result)")
        let imported = try Scenario(json: result.stdout)
        var expected = try Self.csvScenario()
        expected.pins = []
        expected.policy = Policy()
        #expect(imported == expected)
    }

    @Test("report and solve write a Project file that imports back; a bad source is exit 1 with the reason")
    func reportAndErrors() throws {
        let folder = try CLI.temporaryDirectory()
        let xml = folder.appendingPathComponent("plan.xml").path
        let report = try CLI.run(["report", CLI.example("small-team.json"), "--solver", "greedy", "--format", "mspdi", "-o", xml])
        #expect(report.status == 0, "\(report)")
        let back = try CLI.run(["import", "--mspdi", xml])
        #expect(back.status == 0, "\(back)")
        let original = try Scenario(json: Data(contentsOf: URL(fileURLWithPath: CLI.example("small-team.json"))))
        let imported = try Scenario(json: back.stdout)
        #expect(imported.people.map(\.id) == original.people.map(\.id) && imported.projects.map(\.id) == original.projects.map(\.id))

        // A file that is not a workbook, a truncated Project file, a file too large, two sources.
        let notZip = folder.appendingPathComponent("people.xlsx")
        try Data("id,name\n".utf8).write(to: notZip)
        let bad = try CLI.run(["import", "--xlsx", notZip.path])
        #expect(bad.status == 1 && bad.stderr.contains("is not an Excel workbook (.xlsx): it is not a zip archive"), "\(bad)")
        let cut = folder.appendingPathComponent("cut.xml")
        let data = try Data(contentsOf: URL(fileURLWithPath: xml))
        try data.prefix(data.count / 3).write(to: cut)
        let truncated = try CLI.run(["import", "--mspdi", cut.path])
        #expect(truncated.status == 1 && truncated.stderr.contains("is not a well-formed Microsoft Project XML file"), "\(truncated)")
        let big = folder.appendingPathComponent("big.xml")
        try Data(count: 50 << 20).write(to: big)
        let large = try CLI.run(["import", "--mspdi", big.path])
        #expect(large.status == 1 && large.stderr.contains("is 50.0 MiB; the largest file read is 32 MiB"), "\(large)")
        let both = try CLI.run(["import", "--xlsx", notZip.path, "--mspdi", xml])
        #expect(both.status == 2 && both.stderr.contains("give one source"), "\(both)")
    }

    @Test("supply (format v3, Part B): report --format xlsx of everything.json imports back with its roles and courses; --roles and --courses read CSV files and name each bad cell; the Project file warns of courses")
    func supply() throws {
        let folder = try CLI.temporaryDirectory()
        let everything = SharedFiles.fixtures(version: 3).appendingPathComponent("everything.json").path
        let original = try Scenario(json: Data(contentsOf: URL(fileURLWithPath: everything)))
        let book = folder.appendingPathComponent("plan.xlsx").path
        let report = try CLI.run(["report", everything, "--solver", "greedy", "--format", "xlsx", "-o", book])
        #expect(report.status == 0, "\(report)")
        let back = try CLI.run(["import", "--xlsx", book])
        #expect(back.status == 0 && back.stderr.contains("1 role, 1 course"), "\(back)")
        let imported = try Scenario(json: back.stdout)
        #expect(imported.version == 3 && imported.hiring == original.hiring && imported.training == original.training)

        func write(_ name: String, _ text: String) throws -> String {
            let url = folder.appendingPathComponent(name)
            try Data(text.utf8).write(to: url)
            return url.path
        }
        let people = try write("people.csv", "id,capacity,skills\nana,40,dev:3\n")
        let projects = try write("projects.csv", "id,value,duration\nshop,50000,2\n")
        let demands = try write("demands.csv", "project,skill,hours\nshop,dev,10\n")
        let roles = try write("roles.csv", "id,skills,capacity,earliestStart,maxHires\ndev#1,dev:4,40,2027-01-18,1\nqa,qa:3,forty,,1\n")
        let courses = try write("courses.csv", "id,person,skill,level,duration\nana-qa,bo,qa,3,2\n")
        let bad = try CLI.run(["import", "--people", people, "--projects", projects, "--demands", demands, "--roles", roles,
                               "--courses", courses, "--periods", "6", "--start", "2027-01-04"])
        #expect(bad.status == 1, "\(bad)")
        for line in ["roles.csv:2: id 'dev#1' contains '#'", "roles.csv:3: capacity 'forty' is not a number",
                     "courses.csv:2: person 'bo' is not in \(people)"] {
            #expect(bad.stderr.contains(line), "\(line) in \(bad.stderr)")
        }
        let good = try CLI.run(["import", "--people", people, "--projects", projects, "--demands", demands,
                                "--roles", try write("roles-ok.csv", "id,skills,capacity,earliestStart,maxHires\ndev,dev:4,40,2027-01-18,1\n"),
                                "--periods", "6", "--start", "2027-01-04"])
        #expect(good.status == 0, "\(good)")
        #expect(try Scenario(json: good.stdout).hiring == [Role(id: "dev", skills: ["dev": 4], capacity: 40, earliestStart: 2, maxHires: 1)])

        let xml = folder.appendingPathComponent("plan.xml").path
        let project = try CLI.run(["report", everything, "--solver", "greedy", "--format", "mspdi", "-o", xml])
        #expect(project.status == 0 && project.stderr.contains("generic resources") && project.stderr.contains("no place for courses"),
                "\(project)")
    }
}

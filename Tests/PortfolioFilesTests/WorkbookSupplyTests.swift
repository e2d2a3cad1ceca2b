// The workbook of a plan with supply (format v3, Part B): Roles and Courses sheets that import back,
// the Supply sheet of the plan's hires and courses, and the hire instances among the people's sheets.
@testable import PortfolioFiles
import CapacityPlanning
import Foundation
import Testing

@Suite("Workbook: format v3, supply")
struct WorkbookSupplyTests {
    /// everything.json's workbook as `report --format xlsx` writes it, read back.
    static func workbook() throws -> (problem: PlanningProblem, checked: CheckedPlan, workbook: Workbook) {
        let (problem, plan) = try FileFixtures.everything()
        let checked = CheckedPlan(plan, for: problem)
        let data = try WorkbookWriter.xlsx(PlanSheets.make(checked, problem: problem) + ScenarioSheets.make(problem.scenario).sheets)
        return (problem, checked, try Workbook(xlsx: data, file: "plan.xlsx"))
    }

    /// The rows of `sheet` below its header as dictionaries by column title (blank cells left out).
    static func records(_ sheet: Workbook.Sheet) -> [[String: String]] {
        guard let header = sheet.rows.first?.fields else { return [] }
        return sheet.rows.dropFirst().map { row in
            var record: [String: String] = [:]
            for (title, value) in zip(header, row.fields) where !value.isEmpty { record[title] = value }
            return record
        }
    }

    @Test("everything.json's workbook imports back to the same hiring and training, and the same scenario otherwise")
    func roundTrip() throws {
        let (problem, checked, workbook) = try Self.workbook()
        let original = problem.scenario
        #expect(workbook.sheet(named: "Roles") != nil && workbook.sheet(named: "Courses") != nil)
        let sheet = ScenarioImporter.settings(in: workbook)
        #expect(sheet.errors.isEmpty, "\(sheet.errors)")
        let outcome = ScenarioImporter.run(workbook: workbook, file: "plan.xlsx", settings: sheet.settings)
        #expect(outcome.errors.isEmpty, "\(outcome.errors)")
        #expect(!outcome.warnings.contains { $0.message.contains("is not read") }, "the Supply sheet is the plan's: \(outcome.warnings)")
        let imported = try #require(outcome.scenario)
        #expect(imported.version == 3)
        #expect(imported.hiring == original.hiring)
        #expect(imported.training == original.training)
        #expect(imported.status == original.status && imported.synergies == original.synergies)
        #expect(FileFixtures.differences(original, imported, checkPolicy: false) == [])
        let reread = try PlanningProblem(imported)
        #expect(PlanChecker.check(checked.plan, for: reread).objective.total == checked.check.objective.total,
                "the plan means the same on the imported scenario")
    }

    @Test("the Supply sheet lists each hire instance and each course taken with the plan's periods, dates, hours and costs")
    func supplySheet() throws {
        let (problem, checked, workbook) = try Self.workbook()
        let plan = checked.plan
        let scenario = problem.scenario
        let labels = PeriodLabels(scenario.horizon)
        func first(_ t: Int) -> String? { labels.firstDay(of: t).map(PeriodLabels.isoDate(dayNumber:)) }
        func last(_ t: Int) -> String? { labels.lastDay(of: t).map(PeriodLabels.isoDate(dayNumber:)) }
        let sheet = try #require(workbook.sheet(named: "Supply"))
        #expect(sheet.rows.first?.fields == PlanSheets.supplyColumns)
        let rows = Self.records(sheet)

        // Hires: ROLE#1, ROLE#2, … numbered over the role's hires in the order of their start.
        let hires = try #require(plan.hires, "the plan of everything.json hires")
        var expected: [(name: String, role: Role, start: Int)] = []
        for role in scenario.hiring {
            let starts = hires.filter { $0.role == role.id }.flatMap { Array(repeating: $0.start, count: $0.count) }.sorted()
            for (k, start) in starts.enumerated() { expected.append((Scenario.hireName(role: role.id, number: k + 1), role, start)) }
        }
        #expect(!expected.isEmpty)
        let hireRows = rows.filter { $0["decision"] == "hire" }
        #expect(hireRows.map { $0["person"] ?? "" } == expected.map(\.name))
        let periods = scenario.horizon.periods
        for (row, hire) in zip(hireRows, expected) {
            let booked = plan.assignments.filter { $0.person == hire.name }.reduce(0) { $0 + $1.hours }
            let salary = hire.role.capacity * hire.role.costPerHour * Double(periods - hire.start)
            #expect(row["role"] == hire.role.id && row["start period"] == String(hire.start) && row["start date"] == first(hire.start),
                    "\(hire.name): \(row)")
            #expect(row["hours booked"].flatMap(Double.init) == booked, "\(hire.name)'s hours")
            #expect(row["salary"].flatMap(Double.init) == salary && row["hiring cost"].flatMap(Double.init) == hire.role.hireCost
                    && row["cost"].flatMap(Double.init) == salary + hire.role.hireCost, "\(hire.name)'s costs: \(row)")
            #expect(booked > 0, "the plan books \(hire.name)")
        }

        // Courses: the periods they run, when the level counts, their cost.
        let taken = try #require(plan.training, "the plan of everything.json trains")
        let courseRows = rows.filter { $0["decision"] == "course" }
        #expect(courseRows.count == taken.count && !taken.isEmpty)
        for entry in taken {
            let course = try #require(scenario.training.first { $0.id == entry.course })
            let row = try #require(courseRows.first { $0["course"] == course.id }, "a row for \(course.id)")
            let end = entry.start + course.duration - 1
            #expect(row["person"] == course.person && row["skill"] == course.skill && row["level"] == String(course.level))
            #expect(row["start period"] == String(entry.start) && row["start date"] == first(entry.start))
            #expect(row["end period"] == String(end) && row["end date"] == last(end))
            #expect(row["qualifies from period"] == String(end + 1) && row["qualifies from date"] == first(end + 1))
            #expect(row["hours booked"].flatMap(Double.init) == course.hoursPerPeriod * Double(course.duration))
            #expect(row["cost"].flatMap(Double.init) == course.cost && row["salary"] == nil)
        }

        // The Summary's supply costs are the objective's.
        let summary = Dictionary(Self.records(try #require(workbook.sheet(named: "Summary"))).compactMap { r in
            r["figure"].map { ($0, r["value"] ?? "") } }, uniquingKeysWith: { a, _ in a })
        #expect(summary["hiring cost"].flatMap(Double.init) == checked.check.objective.hiringCost)
        #expect(summary["training cost"].flatMap(Double.init) == checked.check.objective.trainingCost)
    }

    @Test("hire instances have rows in Assignments and Utilisation after the scenario's people, with their hours and capacity from their start")
    func hiresAmongPeople() throws {
        let (problem, checked, workbook) = try Self.workbook()
        let plan = checked.plan
        let periods = problem.scenario.horizon.periods
        let people = problem.scenario.people.map(\.id)
        let hired = Set(plan.assignments.map(\.person)).subtracting(people)
        #expect(!hired.isEmpty, "the plan books hire instances")

        let assignments = try #require(workbook.sheet(named: "Assignments")).rows.dropFirst().map(\.fields)
        let persons = assignments.map { $0.first ?? "" }
        let firstHire = try #require(persons.firstIndex { hired.contains($0) })
        #expect(persons[firstHire...].allSatisfy { hired.contains($0) }, "hires after the people: \(persons)")
        for name in hired {
            let hours = plan.assignments.filter { $0.person == name }.reduce(0) { $0 + $1.hours }
            let rows = assignments.filter { $0.first == name }
            #expect(rows.reduce(0) { $0 + (Double($1[3 + periods]) ?? 0) } == hours, "\(name)'s hours in Assignments")
        }

        let utilisation = try #require(workbook.sheet(named: "Utilisation")).rows.dropFirst().map(\.fields)
        #expect(utilisation.map { $0.first ?? "" } == people + hired.sorted { a, b in
            (problem.personIndex[a] ?? 0) < (problem.personIndex[b] ?? 0) })
        let allocation = checked.allocation
        for row in utilisation where hired.contains(row.first ?? "") {
            let name = row[0]
            let p = try #require(problem.personIndex[name])
            let start = try #require(allocation.hires[p])
            let role = try #require(problem.people[p].hire.map { problem.scenario.hiring[$0.role] })
            let hours = plan.assignments.filter { $0.person == name }.reduce(0) { $0 + $1.hours }
            #expect(row[1].isEmpty, "\(name) has no team")
            let beforeStart = row[2..<(2 + start)]
            #expect(beforeStart.allSatisfy { $0.isEmpty }, "\(name) has no capacity before its start")
            #expect(Double(row[2 + periods]) == hours && Double(row[3 + periods]) == role.capacity * Double(periods - start),
                    "\(name): booked and capacity \(row)")
        }
    }

    @Test("a scenario without supply has no Supply sheet and no supply rows in the Summary")
    func noSupply() throws {
        let (problem, plan) = try FileFixtures.example("in-flight.json")
        let sheets = PlanSheets.make(CheckedPlan(plan, for: problem), problem: problem) + ScenarioSheets.make(problem.scenario).sheets
        #expect(!sheets.contains { ["Supply", "Roles", "Courses"].contains($0.name) })
        let summary = try #require(sheets.first { $0.name == "Summary" })
        #expect(!summary.rows.contains { $0.first == .text("hiring cost") })
    }
}

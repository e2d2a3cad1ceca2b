// Excel in and out: workbooks written by openpyxl import like the CSV files; ours read back in openpyxl and in our reader.
import CapacityPlanning
import Foundation
@testable import PortfolioFiles
import StrictJSON
import TestSupport
import Testing
import ZIPFoundation

@Suite("Excel workbooks")
struct WorkbookTests {
    /// Writes the workbook described by a JSON object `{sheet: [[cell, …], …]}` with openpyxl.
    /// Text that reads as a number becomes a number cell, `YYYY-MM-DD` a date cell.
    static let writer = """
        import json, re, sys, datetime, openpyxl
        spec = json.load(open(sys.argv[1]))
        wb = openpyxl.Workbook(); wb.remove(wb.active)
        def value(v):
            if not isinstance(v, str) or v.strip() == '': return v if v != '' else None
            if re.fullmatch(r'\\d{4}-\\d{2}-\\d{2}', v): return datetime.date.fromisoformat(v)
            for kind in (int, float):
                try: return kind(v)
                except ValueError: pass
            return v
        for name, rows in spec.items():
            ws = wb.create_sheet(name)
            for row in rows: ws.append([value(v) for v in row])
        wb.save(sys.argv[2])
        """

    static func openpyxlWorkbook(_ sheets: [(String, [[String]])], in folder: URL) throws -> Data {
        let spec = JSONValue.object(sheets.map { (key: $0.0, value: JSONValue.array($0.1.map { .array($0.map { .string($0) }) })) })
        let specURL = folder.appendingPathComponent("spec.json"), out = folder.appendingPathComponent("book.xlsx")
        try Data(spec.serialized()).write(to: specURL)
        let result = try PythonTools.run(writer, [specURL.path, out.path], directory: folder)
        try #require(result.status == 0, "openpyxl wrote the workbook: \(result)")
        return try Data(contentsOf: out)
    }

    static func csvRows(_ name: String) throws -> [[String]] {
        let url = SharedFiles.examples.appendingPathComponent("csv").appendingPathComponent(name)
        return try CSV.parse(try Data(contentsOf: url), file: name).map(\.fields)
    }

    static let csvSettings = ScenarioImporter.Settings(
        periods: 12, start: "2027-01-04", unit: .week,
        policy: { var p = Policy(); p.utilizationCap = 0.85; p.assignmentPenalty = 100; return p }())

    @Test("a workbook written by openpyxl imports into the same scenario as the equivalent CSV files",
          .enabled(if: PythonTools.openpyxlSkipReason == nil, "\(PythonTools.openpyxlSkipReason ?? "")"))
    func openpyxlWorkbookMatchesCSV() throws {
        let folder = try CommandRunner.temporaryDirectory(prefix: "xlsx")
        func source(_ name: String) throws -> ScenarioImporter.Source {
            .init(name: name, data: try Data(contentsOf: SharedFiles.examples.appendingPathComponent("csv/\(name)")))
        }
        let fromCSV = ScenarioImporter.run(people: try source("people.csv"), projects: try source("projects.csv"),
                                           demands: try source("demands.csv"), availability: try source("availability.csv"),
                                           pins: try source("pins.csv"), settings: Self.csvSettings)
        let expected = try #require(fromCSV.scenario, "\(fromCSV.errors)")

        let data = try Self.openpyxlWorkbook([
            ("People", try Self.csvRows("people.csv")), ("Projects", try Self.csvRows("projects.csv")),
            ("Demands", try Self.csvRows("demands.csv")), ("Availability", try Self.csvRows("availability.csv")),
            ("Pins", try Self.csvRows("pins.csv")),
            ("Settings", [["setting", "value"], ["periods", "12"], ["start", "2027-01-04"], ["unit", "week"],
                          ["utilization-cap", "0.85"], ["assignment-penalty", "100"]]),
        ], in: folder)
        let workbook = try Workbook(xlsx: data, file: "book.xlsx")
        let sheet = ScenarioImporter.settings(in: workbook)
        #expect(sheet.errors.isEmpty, "\(sheet.errors)")
        #expect(sheet.settings.start == "2027-01-04", "a date cell reads as an ISO date")
        let outcome = ScenarioImporter.run(workbook: workbook, file: "book.xlsx", settings: sheet.settings)
        #expect(outcome.errors.isEmpty, "\(outcome.errors)")
        let imported = try #require(outcome.scenario)
        #expect(imported == expected, "\(FileFixtures.differences(expected, imported))")
    }

    @Test("a broken cell is reported as Sheet!E7 with the reason; a missing sheet or column is named",
          .enabled(if: PythonTools.openpyxlSkipReason == nil, "\(PythonTools.openpyxlSkipReason ?? "")"))
    func brokenCells() throws {
        let folder = try CommandRunner.temporaryDirectory(prefix: "xlsx-broken")
        var demands = try Self.csvRows("demands.csv")
        demands[6][4] = "lots"  // row 7 of the sheet, column E (hours)
        var projects = try Self.csvRows("projects.csv")
        let duration = try #require(projects[0].firstIndex(of: "duration"))
        projects = projects.map { row in row.enumerated().filter { $0.offset != duration }.map(\.element) }
        let data = try Self.openpyxlWorkbook([
            ("People", try Self.csvRows("people.csv")), ("Projects", projects), ("Demands", demands),
            ("Notes", [["anything"]]),
        ], in: folder)
        let workbook = try Workbook(xlsx: data, file: "book.xlsx")
        let outcome = ScenarioImporter.run(workbook: workbook, file: "book.xlsx", settings: Self.csvSettings)
        #expect(outcome.scenario == nil)
        let messages = outcome.errors.map(\.description)
        #expect(messages.contains("Demands!E7: hours 'lots' is not a number (or numbers separated by ';')"), "\(messages)")
        #expect(messages.contains("Projects row 1: missing column 'duration'"), "\(messages)")
        #expect(outcome.warnings.map(\.description).contains("book.xlsx: sheet 'Notes' is not read (ignored)"))

        let noDemands = try Workbook(xlsx: try Self.openpyxlWorkbook([("People", try Self.csvRows("people.csv"))], in: folder),
                                     file: "book.xlsx")
        let missing = ScenarioImporter.run(workbook: noDemands, file: "book.xlsx", settings: Self.csvSettings)
        #expect(missing.errors.map(\.description) == ["book.xlsx: the workbook has no sheet 'Projects', 'Demands' (it has 'People')"])
    }

    @Test("a workbook we write is read back by openpyxl with the plan's hours, dates and utilisation",
          .enabled(if: PythonTools.openpyxlSkipReason == nil, "\(PythonTools.openpyxlSkipReason ?? "")"))
    func openpyxlReadsOurWorkbook() throws {
        let folder = try CommandRunner.temporaryDirectory(prefix: "xlsx-out")
        let (problem, plan) = try FileFixtures.example("small-team.json")
        let url = folder.appendingPathComponent("plan.xlsx")
        try WorkbookWriter.xlsx(PlanSheets.make(CheckedPlan(plan, for: problem), problem: problem) + ScenarioSheets.make(problem.scenario).sheets).write(to: url)
        let reader = """
            import json, sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            out = {'sheets': wb.sheetnames}
            for name in ('Schedule', 'Assignments', 'Utilisation', 'Summary'):
                out[name] = [[c.isoformat()[:10] if hasattr(c, 'isoformat') else c for c in row]
                             for row in wb[name].iter_rows(values_only=True)]
            print(json.dumps(out))
            """
        let result = try PythonTools.run(reader, [url.path], directory: folder)
        try #require(result.status == 0, "\(result)")
        let book = try JSONValue(parsing: result.stdout)
        #expect(book["sheets"] == .array(["Summary", "Schedule", "Assignments", "Utilisation", "People", "Projects",
                                          "Demands", "Availability", "Pins", "Settings"].map { .string($0) }))

        // Hours: every (person, project, demand) row's periods and total equal the plan's.
        let periods = problem.scenario.horizon.periods
        var expected: [String: [Double]] = [:]
        for a in plan.assignments { expected["\(a.person)/\(a.project)/\(a.demand)", default: Array(repeating: 0, count: periods)][a.period] += a.hours }
        guard case .array(let rows) = book["Assignments"] else { Issue.record("no Assignments sheet"); return }
        var seen: [String: [Double]] = [:]
        for row in rows.dropFirst() {
            guard case .array(let cells) = row, cells.count == periods + 4 else { Issue.record("row \(row)"); continue }
            let key = cells[0...2].map { $0.stringValue ?? "" }.joined(separator: "/")
            seen[key] = cells[3..<(3 + periods)].map { $0.numberValue ?? 0 }
            #expect(abs((cells[3 + periods].numberValue ?? -1) - (seen[key] ?? []).reduce(0, +)) < 1e-9)
        }
        #expect(seen.count == expected.count)
        for (key, hours) in expected {
            #expect(zip(hours, seen[key] ?? []).allSatisfy { abs($0 - $1) < 1e-9 } && seen[key]?.count == periods, "\(key)")
        }

        // Schedule: each selected project's start and finish dates from the horizon.
        let labels = PeriodLabels(problem.scenario.horizon)
        guard case .array(let schedule) = book["Schedule"] else { Issue.record("no Schedule sheet"); return }
        for (decision, row) in zip(plan.projects, schedule.dropFirst()) {
            guard case .array(let cells) = row else { continue }
            #expect(cells[0].stringValue == decision.id)
            #expect(cells[2].stringValue == (decision.selected ? "yes" : "no"))
            guard let start = decision.start, let project = problem.scenario.projects.first(where: { $0.id == decision.id }) else { continue }
            #expect(cells[5].stringValue == labels.firstDay(of: start).map(PeriodLabels.isoDate(dayNumber:)))
            #expect(cells[6].stringValue == labels.lastDay(of: start + project.duration - 1).map(PeriodLabels.isoDate(dayNumber:)))
        }
        // Utilisation: booked hours per person.
        guard case .array(let loads) = book["Utilisation"] else { Issue.record("no Utilisation sheet"); return }
        for (person, row) in zip(problem.scenario.people, loads.dropFirst()) {
            guard case .array(let cells) = row else { continue }
            let booked = plan.assignments.filter { $0.person == person.id }.reduce(0) { $0 + $1.hours }
            #expect(cells[0].stringValue == person.id)
            #expect(abs((cells[2 + periods].numberValue ?? -1) - booked) < 1e-9)
        }
    }

    @Test("a workbook we write imports back into the scenario it was written from", arguments: [1, 2, 3] as [UInt64])
    func roundTrip(seed: UInt64) throws {
        let (problem, plan) = try FileFixtures.generated(seed: seed)
        let data = try WorkbookWriter.xlsx(PlanSheets.make(CheckedPlan(plan, for: problem), problem: problem) + ScenarioSheets.make(problem.scenario).sheets)
        let workbook = try Workbook(xlsx: data, file: "plan.xlsx")
        let sheet = ScenarioImporter.settings(in: workbook)
        #expect(sheet.errors.isEmpty, "\(sheet.errors)")
        let outcome = ScenarioImporter.run(workbook: workbook, file: "plan.xlsx", settings: sheet.settings)
        #expect(outcome.errors.isEmpty, "\(outcome.errors)")
        let imported = try #require(outcome.scenario)
        #expect(FileFixtures.differences(problem.scenario, imported) == [])
        #expect(imported.pins == problem.scenario.pins && imported.horizon == problem.scenario.horizon)
        #expect(imported.systems == problem.scenario.systems && imported.strategy == problem.scenario.strategy)
    }

    @Test("files that are not workbooks give a clear error, never a crash")
    func badFiles() throws {
        #expect(throws: FileError(file: "x.xlsx", message: "is not an Excel workbook (.xlsx): it is not a zip archive")) {
            try Workbook(xlsx: Data("id,name\nana,Ana\n".utf8), file: "x.xlsx")
        }
        #expect(throws: FileError(file: "x.xlsx", message: "is an Excel 97–2003 workbook (.xls); save it as an Excel Workbook (.xlsx)")) {
            try Workbook(xlsx: Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 512)), file: "x.xlsx")
        }
        // A zip that is not a workbook (a Word document's part).
        let archive = try Archive(accessMode: .create)
        let part = Data("<w:document/>".utf8)
        try archive.addEntry(with: "word/document.xml", type: .file, uncompressedSize: Int64(part.count)) { position, size in
            part.subdata(in: Int(position)..<Int(position) + size)
        }
        #expect(throws: FileError(file: "doc.xlsx", message: "is a zip archive but not an Excel workbook: it has no xl/workbook.xml")) {
            try Workbook(xlsx: archive.data ?? Data(), file: "doc.xlsx")
        }
        let sheet = SheetOutput(name: "People", header: ["id"], rows: [[.text("ana")]])
        let valid = try WorkbookWriter.xlsx([sheet])
        let text = try Workbook(xlsx: valid, file: "ok.xlsx")
        #expect(text.sheets.map(\.name) == ["People"] && text.sheets[0].rows.map(\.fields) == [["id"], ["ana"]])
        let truncated = valid.prefix(valid.count / 2)
        #expect(throws: FileError.self) { try Workbook(xlsx: Data(truncated), file: "cut.xlsx") }
        let large = Data(count: 50 << 20)
        #expect(throws: FileError(file: "big.xlsx", message: "is 50.0 MiB; the largest file read is 32 MiB "
                                  + "(split the portfolio, or drop time-phased data it does not need)")) {
            try Workbook(xlsx: large, file: "big.xlsx")
        }
    }

    @Test("a workbook cut short or with damaged bytes is read or refused, never a crash")
    func damagedWorkbooks() throws {
        let (problem, plan) = try FileFixtures.generated(seed: 7)
        let data = try WorkbookWriter.xlsx(PlanSheets.make(CheckedPlan(plan, for: problem), problem: problem) + ScenarioSheets.make(problem.scenario).sheets)
        var random = SeededGenerator(seed: 11)
        var refused = 0
        for k in 0..<120 {
            var bytes = [UInt8](data)
            if k < 40 {
                bytes = Array(bytes.prefix(bytes.count * k / 40))
            } else {
                for _ in 0..<(1 + k % 8) { bytes[Int(random.next() % UInt64(bytes.count))] ^= UInt8(1 + random.next() % 255) }
            }
            do {
                let workbook = try Workbook(xlsx: Data(bytes), file: "d.xlsx")
                _ = ScenarioImporter.run(workbook: workbook, file: "d.xlsx", settings: ScenarioImporter.settings(in: workbook).settings)
            } catch {
                refused += 1
                #expect(!error.message.isEmpty)
            }
        }
        #expect(refused >= 40, "every cut file is refused")
    }

    @Test("cell references, column names and Excel's serial dates")
    func cells() {
        #expect(ImportIssue.columnName(0) == "A" && ImportIssue.columnName(25) == "Z" && ImportIssue.columnName(26) == "AA")
        #expect(ImportIssue.columnName(16_383) == "XFD")
        #expect(ImportIssue(file: "Demands", line: 7, column: 4, inSheet: true, message: "m").description == "Demands!E7: m")
        #expect(ImportIssue(file: "d.csv", line: 7, message: "m").description == "d.csv:7: m")
    }
}

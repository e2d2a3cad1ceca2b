// Files made to break the readers: bytes Foundation's XML parser traps on, zip directories that
// point outside the file, and parts that inflate past what their headers declare. Each is refused
// with a FileError that says why; before the checks, the first two killed the process (SIGILL).
import CapacityPlanning
import Foundation
@testable import PortfolioFiles
import TestSupport
import Testing
import ZIPFoundation

@Suite("Hostile files")
struct HostileFileTests {
    static let projectOpen = "<Project xmlns=\"http://schemas.microsoft.com/project\">"

    /// `text` with the bytes `raw` spliced in where `@` stands.
    static func bytes(_ text: String, raw: [UInt8]) -> Data {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        var data = Data(parts[0].utf8)
        for part in parts.dropFirst() { data.append(contentsOf: raw); data.append(contentsOf: Data(part.utf8)) }
        return data
    }

    @Test("a processing instruction, comment or element name that is not UTF-8 is refused, not a crash")
    func notUTF8() throws {
        // The file found by fuzzing: a processing instruction's target with the byte 0xC9.
        let found = Self.bytes("<?xml version=\"1.0\"?>\n<?p@ x?>\(Self.projectOpen)</Project>", raw: [0xC9])
        for data in [found,
                     Self.bytes("<?xml version=\"1.0\"?>\(Self.projectOpen)<!-- @ --></Project>", raw: [0xFF]),
                     Self.bytes("<?xml version=\"1.0\"?>\(Self.projectOpen)<Tasks@/></Project>", raw: [0xE9]),
                     Self.bytes("<?xml version=\"1.0\"?>\(Self.projectOpen)<Name>a@</Name></Project>", raw: [0xED, 0xA0, 0x80])] {
            #expect {
                try MSPDIDocument(data: data, file: "bad.xml")
            } throws: { error in
                (error as? FileError)?.message.contains("the XML is not UTF-8: byte") == true
            }
        }
        let firstBad = try #require(found.firstIndex(of: 0xC9))
        #expect(throws: XMLTreeError.self) { try XMLInputCheck.check(found) }
        do {
            try XMLInputCheck.check(found)
        } catch {
            #expect(error.message.contains("byte \(firstBad) (line 2)"), "\(error.message)")
        }
        // Well-formed UTF-8 in the same places is read.
        let accented = Self.bytes("<?xml version=\"1.0\"?>\n<?pé x?>\(Self.projectOpen)<!-- é --></Project>", raw: [])
        #expect(throws: Never.self) { try MSPDIDocument(data: accented, file: "ok.xml") }
    }

    @Test("a processing instruction without data is refused, not a crash in the parser (found by fuzzing)")
    func processingInstructionWithoutData() throws {
        let found = try Data(contentsOf: SharedFiles.repositoryRoot.appendingPathComponent(
            "Fuzz/seeds/projectxml/crash-65d6358a7a4f71d6c1aadebe9046c0bfb64eb931"))
        let small = Data("<?xml version=\"1.0\"?>\n\(Self.projectOpen)<?xm?><Name>a</Name></Project>".utf8)
        let blank = Data("<?xml version=\"1.0\"?>\n\(Self.projectOpen)<Name>a</Name><?xm \n ?></Project>".utf8)
        for data in [found, small, blank] {
            #expect {
                try MSPDIDocument(data: data, file: "pi.xml")
            } throws: { error in
                (error as? FileError)?.message.contains("a processing instruction without data (<?xm?>") == true
            }
        }
        let part = Data("<?xml version=\"1.0\"?>\n<workbook><?xm?></workbook>".utf8)
        #expect {
            try Workbook(xlsx: try Self.zip([("xl/workbook.xml", part)]), file: "pi.xlsx")
        } throws: { error in
            (error as? FileError)?.message.contains("without data") == true
        }
        // One with data is the parser's to read (and Project files carry none but the declaration).
        let withData = Data("<?xml version=\"1.0\"?>\n\(Self.projectOpen)<?xm a?><Name>a</Name></Project>".utf8)
        #expect(throws: Never.self) { try MSPDIDocument(data: withData, file: "ok.xml") }
    }

    @Test("an encoding other than UTF-8, or a DTD, is refused with the reason")
    func encodingsAndDTDs() {
        let latin = Data("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\(Self.projectOpen)</Project>".utf8)
        #expect {
            try MSPDIDocument(data: latin, file: "latin.xml")
        } throws: { error in
            (error as? FileError)?.message.contains("declares encoding \"ISO-8859-1\"; only UTF-8 is read") == true
        }
        let laughs = Data(("<?xml version=\"1.0\"?><!DOCTYPE Project [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
                           + "\(Self.projectOpen)<Name>&b;</Name></Project>").utf8)
        #expect {
            try MSPDIDocument(data: laughs, file: "dtd.xml")
        } throws: { error in
            (error as? FileError)?.message.contains("document type declaration") == true
        }
        let utf8 = Data("\u{FEFF}<?xml version='1.0' encoding='utf-8'?><!-- c -->\(Self.projectOpen)</Project>".utf8)
        #expect(throws: Never.self) { try MSPDIDocument(data: utf8, file: "ok.xml") }
    }

    // The limit is a hang guard, not a speed test: before the fix the import never ended, and after
    // it the test takes milliseconds; a minute was too tight when the parallel run's solver tests hold
    // both worker threads (CI, 2 cores), so this test's clock ran while it waited to start.
    @Test("time-phased work that claims to run for two thousand years is spread without visiting every day",
          .timeLimit(.minutes(10)))
    func centuriesOfWork() throws {
        // Found by fuzzing: each of the stretch's 530,000 working days was placed in its period by a
        // linear search, so the import never ended. The hours of the project's own days are the share.
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            \(Self.projectOpen)<StartDate>2027-03-01T08:00:00</StartDate>
            <Resources><Resource><UID>1</UID><Name>Ana</Name><Type>1</Type><Group>backend</Group></Resource></Resources>
            <Tasks><Task><UID>1</UID><Name>Portal</Name><OutlineLevel>1</OutlineLevel>
            <Start>2027-03-01T08:00:00</Start><Finish>2027-03-12T17:00:00</Finish></Task></Tasks>
            <Assignments><Assignment><UID>1</UID><TaskUID>1</TaskUID><ResourceUID>1</ResourceUID>
            <Start>2027-03-01T08:00:00</Start><Finish>2027-03-12T17:00:00</Finish><Work>PT80H0M0S</Work>
            <TimephasedData><Type>1</Type><UID>1</UID><Start>2027-03-01T08:00:00</Start>
            <Finish>4054-03-19T17:00:00</Finish><Unit>2</Unit><Value>PT1057860H0M0S</Value></TimephasedData>
            </Assignment></Assignments></Project>
            """
        let document = try MSPDIDocument(data: Data(xml.utf8), file: "long.xml")
        let outcome = MSPDIImporter.run(document, file: "long.xml", settings: .init())
        let scenario = try #require(outcome.scenario, "\(outcome.errors)")
        let demand = try #require(scenario.projects.first?.demands.first)
        // The work is shared evenly by the stretch's working days; each of the project's two weeks has five.
        let stretch = try #require(MSPDICalendar.day(of: "2027-03-01")) ... (try #require(MSPDICalendar.day(of: "4054-03-19")))
        let perDay = 1_057_860 / Double(MSPDICalendar.workingDays(in: stretch))
        #expect(perDay > 1 && perDay < 3)
        #expect(demand.hours.expanded(to: 2).allSatisfy { abs($0 - 5 * perDay) < 1e-3 }, "\(demand.hours)")
    }

    /// A zip of the parts given, stored or deflated, written by ZIPFoundation.
    static func zip(_ parts: [(String, Data)], compression: CompressionMethod = .deflate) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (path, part) in parts {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(part.count), compressionMethod: compression) { position, size in
                part.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return try #require(archive.data)
    }

    /// Little-endian fields of a zip, for damaging it on purpose.
    struct ZipBytes {
        var bytes: [UInt8]
        var data: Data { Data(bytes) }
        var endRecord: Int { (0...(bytes.count - 22)).reversed().first { u32($0) == 0x0605_4B50 } ?? 0 }
        var directory: Int { Int(u32(endRecord + 16)) }

        func u32(_ at: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(bytes[at + $1]) << (8 * $1) } }
        mutating func set(_ at: Int, _ value: UInt32) { for k in 0..<4 { bytes[at + k] = UInt8(truncatingIfNeeded: value >> (8 * k)) } }
    }

    @Test("the same processing instruction inside a workbook part is refused, not a crash")
    func notUTF8InWorkbook() throws {
        let part = Self.bytes("<?xml version=\"1.0\"?>\n<?p@ x?><workbook/>", raw: [0xC9])
        let data = try Self.zip([("xl/workbook.xml", part)])
        #expect {
            try Workbook(xlsx: data, file: "pi.xlsx")
        } throws: { error in
            (error as? FileError)?.message.contains("the XML is not UTF-8") == true
        }
    }

    @Test("a zip directory that points outside the file is refused, not a crash in the unzipper")
    func directoryOutsideTheFile() throws {
        let sheet = SheetOutput(name: "People", header: ["id"], rows: [[.text("ana")]])
        let valid = ZipBytes(bytes: [UInt8](try WorkbookWriter.xlsx([sheet])))
        #expect(throws: Never.self) { try ZipLayout.check(valid.data) }
        let size = UInt32(valid.bytes.count)
        var cases: [(String, ZipBytes)] = []
        for (name, offset, value) in [("local header past the end", valid.directory + 42, size + 5_000),
                                      ("local header at the end", valid.directory + 42, size),
                                      ("compressed size past the end", valid.directory + 20, size),
                                      ("ZIP64 sentinel", valid.directory + 24, 0xFFFF_FFFF),
                                      ("directory past the end", valid.endRecord + 16, size + 100),
                                      ("directory larger than the file", valid.endRecord + 12, size)] {
            var damaged = valid
            damaged.set(offset, value)
            cases.append((name, damaged))
        }
        for (name, damaged) in cases {
            #expect(throws: ZipLayoutError.self, "\(name)") { try ZipLayout.check(damaged.data) }
            #expect {
                try Workbook(xlsx: damaged.data, file: "d.xlsx")
            } throws: { error in
                (error as? FileError)?.message.hasPrefix("is not a readable zip archive (damaged or truncated?)") == true
            }
        }
    }

    @Test("a part that inflates past the size its header declares stops there")
    func lyingSizes() throws {
        // 8 MiB of spaces deflate to a few KiB; the headers are then made to say 100 bytes.
        let big = Data("<workbook>".utf8) + Data(repeating: 0x20, count: 8 << 20) + Data("</workbook>".utf8)
        var zip = ZipBytes(bytes: [UInt8](try Self.zip([("xl/workbook.xml", big)])))
        #expect(zip.bytes.count < 100_000)
        zip.set(zip.directory + 24, 100)
        zip.set(22, 100)
        #expect {
            try Workbook(xlsx: zip.data, file: "lying.xlsx")
        } throws: { error in
            (error as? FileError)?.message == "xl/workbook.xml unzips to more than the 100 bytes its header declares (the file is damaged)"
        }
    }

    /// A workbook of one sheet, People, whose worksheet part is `sheet`.
    static func workbook(sheet: Data) throws -> Data {
        let workbook = Data(("<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                             + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                             + "<sheets><sheet name=\"People\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>").utf8)
        let rels = Data(("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                         + "<Relationship Id=\"rId1\" Type=\"worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>").utf8)
        return try zip([("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", rels), ("xl/worksheets/sheet1.xml", sheet)])
    }

    /// A worksheet part: `rows` rows of `cells` (XML of each row's cells).
    static func sheet(rows: Int, cells: String) -> Data {
        var text = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
        text.reserveCapacity(rows * (cells.utf8.count + 20))
        for r in 1...rows { text += "<row r=\"\(r)\">\(cells)</row>" }
        return Data((text + "</sheetData></worksheet>").utf8)
    }

    /// Hostile files, each with what its refusal says (made once: deflating them takes a while).
    static func hostileFiles() throws -> [(name: String, data: Data, says: String)] { try made.get() }

    private static let made = Result { try makeHostileFiles() }

    private static func makeHostileFiles() throws -> [(name: String, data: Data, says: String)] {
        // A million empty cells: 100,000 rows of ten.
        let emptyCells = try workbook(sheet: sheet(rows: 100_000, cells: String(repeating: "<c/>", count: 10)))
        // Rows whose only value is in column XFD: each row spans 16,384 cells.
        let farCells = try workbook(sheet: sheet(rows: 200, cells: "<c r=\"XFD1\" t=\"inlineStr\"><is><t>x</t></is></c>"))
        // Deep XML: 10,000 nested elements in a Project file and in a workbook part.
        let deep = String(repeating: "<a>", count: 10_000) + String(repeating: "</a>", count: 10_000)
        let deepProject = Data("<?xml version=\"1.0\"?>\(projectOpen)\(deep)</Project>".utf8)
        let deepSheet = try workbook(sheet: Data("<worksheet>\(deep)</worksheet>".utf8))
        // One element with 8 MiB of text.
        let longText = Data("\(projectOpen)<Name>\(String(repeating: "x", count: 8 << 20))</Name></Project>".utf8)
        // A Project file of 600,000 elements (a lying Project file: tasks with nothing in them).
        let manyTasks = Data("\(projectOpen)<Tasks>\(String(repeating: "<Task/>", count: 600_000))</Tasks></Project>".utf8)
        // A zip whose part is 30 MiB of one cell's text, declared as 31 MiB: within the part limit, past the text limit.
        let bigText = Data("<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>".utf8) + Data(repeating: 0x78, count: 30 << 20)
            + Data("</t></is></c></row></sheetData></worksheet>".utf8)
        let bigCell = try workbook(sheet: bigText)
        // Parts that together unzip past the total: five sheets the import reads, 15 MiB of spaces each, each under the part limit.
        let spaces = Data("<worksheet><sheetData/>".utf8) + Data(repeating: 0x20, count: 15 << 20) + Data("</worksheet>".utf8)
        let manyParts = try zip([("xl/workbook.xml", Data(("<workbook><sheets>"
            + Swift.zip(1...5, ["People", "Projects", "Demands", "Availability", "Pins"]).map {
                "<sheet name=\"\($1)\" sheetId=\"\($0)\" r:id=\"rId\($0)\" xmlns:r=\"r\"/>" }.joined()
            + "</sheets></workbook>").utf8)),
            ("xl/_rels/workbook.xml.rels", Data(("<Relationships>" + (1...5).map {
                "<Relationship Id=\"rId\($0)\" Target=\"worksheets/s\($0).xml\"/>" }.joined() + "</Relationships>").utf8))]
            + (1...5).map { ("xl/worksheets/s\($0).xml", spaces) })
        // The lying zip of issue 37: a part that deflates 48 MiB of spaces (the issue's had 300), its headers saying 100 bytes.
        let bomb = Data("<workbook>".utf8) + Data(repeating: 0x20, count: 48 << 20) + Data("</workbook>".utf8)
        var lying = ZipBytes(bytes: [UInt8](try zip([("xl/workbook.xml", bomb)])))
        lying.set(lying.directory + 24, 100)
        lying.set(22, 100)
        return [("empty-cells.xlsx", emptyCells, "more than 500000 elements"),
                ("far-cells.xlsx", farCells, "spans more than 2000000 cells"),
                ("deep.xml", deepProject, "nests elements more than 100 deep"),
                ("deep.xlsx", deepSheet, "nests elements more than 100 deep"),
                ("long-text.xml", longText, "<Name> holds more than 1 MiB of text"),
                ("many-tasks.xml", manyTasks, "more than 500000 elements"),
                ("big-cell.xlsx", bigCell, "holds more than 1 MiB of text"),
                ("many-parts.xlsx", manyParts, "unzip to more than 64 MiB together"),
                ("lying.xlsx", lying.data, "unzips to more than the 100 bytes its header declares")]
    }

    @Test("what is parsed and inflated is limited, whatever a header says: elements, depth, text, cells, bytes per part and in all")
    func limits() throws {
        for file in try Self.hostileFiles() {
            #expect {
                if file.name.hasSuffix(".xml") {
                    _ = try MSPDIDocument(data: file.data, file: file.name)
                } else {
                    _ = try Workbook(xlsx: file.data, file: file.name)
                }
            } throws: { error in
                let message = (error as? FileError)?.message ?? "\(error)"
                return message.contains(file.says) || { Issue.record("\(file.name): \(message)"); return false }()
            }
        }
        // Within the limits, a real file reads: the bundled workbook and Project file.
        #expect(throws: Never.self) { _ = try Workbook(xlsx: try Data(contentsOf: SharedFiles.examples.appendingPathComponent("portfolio.xlsx")), file: "p.xlsx") }
        #expect(throws: Never.self) {
            _ = try MSPDIDocument(data: try Data(contentsOf: SharedFiles.examples.appendingPathComponent("portfolio-plan.xml")), file: "p.xml")
        }
    }

    @Test("capacity-planner import refuses each hostile file with exit 1 and the reason, in less than 200 MB",
          .enabled(if: PythonTools.python != nil && CommandRunner.executable(named: "capacity-planner", environmentVariable: "CAPACITY_PLANNER_BIN") != nil))
    func importInLittleMemory() throws {
        let tool = try #require(CommandRunner.executable(named: "capacity-planner", environmentVariable: "CAPACITY_PLANNER_BIN"))
        let folder = try CommandRunner.temporaryDirectory(prefix: "hostile")
        // The 90-byte Project file of issue 37, and the same processing instruction in a workbook part.
        let pi = Self.bytes("<?xml version=\"1.0\"?>\n<?p@ x?>\(Self.projectOpen)</Project>", raw: [0xC9])
        let piWorkbook = try Self.zip([("xl/workbook.xml", Self.bytes("<?xml version=\"1.0\"?>\n<?p@ x?><workbook/>", raw: [0xC9]))])
        let files = try Self.hostileFiles() + [("pi.xml", pi, "the XML is not UTF-8"), ("pi.xlsx", piWorkbook, "the XML is not UTF-8")]
        // Peak memory of the child alone: Python waits for it and reads its rusage.
        let measure = """
            import resource, subprocess, sys
            r = subprocess.run(sys.argv[1:], capture_output=True)
            print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
            sys.stdout.write(r.stderr.decode(errors="replace"))
            """
        for file in files {
            let path = folder.appendingPathComponent(file.name)
            try file.data.write(to: path)
            let option = file.name.hasSuffix(".xml") ? "--mspdi" : "--xlsx"
            let result = try PythonTools.run(measure, [tool.path, "import", option, path.path, "-o", folder.appendingPathComponent("out.json").path],
                                             directory: folder)
            let lines = result.output.split(separator: "\n", maxSplits: 1)
            let head = (lines.first ?? "").split(separator: " ")
            #expect(head.first == "1", "\(file.name): exit \(head.first ?? "?"): \(result.output)")
            let kilobytes = Int(head.last ?? "") ?? .max
            #expect(kilobytes < 200 * 1024, "\(file.name): \(kilobytes / 1024) MB")
            #expect(result.output.contains(file.says), "\(file.name): \(result.output)")
        }
    }
}

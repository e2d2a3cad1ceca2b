// Files made to break the readers: bytes Foundation's XML parser traps on, zip directories that
// point outside the file, and parts that inflate past what their headers declare. Each is refused
// with a FileError that says why; before the checks, the first two killed the process (SIGILL).
import CapacityPlanning
import Foundation
@testable import PortfolioFiles
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
}

// Reads an .xlsx file (a zip of SpreadsheetML parts) into sheets of text cells: ZIPFoundation unzips, XMLTreeDecoder decodes.
import CapacityPlanning
public import Foundation
import ZIPFoundation

extension Workbook {
    /// The most one part may unzip to (32 MiB, the largest file read), against zip bombs.
    static let maxPartBytes = 32 << 20
    /// The most the parts read may unzip to together (64 MiB).
    static let maxInflatedBytes = 64 << 20

    /// Reads the workbook in `data`; `file` names it in errors. Only the sheets whose names
    /// `reading` accepts are decoded; the others are listed with no rows (a plan's Assignments
    /// sheet is most of a large workbook, and the import does not need it).
    ///
    /// Throws `FileError` when the file is larger than `FileError.maxFileBytes`, is not a zip, is
    /// a zip whose directory points outside the file (`ZipLayout`) or whose part inflates past the
    /// size its header declares, is a zip without a workbook (e.g. a .docx or an .xls saved with another extension),
    /// or has a part that is not well-formed XML.
    public init(xlsx data: Data, file: String, reading: (String) -> Bool = { _ in true }) throws(FileError) {
        try FileError.checkSize(data, file: file)
        if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw FileError(file: file, message: "is an Excel 97–2003 workbook (.xls); save it as an Excel Workbook (.xlsx)")
        }
        guard data.starts(with: [0x50, 0x4B]) else {
            throw FileError(file: file, message: "is not an Excel workbook (.xlsx): it is not a zip archive")
        }
        do {
            try ZipLayout.check(data)
        } catch {
            throw FileError(file: file, message: "is not a readable zip archive (damaged or truncated?): \(error.reason)")
        }
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw FileError(file: file, message: "is not an Excel workbook (.xlsx): it is not a zip archive")
        }
        let parts = WorkbookParts(archive: archive, file: file)
        guard parts.has("xl/workbook.xml") else {
            throw FileError(file: file, message: "is a zip archive but not an Excel workbook: it has no xl/workbook.xml")
        }
        let workbook: WorkbookXML = try parts.decode("xl/workbook.xml")
        let relationships: RelationshipsXML? = parts.has("xl/_rels/workbook.xml.rels")
            ? try parts.decode("xl/_rels/workbook.xml.rels") : nil
        let strings: SharedStringsXML? = parts.has("xl/sharedStrings.xml") ? try parts.decode("xl/sharedStrings.xml") : nil
        let styles: StylesXML? = parts.has("xl/styles.xml") ? try parts.decode("xl/styles.xml") : nil
        let reader = CellReader(
            sharedStrings: (strings?.si ?? []).map(\.text),
            dateStyles: Self.dateStyles(styles),
            date1904: ["1", "true"].contains(workbook.workbookPr?.date1904?.lowercased() ?? ""))

        var sheets: [Sheet] = []
        for entry in workbook.sheets.sheet ?? [] {
            guard reading(entry.name) else {
                sheets.append(Sheet(name: entry.name, rows: []))
                continue
            }
            guard let target = relationships?.Relationship?.first(where: { $0.Id == entry.id })?.Target else {
                throw FileError(file: file, message: "sheet '\(entry.name)' has no part in xl/_rels/workbook.xml.rels")
            }
            let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            let worksheet: WorksheetXML = try parts.decode(path)
            sheets.append(Sheet(name: entry.name, rows: try reader.rows(of: worksheet, sheet: entry.name, file: file)))
        }
        self.init(sheets: sheets)
    }

    /// The indices in `cellXfs` whose number format shows a date.
    private static func dateStyles(_ styles: StylesXML?) -> Set<Int> {
        guard let styles else { return [] }
        var custom: [Int: String] = [:]
        for format in styles.numFmts?.numFmt ?? [] { custom[format.numFmtId] = format.formatCode }
        var dates = Set<Int>()
        for (index, xf) in (styles.cellXfs?.xf ?? []).enumerated() {
            guard let id = xf.numFmtId else { continue }
            if (14...22).contains(id) || (45...47).contains(id) || custom[id].map(isDateFormat) == true {
                dates.insert(index)
            }
        }
        return dates
    }

    /// Whether a custom number format shows a date: it has d, m or y outside quotes and brackets.
    private static func isDateFormat(_ code: String) -> Bool {
        var inQuotes = false, inBrackets = false
        for c in code.lowercased() {
            switch c {
            case "\"": inQuotes.toggle()
            case "[": inBrackets = true
            case "]": inBrackets = false
            case "d", "m", "y" where !inQuotes && !inBrackets: return true
            default: break
            }
        }
        return false
    }
}

/// The parts of a zip archive, read and decoded with limits on what they unzip to: what is
/// really inflated is counted, per part and over all parts read, whatever the headers declare.
private final class WorkbookParts {
    let archive: Archive
    let file: String
    /// Bytes inflated so far, over every part read.
    private var inflated = 0

    init(archive: Archive, file: String) {
        self.archive = archive
        self.file = file
    }

    func has(_ path: String) -> Bool { archive[path] != nil }

    func decode<T: Decodable>(_ path: String) throws(FileError) -> T {
        guard let entry = archive[path] else {
            throw FileError(file: file, message: "the workbook has no part \(path)")
        }
        let partLimit = Workbook.maxPartBytes, totalLimit = Workbook.maxInflatedBytes
        guard entry.uncompressedSize <= UInt64(partLimit) else {
            throw FileError(file: file, message: "\(path) unzips to more than \(partLimit >> 20) MiB")
        }
        // The header's size is checked above; the bytes really inflated are counted here, so a
        // header that lies stops the inflation at the declared size, and the parts together at the total.
        let declared = Int(entry.uncompressedSize)
        var data = Data()
        var failure: UnzipLimit?
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                if data.count + chunk.count > declared { failure = .declared; throw UnzipLimit.declared }
                if self.inflated + chunk.count > totalLimit { failure = .total; throw UnzipLimit.total }
                self.inflated += chunk.count
                data.append(chunk)
            }
        } catch {
            switch failure {
            case .declared?:
                throw FileError(file: file, message: "\(path) unzips to more than the \(declared) bytes its header declares (the file is damaged)")
            case .total?:
                throw FileError(file: file, message: "the workbook's parts unzip to more than \(totalLimit >> 20) MiB together")
            case nil:
                throw FileError(file: file, message: "\(path) cannot be unzipped (the file is damaged or truncated)")
            }
        }
        do {
            return try XMLTreeDecoder.decode(T.self, from: data)
        } catch {
            throw FileError(file: file, message: "\(path) is not a SpreadsheetML part this reader understands: \(error)")
        }
    }
}

/// Thrown by the unzip consumer when a part inflates past the size its header declares, or the
/// parts together past `Workbook.maxInflatedBytes`.
private enum UnzipLimit: Error { case declared, total }

/// Turns cells into text: shared strings looked up, dates as ISO dates, booleans as words.
private struct CellReader {
    let sharedStrings: [String]
    let dateStyles: Set<Int>
    let date1904: Bool

    /// The most cells a sheet's rows may span, the blanks before each row's last value counted
    /// (a value in column XFD makes a row of 16,384): 2,000,000, about 32 MB of empty cells.
    static let maxCells = 2_000_000

    func rows(of sheet: WorksheetXML, sheet name: String, file: String) throws(FileError) -> [TableRow] {
        var rows: [TableRow] = []
        var cells = 0
        var nextRow = 1
        for row in sheet.sheetData?.row ?? [] {
            let number = row.r ?? nextRow
            nextRow = number + 1
            var fields: [String] = []
            for cell in row.c ?? [] {
                let column = cell.r.flatMap(Self.column(of:)) ?? fields.count
                guard column < 16_384 else {
                    throw FileError(file: file, message: "\(name)!\(cell.r ?? "?") is beyond column XFD")
                }
                let text = try value(of: cell, at: "\(name)!\(cell.r ?? "row \(number)")", file: file)
                if text.isEmpty { continue }
                if fields.count <= column {
                    cells += column + 1 - fields.count
                    guard cells <= Self.maxCells else {
                        throw FileError(file: file, message: "sheet '\(name)' spans more than \(Self.maxCells) cells "
                                        + "(at \(cell.r ?? "row \(number)")); a portfolio's sheet has a few columns")
                    }
                    fields += Array(repeating: "", count: column + 1 - fields.count)
                }
                fields[column] = text
            }
            if fields.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                rows.append(TableRow(line: number, fields: fields))
            }
        }
        return rows
    }

    private func value(of cell: WorksheetXML.Cell, at place: String, file: String) throws(FileError) -> String {
        let raw = cell.v?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        switch cell.t ?? "n" {
        case "s":
            guard let index = Int(raw), sharedStrings.indices.contains(index) else {
                throw FileError(file: file, message: "\(place) names shared string '\(raw)', which the workbook does not have")
            }
            return sharedStrings[index]
        case "inlineStr": return cell.is?.text ?? ""
        case "b": return raw == "1" ? "true" : raw == "0" ? "false" : raw
        case "d": return String(raw.prefix(10))
        case "str", "e": return raw
        default:
            guard let number = Double(raw), number.isFinite else { return raw }
            if let style = cell.s, dateStyles.contains(style), let date = isoDate(serial: number) { return date }
            if number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
            return raw
        }
    }

    /// The ISO date of an Excel serial day number (the time of day is dropped).
    private func isoDate(serial: Double) -> String? {
        guard serial >= 0, serial < 3_000_000 else { return nil }
        let days = Int(serial.rounded(.down))
        // 1900 system: day 1 is 1900-01-01 and Excel counts a 29 February 1900 that never was.
        let base = date1904 ? PeriodLabels.dayNumber(year: 1904, month: 1, day: 1)
                            : PeriodLabels.dayNumber(year: 1899, month: 12, day: days >= 60 ? 30 : 31)
        return PeriodLabels.isoDate(dayNumber: base + days)
    }

    /// The 0-based column of a reference such as `C12`.
    static func column(of reference: String) -> Int? {
        var column = 0, letters = 0
        for scalar in reference.unicodeScalars {
            guard ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar) else { break }
            let upper = scalar.value >= 97 ? scalar.value - 32 : scalar.value
            column = column * 26 + Int(upper) - 64
            letters += 1
            if letters > 3 { return nil }
        }
        return letters == 0 ? nil : column - 1
    }
}

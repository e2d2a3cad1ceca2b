// Writes sheets of typed cells as an .xlsx file that Excel, LibreOffice and openpyxl open (XMLCoder, ZIPFoundation).
public import Foundation
import CapacityPlanning
import XMLCoder
import ZIPFoundation

/// A sheet to write: a header row, then rows of typed cells.
public struct SheetOutput: Sendable {
    /// One cell's value and how it is shown.
    public enum Cell: Sendable, Equatable {
        /// No value.
        case empty
        /// Text.
        case text(String)
        /// A number shown as it is.
        case number(Double)
        /// Hours or money, shown with two decimals when not whole (`#,##0.##`).
        case amount(Double)
        /// A share shown as a percentage (`0.0%`).
        case percent(Double)
        /// A calendar date, stored as Excel's serial day and shown as `yyyy-mm-dd`.
        case date(year: Int, month: Int, day: Int)
    }

    /// The sheet's name (at most 31 characters, none of `[]:*?/\`).
    public var name: String
    /// The column titles (the first row, bold, frozen).
    public var header: [String]
    /// The rows below the header.
    public var rows: [[Cell]]
    /// Column widths in characters; a missing width is fitted to the header.
    public var widths: [Int]

    /// A sheet `name` with a `header` row and `rows`.
    public init(name: String, header: [String], rows: [[Cell]], widths: [Int] = []) {
        self.name = name
        self.header = header
        self.rows = rows
        self.widths = widths
    }
}

/// Writes workbooks.
public enum WorkbookWriter {
    /// The .xlsx file holding `sheets` in order.
    ///
    /// The file is the same for the same sheets: every part has a fixed date, so a committed
    /// example changes only when its content does.
    public static func xlsx(_ sheets: [SheetOutput]) throws -> Data {
        var parts: [(path: String, data: Data)] = []
        let overrides = [ContentTypes.Override(PartName: "/xl/workbook.xml", ContentType: ContentTypes.workbook),
                         ContentTypes.Override(PartName: "/xl/styles.xml", ContentType: ContentTypes.styles)]
            + sheets.indices.map {
                ContentTypes.Override(PartName: "/xl/worksheets/sheet\($0 + 1).xml", ContentType: ContentTypes.worksheet)
            }
        parts.append(("[Content_Types].xml", try encode(
            ContentTypes(Default: [.init(Extension: "rels", ContentType: ContentTypes.relationships),
                                   .init(Extension: "xml", ContentType: "application/xml")],
                         Override: overrides),
            root: "Types", namespace: "http://schemas.openxmlformats.org/package/2006/content-types")))
        parts.append(("_rels/.rels", try encode(
            Relationships(Relationship: [.init(Id: "rId1", Type: Relationships.officeDocument, Target: "xl/workbook.xml")]),
            root: "Relationships", namespace: Relationships.namespace)))
        parts.append(("xl/workbook.xml", try encode(
            WorkbookOut(sheets: .init(sheet: sheets.enumerated().map { k, sheet in
                .init(name: sheet.name, sheetId: k + 1, rid: "rId\(k + 1)")
            })),
            root: "workbook", namespace: SpreadsheetML.namespace,
            extra: ["xmlns:r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"])))
        parts.append(("xl/_rels/workbook.xml.rels", try encode(
            Relationships(Relationship: sheets.indices.map {
                .init(Id: "rId\($0 + 1)", Type: Relationships.worksheet, Target: "worksheets/sheet\($0 + 1).xml")
            } + [.init(Id: "rId\(sheets.count + 1)", Type: Relationships.styles, Target: "styles.xml")]),
            root: "Relationships", namespace: Relationships.namespace)))
        parts.append(("xl/styles.xml", Data(SpreadsheetML.styles.utf8)))
        for (k, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(k + 1).xml",
                          try encode(WorksheetOut(sheet), root: "worksheet", namespace: SpreadsheetML.namespace)))
        }

        let archive = try Archive(accessMode: .create)
        let date = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01, for byte-stable files
        for part in parts {
            let data = part.data
            try archive.addEntry(with: part.path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data ?? Data()
    }

    private static func encode<T: Encodable>(_ value: T, root: String, namespace: String,
                                             extra: [String: String] = [:]) throws -> Data {
        let encoder = XMLEncoder()
        var attributes = extra
        attributes["xmlns"] = namespace
        return try encoder.encode(value, withRootKey: root, rootAttributes: attributes,
                                  header: XMLHeader(version: 1.0, encoding: "UTF-8", standalone: "yes"))
    }
}

/// SpreadsheetML's namespace and the fixed style sheet.
enum SpreadsheetML {
    static let namespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

    /// Cell formats by index (`s`): 0 plain, 1 bold (headers), 2 date, 3 amount, 4 percentage.
    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/><numFmt numFmtId="165" formatCode="#,##0.##"/>\
        <numFmt numFmtId="166" formatCode="0.0%"/></numFmts>\
        <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
        <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
        <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
        """
}

/// `[Content_Types].xml`.
private struct ContentTypes: Encodable {
    struct Default: Encodable, DynamicNodeEncoding {
        let Extension: String
        let ContentType: String
        static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding { .attribute }
    }
    struct Override: Encodable, DynamicNodeEncoding {
        let PartName: String
        let ContentType: String
        static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding { .attribute }
    }
    let Default: [Default]
    let Override: [Override]

    static let relationships = "application/vnd.openxmlformats-package.relationships+xml"
    static let workbook = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
    static let worksheet = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
    static let styles = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"
}

/// A relationships part.
private struct Relationships: Encodable {
    struct Relationship: Encodable, DynamicNodeEncoding {
        let Id: String
        let `Type`: String
        let Target: String
        static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding { .attribute }
    }
    let Relationship: [Relationship]

    static let namespace = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let officeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
    static let worksheet = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
    static let styles = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
}

/// `xl/workbook.xml`.
private struct WorkbookOut: Encodable {
    struct Sheets: Encodable { let sheet: [Sheet] }
    struct Sheet: Encodable, DynamicNodeEncoding {
        let name: String
        let sheetId: Int
        let rid: String
        enum CodingKeys: String, CodingKey {
            case name, sheetId
            case rid = "r:id"
        }
        static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding { .attribute }
    }
    let sheets: Sheets
}

/// A worksheet: frozen header, column widths, cells.
private struct WorksheetOut: Encodable {
    struct SheetViews: Encodable { let sheetView: SheetView }
    struct SheetView: Encodable, DynamicNodeEncoding {
        let workbookViewId = 0
        let pane = Pane()
        static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding {
            key.stringValue == "pane" ? .element : .attribute
        }
    }
    struct Pane: Encodable, DynamicNodeEncoding {
        let ySplit = 1
        let topLeftCell = "A2"
        let activePane = "bottomLeft"
        let state = "frozen"
        static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding { .attribute }
    }
    struct Columns: Encodable { let col: [Column] }
    struct Column: Encodable, DynamicNodeEncoding {
        let min: Int
        let max: Int
        let width: Int
        let customWidth = 1
        static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding { .attribute }
    }
    struct SheetData: Encodable { let row: [Row] }
    struct Row: Encodable, DynamicNodeEncoding {
        let r: Int
        let c: [Cell]
        static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding {
            key.stringValue == "r" ? .attribute : .element
        }
    }
    struct Cell: Encodable, DynamicNodeEncoding {
        let r: String
        let s: Int?
        let t: String?
        let v: String?
        let `is`: Inline?
        static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding {
            ["r", "s", "t"].contains(key.stringValue) ? .attribute : .element
        }
    }
    struct Inline: Encodable { let t: String }

    let sheetViews = SheetViews(sheetView: SheetView())
    let cols: Columns
    let sheetData: SheetData

    init(_ sheet: SheetOutput) {
        let count = max(sheet.header.count, sheet.rows.map(\.count).max() ?? 0)
        cols = Columns(col: (0..<max(count, 1)).map { k in
            let fitted = k < sheet.header.count ? sheet.header[k].count + 2 : 10
            let width = k < sheet.widths.count ? sheet.widths[k] : fitted
            return Column(min: k + 1, max: k + 1, width: Swift.max(8, Swift.min(width, 60)))
        })
        var rows = [Row(r: 1, c: sheet.header.enumerated().map { k, title in
            Cell(r: ImportIssue.columnName(k) + "1", s: 1, t: "inlineStr", v: nil, is: Inline(t: title))
        })]
        for (i, values) in sheet.rows.enumerated() {
            let r = i + 2
            rows.append(Row(r: r, c: values.enumerated().compactMap { k, value in
                Self.cell(value, reference: ImportIssue.columnName(k) + "\(r)")
            }))
        }
        sheetData = SheetData(row: rows)
    }

    static func cell(_ value: SheetOutput.Cell, reference: String) -> Cell? {
        switch value {
        case .empty: return nil
        case .text(let text): return Cell(r: reference, s: nil, t: "inlineStr", v: nil, is: Inline(t: text))
        case .number(let x): return x.isFinite ? Cell(r: reference, s: nil, t: nil, v: number(x), is: nil) : nil
        case .amount(let x): return x.isFinite ? Cell(r: reference, s: 3, t: nil, v: number(x), is: nil) : nil
        case .percent(let x): return x.isFinite ? Cell(r: reference, s: 4, t: nil, v: number(x), is: nil) : nil
        case .date(let y, let m, let d):
            let serial = PeriodLabels.dayNumber(year: y, month: m, day: d) - PeriodLabels.dayNumber(year: 1899, month: 12, day: 30)
            return Cell(r: reference, s: 2, t: nil, v: String(serial), is: nil)
        }
    }

    /// A number as Excel writes it: whole numbers without a point, others in full precision.
    static func number(_ x: Double) -> String { SheetText.number(x) }
}

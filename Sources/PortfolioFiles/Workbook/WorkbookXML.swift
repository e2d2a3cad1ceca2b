// The parts of an Office Open XML workbook (ECMA-376, SpreadsheetML) that the reader decodes.

/// `xl/workbook.xml`: the sheets in order and the date system.
struct WorkbookXML: Decodable {
    struct Properties: Decodable {
        /// `1` or `true` when serial dates count from 1904-01-01.
        let date1904: String?
    }
    struct Sheets: Decodable {
        let sheet: [SheetEntry]?
    }
    struct SheetEntry: Decodable {
        let name: String
        /// `r:id`: the relationship that names the sheet's part (whatever the prefix).
        let id: String

        private struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            name = try container.decode(String.self, forKey: Key(stringValue: "name"))
            guard let key = container.allKeys.first(where: { $0.stringValue == "id" || $0.stringValue.hasSuffix(":id") }) else {
                throw DecodingError.keyNotFound(Key(stringValue: "r:id"), .init(codingPath: decoder.codingPath,
                                                                                debugDescription: "a sheet without r:id"))
            }
            id = try container.decode(String.self, forKey: key)
        }
    }
    let workbookPr: Properties?
    let sheets: Sheets
}

/// `xl/_rels/workbook.xml.rels`: relationship id → part.
struct RelationshipsXML: Decodable {
    struct Relationship: Decodable {
        let Id: String
        let Target: String
    }
    let Relationship: [Relationship]?
}

/// A run of text (`<t>`), which may carry `xml:space` and may be empty.
struct TextXML: Decodable {
    let value: String?
    enum CodingKeys: String, CodingKey { case value = "" }
}

/// A rich or plain string: `<t>` or runs `<r><t>…</t></r>`.
struct RichTextXML: Decodable {
    struct Run: Decodable { let t: TextXML? }
    let t: TextXML?
    let r: [Run]?

    /// The text of the string, runs joined.
    var text: String {
        if let t { return t.value ?? "" }
        return (r ?? []).map { $0.t?.value ?? "" }.joined()
    }
}

/// `xl/sharedStrings.xml`.
struct SharedStringsXML: Decodable {
    let si: [RichTextXML]?
}

/// `xl/styles.xml`: which cell formats are dates.
struct StylesXML: Decodable {
    struct NumberFormats: Decodable { let numFmt: [NumberFormat]? }
    struct NumberFormat: Decodable {
        let numFmtId: Int
        let formatCode: String
    }
    struct CellFormats: Decodable { let xf: [CellFormat]? }
    struct CellFormat: Decodable { let numFmtId: Int? }
    let numFmts: NumberFormats?
    let cellXfs: CellFormats?
}

/// `xl/worksheets/sheetN.xml`: the cells.
struct WorksheetXML: Decodable {
    struct SheetData: Decodable { let row: [Row]? }
    struct Row: Decodable {
        /// The 1-based row number.
        let r: Int?
        let c: [Cell]?
    }
    struct Cell: Decodable {
        /// The reference, e.g. `C12`.
        let r: String?
        /// The type: `s` shared string, `inlineStr`, `str` formula text, `b` boolean, `e` error, `d` ISO date, `n` number.
        let t: String?
        /// The index of the cell's format in `cellXfs`.
        let s: Int?
        let v: String?
        let `is`: RichTextXML?
    }
    let sheetData: SheetData?
}

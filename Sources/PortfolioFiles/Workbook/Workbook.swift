// A workbook as the importer sees it: named sheets of rows of text.

/// An Excel workbook's sheets, each a list of rows whose cells are text (numbers as written,
/// dates as ISO `YYYY-MM-DD`, booleans as `true`/`false`).
public struct Workbook: Sendable {
    /// One sheet.
    public struct Sheet: Sendable {
        /// The sheet's name (its tab).
        public var name: String
        /// Its rows that have any cell, in order; `TableRow.line` is the sheet's row number.
        public var rows: [TableRow]

        /// A sheet `name` with `rows`.
        public init(name: String, rows: [TableRow]) {
            self.name = name
            self.rows = rows
        }
    }

    /// The sheets in tab order.
    public var sheets: [Sheet]

    /// A workbook of `sheets`.
    public init(sheets: [Sheet]) { self.sheets = sheets }

    /// The sheet called `name`, matched without regard to case, spaces, `_` and `-`.
    public func sheet(named name: String) -> Sheet? {
        let key = Table.normalise(name)
        return sheets.first { Table.normalise($0.name) == key }
    }
}

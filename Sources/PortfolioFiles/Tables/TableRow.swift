// One row of a table: a CSV record or a sheet's row.

/// One row of a table (a CSV record, or a row of a workbook's sheet).
public struct TableRow: Equatable, Sendable {
    /// The 1-based line on which the record starts (a quoted field may span lines), or the sheet's row number.
    public var line: Int
    /// Its fields, unquoted; in a sheet, one per column from A (blank cells are empty strings).
    public var fields: [String]

    /// A row at `line` with `fields`.
    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}

// A problem in an imported file, located by file and line, or by sheet and cell.

/// A problem found while reading a spreadsheet: in a CSV file by file and line
/// (`people.csv:12: …`), in a workbook by sheet and cell (`People!C12: …`).
public struct ImportIssue: Error, Equatable, CustomStringConvertible, Sendable {
    /// The file as the user named it, or the workbook's sheet.
    public var file: String
    /// The 1-based line (row of a sheet), or `nil` for the file (or the command line) as a whole.
    public var line: Int?
    /// The 0-based column of the cell, in a sheet, when the problem is in one cell.
    public var column: Int?
    /// Whether `file` names a sheet of a workbook (cells are then `Sheet!C12`).
    public var inSheet: Bool
    /// What is wrong, in words a user can act on.
    public var message: String
    /// The scenario field of an import setting the problem is about (`horizon.periods`,
    /// `policy.budget`; see `ScenarioImporter.Settings`), so that a front end can name its own
    /// option or form field for it. With no `line`, the problem is that setting's alone.
    public var setting: String?

    /// A problem at `file:line` (a CSV file), or in a sheet's row and cell.
    public init(file: String, line: Int?, column: Int? = nil, inSheet: Bool = false, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.inSheet = inSheet
        self.message = message
    }

    /// A problem with an import setting as a whole (no file or cell is at fault).
    public static func setting(_ field: String, _ message: String) -> ImportIssue {
        var issue = ImportIssue(file: field, line: nil, message: message)
        issue.setting = field
        return issue
    }

    /// Where the problem is: `file:line`, `Sheet!C12`, `Sheet row 12`, the file's name, or
    /// the setting's field.
    public var location: String {
        guard let line else { return file }
        guard inSheet else { return "\(file):\(line)" }
        guard let column else { return "\(file) row \(line)" }
        return "\(file)!\(Self.columnName(column))\(line)"
    }

    /// `location: message`.
    public var description: String { "\(location): \(message)" }

    /// A spreadsheet's name of a 0-based column: A, B, …, Z, AA, AB, …
    public static func columnName(_ index: Int) -> String {
        var n = max(0, index) + 1
        var name = ""
        while n > 0 {
            let r = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + r))) + name
            n = (n - 1) / 26
        }
        return name
    }
}

/// The issues that stop a file from being read, each naming its file, line and column.
public struct ImportErrors: Error, Sendable, CustomStringConvertible {
    /// Every issue found.
    public var issues: [ImportIssue]
    /// One issue a line.
    public var description: String { issues.map(\.description).joined(separator: "\n") }
}

// A table whose first row names the columns (a CSV file or a sheet), read into rows by column.
/// A CSV file or a workbook's sheet whose first row names the columns, read into rows by column.
struct Table {
    /// The file as the user named it, or the sheet's name.
    let file: String
    /// Whether this is a workbook's sheet (problems are then located by cell, `Sheet!C12`).
    let inSheet: Bool
    /// The column names as written in the header.
    let header: [String]
    /// The records after the header.
    let rows: [TableRow]
    /// Column index by normalised name (`Table.normalise`).
    private let columns: [String: Int]

    /// Reads `records`; the first is the header. Column names are matched without regard to
    /// case, spaces, underscores and hyphens ("Cost per hour" is `costPerHour`).
    ///
    /// `known` lists the columns the importer reads, `required` those that must be present.
    /// A column that is not known is reported as a warning, or as an error when its name is
    /// close to a known one (a typo must not be ignored silently).
    init(file: String, inSheet: Bool = false, records: [TableRow], known: [String], required: [String],
         issues: inout [ImportIssue], warnings: inout [ImportIssue]) {
        self.file = file
        self.inSheet = inSheet
        guard let head = records.first else {
            header = []
            rows = []
            columns = [:]
            issues.append(ImportIssue(file: file, line: nil, inSheet: inSheet,
                                      message: "is empty: the first \(inSheet ? "row" : "line") must name the columns ("
                                      + known.joined(separator: ",") + ")"))
            return
        }
        header = head.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        rows = Array(records.dropFirst())
        var columns: [String: Int] = [:]
        let knownByKey = Dictionary(known.map { (Self.normalise($0), $0) }, uniquingKeysWith: { a, _ in a })
        if header.count == 1, let only = header.first, only.contains(";") {
            issues.append(ImportIssue(file: file, line: head.line, inSheet: inSheet,
                                      message: "the header has one column '\(only)': columns must be separated by commas, not semicolons"))
        }
        for (c, name) in header.enumerated() {
            let key = Self.normalise(name)
            if key.isEmpty {
                continue
            }
            if let canonical = knownByKey[key] {
                if columns[key] != nil {
                    issues.append(ImportIssue(file: file, line: head.line, column: c, inSheet: inSheet,
                                              message: "column '\(canonical)' appears twice"))
                } else {
                    columns[key] = c
                }
            } else if let guess = knownByKey.keys.min(by: { Self.distance($0, key) < Self.distance($1, key) }),
                      Self.distance(guess, key) <= 2, header.count > 1 || key.count > 3 {
                issues.append(ImportIssue(file: file, line: head.line, column: c, inSheet: inSheet,
                                          message: "unknown column '\(name)' (did you mean '\(knownByKey[guess] ?? guess)'?)"))
            } else {
                warnings.append(ImportIssue(file: file, line: head.line, column: c, inSheet: inSheet,
                                            message: "column '\(name)' is not used (ignored)"))
            }
        }
        for name in required where columns[Self.normalise(name)] == nil {
            issues.append(ImportIssue(file: file, line: head.line, inSheet: inSheet, message: "missing column '\(name)'"))
        }
        self.columns = columns
        for row in rows where row.fields.count > header.count
            && row.fields[header.count...].contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            issues.append(ImportIssue(file: file, line: row.line, column: header.count, inSheet: inSheet,
                                      message: "has \(row.fields.count) fields but the header names \(header.count) columns"))
        }
    }

    /// A problem in `row`, in the cell of `column` when the table has that column.
    func issue(_ row: TableRow, column: String? = nil, _ message: String) -> ImportIssue {
        ImportIssue(file: file, line: row.line, column: column.flatMap(index(of:)), inSheet: inSheet, message: message)
    }

    /// How a row is named in messages: "line" in a CSV file, "row" in a sheet.
    var lineWord: String { inSheet ? "row" : "line" }

    /// The 0-based index of column `name`, when the table has it.
    func index(of name: String) -> Int? { columns[Self.normalise(name)] }

    /// Whether the file has column `name`.
    func has(_ name: String) -> Bool { columns[Self.normalise(name)] != nil }

    /// The trimmed value of column `name` in `row`; `nil` when the column is absent or the cell is blank.
    func value(_ name: String, in row: TableRow) -> String? {
        guard let c = columns[Self.normalise(name)], row.fields.indices.contains(c) else { return nil }
        let text = row.fields[c].trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    /// A column name without case, spaces, underscores or hyphens.
    static func normalise(_ name: String) -> String {
        String(name.lowercased().filter { !" _-\t".contains($0) })
    }

    /// Levenshtein distance (small strings only).
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

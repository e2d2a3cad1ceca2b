// An RFC 4180 CSV reader that remembers the line each record starts on.
import Foundation

/// A problem found while reading a spreadsheet, located by file and line.
struct ImportIssue: Error, Equatable, CustomStringConvertible {
    /// The file as the user named it.
    var file: String
    /// The 1-based line, or `nil` for the file (or the command line) as a whole.
    var line: Int?
    /// What is wrong, in words a user can act on.
    var message: String

    /// `file:line: message`.
    var description: String {
        line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)"
    }
}

/// One record of a CSV file.
struct CSVRecord: Equatable {
    /// The 1-based line on which the record starts (a quoted field may span lines).
    var line: Int
    /// Its fields, unquoted.
    var fields: [String]
}

/// Reads CSV text as RFC 4180 describes it, with the leniency spreadsheets need.
///
/// Fields are separated by commas and records by CRLF, LF or CR. A field in double quotes
/// may contain commas, line breaks and doubled quotes (`""`). A UTF-8 byte order mark is
/// skipped. Blank lines, and records whose fields are all blank, are dropped. A quote
/// inside an unquoted field is kept as it is. Errors: text that is not UTF-8, a quoted
/// field that never ends, and anything but a comma or line break after a closing quote.
enum CSV {
    /// Parses `data`, naming `file` in errors.
    static func parse(_ data: Data, file: String) throws(ImportIssue) -> [CSVRecord] {
        guard var text = String(data: data, encoding: .utf8) else {
            throw ImportIssue(file: file, line: nil,
                              message: "is not UTF-8 text (save it from the spreadsheet as 'CSV UTF-8')")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return try parse(text, file: file)
    }

    /// Parses `text`, naming `file` in errors.
    static func parse(_ text: String, file: String) throws(ImportIssue) -> [CSVRecord] {
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field = ""
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var quoteLine = 1
        var afterQuote = false  // just closed a quoted field: only a separator may follow
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var i = 0

        func endRecord() {
            fields.append(field)
            field = ""
            if fields.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                records.append(CSVRecord(line: recordLine, fields: fields))
            }
            fields = []
        }

        while i < scalars.count {
            let c = scalars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < scalars.count && scalars[i + 1] == "\"" {
                        field.unicodeScalars.append("\"")
                        i += 2
                        continue
                    }
                    inQuotes = false
                    afterQuote = true
                } else {
                    if c == "\n" || (c == "\r" && !(i + 1 < scalars.count && scalars[i + 1] == "\n")) { line += 1 }
                    field.unicodeScalars.append(c)
                }
                i += 1
                continue
            }
            switch c {
            case ",":
                fields.append(field)
                field = ""
                afterQuote = false
            case "\r", "\n":
                if c == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n" { i += 1 }
                endRecord()
                afterQuote = false
                line += 1
                recordLine = line
            case "\"" where field.isEmpty && !afterQuote:
                inQuotes = true
                quoteLine = line
            default:
                if afterQuote {
                    if c == " " || c == "\t" { break }  // spaces after a closing quote are ignored
                    throw ImportIssue(file: file, line: line,
                                      message: "unexpected '\(Character(c))' after a closing quote (a quote inside a quoted field is written \"\")")
                }
                field.unicodeScalars.append(c)
            }
            i += 1
        }
        if inQuotes {
            throw ImportIssue(file: file, line: quoteLine, message: "a quoted field starts here and never ends")
        }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }
}

/// A CSV file whose first record names the columns, read into rows by column.
struct CSVTable {
    /// The file as the user named it.
    let file: String
    /// The column names as written in the header.
    let header: [String]
    /// The records after the header.
    let rows: [CSVRecord]
    /// Column index by normalised name (`CSVTable.normalise`).
    private let columns: [String: Int]

    /// Reads `records`; the first is the header. Column names are matched without regard to
    /// case, spaces, underscores and hyphens ("Cost per hour" is `costPerHour`).
    ///
    /// `known` lists the columns the importer reads, `required` those that must be present.
    /// A column that is not known is reported as a warning, or as an error when its name is
    /// close to a known one (a typo must not be ignored silently).
    init(file: String, records: [CSVRecord], known: [String], required: [String],
         issues: inout [ImportIssue], warnings: inout [ImportIssue]) {
        self.file = file
        guard let head = records.first else {
            header = []
            rows = []
            columns = [:]
            issues.append(ImportIssue(file: file, line: nil, message: "is empty: the first line must name the columns ("
                                      + known.joined(separator: ",") + ")"))
            return
        }
        header = head.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        rows = Array(records.dropFirst())
        var columns: [String: Int] = [:]
        let knownByKey = Dictionary(known.map { (Self.normalise($0), $0) }, uniquingKeysWith: { a, _ in a })
        if header.count == 1, let only = header.first, only.contains(";") {
            issues.append(ImportIssue(file: file, line: head.line,
                                      message: "the header has one column '\(only)': columns must be separated by commas, not semicolons"))
        }
        for (c, name) in header.enumerated() {
            let key = Self.normalise(name)
            if key.isEmpty {
                continue
            }
            if let canonical = knownByKey[key] {
                if columns[key] != nil {
                    issues.append(ImportIssue(file: file, line: head.line, message: "column '\(canonical)' appears twice"))
                } else {
                    columns[key] = c
                }
            } else if let guess = knownByKey.keys.min(by: { Self.distance($0, key) < Self.distance($1, key) }),
                      Self.distance(guess, key) <= 2, header.count > 1 || key.count > 3 {
                issues.append(ImportIssue(file: file, line: head.line,
                                          message: "unknown column '\(name)' (did you mean '\(knownByKey[guess] ?? guess)'?)"))
            } else {
                warnings.append(ImportIssue(file: file, line: head.line, message: "column '\(name)' is not used (ignored)"))
            }
        }
        for name in required where columns[Self.normalise(name)] == nil {
            issues.append(ImportIssue(file: file, line: head.line, message: "missing column '\(name)'"))
        }
        self.columns = columns
        for row in rows where row.fields.count > header.count
            && row.fields[header.count...].contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            issues.append(ImportIssue(file: file, line: row.line,
                                      message: "has \(row.fields.count) fields but the header names \(header.count) columns"))
        }
    }

    /// Whether the file has column `name`.
    func has(_ name: String) -> Bool { columns[Self.normalise(name)] != nil }

    /// The trimmed value of column `name` in `row`; `nil` when the column is absent or the cell is blank.
    func value(_ name: String, in row: CSVRecord) -> String? {
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

// An RFC 4180 CSV reader that remembers the line each record starts on.
import Foundation

/// Reads CSV text as RFC 4180 describes it, with the leniency spreadsheets need.
///
/// Fields are separated by commas and records by CRLF, LF or CR. A field in double quotes
/// may contain commas, line breaks and doubled quotes (`""`). A UTF-8 byte order mark is
/// skipped. Blank lines, and records whose fields are all blank, are dropped. A quote
/// inside an unquoted field is kept as it is. Errors: text that is not UTF-8, a quoted
/// field that never ends, and anything but a comma or line break after a closing quote.
enum CSV {
    /// Parses `data`, naming `file` in errors.
    static func parse(_ data: Data, file: String) throws(ImportIssue) -> [TableRow] {
        guard var text = String(data: data, encoding: .utf8) else {
            throw ImportIssue(file: file, line: nil,
                              message: "is not UTF-8 text (save it from the spreadsheet as 'CSV UTF-8')")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return try parse(text, file: file)
    }

    /// Parses `text`, naming `file` in errors.
    static func parse(_ text: String, file: String) throws(ImportIssue) -> [TableRow] {
        var records: [TableRow] = []
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
                records.append(TableRow(line: recordLine, fields: fields))
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

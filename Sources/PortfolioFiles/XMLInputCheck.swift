// What Foundation's XMLParser cannot take, refused before it is handed over.
//
// On Linux, XMLParser turns libxml2's names (of elements, attributes, processing instructions,
// comments, entities) into Swift strings with a force unwrap of a strict UTF-8 decode. libxml2
// passes a name's raw bytes through when the input is not valid UTF-8, so a single stray byte in,
// say, a processing instruction's target (`<?p\xC9 x?>`) traps the whole process. Every file the
// readers take (Microsoft Project XML, the parts of an Excel workbook) is UTF-8 and has no DTD,
// so both are checked here first, with an error that says where.
import Foundation

enum XMLInputCheck {
    /// Throws unless `data` is UTF-8 throughout (a byte order mark allowed), declares no other
    /// encoding, and has no document type declaration (no DTD: no entities to expand or fetch).
    static func check(_ data: Data) throws(XMLTreeError) {
        try checkUTF8(data)
        try checkPrologue(data)
        try checkProcessingInstructions(data)
    }

    /// No processing instruction without data: for `<?target?>` libxml2 hands XMLParser a null
    /// data pointer, which it reads as a C string (a segmentation fault; found by fuzzing,
    /// Docs/fuzzing.md). Those with data are harmless and left to the parser.
    private static func checkProcessingInstructions(_ data: Data) throws(XMLTreeError) {
        var failure: (line: Int, text: String)?
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var index = 0, line = 1
            while index + 1 < bytes.count {
                let byte = bytes[index]
                if byte == 0x0A { line += 1 }
                guard byte == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "?") else { index += 1; continue }
                // The target, then only blanks up to `?>`: no data.
                var at = index + 2
                while at < bytes.count, !isBlank(bytes[at]), bytes[at] != UInt8(ascii: "?"), bytes[at] != UInt8(ascii: ">") { at += 1 }
                let target = at
                while at < bytes.count, isBlank(bytes[at]) { at += 1 }
                if at + 1 < bytes.count, bytes[at] == UInt8(ascii: "?"), bytes[at + 1] == UInt8(ascii: ">") {
                    failure = (line, String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<min(target, index + 40)]), as: UTF8.self))
                    return
                }
                index += 2
            }
        }
        if let failure {
            throw XMLTreeError(message: "the XML has a processing instruction without data (\(failure.text)?>, line \(failure.line)), "
                               + "which the XML parser cannot take; Excel and Project files have none")
        }
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    /// The first byte that is not part of well-formed UTF-8, named by line and byte offset.
    private static func checkUTF8(_ data: Data) throws(XMLTreeError) {
        var failure: (offset: Int, line: Int)?
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var index = 0, line = 1
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if byte == 0x0A { line += 1 }
                    index += 1
                    continue
                }
                let length = sequenceLength(bytes, at: index)
                if length == 0 {
                    failure = (index, line)
                    return
                }
                index += length
            }
        }
        if let failure {
            throw XMLTreeError(message: "the XML is not UTF-8: byte \(failure.offset) (line \(failure.line)) is not part of a "
                               + "UTF-8 character; save the file as UTF-8")
        }
    }

    /// The length of the well-formed UTF-8 sequence starting at `index` (Unicode's table 3-7), or 0.
    private static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int, secondRange: ClosedRange<UInt8>
        switch lead {
        case 0xC2...0xDF: length = 2; secondRange = 0x80...0xBF
        case 0xE0: length = 3; secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3; secondRange = 0x80...0xBF
        case 0xED: length = 3; secondRange = 0x80...0x9F
        case 0xF0: length = 4; secondRange = 0x90...0xBF
        case 0xF1...0xF3: length = 4; secondRange = 0x80...0xBF
        case 0xF4: length = 4; secondRange = 0x80...0x8F
        default: return 0
        }
        guard index + length <= bytes.count, secondRange.contains(bytes[index + 1]) else { return 0 }
        for k in 2..<length where !(0x80...0xBF).contains(bytes[index + k]) { return 0 }
        return length
    }

    /// The declaration's encoding (UTF-8 or none) and no `<!DOCTYPE` before the root element.
    private static func checkPrologue(_ data: Data) throws(XMLTreeError) {
        var text = Substring(String(decoding: data.prefix(64 << 10), as: UTF8.self))
        if text.first == "\u{FEFF}" { text = text.dropFirst() }
        while true {
            text = text.drop { $0.isWhitespace }
            if text.hasPrefix("<?") {
                guard let end = text.range(of: "?>") else { return }
                let instruction = text[..<end.upperBound]
                if instruction.hasPrefix("<?xml "), let encoding = declaredEncoding(instruction),
                   !["utf-8", "utf8"].contains(encoding.lowercased()) {
                    throw XMLTreeError(message: "the XML declares encoding \"\(encoding)\"; only UTF-8 is read (save the file as UTF-8)")
                }
                text = text[end.upperBound...]
            } else if text.hasPrefix("<!--") {
                guard let end = text.range(of: "-->") else { return }
                text = text[end.upperBound...]
            } else if text.hasPrefix("<!") {
                throw XMLTreeError(message: "the XML has a document type declaration (<!DOCTYPE …>); Excel and Project files have none, "
                                   + "and its entities are not expanded")
            } else {
                return
            }
        }
    }

    /// The value of `encoding="…"` in an XML declaration.
    private static func declaredEncoding(_ declaration: Substring) -> String? {
        guard let key = declaration.range(of: "encoding") else { return nil }
        let rest = declaration[key.upperBound...].drop { $0.isWhitespace || $0 == "=" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        return String(rest.dropFirst().prefix { $0 != quote })
    }
}

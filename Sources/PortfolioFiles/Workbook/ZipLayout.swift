// The zip's own directory checked against the bytes it describes, before ZIPFoundation reads it.
//
// ZIPFoundation's in-memory archive seeks wherever a header points and then reads; a seek past
// the end of the data makes its read compute a negative length and trap ("Range requires
// lowerBound <= upperBound"), and a ZIP64 offset above Int64.max traps in its conversion to
// `off_t`. A damaged or hostile workbook reaches both. So every place ZIPFoundation will seek to
// is checked here first: the end record, the central directory, each entry's local header and
// its data. A workbook never needs ZIP64 (the largest file read is `FileError.maxFileBytes`),
// so ZIP64 records are refused rather than followed.
import Foundation

enum ZipLayout {
    /// Throws a reason in words unless every offset and length in `data`'s zip directory lies
    /// inside `data`.
    static func check(_ data: Data) throws(ZipLayoutError) {
        try check(Reader(bytes: [UInt8](data)))
    }

    private static let endRecordSignature: UInt32 = 0x0605_4B50
    private static let zip64LocatorSignature: UInt32 = 0x0706_4B50
    private static let directorySignature: UInt32 = 0x0201_4B50
    private static let localHeaderSignature: UInt32 = 0x0403_4B50

    private static func check(_ zip: Reader) throws(ZipLayoutError) {
        // The end record, found as ZIPFoundation finds it: the last signature, scanning back.
        guard zip.count >= 22,
              let end = stride(from: zip.count - 22, through: 0, by: -1).first(where: { zip.u32($0) == endRecordSignature })
        else { throw ZipLayoutError("it has no end-of-directory record") }
        if end >= 20, zip.u32(end - 20) == zip64LocatorSignature {
            throw ZipLayoutError("it is a ZIP64 archive, which no workbook of this size needs")
        }
        let entries = Int(zip.u16(end + 10)), directorySize = Int(zip.u32(end + 12)), directory = Int(zip.u32(end + 16))
        guard zip.u16(end + 8) != 0xFFFF, zip.u32(end + 12) != 0xFFFF_FFFF, zip.u32(end + 16) != 0xFFFF_FFFF else {
            throw ZipLayoutError("it is a ZIP64 archive, which no workbook of this size needs")
        }
        guard directory + directorySize <= end, entries * 46 <= directorySize else {
            throw ZipLayoutError("its directory lies outside the file")
        }
        var position = directory
        for index in 0..<entries {
            guard position + 46 <= directory + directorySize, zip.u32(position) == directorySignature else {
                throw ZipLayoutError("directory entry \(index + 1) is damaged")
            }
            let nameLength = Int(zip.u16(position + 28)), extraLength = Int(zip.u16(position + 30))
            let next = position + 46 + nameLength + extraLength + Int(zip.u16(position + 32))
            guard next <= directory + directorySize else { throw ZipLayoutError("directory entry \(index + 1) is damaged") }
            let sizes = [zip.u32(position + 20), zip.u32(position + 24), zip.u32(position + 42)]
            if sizes.contains(0xFFFF_FFFF) || zip.hasZip64Field(from: position + 46 + nameLength, length: extraLength) {
                throw ZipLayoutError("directory entry \(index + 1) uses ZIP64, which no workbook of this size needs")
            }
            try checkLocal(zip, entry: index + 1, at: Int(sizes[2]), compressed: Int(sizes[0]), uncompressed: Int(sizes[1]),
                           stored: zip.u16(position + 10) == 0)
            position = next
        }
    }

    /// The local header at `offset` and the data after it lie inside the file.
    private static func checkLocal(_ zip: Reader, entry: Int, at offset: Int, compressed: Int, uncompressed: Int,
                                   stored: Bool) throws(ZipLayoutError) {
        guard offset + 30 <= zip.count, zip.u32(offset) == localHeaderSignature else {
            throw ZipLayoutError("entry \(entry) points to a header that is not there")
        }
        let dataStart = offset + 30 + Int(zip.u16(offset + 26)) + Int(zip.u16(offset + 28))
        let localCompressed = Int(zip.u32(offset + 18))
        guard dataStart + max(compressed, localCompressed, stored ? uncompressed : 0) <= zip.count else {
            throw ZipLayoutError("entry \(entry)'s data runs past the end of the file (truncated or damaged)")
        }
    }

    /// Little-endian fields of the file; a field that would run past the end reads as 0.
    private struct Reader {
        let bytes: [UInt8]
        var count: Int { bytes.count }

        func u16(_ at: Int) -> UInt16 {
            guard at >= 0, at + 2 <= bytes.count else { return 0 }
            return UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
        }

        func u32(_ at: Int) -> UInt32 { UInt32(u16(at)) | UInt32(u16(at + 2)) << 16 }

        /// Whether the extra field at `from` holds a ZIP64 extended-information block (id 1).
        func hasZip64Field(from start: Int, length: Int) -> Bool {
            var at = start
            while at + 4 <= start + length {
                if u16(at) == 1 { return true }
                at += 4 + Int(u16(at + 2))
            }
            return false
        }
    }
}

/// Why a zip's directory cannot be trusted, in words.
struct ZipLayoutError: Error {
    let reason: String
    init(_ reason: String) { self.reason = reason }
}

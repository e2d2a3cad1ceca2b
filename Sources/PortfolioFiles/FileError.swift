// A file that cannot be read at all: too large, not a workbook, not well-formed XML.
import Foundation

/// A file that cannot be read as the format it should have, with the reason in words a user can act on.
public struct FileError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The file as the user named it.
    public var file: String
    /// What is wrong with it.
    public var message: String

    /// A problem with `file`.
    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    /// `file: message`.
    public var description: String { "\(file): \(message)" }

    /// The largest file the readers accept (32 MiB): a workbook or MS Project file is decoded
    /// into a tree in memory, several times its size. A portfolio of 1,000 projects is a few MiB.
    public static let maxFileBytes = 32 << 20

    /// Rejects data larger than `maxFileBytes`, naming its size.
    static func checkSize(_ data: Data, file: String) throws(FileError) {
        guard data.count <= maxFileBytes else {
            throw FileError(file: file, message: "is \(megabytes(data.count)) MiB; the largest file read is "
                            + "\(maxFileBytes >> 20) MiB (split the portfolio, or drop time-phased data it does not need)")
        }
    }

    /// Bytes as MiB with one decimal.
    static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + (1 << 19)) >> 20
        return "\(tenths / 10).\(tenths % 10)"
    }
}

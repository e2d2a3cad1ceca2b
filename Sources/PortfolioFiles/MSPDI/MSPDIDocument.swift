// The part of Microsoft Project's XML schema (MSPDI) that the exporter writes and the importer reads.
public import Foundation
import XMLCoder

/// A Microsoft Project XML document (`<Project xmlns="http://schemas.microsoft.com/project">`).
///
/// Every leaf is text, as in the file: the importer parses it leniently and names what it
/// cannot read, so one odd value never makes a whole file unreadable. Properties are declared
/// in the schema's order, which Microsoft Project requires (`mspdi_pj12.xsd`; e.g. an
/// assignment's `Finish` comes before its `Start`).
public struct MSPDIDocument: Codable, Sendable {
    /// The schema's namespace.
    static let namespace = "http://schemas.microsoft.com/project"

    var SaveVersion: String? = "14"
    var Name: String?
    var Title: String?
    var ScheduleFromStart: String? = "1"
    var StartDate: String?
    var FinishDate: String?
    var CurrencyCode: String? = "USD"
    var CalendarUID: String?
    var MinutesPerDay: String?
    var MinutesPerWeek: String?
    var DaysPerMonth: String?
    /// Work is recorded up to and including this date (the importer's status period).
    var StatusDate: String?
    var ExtendedAttributes: FieldDefinitions?
    var Calendars: CalendarList?
    var Tasks: TaskList?
    var Resources: ResourceList?
    var Assignments: AssignmentList?

    /// Custom field definitions: which Text1, Number1, … field has which alias.
    struct FieldDefinitions: Codable, Sendable { var ExtendedAttribute: [FieldDefinition]? }
    struct FieldDefinition: Codable, Sendable {
        var FieldID: String?
        var FieldName: String?
        var Alias: String?
    }
    /// A custom field's value on a task or resource.
    struct FieldValue: Codable, Sendable {
        var FieldID: String?
        var Value: String?
    }

    struct CalendarList: Codable, Sendable { var Calendar: [Calendar]? }
    struct Calendar: Codable, Sendable {
        var UID: String?
        var Name: String?
        var IsBaseCalendar: String?
        var BaseCalendarUID: String?
        var WeekDays: WeekDays?
        var Exceptions: Exceptions?
    }
    struct WeekDays: Codable, Sendable { var WeekDay: [WeekDay]? }
    struct WeekDay: Codable, Sendable {
        var DayType: String?
        var DayWorking: String?
        var WorkingTimes: WorkingTimes?
    }
    struct WorkingTimes: Codable, Sendable { var WorkingTime: [WorkingTime]? }
    struct WorkingTime: Codable, Sendable {
        var FromTime: String?
        var ToTime: String?
    }
    /// Holidays and other exceptions: read only to say that they are not mapped.
    struct Exceptions: Codable, Sendable { var Exception: [Exception]? }
    struct Exception: Codable, Sendable { var Name: String? }

    struct TaskList: Codable, Sendable { var Task: [Task]? }
    struct Task: Codable, Sendable {
        var UID: String?
        var ID: String?
        var Name: String?
        var Active: String?
        var Manual: String?
        var `Type`: String?
        var OutlineNumber: String?
        var OutlineLevel: String?
        var Start: String?
        var Finish: String?
        var Duration: String?
        var DurationFormat: String?
        var Work: String?
        var Milestone: String?
        var Summary: String?
        var PercentWorkComplete: String?
        var ActualStart: String?
        var ActualFinish: String?
        var ActualWork: String?
        var RemainingWork: String?
        var ConstraintType: String?
        var ConstraintDate: String?
        var Deadline: String?
        var Notes: String?
        var PredecessorLink: [Link]?
        var ExtendedAttribute: [FieldValue]?
    }
    struct Link: Codable, Sendable {
        var PredecessorUID: String?
        var `Type`: String?
        var LinkLag: String?
    }

    struct ResourceList: Codable, Sendable { var Resource: [Resource]? }
    struct Resource: Codable, Sendable {
        var UID: String?
        var ID: String?
        var Name: String?
        var `Type`: String?
        var Group: String?
        var MaxUnits: String?
        var StandardRate: String?
        var StandardRateFormat: String?
        var CalendarUID: String?
        var Notes: String?
        /// `1` for a generic resource (a hire the plan makes, `ROLE#K`), not a named person.
        var IsGeneric: String?
        var ExtendedAttribute: [FieldValue]?
        var AvailabilityPeriods: AvailabilityPeriods?
    }
    struct AvailabilityPeriods: Codable, Sendable { var AvailabilityPeriod: [AvailabilityPeriod]? }
    struct AvailabilityPeriod: Codable, Sendable {
        var AvailableFrom: String?
        var AvailableTo: String?
        var AvailableUnits: String?
    }

    struct AssignmentList: Codable, Sendable { var Assignment: [Assignment]? }
    struct Assignment: Codable, Sendable {
        var UID: String?
        var TaskUID: String?
        var ResourceUID: String?
        var PercentWorkComplete: String?
        var ActualFinish: String?
        var ActualStart: String?
        var ActualWork: String?
        var Finish: String?
        var RemainingWork: String?
        var Start: String?
        var Units: String?
        var Work: String?
        var TimephasedData: [TimephasedData]?
    }
    /// Work in one stretch of time: `Type` 1 is planned (remaining) work, 2 actual work; `Value` its total (`PT20H0M0S`).
    struct TimephasedData: Codable, Sendable {
        var `Type`: String?
        var UID: String?
        var Start: String?
        var Finish: String?
        var Unit: String?
        var Value: String?
    }

    /// An empty document.
    init() {}

    /// Reads a Microsoft Project XML file; `file` names it in errors.
    ///
    /// Throws `FileError` for a file larger than `FileError.maxFileBytes`, for text that is
    /// not well-formed XML (a truncated file), and for XML whose root is not `<Project>`.
    public init(data: Data, file: String) throws(FileError) {
        try FileError.checkSize(data, file: file)
        let root = Self.rootElement(data)
        guard root == "Project" else {
            throw FileError(file: file, message: root.map { "is XML whose root is <\($0)>, not a Microsoft Project file (<Project>)" }
                            ?? "is not XML (a Microsoft Project XML file starts with <?xml or <Project)")
        }
        do {
            self = try XMLTreeDecoder.decode(MSPDIDocument.self, from: data)
        } catch {
            throw FileError(file: file, message: "is not a well-formed Microsoft Project XML file (truncated or damaged?): "
                            + Self.describe(error))
        }
    }

    /// The document as XML, elements in the schema's order.
    public func xml() throws -> Data {
        let encoder = XMLEncoder()
        encoder.outputFormatting = [.prettyPrinted]
        encoder.prettyPrintIndentation = .spaces(1)
        return try encoder.encode(self, withRootKey: "Project", rootAttributes: ["xmlns": Self.namespace],
                                  header: XMLHeader(version: 1.0, encoding: "UTF-8", standalone: "yes"))
    }

    /// The name of the first element, skipping the declaration, comments and a byte order mark.
    private static func rootElement(_ data: Data) -> String? {
        var bytes = data.prefix(4096)[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let text = String(decoding: bytes, as: UTF8.self)
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "<") {
            let after = rest[rest.index(after: open)...]
            guard let first = after.first else { return nil }
            if first == "?" || first == "!" {
                guard let close = after.firstIndex(of: ">") else { return nil }
                rest = after[after.index(after: close)...]
                continue
            }
            let name = after.prefix { !" \t\r\n/>".contains($0) }
            return String(name.split(separator: ":").last ?? name)
        }
        return nil
    }

    /// A decoding error in one line.
    private static func describe(_ error: any Error) -> String {
        if let error = error as? XMLTreeError { return error.message }
        if let decoding = error as? DecodingError {
            switch decoding {
            case .dataCorrupted(let c), .keyNotFound(_, let c), .typeMismatch(_, let c), .valueNotFound(_, let c):
                let path = c.codingPath.map(\.stringValue).filter { !$0.isEmpty }.joined(separator: "/")
                let underlying = c.underlyingError.map { " (\($0.localizedDescription))" } ?? ""
                return (path.isEmpty ? "" : "at \(path): ") + c.debugDescription + underlying
            @unknown default: break
            }
        }
        return "\(error)"
    }
}

// What the generated code throws, as a problem naming the field and the reason.
import Foundation
import OpenAPIRuntime

extension Problem {
    /// The problem behind an error of the generated server: a handler's own `Problem` as it is; a
    /// request body the generated decoder refused as 422 naming the path; a query parameter it
    /// could not read as 400 naming the parameter; anything else with the status the runtime gives.
    init(_ error: ServerError, query: String?) {
        if let problem = error.underlyingError as? Problem {
            self = problem
        } else if let problem = SolveQuery.problem(inQuery: query) {
            self = problem  // the generated code reads the query first: a bad parameter is what it refused
        } else if let decoding = error.underlyingError as? DecodingError {
            let (path, reason) = Self.describe(decoding)
            let what = path.hasPrefix("plan") ? "plan" : "request"
            self = .invalidContent(what, [FieldError(field: path, reason: reason)])
        } else {
            let status = error.httpStatus
            let title = status.reasonPhrase.isEmpty ? "Error" : status.reasonPhrase
            self = Problem(status, type: status == .unsupportedMediaType ? "/problems/unsupported-media-type" : "/problems/http-\(status.code)",
                           title: title, detail: "\(error.causeDescription) \(error.underlyingError)")
        }
    }

    /// A decoding error's path (`plan.projects[2].start`) and reason.
    static func describe(_ error: DecodingError) -> (String, String) {
        func path(_ keys: [any CodingKey]) -> String {
            keys.reduce("") { text, key in
                if let index = key.intValue { return text + "[\(index)]" }
                return text.isEmpty ? key.stringValue : text + "." + key.stringValue
            }
        }
        switch error {
        case .keyNotFound(let key, let c): return (path(c.codingPath + [key]), "is required")
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c): return (path(c.codingPath), c.debugDescription)
        @unknown default: return ("", "\(error)")
        }
    }
}

// Errors as RFC 9457 problem details (application/problem+json), naming the field and the reason.
public import Hummingbird
import Foundation
import OpenAPIRuntime

/// An HTTP error answered as `application/problem+json` (RFC 9457).
///
/// `type` is a relative URI naming the kind of problem (documented in Docs/service.md);
/// `errors` names each offending field (a JSON path or a query parameter) and the reason.
public struct Problem: Error, HTTPResponseError, Sendable, Equatable {
    /// One offending field.
    public struct FieldError: Sendable, Equatable, Codable {
        /// The field: a JSON path into the body (`people[1].capacity`) or a query parameter.
        public var field: String
        /// Why it is wrong.
        public var reason: String
    }

    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// A relative URI naming the kind of problem, e.g. `/problems/invalid-scenario`.
    public var type: String
    /// A short summary of the kind of problem.
    public var title: String
    /// What happened in this case.
    public var detail: String
    /// The offending fields, when the request's content is at fault.
    public var errors: [FieldError]
    /// Seconds after which to retry (sent as `Retry-After`).
    public var retryAfter: Int?
    /// The methods a path takes, for a 405 (sent as `Allow`).
    var allow: String?
    /// The request's id (`urn:request:ID`), set when the response is made.
    public var instance: String?

    /// Creates a problem.
    public init(_ status: HTTPResponse.Status, type: String, title: String, detail: String,
                errors: [FieldError] = [], retryAfter: Int? = nil) {
        self.status = status
        self.type = type
        self.title = title
        self.detail = detail
        self.errors = errors
        self.retryAfter = retryAfter
    }

    /// A query parameter or body field that is wrong (400).
    static func badRequest(_ field: String, _ reason: String) -> Problem {
        Problem(.badRequest, type: "/problems/bad-request", title: "Bad request",
                detail: "\(field): \(reason)", errors: [FieldError(field: field, reason: reason)])
    }

    /// A body that is not the document the endpoint takes (422), with every problem found.
    static func invalidContent(_ what: String, _ errors: [FieldError]) -> Problem {
        let first = errors.first.map { " First: \($0.field.isEmpty ? "(document)" : $0.field): \($0.reason)" } ?? ""
        return Problem(.unprocessableContent, type: "/problems/invalid-\(what)", title: "Invalid \(what)",
                       detail: "The \(what) has \(errors.count) problem(s).\(first)", errors: errors)
    }

    /// The body is larger than the limit (413).
    static func tooLarge(limit: Int) -> Problem {
        Problem(.contentTooLarge, type: "/problems/body-too-large", title: "Request body too large",
                detail: "The request body exceeds \(limit) bytes.", errors: [FieldError(field: "body", reason: "larger than \(limit) bytes")])
    }

    /// Every solve slot and queue place is taken (503 with Retry-After).
    static func busy(retryAfter: Int) -> Problem {
        Problem(.serviceUnavailable, type: "/problems/busy", title: "Too many solves",
                detail: "Every solve slot and queue place is taken; retry later.", retryAfter: retryAfter)
    }

    /// A limit of the request's tenant is reached (429 with Retry-After): its request rate or
    /// its jobs queued and running.
    static func tenantLimit(_ detail: String, retryAfter: Int) -> Problem {
        Problem(.tooManyRequests, type: "/problems/tenant-limit", title: "Tenant limit reached", detail: detail,
                retryAfter: retryAfter)
    }

    /// The request conflicts with what is kept (409): a job that is not the version's, or has no valid plan.
    static func conflict(_ field: String, _ reason: String) -> Problem {
        Problem(.conflict, type: "/problems/conflict", title: "Conflict", detail: "\(field): \(reason)",
                errors: [FieldError(field: field, reason: reason)])
    }

    /// The resource does not exist (404).
    static func notFound(_ detail: String) -> Problem {
        Problem(.notFound, type: "/problems/not-found", title: "Not found", detail: detail)
    }

    /// The JSON body of the problem.
    var body: [String: Any] {
        var body: [String: Any] = ["type": type, "title": title, "status": Int(status.code), "detail": detail]
        if let instance { body["instance"] = instance }
        if !errors.isEmpty { body["errors"] = errors.map { ["field": $0.field, "reason": $0.reason] } }
        return body
    }

    /// The problem as a response.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var problem = self
        problem.instance = "urn:request:\(context.id)"
        return problem.encoded()
    }

    private func encoded() -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])) ?? Data()
        var headers: HTTPFields = [.contentType: "application/problem+json"]
        if let retryAfter { headers[.retryAfter] = String(retryAfter) }
        if let allow { headers[.allow] = allow }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// Answers every error as a problem: a `Problem` as it is, Hummingbird's own HTTP errors with
/// their status (404 for an unknown route, 405, 413), anything else as a 500. It returns the
/// response rather than throwing, so the middleware outside it (metrics, request id) sees it.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let problem as Problem {
            return try problem.response(from: request, context: context)
        } catch let error as ServerError {
            return try Problem(error, query: request.uri.query).response(from: request, context: context)
        } catch let error as any HTTPResponseError {
            let status = error.status
            let title = status.reasonPhrase.isEmpty ? "Error" : status.reasonPhrase
            let type = status == .notFound ? "/problems/not-found" : status == .contentTooLarge ? "/problems/body-too-large"
                : "/problems/http-\(status.code)"
            let detail = status == .notFound ? "No such resource: \(request.method) \(request.uri.path)."
                : "\(request.method) \(request.uri.path): \(title.lowercased())."
            return try Problem(status, type: type, title: title, detail: detail).response(from: request, context: context)
        } catch {
            context.logger.error("unexpected error: \(error)")
            return try Problem(.internalServerError, type: "/problems/internal", title: "Internal error",
                               detail: "The server failed to answer this request; the log has the details.")
                .response(from: request, context: context)
        }
    }
}

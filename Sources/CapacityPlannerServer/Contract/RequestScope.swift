// What a handler of the generated API needs from the request that the generated input does not
// carry: the tenant, the request's logger and the JSON body as the strict reader parsed it.
import Hummingbird
import Logging
import NIOCore
import StrictJSON

/// The request being answered, for the handlers of the generated API (a task-local value set by
/// `RequestScopeMiddleware` around the route).
struct RequestScope: Sendable {
    /// The tenant whose jobs this request may see (`Job.defaultTenant` without API keys).
    var tenant: String
    /// The request's logger (its metadata carries the request id).
    var logger: Logger
    /// The JSON body, parsed by the strict reader; `nil` for a request without one.
    var body: JSONValue?

    /// The scope of the request this task answers.
    @TaskLocal static var current = RequestScope(tenant: Job.defaultTenant, logger: Logger(label: "capacity-planner.service"))
}

/// Reads the body of every request that has one: at most `maxBodyBytes` (413 beyond; a
/// `Content-Length` above it is refused unread), parsed as JSON by the strict reader (422 naming
/// the line and column when it is not JSON). The handlers then read scenarios from this value, with
/// the paths and positions of the spec's errors; the generated decoder reads the same bytes again
/// for everything the service itself defines (the request wrappers, the plan, the changes).
struct RequestScopeMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext
    let maxBodyBytes: Int

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        var scope = RequestScope(tenant: context.tenant, logger: context.logger)
        var request = request
        if request.method == .post || request.method == .put || request.method == .patch {
            let buffer = try await collect(request)
            if buffer.readableBytes > 0 {  // an empty body (a cancel) is no JSON document
                do throws(JSONParseError) {
                    scope.body = try JSONValue(parsing: buffer.readableBytesView)
                } catch {
                    throw Problem.invalidContent("request", [.init(field: error.path, reason: "invalid JSON at \(error)")])
                }
            }
            request.body = RequestBody(buffer: buffer)
        }
        return try await RequestScope.$current.withValue(scope) { try await next(request, context) }
    }

    private func collect(_ request: Request) async throws -> ByteBuffer {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > maxBodyBytes {
            throw Problem.tooLarge(limit: maxBodyBytes)
        }
        do {
            return try await request.body.collect(upTo: maxBodyBytes)
        } catch is NIOTooManyBytesError {
            throw Problem.tooLarge(limit: maxBodyBytes)
        }
    }
}

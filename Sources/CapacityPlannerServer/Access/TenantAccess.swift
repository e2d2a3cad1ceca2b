// Who is asking: the request context that carries the tenant, and the middleware that sets it.
import Hummingbird

/// The service's request context: Hummingbird's core plus the tenant the request acts for.
struct ServiceRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The tenant whose jobs this request may see (`Job.defaultTenant` without API keys).
    var tenant: String = Job.defaultTenant

    init(source: Source) {
        coreContext = .init(source: source)
    }
}

/// With API keys: every `/v1/` route (and `/metrics` when restricted) needs
/// `Authorization: Bearer KEY`; 401 without one, 403 for a key that is not in the file (or, on
/// `/metrics`, not of the metrics tenant). `/healthz` and `/openapi.json` stay open.
struct TenantAccessMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext
    /// The keys, or `nil` when the service runs without them (every request is the default tenant).
    let keys: APIKeys?
    /// The tenant whose keys may read `/metrics`, or `nil` for open metrics.
    let metricsTenant: String?

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        let guarded = path.hasPrefix("/v1/") || (path == "/metrics" && metricsTenant != nil)
        guard guarded, let keys else { return try await next(request, context) }
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer "),
              case let token = header.dropFirst("bearer ".count).drop(while: { $0 == " " }), !token.isEmpty
        else {
            throw Problem(.unauthorized, type: "/problems/unauthorized", title: "Unauthorized",
                          detail: "This service needs an API key: send 'Authorization: Bearer KEY'.")
        }
        guard let tenant = keys.tenant(for: token) else {
            throw Problem(.forbidden, type: "/problems/forbidden", title: "Forbidden", detail: "The API key is not allowed.")
        }
        if path == "/metrics", let metricsTenant, tenant != metricsTenant {
            throw Problem(.forbidden, type: "/problems/forbidden", title: "Forbidden",
                          detail: "Only the metrics tenant's keys may read /metrics.")
        }
        var context = context
        context.tenant = tenant
        return try await next(request, context)
    }
}

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
/// `/metrics`, not of the metrics tenant). `/healthz` and `/openapi.json` stay open. Then, with
/// or without keys, a `/v1/` request over its tenant's rate (`TenantLimits.requestsPerSecond`)
/// is answered 429 with `Retry-After`.
struct TenantAccessMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext
    /// The keys, or `nil` when the service runs without them (every request is the default tenant).
    let keys: APIKeys?
    /// The tenant whose keys may read `/metrics`, or `nil` for open metrics.
    let metricsTenant: String?
    /// Each tenant's limits.
    let tenants: Tenants
    /// Each tenant's request rate on this replica.
    let rates: RequestRate
    /// Where refusals and requests per tenant are counted.
    let metrics: ServiceMetrics

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        var context = context
        if let keys, path.hasPrefix("/v1/") || (path == "/metrics" && metricsTenant != nil) {
            context.tenant = try Self.tenant(of: request, keys: keys)
            if path == "/metrics", let metricsTenant, context.tenant != metricsTenant {
                throw Problem(.forbidden, type: "/problems/forbidden", title: "Forbidden",
                              detail: "Only the metrics tenant's keys may read /metrics.")
            }
        }
        guard path.hasPrefix("/v1/") else { return try await next(request, context) }
        if let rate = tenants.limits(of: context.tenant).requestsPerSecond, let wait = rates.take(context.tenant, rate: rate) {
            metrics.tenantRefusal(context.tenant, limit: "rate")
            throw Problem.tenantLimit("This key's tenant may send \(rate) requests a second; retry in \(wait) s.", retryAfter: wait)
        }
        metrics.tenantRequest(context.tenant)
        return try await next(request, context)
    }

    /// The tenant of the request's bearer key: 401 without one, 403 for a key not in the file.
    private static func tenant(of request: Request, keys: APIKeys) throws(Problem) -> String {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer "),
              case let token = header.dropFirst("bearer ".count).drop(while: { $0 == " " }), !token.isEmpty
        else {
            throw Problem(.unauthorized, type: "/problems/unauthorized", title: "Unauthorized",
                          detail: "This service needs an API key: send 'Authorization: Bearer KEY'.")
        }
        guard let tenant = keys.tenant(for: token) else {
            throw Problem(.forbidden, type: "/problems/forbidden", title: "Forbidden", detail: "The API key is not allowed.")
        }
        return tenant
    }
}

// 405 for a method the document does not declare on a path it declares (RFC 9110 §15.5.6).
import Hummingbird

/// Answers a request whose path the OpenAPI document declares, with a method it does not declare
/// for that path, with 405 and an `Allow` header listing the declared methods; everything else goes on.
struct MethodNotAllowedMiddleware<Context: RequestContext>: RouterMiddleware {
    let contract: ServiceContract

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let methods = contract.methods(for: request.uri.path), !methods.contains(request.method.rawValue) else {
            return try await next(request, context)
        }
        let allowed = methods.sorted().joined(separator: ", ")
        var problem = Problem(.methodNotAllowed, type: "/problems/method-not-allowed", title: "Method not allowed",
                              detail: "\(request.method) is not allowed on \(request.uri.path); use \(allowed).")
        problem.allow = allowed
        return try problem.response(from: request, context: context)
    }
}

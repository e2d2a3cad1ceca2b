// swift-openapi-runtime percent-encodes response header values (apple/swift-openapi-generator#827,
// #857, open): `Location: /v1/jobs/ID` would go out as `%2Fv1%2Fjobs%2FID`. RFC 9110 sends a URI
// reference as it is, so the `Location` the handlers set is decoded again on its way out.
import HTTPTypes
import OpenAPIRuntime

/// Undoes the runtime's percent-encoding of the `Location` header (Docs/service.md, "The contract").
struct LocationHeaderMiddleware: ServerMiddleware {
    func intercept(_ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
                   next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?))
        async throws -> (HTTPResponse, HTTPBody?) {
        var (response, responseBody) = try await next(request, body, metadata)
        if let location = response.headerFields[.location], let decoded = location.removingPercentEncoding {
            response.headerFields[.location] = decoded
        }
        return (response, responseBody)
    }
}

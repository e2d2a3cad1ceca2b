// The service's OpenAPI document as the running service knows it: served as it is, and asked which
// methods each path takes.
import Foundation
import StrictJSON

/// The OpenAPI document (`openapi.json`, a resource of this module; Docs/openapi.json links to it),
/// served at `GET /openapi.json`: the same file the routes were generated from.
struct ServiceContract: Sendable {
    /// The document, byte for byte.
    let document: Data
    /// Each path of the document (`/v1/jobs/{id}`) split into segments, with the methods it declares.
    let paths: [(segments: [String], methods: Set<String>)]

    /// The resource bundle's file name on Linux and macOS (SwiftPM names it PACKAGE_TARGET).
    static let bundleName = "CapacityPlanner_CapacityPlannerServer"

    /// Reads the document installed beside the executable (or the test bundle).
    ///
    /// - Throws: `ServiceConfigurationError` when the resource bundle is missing (the executable was
    ///   copied without `CapacityPlanner_CapacityPlannerServer.resources`) or the document does not parse.
    static func installed() throws(ServiceConfigurationError) -> ServiceContract {
        let candidates = [Bundle.main.bundleURL, Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent()]
            .compactMap { $0 }
            .flatMap { [$0.appendingPathComponent("\(bundleName).resources"), $0.appendingPathComponent("\(bundleName).bundle")] }
        for directory in candidates {
            for file in [directory.appendingPathComponent("openapi.json"),
                         directory.appendingPathComponent("Contents/Resources/openapi.json")] {
                if let data = try? Data(contentsOf: file) { return try ServiceContract(document: data) }
            }
        }
        throw ServiceConfigurationError(problems: [
            "the OpenAPI document is not installed: \(bundleName).resources/openapi.json must sit beside the executable"])
    }

    /// The contract of `document`.
    init(document: Data) throws(ServiceConfigurationError) {
        guard let value = try? JSONValue(parsing: Array(document)), case .object(let paths)? = value["paths"] else {
            throw ServiceConfigurationError(problems: ["the OpenAPI document does not parse or has no paths"])
        }
        self.document = document
        let verbs: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]
        self.paths = paths.map { path, item in
            var methods: Set<String> = []
            if case .object(let members) = item {
                for (key, _) in members where verbs.contains(key) { methods.insert(key.uppercased()) }
            }
            return (path.split(separator: "/").map(String.init), methods)
        }
    }

    /// The methods the document declares for `path`, or `nil` when it declares no such path.
    func methods(for path: String) -> Set<String>? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        for (template, methods) in paths where template.count == segments.count {
            let matches = zip(template, segments).allSatisfy { pattern, segment in
                (pattern.hasPrefix("{") && pattern.hasSuffix("}") && !segment.isEmpty) || pattern == segment
            }
            if matches { return methods }
        }
        return nil
    }
}

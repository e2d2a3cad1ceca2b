// A small JSON Schema checker for the subset Docs/openapi.json uses: type, required, properties,
// items, enum, $ref. Enough to hold the service's real responses to the published document.
import StrictJSON
import CapacityPlanning
import Foundation

struct SchemaValidator {
    /// The OpenAPI document.
    let document: JSONValue

    struct Failure: Error, CustomStringConvertible {
        var path: String
        var message: String
        var description: String { "\(path.isEmpty ? "(root)" : path): \(message)" }
    }

    /// Loads Docs/openapi.json from the repository.
    static func load() throws -> SchemaValidator {
        SchemaValidator(document: try JSONValue(parsing: Data(contentsOf: Repository.root.appendingPathComponent("Docs/openapi.json"))))
    }

    /// Checks a real response against the document: its status and content type are documented
    /// for the operation, and its JSON body follows the schema.
    func check(path: String, method: String, status: Int, contentType: String, body: Data) throws {
        let media = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? contentType
        guard let operation = document["paths"]?[path]?[method.lowercased()] else {
            throw Failure(path: path, message: "\(method) is not in the document")
        }
        guard var response = operation["responses"]?[String(status)] else {
            throw Failure(path: path, message: "\(method) does not document status \(status)")
        }
        if case .string(let ref)? = response["$ref"] { response = try resolve(ref) }
        guard let schema = response["content"]?[media]?["schema"] else {
            throw Failure(path: path, message: "\(method) \(status) does not document \(media)")
        }
        if media.hasSuffix("json") { try validate(try JSONValue(parsing: body), schema: schema, path: "") }
    }

    func resolve(_ reference: String) throws -> JSONValue {
        guard reference.hasPrefix("#/") else { throw Failure(path: reference, message: "only local references") }
        var node = document
        for part in reference.dropFirst(2).split(separator: "/") {
            guard let next = node[String(part)] else { throw Failure(path: reference, message: "unresolved reference") }
            node = next
        }
        return node
    }

    func validate(_ value: JSONValue, schema: JSONValue, path: String) throws {
        if case .string(let ref)? = schema["$ref"] {
            try validate(value, schema: resolve(ref), path: path)
            return
        }
        if case .string(let type)? = schema["type"] {
            let ok: Bool
            switch (type, value) {
            case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("number", .number): ok = true
            case ("integer", .number(let n)): ok = n == n.rounded()
            case ("object", _), ("array", _), ("string", _), ("boolean", _), ("number", _), ("integer", _): ok = false
            default: ok = true
            }
            guard ok else { throw Failure(path: path, message: "expected \(type)") }
        }
        if case .array(let options)? = schema["enum"], !options.contains(value) {
            throw Failure(path: path, message: "not one of the allowed values")
        }
        if case .object = value {
            if case .array(let required)? = schema["required"] {
                for case .string(let key) in required where value[key] == nil {
                    throw Failure(path: path, message: "missing required '\(key)'")
                }
            }
            if case .object(let properties)? = schema["properties"] {
                for (key, subschema) in properties {
                    if let child = value[key] { try validate(child, schema: subschema, path: path.isEmpty ? key : "\(path).\(key)") }
                }
            }
        }
        if case .array(let elements) = value, let items = schema["items"] {
            for (k, element) in elements.enumerated() { try validate(element, schema: items, path: "\(path)[\(k)]") }
        }
    }
}

/// Paths in the repository.
enum Repository {
    /// The repository's root (three levels above this file).
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// An example scenario's bytes.
    static func example(_ name: String) throws -> Data {
        try Data(contentsOf: root.appendingPathComponent("Examples").appendingPathComponent(name))
    }
}

// A small JSON Schema checker for the subset Docs/openapi.json uses: type, required, properties,
// items, enum, $ref. It checks what the generated types do not make right by construction: every
// status and content type a response has is documented, and the bodies written by hand are
// what the document says: problem+json, and the domain's documents that replace generated types
// (`typeOverrides` in openapi-generator-config.yaml: plans, check and conflict reports), wherever
// they appear (a job's plan too). A job's, a sweep's or the health body is a generated type.
import StrictJSON
import CapacityPlanning
import Foundation

struct SchemaValidator {
    /// The OpenAPI document.
    let document: JSONValue
    /// The schemas the server writes with the domain's own types, not generated ones.
    let handWritten: Set<String>

    struct Failure: Error, CustomStringConvertible {
        var path: String
        var message: String
        var description: String { "\(path.isEmpty ? "(root)" : path): \(message)" }
    }

    /// Loads Docs/openapi.json and the generator's type overrides from the repository.
    static func load() throws -> SchemaValidator {
        let server = Repository.root.appendingPathComponent("Sources/CapacityPlannerServer")
        let document = try JSONValue(parsing: Data(contentsOf: server.appendingPathComponent("openapi.json")))
        let config = try String(contentsOf: server.appendingPathComponent("openapi-generator-config.yaml"), encoding: .utf8)
        // The `typeOverrides: schemas:` block: `    Name: SwiftType` lines.
        var overridden: Set<String> = []
        var inSchemas = false
        for line in config.components(separatedBy: "\n") {
            if line.hasPrefix("  schemas:") { inSchemas = true; continue }
            guard inSchemas else { continue }
            guard line.hasPrefix("    "), let name = line.split(separator: ":").first else { break }
            overridden.insert(name.trimmingCharacters(in: .whitespaces))
        }
        return SchemaValidator(document: document, handWritten: overridden)
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
        if media.hasSuffix("json") {
            try validate(try JSONValue(parsing: body), schema: schema, path: "", checking: media == "application/problem+json")
        }
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

    /// Checks `value` against `schema` where `checking` (a hand-written body), and looks inside
    /// generated ones for hand-written bodies they carry.
    func validate(_ value: JSONValue, schema: JSONValue, path: String, checking: Bool) throws {
        if case .string(let ref)? = schema["$ref"] {
            let name = String(ref.split(separator: "/").last ?? "")
            try validate(value, schema: resolve(ref), path: path, checking: checking || handWritten.contains(name))
            return
        }
        if case .array(let options)? = schema["oneOf"] ?? schema["anyOf"], !checking {
            // A generated union (`anyOf: [Plan, null]`): a value that is not null must be one of
            // the hand-written bodies it names, when it names any.
            let named = options.filter { option in
                if case .string(let ref)? = option["$ref"] { return handWritten.contains(String(ref.split(separator: "/").last ?? "")) }
                return false
            }
            guard value != .null, !named.isEmpty else { return }
            var failures: [Failure] = []
            for option in named {
                do { try validate(value, schema: option, path: path, checking: true); return } catch let failure as Failure { failures.append(failure) }
            }
            throw failures[0]
        }
        guard checking else {
            if case .object(let properties)? = schema["properties"] {
                for (key, subschema) in properties {
                    if let child = value[key] { try validate(child, schema: subschema, path: path.isEmpty ? key : "\(path).\(key)", checking: false) }
                }
            }
            if case .array(let elements) = value, let items = schema["items"] {
                for (k, element) in elements.enumerated() { try validate(element, schema: items, path: "\(path)[\(k)]", checking: false) }
            }
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
                    if let child = value[key] { try validate(child, schema: subschema, path: path.isEmpty ? key : "\(path).\(key)", checking: true) }
                }
            }
        }
        if case .array(let elements) = value, let items = schema["items"] {
            for (k, element) in elements.enumerated() { try validate(element, schema: items, path: "\(path)[\(k)]", checking: true) }
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

// Decodes XML into Decodable models through a tree that Foundation's parser builds from a stream.
//
// Why not XMLCoder's decoder (which the writers use): on Linux it hands Foundation's
// XMLParser the whole file as one chunk, and libxml2 then refuses any document larger than
// 10,000,000 bytes ("Huge input lookup"): a 1,000-project Microsoft Project file is 14 MB.
// Fed from a stream, the same parser reads it in chunks without that limit, and faster.
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An element: its local name, attributes, child elements and text.
final class XMLNode {
    let name: String
    let attributes: [String: String]
    var children: [XMLNode] = []
    var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// The attribute `name`, also when written with a prefix (`r:id` for `id`).
    func attribute(_ name: String) -> String? {
        attributes[name] ?? attributes.first { $0.key.hasSuffix(":" + name) }?.value
    }
}

/// Reads XML into `XMLNode`s and decodes models from them.
///
/// The models it serves have text leaves (attributes or the text of a child element), `Int`
/// leaves, nested elements, and arrays of repeated child elements; `""` as a key is the
/// element's own text.
enum XMLTreeDecoder {
    /// The root element of `data`, or the reason why it is not XML this reader takes: not UTF-8,
    /// a DTD (`XMLInputCheck`), or not well-formed (the parser's reason).
    static func parse(_ data: Data) throws(XMLTreeError) -> XMLNode {
        try XMLInputCheck.check(data)
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldProcessNamespaces = true
        let builder = TreeBuilder()
        parser.delegate = builder
        let parsed = parser.parse()
        if let exceeded = builder.exceeded { throw XMLTreeError(message: exceeded + " (line \(parser.lineNumber))") }
        // A stream that ends inside an element parses without complaint: an element still open is the sign.
        guard parsed, builder.stack.isEmpty, let root = builder.root else {
            let line = parser.lineNumber, column = parser.columnNumber
            if parser.parserError == nil, let open = builder.stack.last {
                throw XMLTreeError(message: "the XML ends inside <\(open.name)> (line \(line)): the file is cut short")
            }
            throw XMLTreeError(message: "the XML is not well-formed at line \(line), column \(column)"
                               + (parser.parserError.map { " (\($0.localizedDescription))" } ?? ""))
        }
        return root
    }

    /// A `T` decoded from the root element of `data`.
    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try T(from: NodeDecoder(node: try parse(data), codingPath: []))
    }
}

/// XML that cannot be read, in words.
struct XMLTreeError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// How much of a document the tree holds at most: what the tree costs is counted as it grows,
/// whatever the file or a zip header says of its size.
enum XMLLimits {
    /// Elements in one document. A tree costs about 250 bytes an element (measured: a
    /// 1,000-project Microsoft Project file, 309,105 elements, imports in 89 MB), so this keeps
    /// a tree near 125 MB; that file has about 60 % of it.
    static let maxElements = 500_000
    /// Elements open at once. SpreadsheetML and Project XML nest 6 deep.
    static let maxDepth = 100
    /// Characters of one element's text. Excel holds at most 32,767 in a cell.
    static let maxTextBytes = 1 << 20
}

/// Builds the tree from the parser's events, stopping the parser at the first limit passed.
private final class TreeBuilder: NSObject, XMLParserDelegate {
    var stack: [XMLNode] = []
    var root: XMLNode?
    /// Which limit (`XMLLimits`) stopped the parse, in words.
    var exceeded: String?
    private var elements = 0

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        guard exceeded == nil else { return }
        elements += 1
        if elements > XMLLimits.maxElements {
            stop(parser, "the XML has more than \(XMLLimits.maxElements) elements, more than a portfolio's file needs "
                 + "(split the portfolio, or drop data it does not need)")
            return
        }
        if stack.count >= XMLLimits.maxDepth {
            stop(parser, "the XML nests elements more than \(XMLLimits.maxDepth) deep; Excel and Project files nest a few")
            return
        }
        let node = XMLNode(name: elementName, attributes: attributes)
        stack.last?.children.append(node)
        if stack.isEmpty { root = node }
        stack.append(node)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        _ = stack.popLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { append(string, parser) }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        append(String(decoding: CDATABlock, as: UTF8.self), parser)
    }

    private func append(_ text: String, _ parser: XMLParser) {
        guard exceeded == nil, let node = stack.last else { return }
        // Layout between child elements (no model reads mixed content) is not kept.
        if !node.children.isEmpty, text.allSatisfy(\.isWhitespace) { return }
        guard node.text.utf8.count + text.utf8.count <= XMLLimits.maxTextBytes else {
            stop(parser, "<\(node.name)> holds more than \(XMLLimits.maxTextBytes >> 20) MiB of text")
            return
        }
        node.text += text
    }

    private func stop(_ parser: XMLParser, _ reason: String) {
        exceeded = reason
        parser.abortParsing()
    }
}

/// Arrays decode from the repeated child elements of one name.
private protocol RepeatedElements {
    static func decode(_ nodes: [XMLNode], codingPath: [any CodingKey]) throws -> Self
}

extension Array: RepeatedElements where Element: Decodable {
    fileprivate static func decode(_ nodes: [XMLNode], codingPath: [any CodingKey]) throws -> Self {
        try nodes.map { try Element(from: NodeDecoder(node: $0, codingPath: codingPath)) }
    }
}

private struct NodeDecoder: Decoder {
    let node: XMLNode
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(NodeContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw DecodingError.typeMismatch([Any].self, .init(codingPath: codingPath, debugDescription: "arrays are repeated elements"))
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        TextContainer(text: node.text, codingPath: codingPath, node: node)
    }
}

/// Text as one of the scalar types the models use.
private func scalar<T>(_ text: String, as type: T.Type, codingPath: [any CodingKey]) throws -> T {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    let value: Any?
    switch type {
    case is String.Type: value = trimmed
    case is Int.Type: value = Int(trimmed)
    case is Double.Type: value = Double(trimmed)
    case is Bool.Type: value = ["1", "true"].contains(trimmed.lowercased()) ? true : ["0", "false", ""].contains(trimmed.lowercased()) ? false : nil
    default: value = nil
    }
    guard let typed = value as? T else {
        throw DecodingError.typeMismatch(T.self, .init(codingPath: codingPath, debugDescription: "'\(trimmed)' is not a \(T.self)"))
    }
    return typed
}

/// An element's text as a single value (or, for an `Optional` model, the element itself).
private struct TextContainer: SingleValueDecodingContainer {
    let text: String
    let codingPath: [any CodingKey]
    var node: XMLNode? = nil

    func decodeNil() -> Bool { false }
    func decode(_ type: Bool.Type) throws -> Bool { try scalar(text, as: type, codingPath: codingPath) }
    func decode(_ type: String.Type) throws -> String { try scalar(text, as: type, codingPath: codingPath) }
    func decode(_ type: Double.Type) throws -> Double { try scalar(text, as: type, codingPath: codingPath) }
    func decode(_ type: Float.Type) throws -> Float { Float(try scalar(text, as: Double.self, codingPath: codingPath)) }
    func decode(_ type: Int.Type) throws -> Int { try scalar(text, as: type, codingPath: codingPath) }
    func decode(_ type: Int8.Type) throws -> Int8 { try narrow(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try narrow(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try narrow(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try narrow(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try narrow(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try narrow(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try narrow(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try narrow(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try narrow(type) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == String.self || T.self == Int.self || T.self == Double.self || T.self == Bool.self {
            return try scalar(text, as: type, codingPath: codingPath)
        }
        guard let node else {
            throw DecodingError.typeMismatch(T.self, .init(codingPath: codingPath, debugDescription: "text is not a \(T.self)"))
        }
        return try T(from: NodeDecoder(node: node, codingPath: codingPath))
    }

    private func narrow<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        guard let value = T(exactly: try scalar(text, as: Int.self, codingPath: codingPath)) else {
            throw DecodingError.typeMismatch(T.self, .init(codingPath: codingPath, debugDescription: "out of range"))
        }
        return value
    }
}

/// An element's attributes and children by key; `""` is its own text.
private struct NodeContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let node: XMLNode
    let codingPath: [any CodingKey]

    var allKeys: [Key] {
        (node.attributes.keys.map { $0 } + node.children.map(\.name)).compactMap { Key(stringValue: $0) }
    }

    func contains(_ key: Key) -> Bool {
        key.stringValue.isEmpty || node.attribute(key.stringValue) != nil || node.children.contains { $0.name == key.stringValue }
    }

    func decodeNil(forKey key: Key) throws -> Bool { !contains(key) }

    /// The text of `key`: the element's own, an attribute's, or a child element's.
    private func text(_ key: Key) throws -> TextContainer {
        let path = codingPath + [key]
        if key.stringValue.isEmpty { return TextContainer(text: node.text, codingPath: path) }
        if let value = node.attribute(key.stringValue) { return TextContainer(text: value, codingPath: path) }
        if let child = node.children.first(where: { $0.name == key.stringValue }) { return TextContainer(text: child.text, codingPath: path) }
        throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "no attribute or element '\(key.stringValue)'"))
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try text(key).decode(type) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try text(key).decode(type) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try text(key).decode(type) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try text(key).decode(type) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try text(key).decode(type) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try text(key).decode(type) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try text(key).decode(type) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try text(key).decode(type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try text(key).decode(type) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try text(key).decode(type) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try text(key).decode(type) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try text(key).decode(type) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try text(key).decode(type) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try text(key).decode(type) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let path = codingPath + [key]
        if let repeated = T.self as? any RepeatedElements.Type {
            let value = try repeated.decode(node.children.filter { $0.name == key.stringValue }, codingPath: path)
            guard let typed = value as? T else { throw DecodingError.typeMismatch(T.self, .init(codingPath: path, debugDescription: "")) }
            return typed
        }
        if T.self == String.self || T.self == Int.self || T.self == Double.self || T.self == Bool.self {
            return try text(key).decode(T.self)
        }
        guard let child = node.children.first(where: { $0.name == key.stringValue }) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "no element '\(key.stringValue)'"))
        }
        return try T(from: NodeDecoder(node: child, codingPath: path))
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        guard let child = node.children.first(where: { $0.name == key.stringValue }) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "no element '\(key.stringValue)'"))
        }
        return KeyedDecodingContainer(NodeContainer<NestedKey>(node: child, codingPath: codingPath + [key]))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        throw DecodingError.typeMismatch([Any].self, .init(codingPath: codingPath + [key], debugDescription: "arrays are repeated elements"))
    }

    func superDecoder() throws -> any Decoder { NodeDecoder(node: node, codingPath: codingPath) }
    func superDecoder(forKey key: Key) throws -> any Decoder { NodeDecoder(node: node, codingPath: codingPath + [key]) }
}

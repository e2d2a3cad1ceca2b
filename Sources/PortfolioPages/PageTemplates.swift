// A page's mustache templates: parsed once from the bytes SwiftPM embeds, rendered against a view model.
import Mustache

/// The templates of one kind of page (a page and the partials it includes), by name.
///
/// Templates are resource files of the front end that owns the page, embedded in its binary
/// (`resources: [.embedInCode("Templates")]`), so a copied executable needs no resource
/// bundle beside it. Each is rendered with HTML escaping: `{{field}}` escapes `& < > " '`,
/// `{{{field}}}` writes a field as it is and is not used on text from outside. View models
/// are plain values with numbers already formatted (`SVG.number`) and outside text as
/// `PageText`; the templates use double-quoted attributes only.
public struct PageTemplates: Sendable {
    private let library: MustacheLibrary
    private let names: Set<String>

    /// Parses `sources`: template name (what `{{> name}}` includes) → the template's UTF-8 bytes.
    ///
    /// - Throws: `PageTemplateError` naming the template that is not UTF-8, does not parse (with
    ///   the line and column of the fault) or includes a partial that is not among `sources`
    ///   (the engine would render it as nothing).
    public init(_ sources: [String: [UInt8]]) throws(PageTemplateError) {
        var library = MustacheLibrary()
        for (name, bytes) in sources.sorted(by: { $0.key < $1.key }) {
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw PageTemplateError(template: name, message: "is not UTF-8")
            }
            for partial in Self.partials(in: text) where sources[partial] == nil {
                throw PageTemplateError(template: name, message: "includes {{> \(partial)}}, which is not a template")
            }
            do {
                library.register(try MustacheTemplate(string: text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                throw PageTemplateError(template: name, message: "line \(error.context.lineNumber), column "
                                        + "\(error.context.columnNumber): \(error.error)")
            } catch {
                throw PageTemplateError(template: name, message: "\(error)")
            }
        }
        self.library = library
        names = Set(sources.keys)
    }

    /// The names of the partials `text` includes (`{{> name}}`, `{{>name}}`).
    static func partials(in text: String) -> [String] {
        var names: [String] = []
        var rest = text[...]
        while let open = rest.firstRange(of: "{{>") {
            rest = rest[open.upperBound...]
            guard let close = rest.firstRange(of: "}}") else { break }
            names.append(String(rest[..<close.lowerBound].filter { $0 != " " && $0 != "\t" }))
            rest = rest[close.upperBound...]
        }
        return names
    }

    /// `model` laid out by the template `name`.
    ///
    /// - Throws: `PageTemplateError` when there is no template of that name.
    public func render(_ model: some Sendable, with name: String) throws(PageTemplateError) -> String {
        guard names.contains(name), let page = library.render(model, withTemplate: name) else {
            throw PageTemplateError(template: name, message: "no such template")
        }
        return page
    }
}

/// A page template that cannot be used: missing, not UTF-8 or not valid mustache.
public struct PageTemplateError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The template's name.
    public var template: String
    /// What is wrong with it.
    public var message: String

    /// A fault in `template`.
    public init(template: String, message: String) {
        self.template = template
        self.message = message
    }

    /// `template NAME: message`.
    public var description: String { "template \(template): \(message)" }
}

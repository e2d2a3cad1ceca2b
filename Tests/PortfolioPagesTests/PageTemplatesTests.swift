// Loading and rendering templates: a broken or missing template is a typed error, never a crash.
import PortfolioPages
import Testing

@Suite("page templates")
struct PageTemplatesTests {
    @Test("partials, sections and plain values")
    func rendering() throws {
        let templates = try PageTemplates([
            "page": Array("<ul>{{#items}}{{>item}}{{/items}}</ul>{{^items}}none{{/items}}".utf8),
            "item": Array(#"<li class="{{kind}}">{{name}}</li>"#.utf8),
        ])
        struct Item: Sendable { var kind: String; var name: PageText }
        struct Page: Sendable { var items: [Item] }
        #expect(try templates.render(Page(items: [Item(kind: "a", name: "x<y"), Item(kind: "b", name: "z")]), with: "page")
                == #"<ul><li class="a">x&lt;y</li><li class="b">z</li></ul>"#)
        #expect(try templates.render(Page(items: []), with: "page") == "<ul></ul>none")
    }

    @Test("a plain String is escaped too")
    func plainStrings() throws {
        let templates = try PageTemplates(["t": Array("{{s}}".utf8)])
        #expect(try templates.render(["s": "\"<&>'"], with: "t") == "&quot;&lt;&amp;&gt;&#39;")
    }

    @Test("a partial that is not a template is an error, not an empty include")
    func missingPartial() {
        #expect(throws: PageTemplateError(template: "page", message: "includes {{> itme}}, which is not a template")) {
            try PageTemplates(["page": Array("<ul>{{> itme}}</ul>".utf8), "item": Array("<li/>".utf8)])
        }
    }

    @Test("a template that does not parse names itself, its line and column")
    func parseError() {
        #expect {
            try PageTemplates(["good": Array("ok".utf8), "bad": Array("line 1\n{{#open}} never closed".utf8)])
        } throws: { error in
            guard let error = error as? PageTemplateError else { return false }
            return error.template == "bad" && error.message.contains("line")
        }
    }

    @Test("bytes that are not UTF-8, and a template that does not exist")
    func otherErrors() throws {
        #expect(throws: PageTemplateError(template: "t", message: "is not UTF-8")) {
            try PageTemplates(["t": [0x61, 0xFF, 0x62]])
        }
        let templates = try PageTemplates(["t": Array("x".utf8)])
        #expect(throws: PageTemplateError(template: "nope", message: "no such template")) {
            try templates.render(["a": "b"], with: "nope")
        }
    }
}

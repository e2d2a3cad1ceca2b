// What a page does with text from outside: the engine escapes markup, PageText removes what escaping misses.
import PortfolioPages
import Testing

@Suite("page text")
struct PageTextTests {
    /// `text` written by a template into element content and into a double-quoted attribute.
    private func rendered(_ text: PageText) throws -> String {
        let templates = try PageTemplates(["t": Array(#"<p title="{{text}}">{{text}}</p>"#.utf8)])
        return try templates.render(["text": text], with: "t")
    }

    @Test("the engine escapes & < > \" ' in content and attributes")
    func escaping() throws {
        #expect(try rendered(PageText(#"<a href="x">Tom & 'Jerry'</a>"#))
                == #"<p title="&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;">"#
                + "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;</p>")
        #expect(try rendered("Zoë · 東京") == #"<p title="Zoë · 東京">Zoë · 東京</p>"#)
    }

    @Test("a scenario name with a script, quotes and control characters comes out inert")
    func hostileName() throws {
        let html = try rendered(PageText("<script>alert(\"x\")</script> & 'co'\u{0}\u{1B}[31m\u{7F}"))
        #expect(html == #"<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;\#u{FFFD}\#u{FFFD}[31m\#u{FFFD}">"#
                + "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;\u{FFFD}\u{FFFD}[31m\u{FFFD}</p>")
        #expect(!html.contains("<script"))
    }

    @Test("control characters become U+FFFD; tab, line feed and carriage return stay")
    func controls() {
        #expect(PageText("a\u{0}b\u{8}\u{B}\u{C}\u{1F}\u{7F}c").description == "a\u{FFFD}b\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}c")
        #expect(PageText("a\tb\nc\r\nd").description == "a\tb\nc\r\nd")
        #expect(PageText("naïve e\u{301} 👩‍👩‍👧").description == "naïve e\u{301} 👩‍👩‍👧", "clusters without markup are kept")
    }

    @Test("a markup character inside a grapheme cluster is still escaped", arguments: [
        // A quote with a combining accent would be one Character, which the engine does not recognise as a quote.
        ("x\"\u{301} onmouseover=alert(1) \"", "x&quot;\u{FFFD} onmouseover=alert(1) &quot;"),
        // A prepended concatenation mark joins the quote that follows it.
        ("\u{600}\"", "\u{FFFD}&quot;"),
        ("<\u{200D}script>", "&lt;\u{FFFD}script&gt;"),
        ("'\u{301}&\u{302}>\u{338}", "&#39;\u{FFFD}&amp;\u{FFFD}&gt;\u{FFFD}"),
    ])
    func entangledMarkup(_ text: String, _ escaped: String) throws {
        #expect(try rendered(PageText(text)) == "<p title=\"\(escaped)\">\(escaped)</p>")
    }

    @Test("interpolations and literals are sanitised as a whole")
    func interpolation() {
        let name = "a\u{1}b"
        let text: PageText = "\(name): 3 h"
        #expect(text.description == "a\u{FFFD}b: 3 h")
        #expect(PageText.truncated("abcdef", 4).description == "abc…")
        #expect(PageText.truncated("abc", 4).description == "abc")
    }
}

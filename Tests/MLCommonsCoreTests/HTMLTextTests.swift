import MLCommonsCore
import Testing

/// jsoup's `body.text()` for the pages WebSearchTool reads.
@Suite("HTML text")
struct HTMLTextTests {
    @Test func bodyTextAsJsoupGivesIt() {
        let page = HTMLText(html: """
            <html><head><title>Head title</title><style>p { color: red }</style></head>
            <body><!-- hidden --><h1>Big&nbsp;News</h1><p>One <b>bold</b>word, &lt;tag&gt; &amp; &#233;&#x41;.</p>
            <script>var x = "<p>no</p>";</script><ul><li>a</li><li>b</li></ul>line<br>break &bogus; &amp</body></html>
            """)
        #expect(page.body == "Big News One boldword, <tag> & éA. a b line break &bogus; &amp")
        #expect(page.titleInBody == "")
        #expect(HTMLText(html: "<body><title>In body</title>text</body>").titleInBody == "In body")
        #expect(HTMLText(html: "just text").body == "just text")
    }
}

import MLCommonsCore
import Testing

@Suite("JSON escaping and the isJson test")
struct JSONEscapingTests {
    @Test func escapeJsonMatchesCommonsText() {
        #expect(JSONEscaping.escapeJson("1/2") == #"1\/2"#)
        #expect(JSONEscaping.escapeJson("é") == #"\u00E9"#)
        #expect(JSONEscaping.escapeJson("😀") == #"\uD83D\uDE00"#)
        #expect(JSONEscaping.escapeJson("a\"b\\c") == #"a\"b\\c"#)
        #expect(JSONEscaping.escapeJson("\n\t\r\u{08}\u{0C}") == #"\n\t\r\b\f"#)
        #expect(JSONEscaping.escapeJson("\u{01}\u{1F}\u{7F}\u{2028}") == #"\u0001\u001F\u007F\u2028"#)
        #expect(JSONEscaping.escapeJson("What's ~ <b>?") == "What's ~ <b>?")
        #expect(JSONEscaping.escapeJson("openai/v1/chat/completions") == #"openai\/v1\/chat\/completions"#)
    }

    @Test func processTextDocIsGsonStringEscapingWithoutQuotes() {
        #expect(JSONEscaping.processTextDoc("a\"b\\c/é😀") == #"a\"b\\c/é😀"#)
        #expect(JSONEscaping.processTextDoc("line\nnext\ttab\u{01}\u{2028}") == #"line\nnext\ttab\u0001\u2028"#)
        #expect(JSONEscaping.processTextDoc("<>&='") == "<>&='")
        #expect(JSONEscaping.processTextDoc(#"["a","b"]"#) == #"[\"a\",\"b\"]"#)
    }

    @Test func unescapeJavaMatchesCommonsText() throws {
        #expect(try JSONEscaping.unescapeJava(#"openai\/v1\/chat\/completions"#) == "openai/v1/chat/completions")
        #expect(try JSONEscaping.unescapeJava(#"a\u00e9\uu0041\u+0042\101\7\x\"#) == "aéABA\u{07}x")
        #expect(throws: OpenSearchError.illegalArgument(#"Less than 4 hex digits in unicode value: '\u12' due to end of CharSequence"#)) {
            try JSONEscaping.unescapeJava(#"a\u12"#)
        }
        #expect(throws: OpenSearchError.illegalArgument("Unable to parse unicode value: ZZZZ")) {
            try JSONEscaping.unescapeJava(#"a\uZZZZ"#)
        }
    }

    @Test(arguments: [
        (#"{}"#, true), (#"[]"#, true), (#"{"a":[1,{"b":null}]}"#, true), ("[1]  ", true),
        (#""str""#, false), ("123", false), ("  ", false), ("", false),
        // org.json's and lenient gson's shared leniency.
        ("[1,]", true), (#"{'a':'b'}"#, true), ("{a:b}", true), ("[hello]", true), (#"{"a":[1,,2]}"#, true),
        (#"{"a":1;"b":2}"#, true), ("{\"a\":\"x\ty\"}", true),
        // Rejected by one of the two.
        (#"{"a":1,}"#, false), (#"{"a":1} x"#, false), ("[1] // c", false), ("{\"a\":\"x\ny\"}", false),
        (#"{"a":1,"a":2}"#, false), (#"{"a":1 /*c*/}"#, false), ("[1;2]", false), (#"{"a"=1}"#, false),
        ("[hello world]", false), ("[1]]", false), (#"{"k":"\x"}"#, false),
    ])
    func isJSONAgreesWithMLCommons(text: String, expected: Bool) {
        #expect(JSONEscaping.isJSON(text) == expected)
    }

    @Test func isJSONStopsAtGsonNestingLimit() {
        let deepest = String(repeating: "[", count: 255) + String(repeating: "]", count: 255)
        let tooDeep = String(repeating: "[", count: 256) + String(repeating: "]", count: 256)
        #expect(JSONEscaping.isJSON(deepest))
        #expect(!JSONEscaping.isJSON(tooDeep))
    }

    @Test func plainJSONTakesCommentLikeTextInsideStringsOnly() {
        // Inside strings (a URL, a hash, an escaped quote before `//`): plain JSON, read in one parse.
        #expect(JSONEscaping.plainJSON(#"{"url":"https://example.com/a","t":"a # b /* c */"}"#) != nil)
        #expect(JSONEscaping.plainJSON(#"{"a":"\"//"}"#) != nil)
        // Outside strings, even right after one that ends in an escaped backslash: the slow way, as org.json has no comments.
        #expect(JSONEscaping.plainJSON("{\"a\":\"x\\\\\"//c\n}") == nil)
        #expect(JSONEscaping.plainJSON("{\"a\":1 /* c */}") == nil)
        #expect(JSONEscaping.plainJSON("[1]#") == nil)
        // Either way the verdict is the same.
        #expect(JSONEscaping.isJSON(#"{"url":"https://example.com/a"}"#))
        #expect(!JSONEscaping.isJSON("{\"a\":1 /* c */}"))
    }
}

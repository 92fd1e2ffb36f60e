import MLCommonsCore
import Testing

@Suite("JSON parsing with OpenSearch's parser rules")
struct JSONParserTests {
    @Test func keepsKeyOrderAndNumberText() throws {
        let value = try JSONParser.parse(#"{"z":1,"a":0.10,"m":[1e3,-0,true,null,"x"]}"#)
        #expect(value.objectValue?.keys == ["z", "a", "m"])
        #expect(value.compactText == #"{"z":1,"a":0.10,"m":[1e3,-0,true,null,"x"]}"#)
    }

    @Test func commentsAreAllowedLikeXContent() throws {
        let value = try JSONParser.parse("{\n// a comment\n\"a\": /* inline */ 1\n}")
        #expect(value == ["a": 1])
    }

    @Test func escapesAndSurrogatePairsDecode() throws {
        let value = try JSONParser.parse(#""\u00e9\ud83d\ude00\n\/""#)
        #expect(value == .string("é😀\n/"))
    }

    /// Plain runs before, between and after escapes; bytes that are not UTF-8 decode to U+FFFD as anywhere else.
    @Test func stringsMixPlainRunsAndEscapes() throws {
        #expect(try JSONParser.parse(#""plain""#) == .string("plain"))
        #expect(try JSONParser.parse(#""""#) == .string(""))
        #expect(try JSONParser.parse(#""pre\"mid\\post\n""#) == .string("pre\"mid\\post\n"))
        #expect(try JSONParser.parse(#"{"k\u0065y":"v"}"#) == ["key": "v"])
        #expect(try JSONParser.parse([0x22, 0x61, 0xFF, 0x62, 0x22]) == .string("a\u{FFFD}b"))
        #expect(try JSONParser.parse([0x22, 0x5C, 0x6E, 0xC3, 0x22]) == .string("\n\u{FFFD}"))
    }

    /// A control character is refused where it stands, after a plain run or after an escape.
    @Test(arguments: [("{\"a\":\"ab\u{01}\"}", 9), ("{\"a\":\"\\nb\u{01}\"}", 10)])
    func controlCharactersAreRefusedWhereTheyStand(input: String, column: Int) {
        #expect {
            _ = try JSONParser.parse(input)
        } throws: { error in
            guard let error = error as? JSONParseError else { return false }
            return error.message == "Illegal unquoted character ((CTRL-CHAR, code 1)): has to be escaped using "
                + "backslash to be included in a string value" && error.column == column
        }
    }

    @Test(arguments: [
        ("{bad", "Unexpected character ('b' (code 98)): was expecting double-quote to start field name", 1, 2, false),
        (#"{"name":"#, "Unexpected end-of-input within/between Object entries", 1, 9, true),
        ("[1,2", "Unexpected end-of-input within/between Array entries", 1, 5, true),
        ("not json", "Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')", 1, 5, false),
        (#"{"a":1,"a":2}"#, "Duplicate field 'a'", 1, 11, false),
        (#"{"a" 1}"#, "Unexpected character ('1' (code 49)): was expecting a colon to separate field name and value", 1, 6, false),
        ("{\"a\":1\n x}", "Unexpected character ('x' (code 120)): was expecting comma to separate Object entries", 2, 2, false),
        (#"{"a":"x"#, "Unexpected end-of-input: was expecting closing quote for a string value", 1, 8, true),
    ])
    func errorsReadLikeJackson(input: String, message: String, line: Int, column: Int, endOfInput: Bool) {
        #expect {
            _ = try JSONParser.parse(input)
        } throws: { error in
            guard let error = error as? JSONParseError else { return false }
            return error.message == message && error.line == line && error.column == column
                && error.isEndOfInput == endOfInput
        }
    }

    @Test func errorDescriptionCarriesTheRedactedLocation() {
        let error = JSONParseError(message: "m", line: 3, column: 4)
        #expect(error.description == "m\n at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 3, column: 4]")
        #expect(error.javaClass == "JsonParseException")
    }

    @Test func nestingIsBounded() {
        let deep = String(repeating: "[", count: JSONParser.maxNestingDepth + 1)
        #expect(throws: JSONParseError.self) { _ = try JSONParser.parse(deep) }
    }
}

@testable import MLCommonsCore
import Testing

@Suite("JSON writing: XContent and gson")
struct JSONWriterTests {
    @Test func xContentEscapesControlCharactersUpperCase() {
        #expect(JSONWriter().string(.string("a\"\\\n\t\u{01}/é")) == #""a\"\\\n\t\u0001/é""#)
    }

    @Test func gsonEscapesLowerCaseAndLineSeparators() {
        #expect(JSONWriter(escaping: .gson).string(.string("\u{1F}\u{2028}")) == #""\u001f\u2028""#)
    }

    /// Every escaping agrees, on random text full of characters that need escapes, with escaping one scalar at a
    /// time as Jackson and gson do.
    @Test(arguments: [JSONWriter.Escaping.xContent, .gson, .gsonHTMLSafe])
    func escapingCopiesRunsAndEscapesEveryCharacterThatNeedsIt(escaping: JSONWriter.Escaping) {
        let alphabet: [Unicode.Scalar] = [
            "a", "Z", " ", "\"", "\\", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{00}", "\u{1F}", "\u{7F}", "<", ">", "&",
            "=", "'", "/", "é", "\u{2028}", "\u{2029}", "\u{2027}", "\u{E280}", "€", "😀",
        ]
        var random = SplitMix64(seed: 20_261_130)
        for _ in 0..<500 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...40, using: &random) { text.append(alphabet.randomElement(using: &random)!) }
            let string = String(text)
            #expect(JSONWriter(escaping: escaping).escaped(string) == Self.escapedOneScalarAtATime(string, escaping), "\(string.debugDescription)")
        }
        #expect(JSONWriter(escaping: escaping).escaped("<a='b'&c>") == (escaping == .gsonHTMLSafe ? #"\u003ca\u003d\u0027b\u0027\u0026c\u003e"# : "<a='b'&c>"))
    }

    static func escapedOneScalarAtATime(_ text: String, _ escaping: JSONWriter.Escaping) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            let hex = { (uppercase: Bool) in
                let digits = String(scalar.value, radix: 16, uppercase: uppercase)
                return "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
            }
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{2028}" where escaping != .xContent, "\u{2029}" where escaping != .xContent: out += hex(false)
            case "<" where escaping == .gsonHTMLSafe, ">" where escaping == .gsonHTMLSafe, "&" where escaping == .gsonHTMLSafe,
                 "=" where escaping == .gsonHTMLSafe, "'" where escaping == .gsonHTMLSafe:
                out += hex(false)
            default: out += scalar.value < 0x20 ? hex(escaping == .xContent) : String(scalar)
            }
        }
        return out
    }

    @Test func prettyPrintingMatchesOpenSearch() {
        let value: JSONValue = ["a": 1, "b": ["x", ["k": true]], "c": [:], "d": []]
        #expect(JSONWriter().prettyString(value) == """
            {
              "a" : 1,
              "b" : [
                "x",
                {
                  "k" : true
                }
              ],
              "c" : { },
              "d" : [ ]
            }

            """)
    }

    @Test(arguments: [
        (33.0, "33.0"), (1_759_580_469, "1.759580469E9"), (0.0001, "1.0E-4"), (0.001, "0.001"), (0.7, "0.7"),
        (1e7, "1.0E7"), (9_999_999, "9999999.0"), (-2.5, "-2.5"), (0, "0.0"), (123_456.789, "123456.789"),
        (1e-10, "1.0E-10"), (1.2345678e21, "1.2345678E21"),
    ])
    func javaDoubleToString(value: Double, expected: String) {
        #expect(JavaDouble.string(value) == expected)
    }

    @Test func gsonNormalizationTurnsEveryNumberIntoADouble() throws {
        let upstream = try JSONParser.parse(#"{"created":1759580469,"index":0,"usage":{"prompt_tokens":33},"p":0.5,"n":null}"#)
        #expect(upstream.gsonNormalized.gsonText == #"{"created":1.759580469E9,"index":0.0,"usage":{"prompt_tokens":33.0},"p":0.5,"n":null}"#)
    }
}

@Suite("gson doubles of integers")
struct GsonIntegerDoubleTests {
    /// The digit-based rendering equals the general one for every integer shape a stream carries.
    @Test func integersRenderAsJavaDoubles() {
        let samples = ["0", "-0", "7", "-7", "1234567", "9999999", "10000000", "1732000000", "-1732000001",
                       "100000000000000", "999999999999999", "120", "4096"]
        for sample in samples {
            #expect(JSONNumber.javaDoubleTextOfInteger(sample) == JavaDouble.string(Double(sample)!), "\(sample)")
        }
        for sample in ["01", "1.5", "1e3", "1234567890123456", "", "-", "+1"] {
            #expect(JSONNumber.javaDoubleTextOfInteger(sample) == nil, "\(sample)")
        }
    }
}

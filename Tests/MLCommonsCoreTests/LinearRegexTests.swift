import MLCommonsCore
import Testing

@Suite("LinearRegex (Java syntax, linear time)")
struct LinearRegexTests {
    /// (pattern, text, Java `matches()`, Java `find()`), checked against JDK 25's `java.util.regex`.
    static let table: [(String, String, Bool, Bool)] = [
        // Literals, `.` and line terminators.
        ("abc", "abc", true, true),
        ("abc", "xabcx", false, true),
        ("a.c", "abc", true, true),
        ("a.c", "a\nc", false, false),
        ("a.c", "a\rc", false, false),
        ("a.c", "a\u{85}c", false, false),
        ("a.c", "a\u{2028}c", false, false),
        ("(?s)a.c", "a\nc", true, true),
        ("(?d)a.c", "a\rc", true, true),
        ("a.c", "a😀c", true, true),
        // Escapes.
        (#"a\.c"#, "a.c", true, true),
        (#"a\.c"#, "abc", false, false),
        (#"\t\n\r\f\a\e"#, "\t\n\r\u{0C}\u{07}\u{1B}", true, true),
        (#"\0101\x41\x{1F600}\u0041\cA"#, "AA😀A\u{01}", true, true),
        (#"\uD83D\uDE00"#, "😀", true, true),
        (#"\\"#, "\\", true, true),
        (#"\*\+\?\(\)\[\]\{\}\|\^\$\-"#, "*+?()[]{}|^$-", true, true),
        ("a}]", "a}]", true, true),
        // Predefined classes are ASCII, as in Java without UNICODE_CHARACTER_CLASS.
        (#"\d+"#, "0123456789", true, true),
        (#"\d"#, "٣", false, false),
        (#"\D"#, "٣", true, true),
        (#"\w+"#, "az_AZ09", true, true),
        (#"\w"#, "é", false, false),
        (#"\W"#, "é", true, true),
        (#"\s+"#, " \t\n\u{0B}\u{0C}\r", true, true),
        (#"\s"#, "\u{A0}", false, false),
        (#"\S+"#, "ab", true, true),
        (#"\h"#, "\u{A0}", true, true),
        (#"\v"#, "\u{2028}", true, true),
        // Boundaries and anchors.
        (#"\bfoo\b"#, "a foo b", false, true),
        (#"\bfoo\b"#, "afoo", false, false),
        (#"\Boo\B"#, "fooo", false, true),
        (#"\bé"#, "é", false, false),
        (#"\Aab\z"#, "ab", true, true),
        (#"ab\z"#, "ab\n", false, false),
        (#"ab\Z"#, "ab\n", false, true),
        ("ab$", "ab\n", false, true),
        ("ab$", "ab\r\n", false, true),
        ("ab$", "ab\n\n", false, false),
        ("^cd", "ab\ncd", false, false),
        ("(?m)^cd", "ab\ncd", false, true),
        ("(?m)ab$", "ab\ncd", false, true),
        ("(?m)^", "a\n", false, true),
        ("(?m)^$", "a\n", false, false),
        ("a^b", "ab", false, false),
        // Quoting.
        (#"\Qa.b*\E"#, "a.b*", true, true),
        (#"\Qa.b*\E"#, "axbb", false, false),
        (#"\Qab\E+"#, "abbb", true, true),
        (#"\Qa|b"#, "a|b", true, true),
        (#"[\Q]-\E]+"#, "]-]", true, true),
        // Classes, ranges, nesting and intersection.
        ("[abc]+", "cab", true, true),
        ("[^abc]", "d", true, true),
        ("[^abc]", "a", false, false),
        ("[a-z]+", "hello", true, true),
        ("[a-z]", "A", false, false),
        (#"[\d\w]+"#, "a1_", true, true),
        (#"[\x41-\x43]+"#, "ABC", true, true),
        ("[a-z&&[^e]]+", "abcd", true, true),
        ("[a-z&&[^e]]", "e", false, false),
        ("[a-z&&def]+", "fed", true, true),
        ("[a-z&&def]", "a", false, false),
        ("[a-e&&[^b-d]]+", "ae", true, true),
        ("[a[bc]]+", "abc", true, true),
        ("[a-c[x-z]]+", "axz", true, true),
        ("[^a[b]]", "b", false, false),
        ("[]a]+", "]a", true, true),
        ("[^]a]", "b", true, true),
        ("[a-]+", "a-", true, true),
        ("[-a]+", "-a", true, true),
        ("[.$^]+", ".$^", true, true),
        // Unicode categories and Java's ASCII POSIX classes.
        (#"\p{L}+"#, "héllo", true, true),
        (#"\pL"#, "x", true, true),
        (#"\p{Lu}"#, "É", true, true),
        (#"\p{Ll}"#, "É", false, false),
        (#"\p{N}+"#, "1٣", true, true),
        (#"\P{L}"#, "1", true, true),
        (#"\p{Digit}"#, "٣", false, false),
        (#"\p{Alpha}+"#, "abZ", true, true),
        (#"\p{Alpha}"#, "é", false, false),
        (#"\p{Alnum}+"#, "a1", true, true),
        (#"\p{Punct}+"#, "!?.", true, true),
        (#"\p{Space}+"#, " \t\n", true, true),
        (#"[\p{Lu}\d]+"#, "A1", true, true),
        (#"\p{IsAlphabetic}+"#, "é", true, true),
        (#"\p{gc=Lu}"#, "A", true, true),
        // Groups and alternation.
        ("(ab)+", "abab", true, true),
        ("(?:ab)+", "ababa", false, true),
        ("(?<word>ab)c", "abc", true, true),
        ("cat|dog", "dog", true, true),
        ("cat|dog", "hotdog", false, true),
        ("a(|b)c", "ac", true, true),
        ("|", "", true, true),
        // Quantifiers, lazy and possessive forms included.
        ("a*", "", true, true),
        ("a+", "", false, false),
        ("a?b", "b", true, true),
        ("a{3}", "aaa", true, true),
        ("a{3}", "aa", false, false),
        ("a{2,}", "aaaa", true, true),
        ("a{2,3}", "aaaa", false, true),
        ("a{0}", "", true, true),
        ("x{2}{3}", "xx", true, true),
        ("a*?b", "aab", true, true),
        ("a+?", "aaa", true, true),
        ("a??b", "ab", true, true),
        ("a{1,2}?b", "aab", true, true),
        ("a*+b", "aab", true, true),
        ("a++", "aa", true, true),
        ("a?+b", "ab", true, true),
        ("(a*)*b", "aab", true, true),
        ("(|a)+b", "aab", true, true),
        // Inline flags and their scope; case-insensitivity is ASCII-only unless `u`.
        ("(?i)abc", "ABC", true, true),
        ("(?i:a)b", "Ab", true, true),
        ("(?i:a)b", "AB", false, false),
        ("a(?i)b", "aB", true, true),
        ("a(?i)b|c", "C", true, true),
        ("(a(?i)b)c", "aBC", false, false),
        ("(?i)(?-i)a", "A", false, false),
        ("(?i)é", "É", false, false),
        ("(?iu)é", "É", true, true),
        ("(?i)[a-c]+", "ABC", true, true),
        ("(?i)[^a]", "A", false, false),
        ("(?is)A.B", "a\nb", true, true),
        // The default trusted connector endpoints.
        (#"^https://api\.openai\.com/.*$"#, "https://api.openai.com/v1/chat/completions", true, true),
        (#"^https://api\.openai\.com/.*$"#, "https://evil.example/https://api.openai.com/", false, false),
        (#"^https://bedrock-runtime\..*[a-z0-9-]\.amazonaws\.com/.*$"#,
         "https://bedrock-runtime.us-east-1.amazonaws.com/model/x/invoke", true, true),
        (#"^https://rekognition(-fips)?\..*[a-z0-9-]\.amazonaws\.com$"#,
         "https://rekognition-fips.us-east-1.amazonaws.com", true, true),
    ]

    @Test func matchesLikeJava() throws {
        for (pattern, text, whole, found) in Self.table {
            let regex = try LinearRegex(pattern)
            #expect(try regex.wholeMatch(text) == whole, "matches() of \(pattern) on \(text.debugDescription)")
            #expect(try regex.isFound(in: text) == found, "find() of \(pattern) on \(text.debugDescription)")
            #expect(try (regex.firstMatch(in: text) != nil) == found, "firstMatch of \(pattern)")
        }
    }

    @Test func firstMatchRanksLikeABacktrackingEngine() throws {
        func first(_ pattern: String, _ text: String) throws -> String? {
            try LinearRegex(pattern).firstMatch(in: text).map { String(text[$0]) }
        }
        #expect(try first("a+", "baaab") == "aaa")
        #expect(try first("a+?", "baaab") == "a")
        #expect(try first("a|ab", "ab") == "a")
        #expect(try first("ab|a", "ab") == "ab")
        #expect(try first("x*", "abc") == "")
        #expect(try first("(|a)*", "a") == "")
        #expect(try first("(?:|c)+_", "c_c_") == "c_")
        #expect(try first("b", "abc") == "b")
        #expect(try first("z", "abc") == nil)
    }

    @Test func possessiveQuantifiersMatchLikeGreedyOnes() throws {
        // Java's `a*+a` never matches (the possessive star keeps every `a`); without backtracking it is greedy.
        #expect(try LinearRegex("a*+a").wholeMatch("aaa"))
    }

    @Test func catastrophicPatternsRunInLinearTime() throws {
        let thirtyAs = String(repeating: "a", count: 30)
        #expect(try LinearRegex("(a+)+$").wholeMatch(thirtyAs + "!") == false)
        #expect(try LinearRegex("(a+)+$").isFound(in: thirtyAs + "!") == false)
        #expect(try LinearRegex("(a|a)*b").wholeMatch(thirtyAs) == false)
        #expect(try LinearRegex("(a|a)*b").isFound(in: thirtyAs) == false)
        #expect(try LinearRegex("(.*a){20}").wholeMatch(thirtyAs))
        #expect(try LinearRegex("(.*a){20}").wholeMatch(thirtyAs + "b") == false)
        #expect(try LinearRegex("(.*a){20}").isFound(in: thirtyAs + "b"))
        // A budget proportional to the text proves the work is linear, independently of machine speed.
        let long = String(repeating: "a", count: 10_000) + "!"
        let nested = try LinearRegex("(a+)+$")
        #expect(try nested.wholeMatch(long, budget: 20 * long.count) == false)
        #expect(try nested.isFound(in: long, budget: 20 * long.count) == false)
    }

    private func compileError(_ pattern: String) -> LinearRegexError? {
        do {
            _ = try LinearRegex(pattern)
            return nil
        } catch {
            return error
        }
    }

    @Test func javaSyntaxErrorsCarryJavaMessages() {
        let cases: [(String, String)] = [
            ("{", "Illegal repetition"),
            ("a{", "Illegal repetition"),
            ("a{x}", "Illegal repetition"),
            ("a{,3}", "Illegal repetition"),
            ("a{2,1}", "Illegal repetition range"),
            ("a{2", "Unclosed counted closure"),
            ("*a", "Dangling meta character '*'"),
            ("a|+", "Dangling meta character '+'"),
            ("a**", "Dangling meta character '*'"),
            ("(a", "Unclosed group"),
            ("a)", "Unmatched closing ')'"),
            ("[a", "Unclosed character class"),
            ("[z-a]", "Illegal character range"),
            ("\\", "Unescaped trailing backslash"),
            (#"\y"#, "Illegal/unsupported escape sequence"),
            (#"[\b]"#, "Illegal/unsupported escape sequence"),
            (#"\x4"#, "Illegal hexadecimal escape sequence"),
            (#"\x{110000}"#, "Hexadecimal codepoint is too big"),
            (#"\u12"#, "Illegal Unicode escape sequence"),
            (#"\08"#, "Illegal octal escape sequence"),
            ("(?z)", "Unknown inline modifier"),
            ("(?<1>a)", "capturing group name does not start with a Latin letter"),
            ("(?<a>x)(?<a>y)", "Named capturing group <a> is already defined"),
            (#"\p{Nope}"#, "Unknown character property name {Nope}"),
            ("[&&]", "Bad class syntax"),
        ]
        for (pattern, description) in cases {
            let error = compileError(pattern)
            guard case .syntax = error?.kind else {
                Issue.record("\(pattern) should be a syntax error, got \(String(describing: error))")
                continue
            }
            #expect(error?.message.hasPrefix(description + " near index ") == true, "\(pattern): \(error!.message)")
        }
        #expect(compileError("a{2,1}")?.kind == .syntax(index: 1))
    }

    @Test func nonRegularConstructsAreUnsupported() {
        let cases: [(String, String)] = [
            (#"(a)\1"#, "backreferences are not supported: the pattern must be a regular language"),
            (#"(?<n>a)\k<n>"#, "backreferences are not supported: the pattern must be a regular language"),
            ("(?=a)", "lookahead"),
            ("(?!a)", "lookahead"),
            ("(?<=a)", "lookbehind"),
            ("(?<!a)", "lookbehind"),
            ("(?>a)", "atomic groups"),
            (#"\G"#, #"\G"#),
            (#"\R"#, #"\R"#),
            (#"\X"#, #"\X"#),
            ("(?x)a b", "the COMMENTS flag (?x) is not supported"),
            (#"\p{InGreek}"#, #"the character property \p{InGreek} is not supported"#),
        ]
        for (pattern, prefix) in cases {
            let error = compileError(pattern)
            guard case .unsupported = error?.kind else {
                Issue.record("\(pattern) should be unsupported, got \(String(describing: error))")
                continue
            }
            #expect(error?.message.hasPrefix(prefix) == true, "\(pattern): \(error!.message)")
        }
        #expect(compileError(#"(a)\1"#)?.kind == .unsupported(index: 3))
    }

    @Test func countedRepetitionIsBoundedBeforeExpansion() {
        let error = compileError("(a{1000}){1000}")
        #expect(error?.kind == .programTooLarge(instructions: 1_000_001))
        #expect(
            error?.message == "the pattern expands to 1000001 instructions, more than the limit of 20000; "
                + "use fewer or smaller counted repetitions")
        #expect(compileError("((a{1000}){1000}){1000}")?.kind == .programTooLarge(instructions: 1_000_000_001))
        #expect(compileError("a{0,2147483646}") != nil)
        #expect(compileError("a{19999}") == nil)
    }

    @Test func deepNestingIsRefusedWithoutExhaustingTheStack() throws {
        let deep = String(repeating: "(", count: 10_000) + String(repeating: ")", count: 10_000)
        #expect(compileError(deep)?.kind == .nestingTooDeep)
        #expect(compileError(String(repeating: "[", count: 10_000))?.kind == .nestingTooDeep)
        let limit = LinearRegex.maxNestingDepth
        let deepestGroup = String(repeating: "(", count: limit) + "a" + String(repeating: ")", count: limit)
        #expect(try LinearRegex(deepestGroup).wholeMatch("a"))
        #expect(compileError("(" + deepestGroup + ")")?.kind == .nestingTooDeep)
        let deepestClass = String(repeating: "[a", count: limit) + String(repeating: "]", count: limit)
        #expect(try LinearRegex(deepestClass).wholeMatch("a"))
    }

    @Test func stepBudgetIsEnforced() {
        let regex = try? LinearRegex("(a|b)*c")
        let text = String(repeating: "ab", count: 1000)
        do {
            _ = try regex?.isFound(in: text, budget: 100)
            Issue.record("a budget of 100 steps should not cover 2000 characters")
        } catch {
            #expect(error.kind == .budgetExceeded(budget: 100))
            #expect(error.message.hasPrefix("matching exceeded the budget of 100 steps"))
        }
        #expect(throws: LinearRegexError.self) { try regex?.wholeMatch(text, budget: 100) }
        #expect((try? regex?.wholeMatch(text)) == false)
    }

    @Test func valuesCompareByPattern() throws {
        #expect(try LinearRegex("a+") == LinearRegex("a+"))
        #expect(try LinearRegex("a+") != LinearRegex("a*"))
        #expect(try Set([LinearRegex("a"), LinearRegex("a"), LinearRegex("b")]).count == 2)
        #expect(try LinearRegex("a+").pattern == "a+")
    }

    /// Seeded random patterns from a grammar both engines read alike, checked against Swift's own `Regex`,
    /// which backtracks but is fast enough on texts this short.
    @Test func agreesWithSwiftRegexOnRandomPatterns() throws {
        var random = SplitMix64(seed: 0x5EED_1234)
        for _ in 0..<300 {
            let pattern = Self.randomAlternation(depth: 0, &random)
            let ours = try LinearRegex(pattern)
            let oracle = try Regex(pattern)
            for _ in 0..<6 {
                let length = Int(random.next() % 8)
                let text = String((0..<length).map { _ in ["a", "b", "c"][Int(random.next() % 3)] })
                #expect(try ours.wholeMatch(text) == (text.wholeMatch(of: oracle) != nil), "\(pattern) on \(text)")
                #expect(try ours.isFound(in: text) == text.contains(oracle), "\(pattern) in \(text)")
                #expect(try ours.firstMatch(in: text) == text.firstMatch(of: oracle)?.range, "\(pattern) in \(text)")
            }
        }
    }

    private static func randomAlternation(depth: Int, _ random: inout SplitMix64) -> String {
        let branches = [1, 1, 1, 2, 3][Int(random.next() % 5)]
        return (0..<branches).map { _ in randomSequence(depth: depth, &random) }.joined(separator: "|")
    }

    private static func randomSequence(depth: Int, _ random: inout SplitMix64) -> String {
        var sequence = ""
        for _ in 0...(random.next() % 4) {
            let roll = random.next() % 100
            if roll < 8 {
                // Anchors are left unquantified, where both engines agree on their meaning.
                sequence += random.next() % 2 == 0 ? "^" : "$"
                continue
            }
            var atom: String
            switch roll {
            case ..<45: atom = random.next() % 2 == 0 ? "a" : "b"
            case ..<65: atom = ["[ab]", "[^a]", "[a-c]", "[bc]", "[^bc]"][Int(random.next() % 5)]
            case ..<75: atom = "."
            default:
                atom = depth < 3
                    ? (random.next() % 2 == 0 ? "(" : "(?:") + randomAlternation(depth: depth + 1, &random) + ")"
                    : "a"
            }
            var quantifier = ""
            switch random.next() % 10 {
            case 0: quantifier = "?"
            case 1: quantifier = "*"
            case 2: quantifier = "+"
            case 3:
                let minimum = random.next() % 3
                quantifier = "{\(minimum),\(minimum + random.next() % 3)}"
            default: break
            }
            // Lazy quantifiers change which match is first, so they test the ranking of threads.
            if !quantifier.isEmpty, random.next() % 4 == 0 { quantifier += "?" }
            sequence += atom + quantifier
        }
        return sequence
    }
}

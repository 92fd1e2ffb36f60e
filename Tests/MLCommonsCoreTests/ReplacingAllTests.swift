import MLCommonsCore
import Testing

/// `replacingAll` as Java's `String.replace(CharSequence, CharSequence)` answers.
@Suite("Literal replacement")
struct ReplacingAllTests {
    @Test(arguments: [
        ("a-b-a", "a", "xy", "xy-b-xy"),
        ("aaa", "aa", "X", "Xa"),
        ("nothing here", "zz", "X", "nothing here"),
        ("key=sk-secret; again sk-secret", "sk-secret", "[REDACTED]", "key=[REDACTED]; again [REDACTED]"),
        ("café ☕ café", "café", "tea", "tea ☕ tea"),
        ("e\u{301}", "e", "x", "x\u{301}"),
        ("${a}${a}", "${a}", "", ""),
        ("ab", "abc", "X", "ab"),
    ])
    func replacesEveryOccurrenceLeftToRight(text: String, target: String, replacement: String, expected: String) {
        #expect(text.replacingAll(target, with: replacement) == expected)
    }

    /// Java would insert the replacement between every char; no caller passes an empty target, and it changes nothing.
    @Test func anEmptyTargetChangesNothing() {
        #expect("abc".replacingAll("", with: "X") == "abc")
    }
}

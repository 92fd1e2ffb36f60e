/// Shell-style matching where `*` stands for any run of characters and everything else is literal
/// (OpenSearch's `Regex.simpleMatch`, used for `_source` filters, index expressions and model names).
public enum Glob {
    /// Whether all of `text` matches `pattern`.
    public static func matches(_ pattern: String, _ text: String) -> Bool {
        // Most patterns are plain names: compared at once, without splitting a long pattern per candidate.
        guard pattern.utf8.contains(UInt8(ascii: "*")) else { return pattern == text }
        let parts = pattern.split(separator: "*", omittingEmptySubsequences: false)
        var rest = text[...]
        guard rest.hasPrefix(parts[0]) else { return false }
        rest = rest.dropFirst(parts[0].count)
        // Middle parts are matched leftmost-first, which is optimal for `*`-only globs.
        for part in parts.dropFirst().dropLast() where !part.isEmpty {
            guard let range = rest.firstRange(of: part) else { return false }
            rest = rest[range.upperBound...]
        }
        return rest.hasSuffix(parts[parts.count - 1])
    }
}

/// Lucene's `LevenshteinDistance.getDistance`: `1 − edits / longer length` over UTF-16 units, the
/// score OpenSearch ranks "did you mean" suggestions by.
public enum LevenshteinSimilarity {
    /// 1 for equal texts, down to 0 for texts with nothing in place alike.
    public static func score(_ target: String, _ other: String) -> Float {
        let source = Array(target.utf16)
        let candidate = Array(other.utf16)
        guard !source.isEmpty, !candidate.isEmpty else { return source.count == candidate.count ? 1 : 0 }
        var previous = Array(0...source.count)
        var current = [Int](repeating: 0, count: source.count + 1)
        for (row, unit) in candidate.enumerated() {
            current[0] = row + 1
            for column in 1...source.count {
                let cost = source[column - 1] == unit ? 0 : 1
                current[column] = min(current[column - 1] + 1, previous[column] + 1, previous[column - 1] + cost)
            }
            swap(&previous, &current)
        }
        return 1 - Float(previous[source.count]) / Float(max(source.count, candidate.count))
    }
}

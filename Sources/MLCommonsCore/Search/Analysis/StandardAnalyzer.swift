/// OpenSearch's `standard` analyzer: ``StandardTokenizer``, then Lucene's `LowerCaseFilter`; no stop
/// words (OpenSearch's default for it is `_none_`).
public struct StandardAnalyzer: Sendable {
    /// The tokenizer (its `maxTokenLength` is the analyzer's `max_token_length`).
    public let tokenizer: StandardTokenizer

    /// An analyzer over `tokenizer`, by default Lucene's with 255-unit tokens.
    public init(tokenizer: StandardTokenizer = StandardTokenizer()) {
        self.tokenizer = tokenizer
    }

    /// The terms `text` is indexed under, in position order.
    public func terms(_ text: String) -> [String] {
        tokenizer.tokens(text).map(Self.lowercased)
    }

    /// `Character.toLowerCase(int)` on each code point: Unicode's simple case mapping, one code point
    /// for one, so `İ` becomes `i` rather than `i̇`.
    static func lowercased(_ token: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in token.unicodeScalars {
            if scalar.isASCII {
                out.append(scalar.properties.isUppercase ? Unicode.Scalar(scalar.value + 32)! : scalar)
                continue
            }
            let mapping = scalar.properties.lowercaseMapping.unicodeScalars
            if mapping.count == 1, let single = mapping.first {
                out.append(single)
            } else if scalar.value == 0x0130 {
                out.append("i")
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}

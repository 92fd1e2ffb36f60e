import Foundation
import MLCommonsCore

/// The emulator's neural-sparse encoder and tokenizer: the text's own words with deterministic weights,
/// no expansion terms. A word's weight is a stable pseudo-IDF in [0.5, 3.0) from its hash; the encoder
/// multiplies it by `1 + ln(term frequency)`, the tokenizer (`SPARSE_TOKENIZE`) uses it alone.
/// Punctuation carries no weight, as a real sparse model gives it next to none.
public struct SparseTermWeighter: Sendable {
    public let vocabulary: TokenVocabulary
    public let tokenizer: TextTokenizer

    public init(modelType: String? = nil, maximumTokens: Int = 510) {
        vocabulary = TokenVocabulary(modelType: modelType)
        tokenizer = TextTokenizer(maximumTokens: maximumTokens)
    }

    /// Word → weight, in the order the Java `HashMap` ml-commons fills (by token id) iterates.
    public func weights(_ text: String, countsFrequency: Bool) -> JSONObject {
        var frequency: [String: Int] = [:]
        for token in tokenizer.tokens(text) where token.contains(where: { $0.isLetter || $0.isNumber }) {
            frequency[token, default: 0] += 1
        }
        let byTokenID = frequency.keys.sorted { (vocabulary.id(of: $0), $0) < (vocabulary.id(of: $1), $1) }
        var object = JSONObject()
        for token in byTokenID {
            let scale = countsFrequency ? 1 + log(Double(frequency[token] ?? 1)) : 1
            object[token] = .number(JSONNumber(text: JavaDouble.string(Float(scale * idf(token)))))
        }
        return JavaHashMapOrder.ordered(object)
    }

    /// A word's stable pseudo inverse document frequency.
    func idf(_ token: String) -> Double {
        0.5 + 2.5 * Double(StableHash.fnv1a(token, salt: 0x1DF) >> 11) / Double(UInt64(1) << 53)
    }
}

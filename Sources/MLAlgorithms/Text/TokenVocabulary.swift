/// The special tokens and vocabulary size of a model family, so token ids look like the family's own:
/// BERT-style models frame a text with `[CLS]`=101 and `[SEP]`=102, RoBERTa-style ones with `<s>`=0 and `</s>`=2.
public struct TokenVocabulary: Sendable, Hashable {
    public let startID: Int
    public let endID: Int
    public let size: Int
    /// Ids below this are reserved for special and unused tokens; hashed words land above it.
    let firstWordID: Int

    /// The vocabulary of ml-commons' `model_type` (`bert`, `distilbert`, `mpnet`, `roberta`, `xlm-roberta`, …).
    public init(modelType: String?) {
        switch modelType?.lowercased() {
        case "roberta", "xlm-roberta", "xlm_roberta":
            self.init(startID: 0, endID: 2, size: 50265, firstWordID: 4)
        case "mpnet":
            self.init(startID: 0, endID: 2, size: 30527, firstWordID: 104)
        default:
            self.init(startID: 101, endID: 102, size: 30522, firstWordID: 1000)
        }
    }

    init(startID: Int, endID: Int, size: Int, firstWordID: Int) {
        self.startID = startID
        self.endID = endID
        self.size = size
        self.firstWordID = firstWordID
    }

    /// A word's id: stable, inside the vocabulary, never a special token's.
    public func id(of token: String) -> Int {
        firstWordID + Int(StableHash.fnv1a(token, salt: 0x70CE) % UInt64(size - firstWordID))
    }
}

/// The emulator's stand-in for a sentence-transformer: no network, a real and simple function instead.
///
/// Every token gets a fixed pseudo-random dense vector: one for the word, plus one of lower weight per
/// character trigram (so `dog` and `dogs` are close), each drawn from a generator seeded by the feature's hash. A text's embedding is the
/// mean of its token vectors, `[CLS]`/`[SEP]` included as mean pooling does, scaled to unit length. Equal
/// texts give equal vectors on every run; texts that share words score a higher cosine than texts that share none.
public struct HashedTextEncoder: Sendable {
    public let dimension: Int
    public let vocabulary: TokenVocabulary
    public let tokenizer: TextTokenizer
    /// `[CLS]`/`<s>` and `[SEP]`/`</s>`: the same for every text, computed once.
    private let startVector: [Float]
    private let endVector: [Float]

    /// What the encoder computes for one text: the tensors a traced sentence-transformer returns.
    public struct Encoding: Sendable, Hashable {
        public let tokenIDs: [Int]
        public let attentionMask: [Int]
        public let tokenEmbeddings: [[Float]]
        public let sentenceEmbedding: [Float]
    }

    public init(dimension: Int, modelType: String? = nil, maximumTokens: Int = 510) {
        self.dimension = max(1, dimension)
        self.vocabulary = TokenVocabulary(modelType: modelType)
        self.tokenizer = TextTokenizer(maximumTokens: maximumTokens)
        startVector = Self.specialVector("\u{0}start", dimension: self.dimension)
        endVector = Self.specialVector("\u{0}end", dimension: self.dimension)
    }

    public func encode(_ text: String) -> Encoding {
        let words = tokenizer.tokens(text)
        let ids = [vocabulary.startID] + words.map(vocabulary.id(of:)) + [vocabulary.endID]
        let vectors = [startVector] + words.map(tokenVector) + [endVector]
        var sum = [Double](repeating: 0, count: dimension)
        for vector in vectors {
            for index in 0..<dimension { sum[index] += Double(vector[index]) }
        }
        return Encoding(
            tokenIDs: ids, attentionMask: Array(repeating: 1, count: ids.count), tokenEmbeddings: vectors,
            sentenceEmbedding: Self.unitLength(sum))
    }

    /// The embedding alone.
    public func embed(_ text: String) -> [Float] { encode(text).sentenceEmbedding }

    /// A word's vector: the word's own direction, plus weight 0.5 for each character trigram's.
    public func tokenVector(_ token: String) -> [Float] {
        var vector = [Float](repeating: 0, count: dimension)
        Self.add(token, salt: 0, weight: 1, to: &vector)
        let padded = Array("<\(token)>")
        if padded.count > 4 {
            for start in 0...(padded.count - 3) {
                Self.add(String(padded[start..<start + 3]), salt: 16, weight: 0.5, to: &vector)
            }
        }
        return vector
    }

    /// Cosine similarity of two vectors of the same length (0 when either is all zeros).
    public static func cosine(_ a: [Float], _ b: [Float]) -> Double {
        var dot = 0.0, normA = 0.0, normB = 0.0
        for index in 0..<min(a.count, b.count) {
            dot += Double(a[index]) * Double(b[index])
            normA += Double(a[index]) * Double(a[index])
            normB += Double(b[index]) * Double(b[index])
        }
        guard normA > 0, normB > 0 else { return 0 }
        return dot / (normA.squareRoot() * normB.squareRoot())
    }

    /// The start and end tokens: small shared components, as every text has them.
    private static func specialVector(_ feature: String, dimension: Int) -> [Float] {
        var vector = [Float](repeating: 0, count: dimension)
        add(feature, salt: 100, weight: 0.3, to: &vector)
        return vector
    }

    /// Adds the feature's direction: SplitMix64 seeded by its hash, each component uniform in [-1, 1).
    private static func add(_ feature: String, salt: UInt64, weight: Float, to vector: inout [Float]) {
        var random = SplittableRandom(seed: Int64(bitPattern: StableHash.fnv1a(feature, salt: salt)))
        for index in vector.indices {
            vector[index] += weight * (Float(UInt64(bitPattern: random.nextLong()) >> 40) / Float(1 << 23) - 1)
        }
    }

    private static func unitLength(_ sum: [Double]) -> [Float] {
        let norm = sum.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard norm > 0 else { return sum.map { Float($0) } }
        return sum.map { Float($0 / norm) }
    }
}

import Foundation

/// Lucene's BM25 as an OpenSearch index scores with it, in Lucene's float arithmetic and operation
/// order, so scores agree to the last bit.
public struct BM25Similarity: Sendable {
    /// Term-frequency saturation (1.2).
    public let k1: Float
    /// Length normalisation (0.75).
    public let b: Float
    /// OpenSearch's default `LegacyBM25Similarity` multiplies every boost by `1 + k1`, keeping the
    /// scores of the classic formula.
    public let legacyScale: Bool

    /// OpenSearch's default similarity unless told otherwise.
    public init(k1: Float = 1.2, b: Float = 0.75, legacyScale: Bool = true) {
        self.k1 = k1
        self.b = b
        self.legacyScale = legacyScale
    }

    /// `idf = ln(1 + (N − n + 0.5) / (n + 0.5))`, in double, then rounded to float.
    public static func idf(docFreq: Int, docCount: Int) -> Float {
        Float(log(1 + (Double(docCount - docFreq) + 0.5) / (Double(docFreq) + 0.5)))
    }

    /// The scorer of one term (or phrase: `idf` the sum of its terms') over one field's statistics.
    public func scorer(boost: Float, idf: Float, docCount: Int, sumTotalTermFreq: Int64) -> Scorer {
        let averageLength = Float(Double(sumTotalTermFreq) / Double(max(1, docCount)))
        var cache = [Float](repeating: 0, count: 256)
        for index in 0..<256 {
            let length = Float(SmallFloat.byte4ToInt(UInt8(index)))
            cache[index] = 1 / (k1 * ((1 - b) + b * length / averageLength))
        }
        let weight = (legacyScale ? boost * (1 + k1) : boost) * idf
        return Scorer(weight: weight, normInverse: cache)
    }

    /// `BM25Scorer`: a score from a frequency and a norm byte.
    public struct Scorer: Sendable {
        let weight: Float
        let normInverse: [Float]

        /// `weight − weight / (1 + freq / (k1 (1 − b + b·dl/avgdl)))`, the length read from the norm byte.
        public func score(frequency: Float, norm: UInt8) -> Float {
            weight - weight / (1 + frequency * normInverse[Int(norm)])
        }
    }
}

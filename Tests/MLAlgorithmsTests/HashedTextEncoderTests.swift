import MLAlgorithms
import MLCommonsCore
import Testing

@Suite struct HashedTextEncoderTests {
    @Test(arguments: [384, 768, 1024])
    func embeddingsHaveTheModelsDimensionAndUnitLength(dimension: Int) {
        let vector = HashedTextEncoder(dimension: dimension).embed("today is sunny")
        #expect(vector.count == dimension)
        let norm = vector.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
        #expect(abs(norm - 1) < 1e-6)
    }

    @Test func equalTextsGiveEqualVectorsAndTheSameBitsAsBefore() {
        let encoder = HashedTextEncoder(dimension: 384)
        #expect(encoder.embed("The quick brown fox") == encoder.embed("The quick brown fox"))
        #expect(encoder.embed("The quick brown fox") == encoder.embed("the QUICK brown fox"))
        // Pinned values: a change to the function shows here, as it would change every stored embedding.
        let nonZero = encoder.embed("today is sunny").enumerated().filter { $0.element != 0 }.prefix(3)
        #expect(nonZero.map { "\($0.offset)=\(JavaDouble.string($0.element))" } == HashedTextEncoderTests.pinnedSunny)
    }

    @Test func sharedWordsScoreHigherThanNoSharedWords() {
        let encoder = HashedTextEncoder(dimension: 768)
        let query = encoder.embed("Harry Potter is written by J.K. Rowling")
        let related = encoder.embed("The best selling book series in history is Harry Potter")
        let unrelated = encoder.embed("The Great Gatsby is a story of wealth and tragedy")
        let disjoint = encoder.embed("quantum chromodynamics lattice")
        #expect(HashedTextEncoder.cosine(query, related) > HashedTextEncoder.cosine(query, disjoint))
        #expect(HashedTextEncoder.cosine(query, related) > HashedTextEncoder.cosine(query, unrelated))
        #expect(HashedTextEncoder.cosine(encoder.embed("dogs"), encoder.embed("dog")) > HashedTextEncoder.cosine(encoder.embed("dogs"), encoder.embed("cat")))
    }

    @Test func tokenIDsFollowTheModelFamily() {
        #expect(HashedTextEncoder(dimension: 8, modelType: "bert").encode("hi there").tokenIDs.first == 101)
        #expect(HashedTextEncoder(dimension: 8, modelType: "distilbert").encode("hi there").tokenIDs.last == 102)
        #expect(HashedTextEncoder(dimension: 8, modelType: "roberta").encode("hi there").tokenIDs.first == 0)
        #expect(HashedTextEncoder(dimension: 8, modelType: "bert").encode("hi, there").tokenIDs.count == 5)
    }

    @Test func emptyTextStillHasAUnitVector() {
        let vector = HashedTextEncoder(dimension: 16).embed("")
        #expect(abs(vector.reduce(0.0) { $0 + Double($1 * $1) } - 1) < 1e-6)
    }

    static let pinnedSunny = ["0=0.0681904", "1=0.029846238", "2=0.054720167"]
}

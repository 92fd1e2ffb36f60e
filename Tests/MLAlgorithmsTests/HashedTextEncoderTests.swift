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

@Suite struct LocalTextModelTests {
    @Test func sparseEncodingWeighsTheTextsOwnWords() throws {
        let model = LocalTextModel(functionName: "SPARSE_ENCODING", modelFormat: "TORCH_SCRIPT", modelConfig: nil)
        let output = try model.predict(TextModelInput(textDocs: ["Hello hello, world!"]))
        let weights = try #require(output["inference_results"]?.arrayValue?.first?["output"]?.arrayValue?.first?["dataAsMap"]?["response"]?.arrayValue?.first?.objectValue)
        #expect(Set(weights.keys) == ["hello", "world"])
        // A repeated word weighs more than its pseudo-IDF alone (1 + ln 2 times).
        let tokenizer = LocalTextModel(functionName: "SPARSE_TOKENIZE", modelFormat: "TORCH_SCRIPT", modelConfig: nil)
        let single = try tokenizer.predict(TextModelInput(textDocs: ["hello"]))
        let idf = try #require(single["inference_results"]?.arrayValue?.first?["output"]?.arrayValue?.first?["dataAsMap"]?["response"]?.arrayValue?.first?["hello"]?.numberValue?.doubleValue)
        let twice = try #require(weights["hello"]?.numberValue?.doubleValue)
        #expect(abs(twice - idf * 1.6931471805599454) < 1e-5)
    }

    @Test func crossEncoderRanksTheRelatedPassageFirst() throws {
        let model = LocalTextModel(functionName: "TEXT_SIMILARITY", modelFormat: "TORCH_SCRIPT", modelConfig: ["model_type": "bert"])
        var input = TextModelInput(textDocs: ["The Great Gatsby is a story of wealth", "Harry Potter is written by J.K. Rowling"])
        input.queryText = "who wrote Harry Potter"
        let results = try #require(try model.predict(input)["inference_results"]?.arrayValue)
        let scores = results.compactMap { $0["output"]?.arrayValue?.first?["data"]?.arrayValue?.first?.numberValue?.doubleValue }
        #expect(scores.count == 2 && scores[1] > scores[0])
        #expect(results[0]["output"]?.arrayValue?.first?["byte_buffer"]?["order"] == "LITTLE_ENDIAN")
    }

    @Test func asymmetricModelsNeedAContentType() {
        let model = LocalTextModel(functionName: "TEXT_EMBEDDING", modelFormat: "ONNX", modelConfig: ["embedding_dimension": 8, "query_prefix": "query: "])
        #expect(throws: OpenSearchError.illegalArgument(
            "The embedding model chosen is asymmetric. To use it, you must declare whether the input is of type `QUERY` or of type `PASSAGE`.")) {
            try model.predict(TextModelInput(textDocs: ["x"]))
        }
    }
}

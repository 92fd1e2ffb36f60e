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

@Suite struct PretrainedEmbeddingTests {
    /// Every text-embedding model of the catalogue answers with its own dimension, at unit length.
    @Test(arguments: PretrainedCatalogue.all.filter { $0.functionName == "TEXT_EMBEDDING" })
    func embeddingsHaveTheCataloguesDimension(model: PretrainedModel) throws {
        let textModel = LocalTextModel(functionName: model.functionName, modelFormat: model.format.rawValue, modelConfig: model.modelConfig)
        var input = TextModelInput(textDocs: ["today is sunny"])
        input.targetResponse = ["sentence_embedding"]
        let tensor = try #require(try textModel.predict(input)["inference_results"]?.arrayValue?.first?["output"]?.arrayValue?.first)
        let dimension = try #require(model.modelConfig?["embedding_dimension"]?.numberValue?.intValue)
        #expect(tensor["shape"] == [.number(JSONNumber(dimension))])
        let values = tensor["data"]?.arrayValue?.compactMap { $0.numberValue?.doubleValue } ?? []
        #expect(values.count == dimension)
        #expect(abs(values.reduce(0) { $0 + $1 * $1 }.squareRoot() - 1) < 1e-5)
    }
}

extension PretrainedModel: CustomTestStringConvertible {
    public var testDescription: String { "\(name) \(version) \(format.rawValue)" }
}

@Suite struct QuestionAnsweringTests {
    static let climate = "Many coastal cities face increased flooding during storms. "
        + "Farmers are experiencing unpredictable growing seasons and crop failures. "
        + "Scientists predict these environmental shifts will continue to accelerate. "
        + "Global temperatures have risen significantly over the past century. "
        + "Polar ice caps are melting at an alarming rate."

    @Test func sentencesHaveMLCommonsOffsets() {
        // The offsets ml-commons' own segmenter tests assert for this text (sentences 0 and 3).
        let sentences = SentenceSegmenter.sentences(Self.climate)
        #expect(sentences.map { [$0.start, $0.end] } == [[0, 58], [59, 132], [133, 207], [208, 275], [276, 323]])
        // The abbreviation rewrite stays in the text and shifts the next offset, as in 3.3.
        let doctor = SentenceSegmenter.sentences("Dr. Smith went home. He slept.")
        #expect(doctor.map(\.text) == ["Dr@@@ Smith went home.", "He slept."])
        #expect(doctor.map { [$0.start, $0.end] } == [[0, 22], [22, 31]])
        #expect(SentenceSegmenter.sentences("I work at IBM. Next one.").count == 1)
    }

    @Test func theHighlighterMarksTheSentenceAboutTheQuestion() throws {
        let model = LocalTextModel(
            functionName: "QUESTION_ANSWERING", modelFormat: "TORCH_SCRIPT",
            modelConfig: ["model_type": "sentence_highlighting", "framework_type": "HUGGINGFACE_TRANSFORMERS"])
        var input = TextModelInput(textDocs: [])
        input.question = "Are polar ice caps melting?"
        input.context = Self.climate
        let output = try model.predict(input)
        let tensor = try #require(output["inference_results"]?.arrayValue?.first?["output"]?.arrayValue?.first)
        #expect(tensor["name"] == "highlights")
        let highlights = try #require(tensor["dataAsMap"]?["highlights"]?.arrayValue)
        #expect(highlights.contains { $0["text"] == "Polar ice caps are melting at an alarming rate." && $0["start"] == .number(JSONNumber(text: "276.0")) })
        input.context = ""
        #expect(throws: OpenSearchError.illegalArgument("Context is not provided")) { try model.predict(input) }
    }
}

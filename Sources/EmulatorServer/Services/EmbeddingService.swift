import MLCommonsCore
import MLStore
import ModelInvocation

/// Text embeddings from a model, as neural-search's `text_embedding` processor and `neural` query get them:
/// a local text-embedding model through its encoder, a remote one through its connector with the text
/// documents pre-processed as ml-commons does (`input` as a JSON list, Cohere's `texts`, Titan's `inputText`).
struct EmbeddingService: Sendable {
    let emulator: Emulator

    func embed(_ texts: [String], modelID: String) async throws -> [[Float]] {
        let model = try await emulator.invoker.findModel(modelID)
        if ModelInvoker.isLocalTextModel(model) {
            let invoker = emulator.invoker
            let body: JSONValue = ["text_docs": .array(texts.map(JSONValue.string)), "target_response": ["sentence_embedding"]]
            let output = try await OffloadedWork.run { try invoker.predictLocal(model, body: body) }
            return try Self.vectors(output, expected: texts.count)
        }
        // The model is prepared once for every request below (`predict(modelID:)` would look it up each time).
        let prepared = try await emulator.invoker.prepare(model, streaming: false)
        let preProcess = model.source["connector"]?["actions"]?.arrayValue?.first?["pre_process_function"]?.stringValue
        if preProcess?.contains("bedrock") == true {
            // Titan takes one text a request.
            var vectors: [[Float]] = []
            for text in texts {
                let output = try await emulator.invoker.predict(
                    prepared, requestParameters: RequestParameters.escaped(["inputText": text]))
                vectors += try Self.vectors(output, expected: 1)
            }
            return vectors
        }
        let key = preProcess?.contains("cohere") == true ? "texts" : "input"
        let list = JSONValue.array(texts.map(JSONValue.string)).compactText
        let output = try await emulator.invoker.predict(prepared, requestParameters: RequestParameters.escaped([key: list]))
        return try Self.vectors(output, expected: texts.count)
    }

    /// The query with each `neural` clause's text embedded by its model.
    func resolvingNeural(_ query: SearchQuery) async throws -> SearchQuery {
        try await query.resolvingNeural { text, modelID in try await embed([text], modelID: modelID)[0] }
    }

    /// The vectors of a `ModelTensorOutput`: each tensor's `data`, or, without a post-process function, the
    /// provider's own shape (`data[].embedding`, `embedding`, `embeddings`).
    static func vectors(_ output: JSONValue, expected: Int) throws -> [[Float]] {
        func floats(_ value: JSONValue?) -> [Float]? {
            guard let items = value?.arrayValue, !items.isEmpty else { return nil }
            let numbers = items.compactMap { $0.numberValue.map { Float($0.doubleValue) } }
            return numbers.count == items.count ? numbers : nil
        }
        var vectors: [[Float]] = []
        for result in output["inference_results"]?.arrayValue ?? [] {
            for tensor in result["output"]?.arrayValue ?? [] {
                if let data = floats(tensor["data"]) {
                    vectors.append(data)
                } else if let map = tensor["dataAsMap"] {
                    if let items = map["data"]?.arrayValue {
                        vectors += items.compactMap { floats($0["embedding"]) }
                    } else if let single = floats(map["embedding"]) {
                        vectors.append(single)
                    } else if let many = map["embeddings"]?.arrayValue {
                        vectors += many.compactMap { floats($0) }
                    }
                }
            }
        }
        guard vectors.count == expected else {
            throw OpenSearchError.illegalArgument(
                "the embedding model answered \(vectors.count) vectors for \(expected) texts; give its connector a post_process_function that returns sentence embeddings")
        }
        return vectors
    }
}

import Foundation
import MLAlgorithms
import MLCommonsCore
import MLStore

/// The built-in algorithms on index data or inline frames: `_train`, `_predict` of a trained model and
/// `_train_predict`, with the input read as `MLInput.parse` and `MLInputDatasetHandler` read it.
struct AlgorithmService: Sendable {
    let emulator: Emulator

    /// The algorithms the emulator trains and predicts with.
    static let trainable: Set<String> = ["KMEANS", "LINEAR_REGRESSION", "LOGISTIC_REGRESSION", "BATCH_RCF", "FIT_RCF"]
    /// Every `FunctionName`, for the `Wrong function name` check.
    static let functionNames: Set<String> = [
        "LINEAR_REGRESSION", "KMEANS", "AD_LIBSVM", "SAMPLE_ALGO", "LOCAL_SAMPLE_CALCULATOR", "FIT_RCF", "BATCH_RCF",
        "ANOMALY_LOCALIZATION", "RCF_SUMMARIZE", "LOGISTIC_REGRESSION", "TEXT_EMBEDDING", "METRICS_CORRELATION", "REMOTE",
        "SPARSE_ENCODING", "SPARSE_TOKENIZE", "TEXT_SIMILARITY", "QUESTION_ANSWERING", "AGENT", "CONNECTOR", "TOOL",
    ]

    /// `FunctionName.from` over the path's algorithm.
    static func functionName(_ text: String) throws(OpenSearchError) -> String {
        guard !text.isEmpty else { throw .illegalArgument("Request should contain algorithm!") }
        let upper = text.uppercased()
        guard functionNames.contains(upper) else { throw .illegalArgument("Wrong function name") }
        return upper
    }

    /// The input's frame: `input_data` if given, else the hits of `input_query` over `input_index`.
    func frame(_ body: RequestObject) async throws -> DataFrame {
        if let data = body.object["input_data"], data != .null {
            let frame = try DataFrame(parsing: data)
            guard !frame.rows.isEmpty else { throw OpenSearchError.illegalArgument("Input data frame should not be null or empty") }
            return frame
        }
        guard let query = body.object["input_query"], query != .null else {
            throw OpenSearchError.validationFailed(["input data can't be null"])
        }
        guard query.objectValue != nil else { throw OpenSearchError("ParsingException", reason: "Failed to parse object: expecting token of type [START_OBJECT] but found [\(query)]", status: 400) }
        let indices = try body.stringList("input_index") ?? []
        guard !indices.isEmpty else { throw OpenSearchError.illegalArgument("indices can't be empty") }
        let search = try SearchRequest(parsing: query)
        // Each index is a shard of its own, scored over its own statistics; the hits are merged by
        // score (shard order breaking ties) and paged once, as the coordinating node does.
        var perShard = search
        perShard.from = 0
        perShard.size = search.from + search.size
        var scored: [(score: Float, hit: JSONValue)] = []
        for name in indices {
            guard let info = try await emulator.documents.index(name) else { throw OpenSearchError.indexNotFound(name) }
            let response = try SearchExecution(request: perShard, forcesVersions: false)
                .response(index: name, over: try await emulator.documents.documents(name), mappings: info.mappings)
            for hit in response["hits"]?["hits"]?.arrayValue ?? [] {
                scored.append((Float(hit["_score"]?.numberValue?.doubleValue ?? 0), hit))
            }
        }
        let merged = scored.enumerated().sorted { lhs, rhs in
            let order = SearchExecution.descending(lhs.element.score, rhs.element.score)
            return order != 0 ? order < 0 : lhs.offset < rhs.offset
        }
        let hits = merged.dropFirst(search.from).prefix(search.size).map(\.element.hit)
        guard !hits.isEmpty else { throw OpenSearchError.illegalArgument("No document found") }
        return try DataFrame.load(hits.compactMap { $0["_source"]?.objectValue })
    }

    /// Trains and stores a model (`MLTrainingTaskRunner`): only name, algorithm, version, content and state.
    func train(_ algorithm: String, _ body: RequestObject) async throws -> String {
        let content = try await trainedModel(algorithm, body)
        let modelID = emulator.ids.next()
        _ = try await emulator.documents.put(SystemIndex.model, id: modelID, source: [
            "name": .string(algorithm), "algorithm": .string(algorithm), "model_version": "1.0.0",
            "model_content": .string(Data(content).base64EncodedString()), "model_state": "TRAINED",
        ])
        return modelID
    }

    /// The trained model's state as the emulator stores it in `model_content` (JSON of its parameters).
    private func trainedModel(_ algorithm: String, _ body: RequestObject) async throws -> [UInt8] {
        let frame = try await frame(body)
        let parameters = try body.object("parameters")
        switch algorithm {
        case "KMEANS":
            let kMeans = try KMeans.Parameters(parsing: parameters)
            return try await OffloadedWork.run { try TrainedModelCoding.encode(try KMeans.train(frame, kMeans)) }
        case "LINEAR_REGRESSION", "LOGISTIC_REGRESSION":
            let logistic = algorithm == "LOGISTIC_REGRESSION"
            let sgd = try LinearSGD.Parameters(parsing: parameters, logistic: logistic)
            return try await OffloadedWork.run { try TrainedModelCoding.encode(try LinearSGD.train(frame, sgd, logistic: logistic)) }
        case "BATCH_RCF":
            let rcf = try BatchRCF.Parameters(parsing: parameters)
            return try await OffloadedWork.run { try TrainedModelCoding.encode(try BatchRCF.train(frame, rcf).0) }
        case "FIT_RCF":
            let rcf = try FitRCF.Parameters(parsing: parameters)
            return try await OffloadedWork.run { try TrainedModelCoding.encode(try FitRCF.train(frame, rcf).0) }
        default:
            throw Self.notEmulated(algorithm)
        }
    }

    /// `_predict` with a trained model: its own algorithm decides, whatever the path says.
    func predict(model: StoredDocument, _ body: RequestObject) async throws -> JSONValue {
        let algorithm = model.source["algorithm"]?.stringValue ?? ""
        guard let text = model.source["model_content"]?.stringValue, let content = Data(base64Encoded: text) else {
            throw OpenSearchError.illegalArgument("model not deployed")
        }
        let frame = try await frame(body)
        let result: DataFrame
        switch algorithm {
        case "KMEANS":
            let model = try TrainedModelCoding.decode(KMeans.Model.self, from: content)
            result = try await OffloadedWork.run { try KMeans.predict(model, frame) }
        case "LINEAR_REGRESSION", "LOGISTIC_REGRESSION":
            let model = try TrainedModelCoding.decode(LinearSGD.Model.self, from: content)
            result = try await OffloadedWork.run { try LinearSGD.predict(model, frame) }
        case "BATCH_RCF":
            let model = try TrainedModelCoding.decode(BatchRCF.Model.self, from: content)
            result = try await OffloadedWork.run { try BatchRCF.predict(model, frame) }
        case "FIT_RCF":
            let model = try TrainedModelCoding.decode(FitRCF.Model.self, from: content)
            result = try await OffloadedWork.run { try FitRCF.predict(model, frame) }
        default: throw Self.notEmulated(algorithm)
        }
        return ["status": "COMPLETED", "prediction_result": result.json]
    }

    /// `_train_predict`: trained on the frame and applied to it, nothing stored (k-means and the forests).
    func trainAndPredict(_ algorithm: String, _ body: RequestObject) async throws -> JSONValue {
        if algorithm == "BATCH_RCF" || algorithm == "FIT_RCF" {
            let frame = try await frame(body)
            let parameters = try body.object("parameters")
            let predicted: DataFrame
            if algorithm == "BATCH_RCF" {
                let rcf = try BatchRCF.Parameters(parsing: parameters)
                predicted = try await OffloadedWork.run { try BatchRCF.train(frame, rcf).1 }
            } else {
                let rcf = try FitRCF.Parameters(parsing: parameters)
                predicted = try await OffloadedWork.run { try FitRCF.train(frame, rcf).1 }
            }
            return ["status": "COMPLETED", "prediction_result": predicted.json]
        }
        guard algorithm == "KMEANS" else {
            guard Self.trainable.contains(algorithm) else { throw Self.notEmulated(algorithm) }
            throw OpenSearchError("ClassCastException", reason: "class org.opensearch.ml.engine.algorithms.regression.\(algorithm == "LINEAR_REGRESSION" ? "LinearRegression" : "LogisticRegression") cannot be cast to class org.opensearch.ml.engine.TrainAndPredictable", status: 500)
        }
        let frame = try await frame(body)
        let parameters = try KMeans.Parameters(parsing: try body.object("parameters"))
        let predicted = try await OffloadedWork.run { try KMeans.predict(try KMeans.train(frame, parameters), frame) }
        return ["status": "COMPLETED", "prediction_result": predicted.json]
    }

    static func notEmulated(_ algorithm: String) -> OpenSearchError {
        .illegalArgument("the emulator does not run the \(algorithm) algorithm; it trains KMEANS, LINEAR_REGRESSION, LOGISTIC_REGRESSION, BATCH_RCF and FIT_RCF")
    }
}

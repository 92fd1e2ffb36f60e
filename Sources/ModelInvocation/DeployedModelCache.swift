import MLCommonsCore
import Synchronization

/// The node's model cache (`MLModelCacheHelper`): what is deployed here, the predictor each serves with,
/// and the latencies `_plugins/_ml/profile` summarises.
public final class DeployedModelCache: Sendable {
    /// One cached model's profile data.
    public struct Entry: Sendable {
        public var state: ModelState
        /// `Object.toString()` of the predictor: its Java class and an identity hash.
        public var predictor: String?
        public var workerNodes: [String]
        /// The last predict durations in milliseconds, whole request and model call, newest last.
        public var predictRequestMillis: [Double] = []
        public var modelInferenceMillis: [Double] = []
        /// `memory_size_estimation_cpu`/`_gpu` for local models.
        public var memoryEstimate: Int?

        public init(state: ModelState, predictor: String?, workerNodes: [String], memoryEstimate: Int? = nil) {
            self.state = state
            self.predictor = predictor
            self.workerNodes = workerNodes
            self.memoryEstimate = memoryEstimate
        }
    }

    private let entries = Mutex([(id: String, entry: Entry)]())
    /// `plugins.ml_commons.monitoring_request_count`: how many samples each queue keeps.
    public let sampleLimit: Int

    public init(sampleLimit: Int = 100) { self.sampleLimit = sampleLimit }

    public func put(_ id: String, _ entry: Entry) {
        entries.withLock { entries in
            if let index = entries.firstIndex(where: { $0.id == id }) { entries[index].entry = entry } else { entries.append((id, entry)) }
        }
    }

    public func remove(_ id: String) { entries.withLock { $0.removeAll { $0.id == id } } }

    public func entry(_ id: String) -> Entry? { entries.withLock { $0.first { $0.id == id }?.entry } }

    public var all: [(id: String, entry: Entry)] { entries.withLock { $0 } }

    public func removeAll() { entries.withLock { $0.removeAll() } }

    /// Records one predict's durations on a cached model.
    public func recordPredict(_ id: String, requestMillis: Double, inferenceMillis: Double?) {
        entries.withLock { entries in
            guard let index = entries.firstIndex(where: { $0.id == id }) else { return }
            entries[index].entry.predictRequestMillis = Array((entries[index].entry.predictRequestMillis + [requestMillis]).suffix(sampleLimit))
            if let inferenceMillis {
                entries[index].entry.modelInferenceMillis = Array((entries[index].entry.modelInferenceMillis + [inferenceMillis]).suffix(sampleLimit))
            }
        }
    }

    /// The predictor classes `_plugins/_ml/profile` names, by the model's algorithm.
    static let predictorClasses = [
        "REMOTE": "org.opensearch.ml.engine.algorithms.remote.RemoteModel",
        "TEXT_EMBEDDING": "org.opensearch.ml.engine.algorithms.text_embedding.TextEmbeddingDenseModel",
        "SPARSE_ENCODING": "org.opensearch.ml.engine.algorithms.sparse_encoding.TextEmbeddingSparseEncodingModel",
        "SPARSE_TOKENIZE": "org.opensearch.ml.engine.algorithms.tokenize.SparseTokenizerModel",
        "TEXT_SIMILARITY": "org.opensearch.ml.engine.algorithms.text_similarity.TextSimilarityCrossEncoderModel",
        "QUESTION_ANSWERING": "org.opensearch.ml.engine.algorithms.question_answering.QuestionAnsweringModel",
    ]

    /// The `predictor` of a model serving `algorithm`: its class's `Object.toString()`.
    public static func predictor(forAlgorithm algorithm: String, modelID: String) -> String {
        predictorName(predictorClasses[algorithm] ?? "org.opensearch.ml.engine.algorithms.DLModel", modelID: modelID)
    }

    /// A Java-style identity hash for a predictor's `toString()`: stable for the model id, eight hex digits at most.
    static func predictorName(_ javaClass: String, modelID: String) -> String {
        let hash = modelID.utf8.reduce(UInt32(2_166_136_261)) { ($0 ^ UInt32($1)) &* 16_777_619 } & 0x7FFF_FFFF
        return "\(javaClass)@\(String(hash, radix: 16))"
    }
}

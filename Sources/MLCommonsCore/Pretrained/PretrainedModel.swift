import Foundation

/// One registrable version and format of a pretrained model, with what its `config.json` gives ml-commons.
public struct PretrainedModel: Sendable, Hashable {
    /// The two portable formats a local model comes in.
    public enum Format: String, Sendable, Hashable {
        case torchScript = "TORCH_SCRIPT"
        case onnx = "ONNX"
    }

    public let name: String
    public let version: String
    public let format: Format
    /// The function name the artifact's config declares (`TEXT_EMBEDDING`, `SPARSE_ENCODING`, …).
    public let functionName: String
    /// The stored `model_config` as JSON text, or nil when the config has none (sparse models).
    let modelConfigText: String?
    /// `model_content_hash_value` and `model_content_size_in_bytes` of the published artifact, where known.
    public let contentHash: String?
    public let contentSize: Int?
    /// The semantic highlighter registers only when the request names `QUESTION_ANSWERING` itself.
    public let requiresRequestFunctionName: Bool

    init(
        name: String, version: String, format: Format, functionName: String, modelConfig: String? = nil,
        contentHash: String? = nil, contentSize: Int? = nil, requiresRequestFunctionName: Bool = false
    ) {
        self.name = name
        self.version = version
        self.format = format
        self.functionName = functionName
        self.modelConfigText = modelConfig
        self.contentHash = contentHash
        self.contentSize = contentSize
        self.requiresRequestFunctionName = requiresRequestFunctionName
    }

    /// The `model_config` ml-commons writes into the model document.
    public var modelConfig: JSONObject? {
        guard let modelConfigText, case .object(let object)? = try? JSONParser.parse(modelConfigText) else { return nil }
        return object
    }

    /// Where ml-commons downloads the artifact from (`MLEngine.getPrebuiltModelPath`).
    public var artifactURL: String {
        let fileStem = name.drop(while: { $0 != "/" }).dropFirst().replacingOccurrences(of: "/", with: "_")
        let formatName = format.rawValue.lowercased()
        return "https://artifacts.opensearch.org/models/ml-models/\(name)/\(version)/\(formatName)/\(fileStem)-\(version)-\(formatName).zip"
    }
}

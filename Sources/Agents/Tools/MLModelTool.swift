import MLCommonsCore

/// `MLModelTool`: runs `_predict` on a model with the tool's parameters and returns the first
/// tensor's `response_field` (default `response`), or the whole `dataAsMap` as gson JSON.
public struct MLModelTool: AgentTool {
    public static let type = "MLModelTool"
    public static let defaultDescription = "Use this tool to run any model."
    public static let defaultAttributes: [String: String] = [:]
    public static let modelIDField = "model_id"
    public static let responseFieldName = "response_field"
    public static let defaultResponseField = "response"

    private let context: ToolContext
    private let attributes: [String: String]
    private let modelID: String
    private let responseField: String

    /// The factory's constructor refuses a tool without a model.
    public static func checkSpec(_ spec: ToolSpec) throws(OpenSearchError) {
        guard let modelID = spec.parameters[modelIDField], !modelID.isJavaBlank else {
            throw .illegalArgument("Model ID can't be null or empty")
        }
    }

    public init(spec: ToolSpec, context: ToolContext) {
        self.context = context
        self.attributes = Self.attributes(for: spec)
        self.modelID = spec.parameters[Self.modelIDField] ?? ""
        self.responseField = spec.parameters[Self.responseFieldName] ?? Self.defaultResponseField
    }

    public func validate(_ parameters: [String: String]) -> Bool { !parameters.isEmpty }

    public func run(_ parameters: [String: String]) async throws -> ToolOutput {
        let parameters = ToolInputParameters.extract(parameters, attributes: attributes)
        let output = try await context.predict(modelID, parameters)
        return try Self.extract(output, responseField: responseField)
    }

    /// The tool's output parser over a `ModelTensorOutput` document.
    static func extract(_ output: JSONValue, responseField: String) throws(OpenSearchError) -> ToolOutput {
        guard case .object(let dataAsMap)? = output["inference_results"]?.arrayValue?.first?["output"]?.arrayValue?
            .first?["dataAsMap"]
        else {
            throw .illegalState("LLM returns wrong or empty tensors")
        }
        guard let value = dataAsMap[responseField] else {
            return .text(JSONValue.object(dataAsMap).gsonNormalized.gsonText)
        }
        if case .string(let text) = value { return .text(text) }
        return .json(value.gsonNormalized)
    }
}

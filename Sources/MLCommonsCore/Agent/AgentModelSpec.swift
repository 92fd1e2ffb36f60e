/// The `model` block of a unified agent registration (`MLAgentModelSpec`, 3.5+): which provider model to
/// create a connector and a model for.
public struct AgentModelSpec: Sendable, Hashable {
    public var modelID: String
    public var modelProvider: String
    /// Credential values as strings (`getParameterMap`).
    public var credential: JSONObject?
    /// Model parameters as strings; they become the agent's `llm.parameters` and override connector parameters.
    public var modelParameters: JSONObject?

    /// Reads the block; only its four keys count, and both ids must be present.
    public init(parsing object: JSONObject) throws(OpenSearchError) {
        let fields = RequestObject(object)
        let modelID = try fields.string("model_id")
        let provider = try fields.string("model_provider")
        credential = try fields.parameterMap("credential")
        modelParameters = try fields.parameterMap("model_parameters")
        guard let modelID else { throw .illegalArgument("model_id must be provided") }
        guard let provider else { throw .illegalArgument("model_provider must be provided") }
        self.modelID = modelID
        self.modelProvider = provider
    }

    /// `AgentModelService.validate`, then the provider's own checks of the parameters and credential.
    public func validatedProvider() throws(OpenSearchError) -> ModelProvider {
        if modelID.allSatisfy(\.isWhitespace) { throw .illegalArgument("model_id cannot be null or empty") }
        if modelProvider.allSatisfy(\.isWhitespace) { throw .illegalArgument("model_provider cannot be null or empty") }
        guard let provider = ModelProvider(name: modelProvider) else {
            throw .illegalArgument(
                "Unknown model provider type. Supported types: bedrock/converse, gemini/v1beta/generatecontent, openai/v1/chat/completions")
        }
        try provider.validate(self)
        return provider
    }

    /// What the stored agent keeps of the block: the credential and parameters are dropped.
    public var sanitised: JSONObject {
        ["model_id": .string(modelID), "model_provider": .string(modelProvider)]
    }

    func parameter(_ key: String) -> String? { modelParameters?[key]?.stringValue }
}

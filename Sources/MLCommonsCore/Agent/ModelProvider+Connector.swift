extension ModelProvider {
    /// The connector the unified API registers the model with (`createConnector`): the provider's defaults, the
    /// user's `model_parameters` over them, 3 retries, one `predict` action.
    public func connector(for spec: AgentModelSpec, profile: VersionProfile) -> JSONObject {
        var parameters = JSONObject(defaultParameters(modelID: spec.modelID).map { ($0, JSONValue.string($1)) })
        for (key, value) in spec.modelParameters ?? JSONObject() { parameters[key] = value }
        if profile.unifiedAgentConnectorsSetGenerationLimits {
            for (key, value) in derivedParameters(spec) { parameters[key] = .string(value) }
        }
        let action: JSONObject = [
            "action_type": "predict", "method": "POST", "url": .string(url),
            "headers": .object(JSONObject(headers.map { ($0, JSONValue.string($1)) })),
            "request_body": .string(requestBody(reasoning: spec.parameter("reasoning_effort") != nil, profile: profile)),
        ]
        return [
            "name": .string(connectorName), "description": .string(connectorDescription), "version": "1",
            "protocol": self == .bedrockConverse ? "aws_sigv4" : "http", "parameters": .object(parameters),
            "credential": .object(spec.credential ?? JSONObject()), "actions": [.object(action)],
            "client_config": ["max_retry_times": 3],
        ]
    }

    private var connectorName: String {
        switch self {
        case .openAIChatCompletions: "Auto-generated OpenAI connector for Agent"
        case .bedrockConverse: "Auto-generated Bedrock Converse connector for Agent"
        case .geminiGenerateContent: "Auto-generated Gemini connector for Agent"
        }
    }

    private var connectorDescription: String {
        switch self {
        case .openAIChatCompletions: "Auto-generated connector for OpenAI Chat Completions API"
        case .bedrockConverse: "Auto-generated connector for Bedrock Converse API"
        case .geminiGenerateContent: "Auto-generated connector for Gemini generateContent API"
        }
    }

    private func defaultParameters(modelID: String) -> [(String, String)] {
        switch self {
        case .bedrockConverse: [("region", "us-east-1"), ("service_name", "bedrock"), ("model", modelID)]
        case .openAIChatCompletions, .geminiGenerateContent: [("model", modelID)]
        }
    }

    /// 3.7+: the sampling fields the request body splices in.
    private func derivedParameters(_ spec: AgentModelSpec) -> [(String, String)] {
        let topP = spec.parameter("top_p")
        switch self {
        case .openAIChatCompletions: return topP.map { [("top_p_field", #", "top_p": \#($0)"#)] } ?? []
        case .geminiGenerateContent: return topP.map { [("top_p_field", #", "topP": \#($0)"#)] } ?? []
        case .bedrockConverse:
            if let topP { return [("top_p_field", #", "topP": \#(topP)"#)] }
            return [("temperature_field", #", "temperature": \#(spec.parameter("temperature") ?? "1.0")"#)]
        }
    }

    private var url: String {
        switch self {
        case .openAIChatCompletions: "https://api.openai.com/v1/chat/completions"
        case .bedrockConverse: "https://bedrock-runtime.${parameters.region}.amazonaws.com/model/${parameters.model}/converse"
        case .geminiGenerateContent: "https://generativelanguage.googleapis.com/v1beta/models/${parameters.model}:generateContent"
        }
    }

    private var headers: [(String, String)] {
        switch self {
        case .openAIChatCompletions: [("Content-Type", "application/json"), ("Authorization", "Bearer ${credential.openai_api_key}")]
        case .bedrockConverse: [("content-type", "application/json")]
        case .geminiGenerateContent: [("Content-Type", "application/json"), ("x-goog-api-key", "${credential.gemini_api_key}")]
        }
    }

    private static let messages = "[${parameters._chat_history:-}${parameters.body}${parameters._interactions:-}]${parameters.tool_configs:-}"

    private func requestBody(reasoning: Bool, profile: VersionProfile) -> String {
        let limits = profile.unifiedAgentConnectorsSetGenerationLimits
        switch self {
        case .openAIChatCompletions:
            let head = #"{"model":"${parameters.model}","messages":"# + Self.messages
            let tokens = limits ? #","max_completion_tokens":${parameters.max_tokens:-4096}"# : ""
            if reasoning { return head + tokens + #","reasoning_effort":"${parameters.reasoning_effort}"}"# }
            return head + (limits ? tokens + #","temperature":${parameters.temperature:-1.0}${parameters.top_p_field:-}"# : "") + "}"
        case .bedrockConverse:
            let head = #"{"system": [{"text": "${parameters.system_prompt}"}], "messages": "# + Self.messages
            let tail = limits
                ? #", "inferenceConfig": {"maxTokens": ${parameters.max_tokens:-4096}${parameters.temperature_field:-}${parameters.top_p_field:-}} }"#
                : " }"
            return head + tail
        case .geminiGenerateContent:
            let head = #"{"systemInstruction":{"parts":[{"text":"${parameters.system_prompt:-You are a helpful assistant.}"}]},"contents":"#
                + Self.messages
            let tail = limits
                ? #","generationConfig":{"maxOutputTokens":${parameters.max_tokens:-4096},"temperature":${parameters.temperature:-1.0}${parameters.top_p_field:-}}}"#
                : "}"
            return head + tail
        }
    }
}

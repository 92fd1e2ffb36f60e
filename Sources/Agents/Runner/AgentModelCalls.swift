import MLCommonsCore
import ModelInvocation
import RemoteInference

/// The LLM calls of one agent run: the model is prepared (checked, connector resolved, credential
/// decrypted) on the first call and reused by every later step. Parameters are escaped as ml-commons
/// escapes an agent's predict parameters (all but `no_escape_params`).
struct AgentModelCalls {
    let invoker: any ModelInvoking
    let modelID: String
    private var prepared: InvocableModel?

    init(invoker: any ModelInvoking, modelID: String) {
        self.invoker = invoker
        self.modelID = modelID
    }

    /// The `dataAsMap` of the first tensor of a non-streaming predict.
    mutating func predict(parameters: [String: String]) async throws -> JSONValue {
        let output = try await invoker.predict(try await model(), requestParameters: RequestParameters.escaped(parameters))
        return output["inference_results"]?.arrayValue?.first?["output"]?.arrayValue?.first?["dataAsMap"] ?? .null
    }

    /// A streaming predict; returns the tool-call map the model asked for, or nil when it answered.
    mutating func stream(parameters: [String: String], onEvent: (ProviderEvent) async throws -> Void) async throws -> JSONValue? {
        var toolCall: JSONValue?
        _ = try await invoker.stream(try await model(), requestParameters: RequestParameters.escaped(parameters)) { event in
            if case .toolCall(let call) = event { toolCall = call.dataAsMap }
            try await onEvent(event)
        }
        return toolCall
    }

    private mutating func model() async throws -> InvocableModel {
        if let prepared { return prepared }
        let model = try await invoker.prepare(modelID)
        prepared = model
        return model
    }
}

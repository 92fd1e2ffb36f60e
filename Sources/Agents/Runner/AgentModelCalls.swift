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

    /// The model's URL and name for token records (`getModelMetadata`): the connector's `predict` URL with the
    /// connector's own parameters filled in, and the registered model's name.
    mutating func metadata() async -> AgentTokenTracker.ModelMetadata {
        guard let model = try? await model() else { return .init(url: modelID, name: modelID) }
        let name = model.document["name"]?.stringValue ?? ""
        guard let url = model.connector.action("PREDICT")?.url, !url.isEmpty else { return .init(url: modelID, name: name) }
        let rendered = (try? ConnectorTemplate.renderURL(url, parameters: model.connector.parameters)) ?? url
        return .init(url: rendered, name: name)
    }

    private mutating func model() async throws -> InvocableModel {
        if let prepared { return prepared }
        let model = try await invoker.prepare(modelID)
        prepared = model
        return model
    }
}

import MLCommonsCore
import RemoteInference

/// How an agent runner calls its LLM: a remote model `_predict` with the agent's parameters as the
/// request parameters (escaped as ml-commons escapes them, except `no_escape_params`).
public protocol AgentLLM: Sendable {
    /// The `dataAsMap` of the first tensor of a non-streaming predict.
    func predict(modelID: String, parameters: [String: String]) async throws -> JSONValue

    /// A streaming predict; every provider event is handed to `onEvent` as it arrives. Returns the
    /// tool-call map the model asked for (ml-commons forwards it to the agent), or nil when it answered.
    func stream(
        modelID: String, parameters: [String: String], onEvent: (ProviderEvent) async throws -> Void
    ) async throws -> JSONValue?
}

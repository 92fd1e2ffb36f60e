import MLCommonsCore
import RemoteInference

/// How agents and tools call a model: prepare it once, then predict or stream as often as needed.
public protocol ModelInvoking: Sendable {
    /// The release whose behaviour calls and the agents around them follow.
    var profile: VersionProfile { get }

    /// The model checks of `TransportPredictionTaskAction` (found, enabled, deployed or auto-deployed), then
    /// its connector with the credential decrypted.
    func prepare(_ modelID: String) async throws -> InvocableModel

    /// A non-streaming remote predict with already-escaped request parameters: the `ModelTensorOutput`.
    func predict(_ model: InvocableModel, requestParameters: [String: String]) async throws -> JSONValue

    /// A streaming predict; each provider event goes to `onEvent` as it arrives.
    func stream(
        _ model: InvocableModel, requestParameters: [String: String], onEvent: (ProviderEvent) async throws -> Void
    ) async throws -> StreamingCall.Outcome
}

extension ModelInvoking {
    /// Prepares and predicts in one call (`_predict`, MLModelTool).
    public func predict(modelID: String, requestParameters: [String: String]) async throws -> JSONValue {
        try await predict(try await prepare(modelID), requestParameters: requestParameters)
    }
}

import MLCommonsCore

extension Emulator {
    /// `STREAM_DISABLED_ERR_MSG`.
    static let streamDisabled =
        "Streaming is currently disabled. To enable it, update the setting \"plugins.ml_commons.stream_enabled\" to true."

    /// The agent APIs' gate (`plugins.ml_commons.agent_framework_enabled`).
    func requireAgentFramework() async throws(OpenSearchError) {
        try await require(
            MLCommonsSettings.agentFrameworkEnabled,
            else: .illegalState(
                "Agent Framework is currently disabled. To enable it, update the setting \"plugins.ml_commons.agent_framework_enabled\" to true."))
    }

    /// The connector and remote-model gate (`plugins.ml_commons.remote_inference_enabled`).
    func requireRemoteInference() async throws(OpenSearchError) {
        try await require(
            MLCommonsSettings.remoteInferenceEnabled,
            else: .illegalState(Self.remoteInferenceDisabled))
    }

    /// `REMOTE_INFERENCE_DISABLED_ERR_MSG` (it names the setting by an older key).
    static let remoteInferenceDisabled =
        "Remote Inference is currently disabled. To enable it, update the setting \"plugins.ml_commons.remote_inference_enabled\" to true."

    /// The stream APIs' gate (`plugins.ml_commons.stream_enabled`), checked first in both stream handlers.
    func requireStreaming() async throws(OpenSearchError) {
        try await require(MLCommonsSettings.streamEnabled, else: .illegalState(Self.streamDisabled))
    }
}

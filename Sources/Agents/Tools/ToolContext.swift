import MLCommonsCore
import MLStore
import RemoteInference

/// What tools may reach: the cluster's indices and documents, and remote model predictions.
public struct ToolContext: Sendable {
    /// The document store behind every index, the ml system indices included.
    public let documents: DocumentStore
    /// Runs `_predict` on a model with string parameters and returns its `ModelTensorOutput` document.
    public let predict: @Sendable (_ modelID: String, _ parameters: [String: String]) async throws -> JSONValue
    /// The release whose tool errors are reported.
    public let profile: VersionProfile
    /// Runs an agent (`_execute`, not streamed) and returns its `ModelTensorOutput` document.
    public let runAgent: @Sendable (_ agentID: String, _ parameters: [String: String]) async throws -> JSONValue
    /// Runs a connector's `execute` action with string parameters and returns its `ModelTensorOutput` document.
    public let executeConnector: @Sendable (_ connectorID: String, _ parameters: [String: String]) async throws -> JSONValue
    /// Plain HTTP for tools that fetch from the web (WebSearchTool's engines and pages).
    public let web: any UpstreamTransport

    public init(
        documents: DocumentStore, profile: VersionProfile = VersionProfile(),
        predict: @escaping @Sendable (_ modelID: String, _ parameters: [String: String]) async throws -> JSONValue,
        runAgent: @escaping @Sendable (_ agentID: String, _ parameters: [String: String]) async throws -> JSONValue = { _, _ in
            throw OpenSearchError.illegalState("no agents can run here")
        },
        executeConnector: @escaping @Sendable (_ connectorID: String, _ parameters: [String: String]) async throws -> JSONValue = { _, _ in
            throw OpenSearchError.illegalState("no connectors can run here")
        },
        web: any UpstreamTransport = NoWebAccess()
    ) {
        self.documents = documents
        self.profile = profile
        self.predict = predict
        self.runAgent = runAgent
        self.executeConnector = executeConnector
        self.web = web
    }
}

/// The transport of a context without web access: every fetch fails.
public struct NoWebAccess: UpstreamTransport {
    public init() {}

    public func send(_ request: UpstreamRequest) async throws -> UpstreamResponse {
        throw OpenSearchError.illegalState("no web access here")
    }
}

import MLCommonsCore
import MLStore
import RemoteInference

/// The one way into a remote model, for `_predict`, `_predict/stream`, agents and tools: model checks,
/// auto-deploy, the model's rate limiter, the connector with its credential decrypted once, the rendered
/// request sent through the transport (which journals and retries it), then the tensor output or the provider events.
public struct ModelInvoker: ModelInvoking {
    public let documents: DocumentStore
    public let credentials: any CredentialDecrypting
    /// The outbound chain: retries, journal, trusted endpoints, provider routing, the private-address guard.
    public let transport: any UpstreamTransport
    public let lifecycle: ModelLifecycle
    public let rateLimiter: ModelRateLimiter
    /// The release whose behaviour the calls follow.
    public let profile: VersionProfile
    /// `plugins.ml_commons.model_auto_deploy.enable`, read at call time.
    public let autoDeployEnabled: @Sendable () async -> Bool
    /// The access tokens of `google_cloud` connectors.
    public let googleTokens: GoogleAccessTokens?

    public init(
        documents: DocumentStore, credentials: any CredentialDecrypting, transport: any UpstreamTransport,
        lifecycle: ModelLifecycle, rateLimiter: ModelRateLimiter, profile: VersionProfile = VersionProfile(),
        googleTokens: GoogleAccessTokens? = nil, autoDeployEnabled: @escaping @Sendable () async -> Bool
    ) {
        self.googleTokens = googleTokens
        self.profile = profile
        self.documents = documents
        self.credentials = credentials
        self.transport = transport
        self.lifecycle = lifecycle
        self.rateLimiter = rateLimiter
        self.autoDeployEnabled = autoDeployEnabled
    }

    /// Looks a model up the way the predict actions do: any failure is `Failed to find model` (404).
    public func findModel(_ id: String) async throws -> StoredDocument {
        guard let model = try await documents.document(SystemIndex.model, id: id) else {
            throw OpenSearchError.statusException("Failed to find model", status: 404)
        }
        return model
    }

    public func prepare(_ id: String) async throws -> InvocableModel {
        try await prepare(id, streaming: false)
    }

    /// ``prepare(_:)``; a stream refuses a local model with ml-commons' stream message, a predict of a model
    /// kind the emulator does not run with its own.
    public func prepare(_ id: String, streaming: Bool) async throws -> InvocableModel {
        try await prepare(try await findModel(id), streaming: streaming)
    }

    /// ``prepare(_:streaming:)`` for a model the caller has already looked up.
    public func prepare(_ found: StoredDocument, streaming: Bool) async throws -> InvocableModel {
        let id = found.id
        var model = found
        guard model.source["algorithm"]?.stringValue == "REMOTE" else {
            if streaming { throw OpenSearchError.illegalState("Streaming is only supported for remote models") }
            let algorithm = model.source["algorithm"]?.stringValue ?? "unknown"
            if Self.isLocalTextModel(model) {
                throw OpenSearchError.illegalArgument(
                    "the emulator's agents and tools call remote models; model [\(id)] is a local \(algorithm) model, which answers _predict")
            }
            throw OpenSearchError.illegalArgument(
                "the emulator does not run \(algorithm) models (model [\(id)]); it runs remote models, TEXT_EMBEDDING, SPARSE_ENCODING, SPARSE_TOKENIZE, TEXT_SIMILARITY and QUESTION_ANSWERING models, and trained KMEANS, LINEAR_REGRESSION, LOGISTIC_REGRESSION, BATCH_RCF and FIT_RCF models")
        }
        if model.source["is_enabled"]?.boolValue == false {
            throw OpenSearchError.statusException("Model is disabled.", status: 403)
        }
        if ModelState(rawValue: model.source["model_state"]?.stringValue ?? "")?.isDeployed != true {
            guard await autoDeployEnabled() else {
                throw OpenSearchError.statusException("Model not ready yet. Please deploy the model first.", status: 400)
            }
            _ = try await lifecycle.deploy(id)
            model = try await findModel(id)
        }
        return InvocableModel(id: id, document: model.source, connector: try await connector(of: model.source))
    }

    public func predict(_ model: InvocableModel, requestParameters: [String: String]) async throws -> JSONValue {
        try acquirePermit(model)
        let builder = UpstreamRequestBuilder(connector: model.connector, authorization: try await googleAuthorization(model.connector))
        var upstream = try builder.predict(requestParameters: requestParameters)
        upstream.retries = UpstreamRetryPolicy(model.connector.clientConfig)
        let (status, body) = try await exchange(tagged(upstream, for: model))
        return try PredictOutput.render(status: status, body: body, parameters: builder.mergedParameters(requestParameters))
    }

    /// `MLExecuteConnectorAction`: the connector's `EXECUTE` action with the (escaped) parameters, its answer as
    /// a `ModelTensorOutput`.
    public func executeConnector(_ connectorID: String, requestParameters: [String: String]) async throws -> JSONValue {
        let document: JSONObject
        switch try await documents.lookup(SystemIndex.connector, id: connectorID) {
        case .found(let stored): document = stored.source
        case .noIndex: throw OpenSearchError.resourceNotFound("Can't find connector \(connectorID)")
        case .noDocument: throw OpenSearchError.statusException("Failed to find connector:\(connectorID)", status: 404)
        }
        let credential = try credentials.decrypt(document["credential"]?.objectValue ?? JSONObject())
        let connector = try ResolvedConnector(document: document, credential: credential)
        let builder = UpstreamRequestBuilder(connector: connector, authorization: try await googleAuthorization(connector))
        var upstream = try builder.request(for: "EXECUTE", requestParameters: requestParameters)
        upstream.retries = UpstreamRetryPolicy(connector.clientConfig)
        upstream.secrets = connector.secrets + [builder.authorization].compactMap { $0 }
        let (status, body) = try await exchange(upstream)
        return try PredictOutput.render(
            status: status, body: body, parameters: builder.mergedParameters(requestParameters), action: "execute")
    }

    public func stream(
        _ model: InvocableModel, requestParameters: [String: String], onEvent: (ProviderEvent) async throws -> Void
    ) async throws -> StreamingCall.Outcome {
        try acquirePermit(model)
        let authorization: String?
        do {
            authorization = try await googleAuthorization(model.connector)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            // `GoogleConnectorExecutor` reports any failure of its own with one message.
            throw InferenceError(message: "Fail to execute google_cloud streaming", javaClass: "MLException")
        }
        let (upstream, interface) = try UpstreamRequestBuilder(connector: model.connector, authorization: authorization)
            .stream(requestParameters: requestParameters)
        return try await StreamingCall(request: tagged(upstream, for: model), interface: interface, profile: profile)
            .run(over: transport, onEvent: onEvent).outcome
    }

    /// `Bearer <token>` for a `google_cloud` connector, minted (or reused) for its service account; nil for others.
    private func googleAuthorization(_ connector: ResolvedConnector) async throws -> String? {
        guard connector.connectorProtocol == .googleCloud else { return nil }
        guard let googleTokens else { throw OpenSearchError.illegalState("no Google token service here") }
        let account = try GoogleServiceAccount(credential: connector.credential, parameters: connector.parameters)
        return "Bearer " + (try await googleTokens.token(for: account))
    }

    /// The request with what the journal shows it under: the model, and the credential values to hide.
    private func tagged(_ request: UpstreamRequest, for model: InvocableModel) -> UpstreamRequest {
        var request = request
        request.modelID = model.id
        // A Google access token set by the builder stays hidden with the credential.
        request.secrets = model.connector.secrets + request.headers.filter { $0.name == "Authorization" && $0.value.hasPrefix("Bearer ") }.map(\.value)
        return request
    }

    /// The model-level `rate_limiter`, checked on every call (each agent step is a predict of its own).
    private func acquirePermit(_ model: InvocableModel) throws {
        if !rateLimiter.tryAcquire(modelID: model.id, limiter: model.document["rate_limiter"]?.objectValue) {
            throw OpenSearchError.statusException("Request is throttled at model level.", status: 429)
        }
    }

    /// The model's inline connector, or the stored one it names, with the credential decrypted.
    private func connector(of model: JSONObject) async throws -> ResolvedConnector {
        let document: JSONObject
        if case .object(let inline)? = model["connector"] {
            document = inline
        } else if let connectorID = model["connector_id"]?.stringValue,
            let stored = try await documents.document(SystemIndex.connector, id: connectorID)
        {
            document = stored.source
        } else {
            throw OpenSearchError.statusException("Failed to find connector:\(model["connector_id"]?.stringValue ?? "")", status: 404)
        }
        let credential = try credentials.decrypt(document["credential"]?.objectValue ?? JSONObject())
        return try ResolvedConnector(document: document, credential: credential)
    }
}

import Agents
import Foundation
import Logging
import MLCommonsCore
import MLStore
import MockLLM
import ModelInvocation
import RemoteInference

/// One running emulator: its store, settings, ids and node identity, shared by every route.
public final class Emulator: Sendable {
    public let configuration: EmulatorConfiguration
    public let database: MLDatabase
    public let documents: DocumentStore
    /// Conversation memory as ml-commons writes it, for the memory APIs and the agents.
    public let conversations: ConversationStore
    public let settings: ClusterSettingsService
    /// What the chosen OpenSearch release does differently.
    public let profile: VersionProfile
    public let ids: DocumentIDGenerator
    public let cipher: CredentialCipher
    public let node: NodeIdentity
    public let logger: Logger
    /// Where upstream LLM calls go (live HTTP, or the in-process mock for well-known providers).
    public let transport: any UpstreamTransport
    /// The transport of MCP clients and WebSearchTool: journalled, not address-checked (neither client checks in 3.3).
    let directTransport: any UpstreamTransport
    /// The last upstream calls, readable through the control plane.
    public let journal: OutboundJournal
    /// The offline LLM, reachable in-process and over HTTP under the control plane.
    public let mockLLM: MockLLM
    /// How each answer the mock gave over HTTP ended.
    let mockLLMServed = MockLLMServedLog()
    /// Agent runs answered with a task id and still going.
    let backgroundRuns = BackgroundRuns()
    /// The event streams of the control plane's legacy MCP server.
    let mcpSessions = MockMCPSessions()
    /// The control plane's web search engine and its pages.
    let searchEngine = MockSearchEngine()
    let rateLimiter = ModelRateLimiter()
    /// When local models' register and deploy tasks finish (the control plane's time control).
    let localTasks: LocalTaskRunner
    /// The counters `_plugins/_ml/stats` reports.
    let nodeStats = NodeStats()
    /// What is deployed on the node, for predict and `_plugins/_ml/profile`.
    public let modelCache = DeployedModelCache()
    /// Deploying and undeploying models.
    public let lifecycle: ModelLifecycle
    /// The one way into a remote model, for the predict routes, agents and tools.
    public let invoker: ModelInvoker
    /// The mock script loaded at start, which a reset brings back.
    let startScript: MockLLMScript
    /// The certificate served in the security mode.
    public let tlsIdentity: TLSIdentity?
    /// Authentication in the security mode.
    let securityGate: SecurityGate?

    /// Opens the store (migrating it) and loads persistent settings and the master key.
    public init(
        configuration: EmulatorConfiguration, logger: Logger, transport: (any UpstreamTransport)? = nil
    ) async throws {
        self.configuration = configuration
        self.logger = logger
        database = try MLDatabase(location: configuration.data)
        documents = DocumentStore(database: database)
        profile = VersionProfile(configuration.opensearchVersion)
        settings = try await ClusterSettingsService(
            store: SettingsStore(database: database), catalogue: SettingsCatalogue(profile.settings))
        cipher = CredentialCipher(key: try await SecretStore(database: database).masterKey(override: configuration.masterKey))
        ids = DocumentIDGenerator()
        conversations = ConversationStore(documents: documents, ids: ids)
        node = NodeIdentity(nodeName: configuration.nodeName, clusterName: configuration.clusterName)
        startScript = Self.paced(try Self.loadScript(configuration.mockScript), configuration)
        localTasks = LocalTaskRunner(background: backgroundRuns)
        mockLLM = MockLLM(script: startScript, awsSecrets: configuration.mockAWSKeys)
        let settingsService = settings
        // Only calls that leave the process are resolved and address-checked; the trusted-endpoint regex
        // applies to every call, the in-process mock's included.
        let live = PrivateAddressGuard(base: transport ?? HTTPUpstreamTransport()) {
            settingsService.isEnabled(MLCommonsSettings.privateIPEnabled)
        }
        let routed: any UpstreamTransport = configuration.llm == .mock
            ? ProviderRoutingTransport(mock: InProcessMockTransport(mock: mockLLM), live: live) : live
        let trusted = TrustedEndpointGuard(base: routed) {
            settingsService.current.list(MLCommonsSettings.trustedConnectorEndpointsRegex)
        }
        let journal = OutboundJournal(logger: logger)
        self.journal = journal
        // Each attempt of a retried call is journalled, refused ones included.
        self.transport = RetryingTransport(base: JournalingTransport(base: trusted, journal: journal))
        directTransport = JournalingTransport(base: transport ?? HTTPUpstreamTransport(), journal: journal)
        lifecycle = ModelLifecycle(documents: documents, ids: ids, nodeID: node.nodeID, cache: modelCache) { InstantTime.now().epochMillis }
        // Google's token endpoint is reached as its client library reaches it: no trusted-endpoint or address check.
        let googleTokens = GoogleAccessTokens(transport: JournalingTransport(base: routed, journal: journal))
        invoker = ModelInvoker(
            documents: documents, credentials: cipher, transport: self.transport, lifecycle: lifecycle,
            rateLimiter: rateLimiter, profile: profile, googleTokens: googleTokens
        ) { settingsService.isEnabled(MLCommonsSettings.modelAutoDeployEnabled) }
        if let security = configuration.security {
            if let refusal = security.adminPasswordRefusal() { throw refusal }
            tlsIdentity = try await Self.tlsIdentity(security, host: configuration.host, store: SecretStore(database: database))
            securityGate = SecurityGate(
                users: security.directory, actions: ActionCatalogue(profile: VersionProfile(configuration.opensearchVersion)))
        } else {
            tlsIdentity = nil
            securityGate = nil
        }
        try await restoreModelCache()
    }

    /// The certificate files given, else the self-signed pair kept in the data file (made at its first start).
    private static func tlsIdentity(_ security: SecurityMode, host: String, store: SecretStore) async throws -> TLSIdentity {
        if let files = security.certificateFiles {
            guard let certificate = try? String(contentsOfFile: files.certificate, encoding: .utf8) else {
                throw EmulatorStartupError("cannot read the TLS certificate \(files.certificate)")
            }
            guard let key = try? String(contentsOfFile: files.key, encoding: .utf8) else {
                throw EmulatorStartupError("cannot read the TLS key \(files.key)")
            }
            return TLSIdentity(certificatePEM: certificate, privateKeyPEM: key)
        }
        let pair = try await store.secret(named: "tls_identity") {
            let identity = try TLSIdentity.selfSigned(host: host)
            return Data((identity.certificatePEM + identity.privateKeyPEM).utf8)
        }
        let text = String(decoding: pair, as: UTF8.self)
        guard let split = text.range(of: "-----BEGIN PRIVATE KEY-----") ?? text.range(of: "-----BEGIN EC PRIVATE KEY-----") else {
            throw EmulatorStartupError("the data file's TLS identity is damaged; delete its `tls_identity` secret to make a new one")
        }
        return TLSIdentity(certificatePEM: String(text[..<split.lowerBound]), privateKeyPEM: String(text[split.lowerBound...]))
    }

    /// Makes `script` the mock's, with the configured token delay where it sets no pacing.
    func installMockScript(_ script: MockLLMScript) {
        mockLLM.replaceScript(Self.paced(script, configuration))
    }

    private static func paced(_ script: MockLLMScript, _ configuration: EmulatorConfiguration) -> MockLLMScript {
        guard configuration.mockTokenDelay > .zero else { return script }
        return script.paced(byDefault: MockLLMPacing(delayBetweenTokens: configuration.mockTokenDelay))
    }

    static func loadScript(_ path: String?) throws -> MockLLMScript {
        guard let path else { return .empty }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EmulatorStartupError("cannot read mock LLM script \(path)")
        }
        return try MockLLMScript(bytes: Array(data))
    }

    /// Returns the emulator to its start state: no background agent runs, no documents or transient settings
    /// (and no persistent ones when asked), empty outbound and mock logs, fresh model rate limiters and the mock
    /// script it started with.
    public func reset(includingPersistentSettings: Bool) async throws {
        await backgroundRuns.cancelAll()
        localTasks.reset()
        nodeStats.reset()
        modelCache.removeAll()
        try await database.wipeResources(includingPersistentSettings: includingPersistentSettings)
        await settings.reset(includingPersistent: includingPersistentSettings)
        journal.clear()
        rateLimiter.reset()
        mockLLM.replaceScript(startScript)
        mockLLMServed.clear()
    }

    /// The current time in epoch milliseconds.
    func nowMillis() -> Int64 { InstantTime.now().epochMillis }

    /// Throws the given error unless a boolean cluster setting is on.
    func require(_ key: String, else error: @autoclosure () -> OpenSearchError) async throws(OpenSearchError) {
        guard settings.isEnabled(key) else { throw error() }
    }
}

import Logging
import MLCommonsCore
import MLStore

/// One running emulator: its store, settings, ids and node identity, shared by every route.
public final class Emulator: Sendable {
    public let configuration: EmulatorConfiguration
    public let database: MLDatabase
    public let documents: DocumentStore
    public let settings: ClusterSettingsService
    public let ids: DocumentIDGenerator
    public let cipher: CredentialCipher
    public let node: NodeIdentity
    public let logger: Logger

    /// Opens the store (migrating it) and loads persistent settings and the master key.
    public init(configuration: EmulatorConfiguration, logger: Logger) async throws {
        self.configuration = configuration
        self.logger = logger
        database = try MLDatabase(location: configuration.data)
        documents = DocumentStore(database: database)
        settings = try await ClusterSettingsService(store: SettingsStore(database: database))
        cipher = CredentialCipher(key: try await SecretStore(database: database).masterKey(override: configuration.masterKey))
        ids = DocumentIDGenerator()
        node = NodeIdentity(nodeName: configuration.nodeName, clusterName: configuration.clusterName)
    }

    /// The current time in epoch milliseconds.
    func nowMillis() -> Int64 { InstantTime.now().epochMillis }

    /// Throws the given error unless a boolean cluster setting is on.
    func require(_ key: String, else error: @autoclosure () -> OpenSearchError) async throws(OpenSearchError) {
        guard await settings.isEnabled(key) else { throw error() }
    }
}

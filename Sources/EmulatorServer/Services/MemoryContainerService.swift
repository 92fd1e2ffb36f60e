import Foundation
import MLCommonsCore
import MLStore

/// Memory containers as the agentic memory routes share them: the feature flag, lookups with ml-commons'
/// messages, access checks, the model checks of a new configuration and the data indices it needs.
struct MemoryContainerService: Sendable {
    let emulator: Emulator

    /// A stored container and its configuration.
    struct Container: Sendable {
        let document: StoredDocument
        let configuration: MemoryContainerConfiguration
    }

    /// Every agentic memory API answers 403 while `agentic_memory_enabled` is off.
    func requireEnabled() async throws {
        guard emulator.settings.isEnabled(MLCommonsSettings.agenticMemoryEnabled) else {
            throw OpenSearchError.statusException(
                "The Agentic Memory APIs are not enabled. To enable, please update the setting \(MLCommonsSettings.agenticMemoryEnabled)",
                status: 403)
        }
    }

    /// `MemoryContainerHelper.getMemoryContainer`: `Memory container not found` for a missing index or document.
    func stored(_ id: String) async throws -> Container {
        guard let document = try await emulator.documents.document(MemoryContainer.index, id: id) else {
            throw OpenSearchError.statusException("Memory container not found", status: 404)
        }
        return Container(document: document, configuration: try configuration(of: document.source))
    }

    /// A `configuration` from a request, with this release's defaults and fresh random names.
    func parseConfiguration(_ value: JSONValue?) throws(OpenSearchError) -> MemoryContainerConfiguration {
        try MemoryContainerConfiguration(
            parsing: value, sessionsOffByDefault: emulator.profile.agenticMemorySessionsOffByDefault, randomHex: Self.randomHex)
    }

    func configuration(of source: JSONObject) throws(OpenSearchError) -> MemoryContainerConfiguration {
        try MemoryContainer.configuration(of: source, sessionsOffByDefault: emulator.profile.agenticMemorySessionsOffByDefault)
    }

    /// The container access check: 403 with the route's `refusal` unless the user may use it.
    func checkAccess(_ container: Container, _ user: SecurityUser?, refusal: String) throws {
        guard MemoryContainer.isAccessible(container.document.source, to: user) else {
            throw OpenSearchError.statusException(refusal, status: 403)
        }
    }

    /// `TransportCreateMemoryContainerAction.validateConfiguration`, in its order.
    func validate(_ configuration: MemoryContainerConfiguration) async throws {
        try configuration.validateStrategiesRequireModels()
        for strategy in configuration.strategies { try strategy.validate() }
        if let llmID = configuration.llmID {
            guard let model = try await emulator.documents.document(SystemIndex.model, id: llmID) else {
                throw OpenSearchError.illegalArgument("LLM model with ID \(llmID) not found")
            }
            let algorithm = model.source["algorithm"]?.stringValue ?? ""
            guard algorithm == "REMOTE" else {
                throw OpenSearchError.illegalArgument("LLM model must be a REMOTE model, found: \(algorithm)")
            }
        }
        if let embeddingID = configuration.embeddingModelID, let type = configuration.embeddingModelType {
            guard let model = try await emulator.documents.document(SystemIndex.model, id: embeddingID) else {
                throw OpenSearchError.illegalArgument("Embedding model with ID \(embeddingID) not found")
            }
            let algorithm = model.source["algorithm"]?.stringValue ?? ""
            guard algorithm == type || algorithm == "REMOTE" else {
                throw OpenSearchError.illegalArgument("Embedding model must be of type \(type) or REMOTE, found: \(algorithm)")
            }
        }
    }

    /// Creates the data indices the configuration needs that do not exist yet (`initIndexIfAbsent`), with
    /// ml-commons' mappings and the container's `index_settings`.
    func createDataIndices(_ configuration: MemoryContainerConfiguration) async throws {
        for type in configuration.dataIndices {
            guard let name = configuration.indexName(type) else { continue }
            var settings = try IndexSettingsInput.normalize(configuration.indexSettings[type.settingsKey] ?? Self.defaultSettings)
            if type == .longTerm, configuration.embeddingModelType == "TEXT_EMBEDDING" {
                settings["index.knn"] = "true"
                settings["index.knn.algo_param.ef_search"] = "100"
            }
            if type == .longTerm, configuration.embeddingModelType != nil {
                settings["index.default_pipeline"] = .string("\(name)-embedding")
            }
            let mappings = AgenticMemoryIndexMappings.mappings(type, configuration: configuration)
            try await emulator.documents.createIndex(name, mappings: mappings, settings: settings)
        }
    }

    private static let defaultSettings: JSONValue = ["index.number_of_shards": "1", "index.auto_expand_replicas": "0-1"]

    /// Eight lower-case hex characters of a random UUID, as strategy ids and generated prefixes use.
    static func randomHex() -> String {
        String(UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(8)).lowercased()
    }
}

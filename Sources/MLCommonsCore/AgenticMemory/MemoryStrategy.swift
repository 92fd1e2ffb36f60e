/// One long-term memory strategy of a container (`MemoryStrategy`): what the LLM extracts from
/// conversations, and for which namespace keys.
public struct MemoryStrategy: Sendable, Hashable {
    /// `MemoryStrategyType`.
    public enum Kind: String, Sendable, CaseIterable {
        case semantic = "SEMANTIC"
        case userPreference = "USER_PREFERENCE"
        case summary = "SUMMARY"
    }

    public var id: String?
    public var enabled: Bool?
    public var kind: Kind?
    public var namespace: [String]?
    /// Per-strategy settings (`llm_result_path`, `system_prompt`, `llm_id`), kept as sent.
    public var configuration: JSONObject

    /// `MemoryStrategy.parse`: unknown keys skipped, the type case-insensitive.
    public init(parsing value: JSONValue) throws(OpenSearchError) {
        let fields = try RequestObject(value)
        id = try fields.string("id")
        enabled = try fields.bool("enabled")
        if let type = try fields.string("type") {
            guard let kind = Kind(rawValue: type.uppercased()) else {
                throw .illegalArgument("Invalid memory type: \(type). Must be SEMANTIC, USER_PREFERENCE, or SUMMARY")
            }
            self.kind = kind
        }
        namespace = try fields.stringList("namespace")
        configuration = try fields.object("configuration") ?? JSONObject()
    }

    /// `MemoryStrategy.validate`, run when a container is created or its strategies change.
    public func validate() throws(OpenSearchError) {
        guard let namespace, !namespace.isEmpty else {
            throw .illegalArgument("Strategy namespace is required. Please provide a non-empty namespace array.")
        }
    }

    /// A new strategy as `buildMemoryContainer` completes it: `<type>_<8 characters of a UUID>` and enabled.
    public func completed(randomHex: () -> String) -> MemoryStrategy {
        var out = self
        if out.id?.isJavaBlank ?? true {
            out.id = (kind?.rawValue.lowercased() ?? "null") + "_" + String(randomHex().prefix(8))
        }
        if out.enabled == nil { out.enabled = true }
        return out
    }

    /// The request's values of the keys the strategy names (`getStrategyNameSpace`), or nil when one is
    /// missing and the strategy does not run.
    public func scopedNamespace(in namespace: JSONObject) -> JSONObject? {
        let keys = self.namespace ?? []
        let scoped = JSONObject(keys.compactMap { key in namespace[key].map { (key, $0) } })
        return scoped.count == keys.count ? scoped : nil
    }

    /// `MemoryStrategy.toXContent`: `id`, `enabled`, then `type`, `namespace` and a non-empty `configuration`.
    public var json: JSONValue {
        var object: JSONObject = ["id": id.map(JSONValue.string) ?? .null, "enabled": .bool(enabled ?? true)]
        if let kind { object["type"] = .string(kind.rawValue) }
        if let namespace { object["namespace"] = .array(namespace.map(JSONValue.string)) }
        if !configuration.isEmpty { object["configuration"] = .object(configuration) }
        return .object(object)
    }
}

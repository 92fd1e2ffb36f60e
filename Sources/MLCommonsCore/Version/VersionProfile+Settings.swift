extension VersionProfile {
    /// The default `trusted_connector_endpoints_regex` patterns of this release.
    public var trustedEndpointDefaults: [String] {
        var patterns = MLCommonsSettings.defaultTrustedEndpoints
        guard trustsGoogleGenerativeLanguage else { return patterns }
        // ml-commons inserted it right after DeepSeek (6th of 12); append if that entry ever moves.
        let position = patterns.firstIndex(of: #"^https://api\.deepseek\.com/.*$"#).map { $0 + 1 } ?? patterns.endIndex
        patterns.insert(MLCommonsSettings.googleGenerativeLanguageEndpoint, at: position)
        return patterns
    }

    /// This release's settings, in the order `include_defaults` lists them: the 3.3 ml-commons settings with
    /// this release's defaults, then the ml-commons settings added since, then the core settings.
    public var settings: [SettingDefinition] {
        let known = MLCommonsSettings.all.map(withReleaseDefault)
        let plugin = known.filter { $0.key.hasPrefix(Self.pluginPrefix) }
        let core = known.filter { !$0.key.hasPrefix(Self.pluginPrefix) }
        let added = addedSettings.filter { $0.since <= version }.map(\.definition)
        return plugin + added + core
    }

    private static let pluginPrefix = "plugins.ml_commons."

    /// A 3.3 definition with the default this release gives it.
    private func withReleaseDefault(_ definition: SettingDefinition) -> SettingDefinition {
        switch definition.key {
        case MLCommonsSettings.maxBatchInferenceTasks, MLCommonsSettings.maxBatchIngestionTasks:
            // `MLCommonsSettings.all` carries the 3.4 values; 3.3 still had 10 with a maximum of 500.
            return raisedBatchTaskLimits
                ? Self.integer(definition.key, 100, min: 0, max: 10000)
                : Self.integer(definition.key, 10, min: 0, max: 500)
        case MLCommonsSettings.trustedConnectorEndpointsRegex:
            return SettingDefinition(
                definition.key, definition.kind, default: .list(trustedEndpointDefaults),
                isDynamic: definition.isDynamic)
        default:
            return definition
        }
    }

    /// The ml-commons settings added after 3.3, with the release that added each, in declaration order.
    private var addedSettings: [(since: OpenSearchVersion, definition: SettingDefinition)] {
        [
            (.v3_5_0, Self.flag(MLCommonsSettings.unifiedAgentAPIEnabled, unifiedAgentAPIOnByDefault)),
            // Static (NodeScope only): settable in `opensearch.yml`, never through the API.
            (.v3_5_0, Self.integer(MLCommonsSettings.masterKeyCacheTTLMinutes, 5, min: 1, max: 1440, isDynamic: false)),
            (.v3_5_0, Self.flag(MLCommonsSettings.remoteAgenticMemoryEnabled, false)),
            // -1 means unlimited; the Java setting has no maximum beyond `Integer.MAX_VALUE`.
            (.v3_5_0, Self.integer(MLCommonsSettings.maxJSONSize, 100_000_000, min: -1)),
            (.v3_5_0, Self.flag(MLCommonsSettings.mcpHeaderPassthroughEnabled, false)),
            (.v3_5_0, Self.flag(MLCommonsSettings.agUIEnabled, false)),
            (.v3_7_0, Self.list(MLCommonsSettings.trustedConnectorPrivateEndpointsRegex)),
            // Final in ml-commons; `SettingDefinition` has no final kind, and a non-dynamic one refuses updates alike.
            (.v3_7_0, Self.list(MLCommonsSettings.connectorRestrictedIPPatterns, isDynamic: false)),
            (.v3_8_0, Self.flag(MLCommonsSettings.memoryRetentionEnabled, false)),
            (.v3_8_0, Self.integer(MLCommonsSettings.memoryRetentionJobIntervalHours, 24, min: 1, max: 168)),
            (.v3_8_0, Self.integer(MLCommonsSettings.memoryRetentionJobThrottleSeconds, 5, min: 1, max: 60)),
            (.v3_8_0, Self.integer(MLCommonsSettings.memoryOrphanTTLDays, 7, min: 1, max: 365)),
            (.v3_8_0, Self.integer(MLCommonsSettings.memoryWorkingMemoryTTLDays, -1, min: -1, max: 365)),
            (.v3_8_0, Self.integer(MLCommonsSettings.memoryDefaultSessionRetentionDays, -1, min: -1, max: 3650)),
            (.v3_8_0, Self.integer(MLCommonsSettings.memoryDefaultSessionMaxCount, -1, min: -1, max: 1_000_000)),
            (.v3_8_0, Self.integer(MLCommonsSettings.memoryDefaultLongTermMaxCount, -1, min: -1, max: 1_000_000)),
            (.v3_8_0, Self.integer(MLCommonsSettings.memoryDefaultHistoryMaxCount, -1, min: -1, max: 10_000_000)),
            (.v3_9_0, Self.flag(MLCommonsSettings.agenticSearchTemplateEnabled, false)),
            (.v3_9_0, Self.flag(MLCommonsSettings.vertexAIConnectorEnabled, false)),
        ]
    }

    private static func flag(_ key: String, _ value: Bool) -> SettingDefinition {
        SettingDefinition(key, .boolean, default: .string(value ? "true" : "false"))
    }

    private static func integer(
        _ key: String, _ value: Int, min: Int? = nil, max: Int? = nil, isDynamic: Bool = true
    ) -> SettingDefinition {
        SettingDefinition(
            key, .integer(minimum: min, maximum: max), default: .string(String(value)), isDynamic: isDynamic)
    }

    private static func list(_ key: String, isDynamic: Bool = true) -> SettingDefinition {
        SettingDefinition(key, .stringList, default: .list([]), isDynamic: isDynamic)
    }
}

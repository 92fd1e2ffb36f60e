/// Keys of the settings ml-commons added after 3.3; `VersionProfile.settings` says which release has each.
extension MLCommonsSettings {
    // 3.4 changed only defaults, so the existing constants cover it.
    public static let maxBatchInferenceTasks = "plugins.ml_commons.max_batch_inference_tasks"
    public static let maxBatchIngestionTasks = "plugins.ml_commons.max_batch_ingestion_tasks"

    // 3.5
    public static let unifiedAgentAPIEnabled = "plugins.ml_commons.unified_agent_api_enabled"
    public static let masterKeyCacheTTLMinutes = "plugins.ml_commons.master_key_cache_ttl_minutes"
    public static let remoteAgenticMemoryEnabled = "plugins.ml_commons.remote_agentic_memory_enabled"
    public static let maxJSONSize = "plugins.ml_commons.max_json_size"
    public static let mcpHeaderPassthroughEnabled = "plugins.ml_commons.mcp_header_passthrough_enabled"
    public static let agUIEnabled = "plugins.ml_commons.ag_ui_enabled"

    // 3.7
    public static let trustedConnectorPrivateEndpointsRegex = "plugins.ml_commons.trusted_connector_private_endpoints_regex"
    public static let connectorRestrictedIPPatterns = "plugins.ml_commons.connector.restricted_ip_patterns"

    // 3.8
    public static let memoryRetentionEnabled = "plugins.ml_commons.memory.retention_enabled"
    public static let memoryRetentionJobIntervalHours = "plugins.ml_commons.memory.retention_job_interval_hours"
    public static let memoryRetentionJobThrottleSeconds = "plugins.ml_commons.memory.retention_job_throttle_seconds"
    public static let memoryOrphanTTLDays = "plugins.ml_commons.memory.orphan_ttl_days"
    public static let memoryWorkingMemoryTTLDays = "plugins.ml_commons.memory.working_memory_ttl_days"
    public static let memoryDefaultSessionRetentionDays = "plugins.ml_commons.memory.default_session_retention_days"
    public static let memoryDefaultSessionMaxCount = "plugins.ml_commons.memory.default_session_max_count"
    public static let memoryDefaultLongTermMaxCount = "plugins.ml_commons.memory.default_long_term_max_count"
    public static let memoryDefaultHistoryMaxCount = "plugins.ml_commons.memory.default_history_max_count"

    // 3.9
    public static let agenticSearchTemplateEnabled = "plugins.ml_commons.agentic_search_template_enabled"
    public static let vertexAIConnectorEnabled = "plugins.ml_commons.connector.vertexai_enabled"

    /// The trusted endpoint pattern 3.5 added to the default list, right after the DeepSeek one.
    public static let googleGenerativeLanguageEndpoint = #"^https://generativelanguage\.googleapis\.com/.*$"#
}

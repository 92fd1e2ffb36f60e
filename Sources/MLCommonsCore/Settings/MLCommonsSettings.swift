/// The `plugins.ml_commons.*` settings of ml-commons 3.3 (`MLCommonsSettings.java`) that the emulator
/// knows, with their defaults, plus the few core settings clients commonly set.
public enum MLCommonsSettings {
    public static let streamEnabled = "plugins.ml_commons.stream_enabled"
    public static let trustedConnectorEndpointsRegex = "plugins.ml_commons.trusted_connector_endpoints_regex"
    public static let connectorAccessControlEnabled = "plugins.ml_commons.connector_access_control_enabled"
    public static let modelAccessControlEnabled = "plugins.ml_commons.model_access_control_enabled"
    public static let memoryFeatureEnabled = "plugins.ml_commons.memory_feature_enabled"
    public static let agentFrameworkEnabled = "plugins.ml_commons.agent_framework_enabled"
    public static let remoteInferenceEnabled = "plugins.ml_commons.remote_inference.enabled"
    public static let localModelEnabled = "plugins.ml_commons.local_model.enabled"
    public static let modelAutoDeployEnabled = "plugins.ml_commons.model_auto_deploy.enable"
    public static let privateIPEnabled = "plugins.ml_commons.connector.private_ip_enabled"
    public static let mcpConnectorEnabled = "plugins.ml_commons.mcp_connector_enabled"
    public static let executeToolsEnabled = "plugins.ml_commons.execute_tools_enabled"
    public static let agenticMemoryEnabled = "plugins.ml_commons.agentic_memory_enabled"

    /// The default trusted endpoint patterns (Java regex strings, matched against the whole URL).
    public static let defaultTrustedEndpoints: [String] = [
        #"^https://runtime\.sagemaker\..*[a-z0-9-]\.amazonaws\.com/.*$"#,
        #"^https://api\.sagemaker\..*[a-z0-9-]\.amazonaws\.com/.*$"#,
        #"^https://api\.openai\.com/.*$"#,
        #"^https://api\.cohere\.ai/.*$"#,
        #"^https://api\.deepseek\.com/.*$"#,
        #"^https://bedrock-runtime\..*[a-z0-9-]\.amazonaws\.com/.*$"#,
        #"^https://bedrock-agent-runtime\..*[a-z0-9-]\.amazonaws\.com/.*$"#,
        #"^https://bedrock\..*[a-z0-9-]\.amazonaws\.com/.*$"#,
        #"^https://textract\..*[a-z0-9-]\.amazonaws\.com$"#,
        #"^https://comprehend\..*[a-z0-9-]\.amazonaws\.com$"#,
        #"^https://rekognition(-fips)?\..*[a-z0-9-]\.amazonaws\.com$"#,
    ]

    private static func flag(_ key: String, _ value: Bool, isDynamic: Bool = true) -> SettingDefinition {
        SettingDefinition(key, .boolean, default: .string(value ? "true" : "false"), isDynamic: isDynamic)
    }

    private static func integer(_ key: String, _ value: Int, min: Int? = nil, max: Int? = nil) -> SettingDefinition {
        SettingDefinition(key, .integer(minimum: min, maximum: max), default: .string(String(value)))
    }

    /// Every known setting, in the order `include_defaults` lists them.
    public static let all: [SettingDefinition] = [
        flag(streamEnabled, false),
        SettingDefinition(trustedConnectorEndpointsRegex, .stringList, default: .list(defaultTrustedEndpoints)),
        flag(connectorAccessControlEnabled, false),
        flag(modelAccessControlEnabled, false),
        flag(memoryFeatureEnabled, true),
        flag(agentFrameworkEnabled, true),
        flag(remoteInferenceEnabled, true),
        flag(localModelEnabled, true),
        flag(modelAutoDeployEnabled, true),
        flag("plugins.ml_commons.only_run_on_ml_node", true),
        SettingDefinition(
            "plugins.ml_commons.task_dispatcher.eligible_node_role.remote_model", .stringList,
            default: .list(["data", "ml"])),
        SettingDefinition(
            "plugins.ml_commons.task_dispatcher.eligible_node_role.local_model", .stringList,
            default: .list(["data", "ml"])),
        flag(privateIPEnabled, false),
        flag(mcpConnectorEnabled, false),
        flag("plugins.ml_commons.mcp_server_enabled", false),
        flag("plugins.ml_commons.rag_pipeline_feature_enabled", true),
        flag(executeToolsEnabled, true),
        flag(agenticMemoryEnabled, true),
        flag("plugins.ml_commons.multi_tenancy_enabled", false, isDynamic: false),
        flag("plugins.ml_commons.allow_registering_model_via_url", false),
        flag("plugins.ml_commons.allow_registering_model_via_local_file", false),
        flag("plugins.ml_commons.allow_custom_deployment_plan", false),
        flag("plugins.ml_commons.enable_inhouse_python_model", false),
        flag("plugins.ml_commons.offline_batch_inference_enabled", true),
        flag("plugins.ml_commons.offline_batch_ingestion_enabled", true),
        flag("plugins.ml_commons.controller_enabled", true),
        flag("plugins.ml_commons.connector.private_ip_enabled.enabled_for_tests", false),
        integer("plugins.ml_commons.native_memory_threshold", 90, min: 0, max: 100),
        integer("plugins.ml_commons.jvm_heap_memory_threshold", 85, min: 0, max: 100),
        integer("plugins.ml_commons.disk_free_space_threshold", 5),
        integer("plugins.ml_commons.max_model_on_node", 10, min: 0, max: 10000),
        integer("plugins.ml_commons.max_ml_task_per_node", 10, min: 0, max: 10000),
        integer("plugins.ml_commons.max_register_model_tasks_per_node", 10, min: 0, max: 10),
        integer("plugins.ml_commons.max_deploy_model_tasks_per_node", 10, min: 0, max: 10),
        integer("plugins.ml_commons.max_batch_inference_tasks", 100, min: 0, max: 10000),
        integer("plugins.ml_commons.max_batch_ingestion_tasks", 100, min: 0, max: 10000),
        integer("plugins.ml_commons.sync_up_job_interval_in_seconds", 10, min: 0, max: 86400),
        integer("plugins.ml_commons.ml_task_timeout_in_seconds", 600, min: 1, max: 86400),
        integer("plugins.ml_commons.monitoring_request_count", 100, min: 0, max: 10_000_000),
        SettingDefinition(
            "plugins.ml_commons.task_dispatch_policy", .string, default: .string("round_robin")),
        SettingDefinition(
            "plugins.ml_commons.trusted_url_regex", .string,
            default: .string(#"^(https?|ftp|file)://[-a-zA-Z0-9+&@#/%?=~_|!:,.;]*[-a-zA-Z0-9+&@#/%=~_|]"#)),
        flag("cluster.routing.allocation.disk.threshold_enabled", true),
        SettingDefinition("cluster.routing.allocation.enable", .string, default: .string("all")),
        SettingDefinition("logger._root", .string, default: .string("INFO")),
        flag("action.auto_create_index", true),
    ]

    private static let byKey: [String: SettingDefinition] = Dictionary(
        uniqueKeysWithValues: all.map { ($0.key, $0) })

    /// The definition of a key, if the emulator knows it.
    public static func definition(_ key: String) -> SettingDefinition? { byKey[key] }
}

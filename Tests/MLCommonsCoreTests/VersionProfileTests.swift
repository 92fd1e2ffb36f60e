import MLCommonsCore
import Testing

@Suite("OpenSearch versions and their profiles")
struct VersionProfileTests {
    @Test func parsesCommandLineVersions() {
        #expect(OpenSearchVersion(argument: "latest") == .v3_9_0)
        #expect(OpenSearchVersion(argument: "LATEST") == .v3_9_0)
        #expect(OpenSearchVersion(argument: "3.3.0") == .v3_3_0)
        #expect(OpenSearchVersion(argument: "3.7.0") == .v3_7_0)
        #expect(OpenSearchVersion(argument: "3.5") == .v3_5_0)
        #expect(OpenSearchVersion(argument: "3.2.0") == nil)
        #expect(OpenSearchVersion(argument: "3.10.0") == nil)
        #expect(OpenSearchVersion(argument: "3") == nil)
        #expect(OpenSearchVersion(argument: "") == nil)
        #expect(OpenSearchVersion.latest == .v3_9_0)
        #expect(OpenSearchVersion.default == .v3_3_0)
        #expect(OpenSearchVersion.accepted == "3.3.0, 3.4.0, 3.5.0, 3.6.0, 3.7.0, 3.8.0, 3.9.0, latest")
    }

    @Test func versionsOrderByRelease() {
        #expect(OpenSearchVersion.v3_3_0 < .v3_4_0)
        #expect(OpenSearchVersion.v3_8_0 < .v3_9_0)
        #expect(!(OpenSearchVersion.v3_5_0 < .v3_5_0))
        #expect(OpenSearchVersion.allCases == OpenSearchVersion.allCases.sorted())
    }

    @Test func infoDocumentFieldsPerVersion() {
        let lucene = OpenSearchVersion.allCases.map { VersionProfile($0).luceneVersion }
        #expect(lucene == ["10.3.1", "10.3.2", "10.3.2", "10.4.0", "10.4.0", "10.5.0", "10.5.1"])
        for version in OpenSearchVersion.allCases {
            let profile = VersionProfile(version)
            #expect(profile.number == version.rawValue)
            #expect(profile.minimumWireCompatibilityVersion == "2.19.0")
            #expect(profile.minimumIndexCompatibilityVersion == "2.0.0")
            // OpenSearch prints nine fraction digits: `2025-12-15T21:42:54.481067826Z`.
            #expect(profile.buildDate.count == 30, "\(version.rawValue)")
            #expect(profile.buildDate.hasSuffix("Z"))
        }
        #expect(VersionProfile(.v3_4_0).buildDate == "2025-12-15T21:42:54.481067826Z")
    }

    @Test func settingsAddedAfter33AreExactlyTheDocumentedOnes() {
        let first = Set(VersionProfile(.v3_3_0).settings.map(\.key))
        let latest = Set(VersionProfile(.v3_9_0).settings.map(\.key))
        let expected: Set<String> = [
            "plugins.ml_commons.unified_agent_api_enabled",
            "plugins.ml_commons.master_key_cache_ttl_minutes",
            "plugins.ml_commons.remote_agentic_memory_enabled",
            "plugins.ml_commons.max_json_size",
            "plugins.ml_commons.mcp_header_passthrough_enabled",
            "plugins.ml_commons.ag_ui_enabled",
            "plugins.ml_commons.trusted_connector_private_endpoints_regex",
            "plugins.ml_commons.connector.restricted_ip_patterns",
            "plugins.ml_commons.memory.retention_enabled",
            "plugins.ml_commons.memory.retention_job_interval_hours",
            "plugins.ml_commons.memory.retention_job_throttle_seconds",
            "plugins.ml_commons.memory.orphan_ttl_days",
            "plugins.ml_commons.memory.working_memory_ttl_days",
            "plugins.ml_commons.memory.default_session_retention_days",
            "plugins.ml_commons.memory.default_session_max_count",
            "plugins.ml_commons.memory.default_long_term_max_count",
            "plugins.ml_commons.memory.default_history_max_count",
            "plugins.ml_commons.agentic_search_template_enabled",
            "plugins.ml_commons.connector.vertexai_enabled",
        ]
        #expect(latest.subtracting(first) == expected)
        #expect(first.isSubset(of: latest))
        #expect(first == Set(MLCommonsSettings.all.map(\.key)))
    }

    @Test func settingsArriveWithTheirRelease() {
        func keys(_ version: OpenSearchVersion) -> Set<String> { Set(VersionProfile(version).settings.map(\.key)) }
        #expect(keys(.v3_4_0) == keys(.v3_3_0))
        #expect(keys(.v3_5_0).subtracting(keys(.v3_4_0)).count == 6)
        #expect(keys(.v3_6_0) == keys(.v3_5_0))
        #expect(keys(.v3_7_0).subtracting(keys(.v3_6_0))
            == ["plugins.ml_commons.trusted_connector_private_endpoints_regex",
                "plugins.ml_commons.connector.restricted_ip_patterns"])
        #expect(keys(.v3_8_0).subtracting(keys(.v3_7_0)).count == 9)
        #expect(keys(.v3_9_0).subtracting(keys(.v3_8_0))
            == ["plugins.ml_commons.agentic_search_template_enabled", "plugins.ml_commons.connector.vertexai_enabled"])
        for version in OpenSearchVersion.allCases {
            let all = VersionProfile(version).settings.map(\.key)
            #expect(Set(all).count == all.count, "duplicate key in \(version.rawValue)")
        }
    }

    @Test func changedDefaultsFollowTheRelease() throws {
        for key in [MLCommonsSettings.maxBatchInferenceTasks, MLCommonsSettings.maxBatchIngestionTasks] {
            let old = try #require(SettingsCatalogue(VersionProfile(.v3_3_0).settings).definition(key))
            #expect(old.defaultValue == .string("10"))
            #expect(old.kind == .integer(minimum: 0, maximum: 500))
            let new = try #require(SettingsCatalogue(VersionProfile(.v3_4_0).settings).definition(key))
            #expect(new.defaultValue == .string("100"))
            #expect(new.kind == .integer(minimum: 0, maximum: 10000))
        }
        #expect(SettingsCatalogue(VersionProfile(.v3_8_0).settings).defaults[MLCommonsSettings.unifiedAgentAPIEnabled] == .string("false"))
        #expect(SettingsCatalogue(VersionProfile(.v3_9_0).settings).defaults[MLCommonsSettings.unifiedAgentAPIEnabled] == .string("true"))
        #expect(SettingsCatalogue(VersionProfile(.v3_4_0).settings).definition(MLCommonsSettings.unifiedAgentAPIEnabled) == nil)
        #expect(SettingsCatalogue(VersionProfile(.v3_5_0).settings).definition(MLCommonsSettings.masterKeyCacheTTLMinutes)?.isDynamic == false)
        #expect(SettingsCatalogue(VersionProfile(.v3_7_0).settings).definition(MLCommonsSettings.connectorRestrictedIPPatterns)?.defaultValue == .list([]))
        #expect(SettingsCatalogue(VersionProfile(.v3_8_0).settings).definition(MLCommonsSettings.memoryWorkingMemoryTTLDays)?.kind
            == .integer(minimum: -1, maximum: 365))
    }

    @Test func trustedEndpointsGainGoogleIn35() {
        let google = #"^https://generativelanguage\.googleapis\.com/.*$"#
        let before = VersionProfile(.v3_4_0).trustedEndpointDefaults
        let after = VersionProfile(.v3_5_0).trustedEndpointDefaults
        #expect(before == MLCommonsSettings.defaultTrustedEndpoints)
        #expect(!before.contains(google))
        #expect(after.count == 12)
        #expect(after[4] == #"^https://api\.deepseek\.com/.*$"#)
        #expect(after[5] == google)
        #expect(after.filter { $0 != google } == before)
        #expect(SettingsCatalogue(VersionProfile(.v3_9_0).settings).definition(MLCommonsSettings.trustedConnectorEndpointsRegex)?.defaultValue
            == .list(after))
    }

    @Test func behaviourSwitchesFlipAtTheirRelease() {
        let switches: [(name: String, flag: KeyPath<VersionProfile, Bool>, from: OpenSearchVersion)] = [
            ("raisedBatchTaskLimits", \.raisedBatchTaskLimits, .v3_4_0),
            ("trustsGoogleGenerativeLanguage", \.trustsGoogleGenerativeLanguage, .v3_5_0),
            ("unifiedAgentAPIOnByDefault", \.unifiedAgentAPIOnByDefault, .v3_9_0),
            ("agUI", \.agUI, .v3_5_0),
            ("agUIRunFinishedAfterLastChunk", \.agUIRunFinishedAfterLastChunk, .v3_6_0),
            ("executeStreamErrorsAsInferenceResults", \.executeStreamErrorsAsInferenceResults, .v3_5_0),
            ("bedrockToolInputStreamedAsContent", \.bedrockToolInputStreamedAsContent, .v3_5_0),
            ("openAIToolArgumentsDefaultToEmptyObject", \.openAIToolArgumentsDefaultToEmptyObject, .v3_5_0),
            ("mcpPassthroughHeaderPrecheck", \.mcpPassthroughHeaderPrecheck, .v3_5_0),
            ("tokenUsage", \.tokenUsage, .v3_6_0),
            ("executeStreamErrorTextIsRootCause", \.executeStreamErrorTextIsRootCause, .v3_7_0),
            ("unifiedAgentAPI", \.unifiedAgentAPI, .v3_5_0),
            ("defaultSystemPrompt", \.defaultSystemPrompt, .v3_5_0),
            ("unifiedAgentConnectorsSetGenerationLimits", \.unifiedAgentConnectorsSetGenerationLimits, .v3_7_0),
            ("unifiedAgentsUseStructuredMessages", \.unifiedAgentsUseStructuredMessages, .v3_6_0),
            ("geminiFunctionCalling", \.geminiFunctionCalling, .v3_5_0),
            ("summaryCallAtMaxIteration", \.summaryCallAtMaxIteration, .v3_5_0),
            ("firstToolCallOnly", \.firstToolCallOnly, .v3_5_0),
            ("sanitisedErrorTexts", \.sanitisedErrorTexts, .v3_5_0),
            ("conversationalV2Agents", \.conversationalV2Agents, .v3_6_0),
        ]
        for entry in switches {
            for version in OpenSearchVersion.allCases {
                #expect(VersionProfile(version)[keyPath: entry.flag] == (version >= entry.from),
                        "\(entry.name) at \(version.rawValue)")
            }
        }
        // Switches that turn off: 3.8 dropped the empty chunk after a tool call and the echo of agent answers.
        #expect(!VersionProfile(.v3_5_0).bedrockAgentAnswerEchoed && VersionProfile(.v3_6_0).bedrockAgentAnswerEchoed)
        #expect(VersionProfile(.v3_7_0).bedrockAgentAnswerEchoed && !VersionProfile(.v3_8_0).bedrockAgentAnswerEchoed)
        #expect(VersionProfile(.v3_7_0).emptyChunkAfterToolCall)
        #expect(!VersionProfile(.v3_8_0).emptyChunkAfterToolCall)
        #expect(VersionProfile(.v3_3_0).emptyChunkAfterToolCall)
        #expect(!VersionProfile(.v3_9_0).emptyChunkAfterToolCall)
    }

    @Test func nothingChangesFrom33To34ButTheBatchLimits() {
        let first = VersionProfile(.v3_3_0).settings
        let second = VersionProfile(.v3_4_0).settings
        let batchKeys: Set<String> = [MLCommonsSettings.maxBatchInferenceTasks, MLCommonsSettings.maxBatchIngestionTasks]
        #expect(first.filter { !batchKeys.contains($0.key) } == second.filter { !batchKeys.contains($0.key) })
    }
}

/// Everything that differs between the OpenSearch releases the emulator impersonates, so callers ask a
/// named question (`profile.tokenUsage`) instead of comparing versions themselves.
///
/// PR numbers are ml-commons' own unless marked `OpenSearch`.
public struct VersionProfile: Sendable, Hashable {
    public let version: OpenSearchVersion

    public init(_ version: OpenSearchVersion = .default) {
        self.version = version
    }

    // MARK: - `GET /`

    /// `version.number`.
    public var number: String { version.number }

    /// `version.lucene_version`: OpenSearch never bumps Lucene in a patch release, so the minor decides it.
    public var luceneVersion: String {
        switch version {
        case .v3_3_0: return "10.3.1"
        case .v3_4_0, .v3_5_0: return "10.3.2"
        case .v3_6_0, .v3_7_0: return "10.4.0"
        case .v3_8_0: return "10.5.0"
        case .v3_9_0: return "10.5.1"
        }
    }

    /// `version.minimum_wire_compatibility_version`: the first release of 2.x's last minor, for every 3.x.
    public var minimumWireCompatibilityVersion: String { "2.19.0" }

    /// `version.minimum_index_compatibility_version`: the previous major's `.0.0`, for every 3.x.
    public var minimumIndexCompatibilityVersion: String { "2.0.0" }

    /// `version.build_date`, with the nine fraction digits OpenSearch prints.
    public var buildDate: String {
        switch version {
        // No official 3.3.0 output was found; this is the day the emulator has always reported.
        case .v3_3_0: return "2025-10-09T00:00:00.000000000Z"
        case .v3_4_0: return "2025-12-15T21:42:54.481067826Z"
        case .v3_5_0: return "2026-02-07T07:54:31.169913465Z"
        // The release day (ml-commons tagged 3.6.0.0 on 2026-04-04); no official build output was found.
        case .v3_6_0: return "2026-04-07T00:00:00.000000000Z"
        case .v3_7_0: return "2026-05-19T01:54:03.477325764Z"
        case .v3_8_0: return "2026-08-03T21:07:36.443334696Z"
        // The scheduled release day (2026 release schedule); no official build output was found.
        case .v3_9_0: return "2026-09-22T00:00:00.000000000Z"
        }
    }

    // MARK: - Settings defaults

    /// `max_batch_inference_tasks` / `max_batch_ingestion_tasks` default to 100 (max 10000), not 10 (max 500) (#4474).
    public var raisedBatchTaskLimits: Bool { version >= .v3_4_0 }

    /// The default `trusted_connector_endpoints_regex` also trusts `generativelanguage.googleapis.com` (#4586).
    public var trustsGoogleGenerativeLanguage: Bool { version >= .v3_5_0 }

    /// `unified_agent_api_enabled` defaults to true (#4951).
    public var unifiedAgentAPIOnByDefault: Bool { version >= .v3_9_0 }

    // MARK: - Streaming (`_predict/stream`, `_execute/stream`)

    /// AG-UI `RunAgentInput` bodies on `_execute/stream` answer with AG-UI events; adds the `ag_ui` agent type (#4549).
    public var agUI: Bool { version >= .v3_5_0 }

    /// A Bedrock agent's final answer goes to the agent listener, which also echoes it to the client as an empty
    /// chunk (3.6, #4683); 3.8 stopped echoing agent-bound answers (#4790).
    public var bedrockAgentAnswerEchoed: Bool { version >= .v3_6_0 && version < .v3_8_0 }
    /// Whether the release has this agent type (`AG_UI` arrived with AG-UI).
    public func knows(_ type: AgentType) -> Bool {
        switch type {
        case .agUI: agUI
        case .conversationalV2: conversationalV2Agents
        default: true
        }
    }
    /// AG-UI streams end with the REST layer's own `RUN_FINISHED` after the last chunk; with OpenAI's handler still
    /// sending its own, final answers and frontend tool calls show two (#4683).
    public var agUIRunFinishedAfterLastChunk: Bool { version >= .v3_6_0 }
    /// In-band execute-stream errors are an `inference_results` chunk (`is_last`), not `{"error": …}` (#4549).
    public var executeStreamErrorsAsInferenceResults: Bool { version >= .v3_5_0 }

    /// Bedrock `toolUse.input` fragments reach the client as `content` chunks; before, nothing was sent (#4549).
    public var bedrockToolInputStreamedAsContent: Bool { version >= .v3_5_0 }

    /// OpenAI's tool-call chunk says `"arguments":"{}"` when none arrived; accumulators reset per call (#4549).
    public var openAIToolArgumentsDefaultToEmptyObject: Bool { version >= .v3_5_0 }

    /// The rendered `request_body`'s `guardrailConfig` is passed on to Bedrock ConverseStream (#4550).
    public var bedrockStreamSendsGuardrailConfig: Bool { version >= .v3_5_0 }

    /// `_execute/stream` 400s on MCP passthrough headers while their flag is off, before `stream_enabled` (#4544).
    public var mcpPassthroughHeaderPrecheck: Bool { version >= .v3_5_0 }

    /// `_predict/stream` with remote inference disabled is a 400 `status_exception` instead of a 500 (#4484).
    public var predictStreamRemoteInferenceDisabledIsBadRequest: Bool { version >= .v3_5_0 }

    /// `include_token_usage=true` adds a `token_usage` chunk (stream) or tensor (`_execute`) (#4683).
    public var tokenUsage: Bool { version >= .v3_6_0 }

    /// Bedrock stream finalisation waits for the `Metadata` event so usage is captured; timing only (#4683).
    public var bedrockStreamCompletesAfterMetadata: Bool { version >= .v3_6_0 }

    /// `conversational_v2` agents on `_execute/stream` are a synchronous 400 (#4732).
    public var rejectsConversationalV2OnStream: Bool { version >= .v3_6_0 }

    /// Execute-stream (not predict) exception chunks carry the root cause, no `Error processing request: ` (#4792).
    public var executeStreamErrorTextIsRootCause: Bool { version >= .v3_7_0 }

    /// OpenAI and Bedrock send an empty `content` chunk after the complete tool-call chunk (removed by #4790).
    public var emptyChunkAfterToolCall: Bool { version < .v3_8_0 }

    /// Remote HTTP errors while streaming become `Error from remote service: <body>` with the upstream status (#4790).
    public var streamRemoteErrorsKeepUpstreamStatus: Bool { version >= .v3_8_0 }

    /// `_predict/stream` streams Gemini SSE (`gemini/v1beta/generatecontent`) over `google_cloud` connectors (#4921).
    public var geminiStreaming: Bool { version >= .v3_9_0 }

    // MARK: - Agents

    /// Register with a `model` block and execute with a top-level `input`, behind `unified_agent_api_enabled` (#4546).
    public var unifiedAgentAPI: Bool { version >= .v3_5_0 }

    /// Conversational runs without a `system_prompt` get `You are a helpful assistant.` (#4546).
    public var defaultSystemPrompt: Bool { version >= .v3_5_0 }
    /// The unified API's auto-created connectors also send token limits and sampling fields (3.7).
    public var unifiedAgentConnectorsSetGenerationLimits: Bool { version >= .v3_7_0 }
    /// `_llm_interface` `gemini/v1beta/generatecontent` is accepted for agent function calling (#4570).
    public var geminiFunctionCalling: Bool { version >= .v3_5_0 }

    /// Agent `memory.type` incl. `remote_agentic_memory`, behind `remote_agentic_memory_enabled` (#4564, #4597).
    public var remoteAgenticMemory: Bool { version >= .v3_5_0 }

    /// At `max_iteration` the conversational runner makes one more LLM call to summarise the steps so far (#4575).
    public var summaryCallAtMaxIteration: Bool { version >= .v3_5_0 }

    /// Only the first tool call of a multi-call LLM turn is executed (#4523).
    public var firstToolCallOnly: Bool { version >= .v3_5_0 }

    /// Agent, tool and `_llm_interface` errors drop the offending value (`Invalid _llm_interface`, …) (#4315).
    public var sanitisedErrorTexts: Bool { version >= .v3_5_0 }

    /// The `conversational_v2` agent type exists (#4732).
    public var conversationalV2Agents: Bool { version >= .v3_6_0 }

    /// ML resources accept and echo a `provisioned_by` field (#4754).
    public var provisionedByField: Bool { version >= .v3_7_0 }

    /// V1 agents with native function calling resolve `tool_descriptions` / `tool_names` in the prompt (#4931).
    public var resolvesToolPlaceholdersWithFunctionCalling: Bool { version >= .v3_9_0 }

    /// Register bodies may carry their own `agent_id`, `connector_id`, `model_id`, … (#4974).
    public var customResourceIDs: Bool { version >= .v3_9_0 }

    /// A model auto-created by unified registration is deleted when the registration fails (#5043).
    public var deletesAutoCreatedModelOnFailedRegistration: Bool { version >= .v3_9_0 }

    // MARK: - Connectors, MCP and remote calls

    /// Connectors accept `client_config.skip_ssl_verification` (#4394, #4616).
    public var connectorSkipSSLVerification: Bool { version >= .v3_5_0 }

    /// Connector actions may have custom names and use PUT / DELETE (#4538).
    public var customConnectorActions: Bool { version >= .v3_5_0 }

    /// MCP connectors may omit `credential` (#4524).
    public var mcpConnectorCredentialOptional: Bool { version >= .v3_5_0 }

    /// `connection_timeout` / `read_timeout` default to 30 seconds instead of 30000 (#4759).
    public var connectorTimeoutsInSeconds: Bool { version >= .v3_6_0 }

    /// `${parameters.*}` placeholders are substituted in connector headers (#4817).
    public var connectorHeaderParameters: Bool { version >= .v3_7_0 }

    /// Regex list settings reject ReDoS-prone, over-long or invalid patterns on update (#4818).
    public var regexSettingsRejectUnsafePatterns: Bool { version >= .v3_7_0 }

    /// The connector URL is re-checked against the trusted endpoints after parameter substitution (#4826).
    public var revalidatesResolvedConnectorURL: Bool { version >= .v3_7_0 }

    /// Tool output is JSON-escaped when substituted into a request body (#4794).
    public var toolOutputEscapedInRequestBody: Bool { version >= .v3_7_0 }

    /// `GET /_plugins/_ml/connectors/{connector_id}/tools` lists an MCP connector's tools (#4705).
    public var listsMCPConnectorTools: Bool { version >= .v3_8_0 }

    /// `flow` and `conversational_flow` agents can use MCP connector tools (#4776).
    public var mcpToolsForFlowAgents: Bool { version >= .v3_8_0 }

    /// MCP connectors may override a tool's description (#4766).
    public var mcpToolDescriptionOverride: Bool { version >= .v3_8_0 }

    /// A connection-pool acquire timeout is a 429 instead of a 500 (#4852).
    public var connectionPoolTimeoutIsTooManyRequests: Bool { version >= .v3_8_0 }

    /// Transient HTTP errors from any remote service are retried (#4882).
    public var retriesTransientRemoteErrors: Bool { version >= .v3_8_0 }

    /// Guardrail checks that fail block the request instead of letting it through (#4904).
    public var guardrailsFailClosed: Bool { version >= .v3_8_0 }

    /// An agent's `system_prompt` is sent to Bedrock Converse (#4871).
    public var bedrockConverseSendsSystemPrompt: Bool { version >= .v3_8_0 }

    /// Connectors accept `protocol: google_cloud` (Vertex AI with OAuth2) (#4921).
    public var googleCloudConnectorProtocol: Bool { version >= .v3_9_0 }

    /// Connectors can present a client certificate (mutual TLS) (#4731).
    public var connectorMutualTLS: Bool { version >= .v3_9_0 }

    // MARK: - Memory and other routes

    /// `/_plugins/_ml/context_management` template routes (#4388).
    public var contextManagementAPI: Bool { version >= .v3_5_0 }

    /// Memory containers default `disable_session` to false instead of true (#4584).
    public var memorySessionsOnByDefault: Bool { version >= .v3_5_0 }

    /// Long-term memory `_semantic_search` and `_hybrid_search` routes (#4658).
    public var memorySemanticAndHybridSearch: Bool { version >= .v3_6_0 }

    /// Deleting a missing memory container or context template is a 404 instead of a 500 (#4701, #4723).
    public var memoryDeleteNotFoundIs404: Bool { version >= .v3_6_0 }

    /// Memory `retention_policy` and `pinned`, behind `memory.retention_enabled` (#4914, #4918).
    public var memoryRetention: Bool { version >= .v3_8_0 }

    /// Memory-container failures keep their status instead of becoming a 500 (#4930).
    public var memoryContainerErrorsKeepStatus: Bool { version >= .v3_8_0 }

    /// `_retention/_execute` and `_retention/_dry_run` memory-container routes (#4973, #4952).
    public var memoryRetentionOnDemand: Bool { version >= .v3_9_0 }

    /// `/_plugins/_ml/agentic_search_templates` routes, behind `agentic_search_template_enabled` (#4945).
    public var agenticSearchTemplates: Bool { version >= .v3_9_0 }
}

/// Everything that differs between the OpenSearch releases the emulator impersonates, so callers ask a
/// named question (`profile.tokenUsage`) instead of comparing versions themselves.
///
/// PR numbers are ml-commons' own unless marked `OpenSearch`.
public struct VersionProfile: Sendable, Hashable {
    public let version: OpenSearchVersion

    public init(_ version: OpenSearchVersion = .default) {
        self.version = version
    }

    /// The REST routes ml-commons registers in this release.
    public var restRoutes: [MLCommonsRoute] { MLCommonsRoute.catalogue.filter { $0.since <= version } }

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

    /// AG-UI runs use the thread id as their memory, store each step as a root interaction, and load the thread's
    /// history as `MESSAGES_SNAPSHOT` when `messages` is empty; the context is a `Context: …\nQuestion: ` prefix (#4645, #4720).
    public var agUIThreadIsMemory: Bool { version >= .v3_6_0 }
    /// In-band execute-stream errors are an `inference_results` chunk (`is_last`), not `{"error": …}` (#4549).
    public var executeStreamErrorsAsInferenceResults: Bool { version >= .v3_5_0 }

    /// Bedrock `toolUse.input` fragments reach the client as `content` chunks; before, nothing was sent (#4549).
    public var bedrockToolInputStreamedAsContent: Bool { version >= .v3_5_0 }

    /// OpenAI's tool-call chunk says `"arguments":"{}"` when none arrived; accumulators reset per call (#4549).
    public var openAIToolArgumentsDefaultToEmptyObject: Bool { version >= .v3_5_0 }

    /// `google_cloud` connectors (Vertex AI with OAuth2) and Gemini streaming over them (#4921).
    public var googleCloudConnectors: Bool { version >= .v3_9_0 }

    /// MCP tool results are written by Jackson (`[{"text":"…"}]`), not gson over the SDK records (#4520).
    public var mcpToolOutputWrittenByJackson: Bool { version >= .v3_5_0 }

    /// `_execute/stream` 400s on MCP passthrough headers while their flag is off, before `stream_enabled` (#4544).
    public var mcpPassthroughHeaderPrecheck: Bool { version >= .v3_5_0 }

    /// `include_token_usage=true` adds a `token_usage` chunk (stream) or tensor (`_execute`) (#4683).
    public var tokenUsage: Bool { version >= .v3_6_0 }


    /// Execute-stream (not predict) exception chunks carry the root cause, no `Error processing request: ` (#4792).
    public var executeStreamErrorTextIsRootCause: Bool { version >= .v3_7_0 }

    /// OpenAI and Bedrock send an empty `content` chunk after the complete tool-call chunk (removed by #4790).
    public var emptyChunkAfterToolCall: Bool { version < .v3_8_0 }

    // MARK: - Agents

    /// Register with a `model` block and execute with a top-level `input`, behind `unified_agent_api_enabled` (#4546).
    public var unifiedAgentAPI: Bool { version >= .v3_5_0 }

    /// Conversational runs without a `system_prompt` get `You are a helpful assistant.` (#4546).
    public var defaultSystemPrompt: Bool { version >= .v3_5_0 }
    /// Unified agents run on structured messages: no traces, and no `parent_interaction_id` in the answer (3.6).
    public var unifiedAgentsUseStructuredMessages: Bool { version >= .v3_6_0 }
    /// The unified API's auto-created connectors also send token limits and sampling fields (3.7).
    public var unifiedAgentConnectorsSetGenerationLimits: Bool { version >= .v3_7_0 }
    /// `_llm_interface` `gemini/v1beta/generatecontent` is accepted for agent function calling (#4570).
    public var geminiFunctionCalling: Bool { version >= .v3_5_0 }

    /// At `max_iteration` the conversational runner makes one more LLM call to summarise the steps so far (#4575).
    public var summaryCallAtMaxIteration: Bool { version >= .v3_5_0 }

    /// Only the first tool call of a multi-call LLM turn is executed (#4523).
    public var firstToolCallOnly: Bool { version >= .v3_5_0 }

    /// Agent, tool and `_llm_interface` errors drop the offending value (`Invalid _llm_interface`, …) (#4315).
    public var sanitisedErrorTexts: Bool { version >= .v3_5_0 }

    /// The `conversational_v2` agent type exists (#4732).
    public var conversationalV2Agents: Bool { version >= .v3_6_0 }
    /// The source types `AgentInput` names when it refuses one: 3.7 corrected `BYTES` to the `BASE64` it accepts.
    public var unifiedInputSourceTypeNames: String { version >= .v3_7_0 ? "BASE64, URL" : "BYTES, URL" }
    /// V1 agents registered with a `model` block take text input only (`validateV1MultiModalInput`, #4732); 3.5 maps
    /// content blocks and messages for them too.
    public var v1UnifiedAgentsTakeTextOnly: Bool { version >= .v3_6_0 }
    /// An agent's `memory` names its agentic memory container (`memory_container_id`, #4564).
    public var agentMemoryContainers: Bool { version >= .v3_5_0 }
    /// An agent run on a given `memory_id` creates that agentic-memory session when it is missing (`ensureSessionExists`).
    public var agentSessionsEnsured: Bool { version >= .v3_6_0 }
    /// An agent's working-memory document is re-read into a `HashMap` with a top-level `session_id`, and each write
    /// touches its session's `last_updated_time` (#4914).
    public var structuredMessageDocumentsAsHashMap: Bool { version >= .v3_8_0 }
    /// A memory container's `disable_session` defaults to true before 3.5 (#4584).
    public var agenticMemorySessionsOffByDefault: Bool { version < .v3_5_0 }
}

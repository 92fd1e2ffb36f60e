import MLCommonsCore

/// What an upstream LLM stream says, whatever its wire format: the middle stage of the streaming
/// pipeline (upstream bytes → decoder → provider events → ml-commons chunks → SSE writer).
public enum ProviderEvent: Sendable, Hashable {
    /// A piece of answer text.
    case text(String)
    /// OpenAI only: one `delta.tool_calls` array as gson re-serialises it (`[{"index":0.0,…}]`);
    /// ml-commons forwards it to the client as content.
    case toolCallDelta(String)
    /// Bedrock only, 3.5+: a tool call's name and id as its block starts, before its input streams; only AG-UI
    /// shows it (`TOOL_CALL_START`).
    case toolCallStarted(id: String, name: String)
    /// A complete tool call; ml-commons hands `dataAsMap` to the agent and shows the client an empty chunk.
    case toolCall(ProviderToolCall)
    /// The model finished its answer (`finish_reason: stop`, `[DONE]`, Bedrock `messageStop`).
    case completed
    /// The tokens the call used, in the provider's own `usage` shape (Bedrock's `metadata` event, 3.6+); only
    /// agents read it.
    case usage(JSONValue)
}

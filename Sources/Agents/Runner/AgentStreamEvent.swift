import MLCommonsCore
import RemoteInference

/// What a streaming agent run reports, in order: the LLM's deltas and tool call, each tool's output, the end.
public enum AgentStreamEvent: Sendable, Hashable {
    /// A piece of the LLM's answer text.
    case llmText(String)
    /// A piece of a tool call as the provider streams it (its JSON, as ml-commons forwards it).
    case llmToolCallDelta(String)
    /// The LLM asked for a tool; the run continues with the tool's output.
    case toolCall(ProviderToolCall)
    /// A tool's output (`StreamingWrapper.sendToolResponse`).
    case toolOutput(String)
    /// The run's token usage (`include_token_usage=true`, 3.6+), just before ``done``.
    case tokenUsage(JSONValue)
    /// The run's answer is complete (the LLM's last completion, or the end at `max_iteration`).
    case done

    /// The event for one provider event of an LLM call; usage is the runner's to count, not the client's.
    init?(_ event: ProviderEvent) {
        switch event {
        case .text(let text): self = .llmText(text)
        case .toolCallDelta(let json): self = .llmToolCallDelta(json)
        case .toolCall(let call): self = .toolCall(call)
        case .completed: self = .done
        case .usage: return nil
        }
    }
}

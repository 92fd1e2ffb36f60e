import MLCommonsCore
import RemoteInference

/// What a streaming agent run reports, in order: the LLM's deltas and tool call, each tool's output, the end.
public enum AgentStreamEvent: Sendable, Hashable {
    /// A piece of the LLM's answer text.
    case llmText(String)
    /// A piece of a tool call as the provider streams it (OpenAI: the `tool_calls` delta's JSON; Bedrock, 3.5+:
    /// an input fragment).
    case llmToolCallDelta(String)
    /// Bedrock, 3.5+: the tool call's block started.
    case llmToolCallStarted(id: String, name: String)
    /// The LLM asked for a tool; the run continues with the tool's output.
    case toolCall(ProviderToolCall)
    /// A tool's output (`StreamingWrapper.sendToolResponse`) for the call that asked for it.
    case toolOutput(String, callID: String)
    /// The LLM asked for a tool the AG-UI client runs itself: the run ends here, the client answers in its next run.
    case frontendToolCall
    /// The LLM's final answer handed to the agent and echoed to the client as well (Bedrock, 3.6 and 3.7).
    case answerEcho
    /// The run's token usage (`include_token_usage=true`, 3.6+), just before ``done``.
    case tokenUsage(JSONValue)
    /// The run's answer is complete (the LLM's last completion, or the end at `max_iteration`).
    case done
    /// An AG-UI history load (3.6+): the thread's messages, then the run's end.
    case messagesSnapshot([JSONValue])

    /// The event for one provider event of an LLM call; usage is the runner's to count, not the client's.
    init?(_ event: ProviderEvent) {
        switch event {
        case .text(let text): self = .llmText(text)
        case .toolCallDelta(let json): self = .llmToolCallDelta(json)
        case .toolCallStarted(let id, let name): self = .llmToolCallStarted(id: id, name: name)
        case .toolCall(let call): self = .toolCall(call)
        case .completed: self = .done
        case .usage: return nil
        }
    }
}

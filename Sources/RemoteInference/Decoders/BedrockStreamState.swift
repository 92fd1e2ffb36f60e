/// `BedrockStreamingHandler.StreamState`: where the handler is in one ConverseStream response.
enum BedrockStreamState: Sendable, Hashable {
    /// Text deltas go to the client.
    case streamingContent
    /// A `contentBlockStart` was seen; waiting for the first tool-input delta.
    case toolCallDetected
    /// Tool-input fragments are being joined.
    case accumulatingToolInput
    /// The tool call went to the agent; the stream stays open.
    case waitingForToolResult
    /// The completion chunk was sent.
    case completed
}

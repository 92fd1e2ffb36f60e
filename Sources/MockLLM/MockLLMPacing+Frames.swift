extension MockLLMPacing {
    /// Frames with pauses: the first waits the time to first token, the first content chunk follows
    /// immediately, each later content chunk waits the delay between tokens, and the rest follow at once.
    func frames(for events: [MockLLMStreamEvent]) -> [MockLLMFrame] {
        var seenContent = false
        return events.enumerated().map { offset, event in
            var delay = Duration.zero
            if offset == 0 {
                delay = timeToFirstToken
            } else if event.kind == .content {
                delay = seenContent ? delayBetweenTokens : .zero
            }
            if event.kind == .content { seenContent = true }
            return MockLLMFrame(delay: delay, bytes: event.bytes)
        }
    }

    /// How long generating `contentChunks` chunks takes: what a non-stream reply waits, and Bedrock's `latencyMs`.
    func latency(contentChunks: Int) -> Duration {
        timeToFirstToken + delayBetweenTokens * max(0, contentChunks - 1)
    }
}

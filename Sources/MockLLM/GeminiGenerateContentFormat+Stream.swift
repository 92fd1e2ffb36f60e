import MLCommonsCore

extension GeminiGenerateContentFormat {
    /// One SSE event per piece (`data: {…}` and a blank line, CRLF as Google writes them); the last piece carries
    /// `finishReason` and `usageMetadata`. A function call comes whole, in one event.
    func streamEvents(for answer: MockLLMAnswer, chunks: [String], usage: MockLLMUsage, latency: Duration) -> [MockLLMStreamEvent] {
        switch answer {
        case .toolCall:
            return [MockLLMStreamEvent(kind: .content, bytes: sse(response(parts: [part(answer)], finished: true, usage: usage)))]
        case .text:
            let pieces = chunks.isEmpty ? [""] : chunks
            return pieces.enumerated().map { index, piece in
                let last = index == pieces.count - 1
                let event = response(parts: [["text": .string(piece)]], finished: last, usage: last ? usage : nil)
                return MockLLMStreamEvent(kind: .content, bytes: sse(event))
            }
        }
    }

    func malformedEvent() -> [UInt8] { Array("data: {\"candidates\": [\r\n\r\n".utf8) }

    /// Gemini reports an exhausted quota only as an HTTP status, so in a stream it is an `error` object event.
    func throttlingEvent() -> [UInt8] {
        sse(["error": ["code": 429, "message": .string(Self.quotaMessage), "status": "RESOURCE_EXHAUSTED"]])
    }

    private func sse(_ value: JSONValue) -> [UInt8] { Array("data: \(value.compactText)\r\n\r\n".utf8) }
}

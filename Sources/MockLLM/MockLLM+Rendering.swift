import MLCommonsCore

extension MockLLM {
    /// The reply of `plan`, paced, with its fault applied.
    static func render(_ plan: MockLLMPlan, for conversation: MockLLMConversation, in format: any MockLLMWireFormat) -> MockLLMResponse {
        switch plan.fault {
        case .httpError(let status, let body):
            return format.errorResponse(.scripted(status: status, body: body))
        case .rateLimit(let afterChunks) where afterChunks == nil || !conversation.isStream:
            return format.errorResponse(.rateLimited)
        default:
            break
        }

        let streamedText = switch plan.answer {
        case .text(let text): text
        case .toolCall(_, let arguments): arguments.compactText
        }
        let chunks = MockLLMTokenizer.chunks(streamedText, tokensPerChunk: plan.pacing.tokensPerChunk)
        let usage = MockLLMUsage(inputTokens: conversation.inputTokens, outputTokens: MockLLMTokenizer.count(plan.answer.tokenText))
        let latency = plan.pacing.latency(contentChunks: chunks.count)
        let headers = format.successHeaders(stream: conversation.isStream)

        guard conversation.isStream else {
            let body = format.body(for: plan.answer, usage: usage, latency: latency)
            let half = Array(body.prefix(body.count / 2))
            return switch plan.fault {
            case .closeMidStream:
                MockLLMResponse(status: 200, headers: headers, frames: [MockLLMFrame(delay: latency, bytes: half)], ending: .dropConnection)
            case .malformedChunk:
                MockLLMResponse(status: 200, headers: headers, frames: [MockLLMFrame(delay: latency, bytes: half)])
            case .noAnswer:
                MockLLMResponse(status: 200, headers: headers, frames: [], ending: .hang)
            default:
                MockLLMResponse(status: 200, headers: headers, frames: [MockLLMFrame(delay: latency, bytes: body)])
            }
        }

        let events = format.streamEvents(for: plan.answer, chunks: chunks, usage: usage, latency: latency)
        var frames = plan.pacing.frames(for: events)
        var ending = MockLLMEnding.complete
        switch plan.fault {
        case .closeMidStream(let afterChunks):
            frames = Array(frames.prefix(afterChunks))
            ending = .dropConnection
        case .malformedChunk(let afterChunks):
            frames.insert(MockLLMFrame(bytes: format.malformedEvent()), at: min(afterChunks, frames.count))
        case .noAnswer(let afterChunks):
            frames = Array(frames.prefix(afterChunks))
            ending = .hang
        case .rateLimit(let afterChunks?):
            frames = Array(frames.prefix(afterChunks)) + [MockLLMFrame(bytes: format.throttlingEvent())]
        case .rateLimit(nil), .httpError, nil:
            break
        }
        return MockLLMResponse(status: 200, headers: headers, frames: frames, ending: ending)
    }
}

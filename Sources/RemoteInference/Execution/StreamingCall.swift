import MLCommonsCore

/// Runs one upstream streaming call: sends the request, checks the answer as ml-commons' client does,
/// decodes the body as it arrives and hands each ``ProviderEvent`` on. The body is read in the caller's
/// task, so a consumer that stops (a client that left) stops the upstream read too.
public struct StreamingCall: Sendable {
    public let request: UpstreamRequest
    public let interface: StreamInterface

    public init(request: UpstreamRequest, interface: StreamInterface) {
        self.request = request
        self.interface = interface
    }

    /// How a stream ended.
    public enum Outcome: Sendable, Equatable {
        /// The model finished (`[DONE]`, `finish_reason: stop`, `messageStop`).
        case completed
        /// A tool call was handed on; the stream stays open for the agent in ml-commons.
        case awaitingToolResult
        /// The body ended without either (ml-commons would leave its channel open).
        case endedEarly
    }

    /// Streams the call; throws ``InferenceError`` with the text ml-commons puts in its error chunk.
    public func run(
        over transport: any UpstreamTransport, onEvent: (ProviderEvent) async throws -> Void
    ) async throws -> (outcome: Outcome, status: Int) {
        let response: UpstreamResponse
        do {
            response = try await transport.send(request)
        } catch let error as CancellationError {
            throw error
        } catch let refusal as OutboundRefusal {
            throw refusal.inferenceError
        } catch {
            throw interface == .openAIChatCompletions
                ? InferenceError.sseNetworkFailure
                : InferenceError.bedrockStreamFailure(exceptionType: nil, message: Self.message(of: error))
        }
        switch interface {
        case .openAIChatCompletions:
            return (try await runOpenAI(response, onEvent: onEvent), response.status)
        case .bedrockConverseClaude:
            return (try await runBedrock(response, onEvent: onEvent), response.status)
        }
    }

    private func runOpenAI(_ response: UpstreamResponse, onEvent: (ProviderEvent) async throws -> Void) async throws -> Outcome {
        if !(200...299).contains(response.status) || !OpenAIChatStreamDecoder.isEventStream(contentType: response.header("content-type")) {
            let body = (try? await response.body.collect(upTo: 1 << 20)).map { String(decoding: $0, as: UTF8.self) } ?? ""
            if let error = OpenAIChatStreamDecoder.responseError(
                status: response.status, contentType: response.header("content-type"), body: body)
            {
                throw error
            }
        }
        var decoder = OpenAIChatStreamDecoder()
        do {
            for try await chunk in response.body {
                for event in decoder.feed(chunk) { try await onEvent(event) }
                if decoder.isCompleted { return .completed }
            }
        } catch let error as CancellationError {
            throw error
        } catch is UpstreamTransportError {
            // OkHttp's `onFailure` with a cause, whatever it was.
            throw InferenceError.sseNetworkFailure
        }
        for event in try decoder.finish() { try await onEvent(event) }
        if decoder.isCompleted { return .completed }
        return decoder.awaitsToolResult ? .awaitingToolResult : .endedEarly
    }

    private func runBedrock(_ response: UpstreamResponse, onEvent: (ProviderEvent) async throws -> Void) async throws -> Outcome {
        guard (200...299).contains(response.status) else {
            let body = (try? await response.body.collect(upTo: 1 << 20)) ?? []
            let message = (try? JSONParser.parse(body))?["message"]?.stringValue ?? String(decoding: body, as: UTF8.self)
            let type = response.header("x-amzn-errortype")?.split(separator: ":").first.map(String.init)
            throw InferenceError.bedrockStreamFailure(exceptionType: type, message: message)
        }
        var decoder = BedrockConverseStreamDecoder()
        do {
            for try await chunk in response.body {
                for event in try decoder.feed(chunk) { try await onEvent(event) }
                if decoder.isCompleted { return .completed }
            }
        } catch let error as UpstreamTransportError {
            throw InferenceError.bedrockStreamFailure(exceptionType: nil, message: error.description)
        }
        for event in try decoder.finish() { try await onEvent(event) }
        if decoder.isCompleted { return .completed }
        return decoder.awaitsToolResult ? .awaitingToolResult : .endedEarly
    }

    static func message(of error: any Error) -> String {
        (error as? UpstreamTransportError)?.description ?? (error as? InferenceError)?.message ?? String(describing: error)
    }
}

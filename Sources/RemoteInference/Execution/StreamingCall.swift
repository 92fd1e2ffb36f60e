import MLCommonsCore

/// Runs one upstream streaming call: sends the request, checks the answer as ml-commons' client does,
/// decodes the body as it arrives and hands each ``ProviderEvent`` on. The body is read in the caller's
/// task, so a consumer that stops (a client that left) stops the upstream read too.
public struct StreamingCall: Sendable {
    public let request: UpstreamRequest
    public let interface: StreamInterface
    /// The release whose stream handlers are emulated.
    public let profile: VersionProfile

    public init(request: UpstreamRequest, interface: StreamInterface, profile: VersionProfile = VersionProfile()) {
        self.request = request
        self.interface = interface
        self.profile = profile
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
        let decoder = interface.decoder
        let response: UpstreamResponse
        do {
            response = try await transport.send(request)
        } catch let error as CancellationError {
            throw error
        } catch let refusal as OutboundRefusal {
            throw refusal.inferenceError
        } catch {
            throw decoder.sendFailure(error)
        }
        return (try await drive(decoder, response, onEvent: onEvent), response.status)
    }

    /// The one driver: check the answer, feed its body to the decoder as it arrives, hand each event on.
    private func drive<Decoder: ProviderStreamDecoder>(
        _: Decoder.Type, _ response: UpstreamResponse, onEvent: (ProviderEvent) async throws -> Void
    ) async throws -> Outcome {
        try await Decoder.check(response)
        var decoder = Decoder(profile: profile)
        do {
            for try await chunk in response.body {
                for event in try decoder.feed(chunk) { try await onEvent(event) }
                if decoder.isCompleted { return .completed }
            }
        } catch let error as UpstreamTransportError {
            throw Decoder.readFailure(error)
        }
        for event in try decoder.finish() { try await onEvent(event) }
        if decoder.isCompleted { return .completed }
        return decoder.awaitsToolResult ? .awaitingToolResult : .endedEarly
    }
}

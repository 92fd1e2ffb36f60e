import MLCommonsCore
import RemoteInference
import Testing
import WireFormats

@Suite("Bedrock ConverseStream decoder: failures")
struct BedrockStreamFailureTests {
    typealias Frames = BedrockFixtureFrames

    static let throttlingMessage = "Error from remote service: The request was denied due to remote server throttling. "
        + "To change the retry policy and behavior, please update the connector client_config."

    /// Two text frames, then `last`.
    static func stream(endingWith last: EventStreamMessage) throws -> [UInt8] {
        try Frames.encoded(Array(Frames.converseStream.prefix(3)) + [last])
    }

    static let textBeforeFailure: [ProviderEvent] = [.text(Frames.textDeltas[0]), .text(Frames.textDeltas[1])]

    @Test func anExceptionFrameFailsAfterTheEventsBeforeIt() throws {
        let bytes = try Self.stream(endingWith: Frames.exception("modelStreamErrorException", message: "Model stream failed"))
        for pieces in StreamFeeding.splits(of: bytes) {
            let result = StreamFeeding.bedrockEvents(pieces)
            let error = InferenceError(message: "Error from remote service: Model stream failed", javaClass: "MLException")
            #expect(result.events == Self.textBeforeFailure && result.error == error, "split into \(pieces.map(\.count))")
            if result.events != Self.textBeforeFailure || result.error != error { return }
        }
    }

    @Test func eventsBeforeAFailureInTheSameBytesComeFirst() throws {
        var decoder = BedrockConverseStreamDecoder()
        let bytes = try Self.stream(endingWith: Frames.exception("internalServerException", message: "boom"))
        #expect(try decoder.feed(bytes) == Self.textBeforeFailure)
        #expect(throws: InferenceError.self) { try decoder.finish() }
        #expect(throws: InferenceError.self) { try decoder.feed([]) }
    }

    @Test(arguments: [
        ("throttlingException", "Rate exceeded", throttlingMessage, 400, "RemoteConnectorThrottlingException"),
        ("serviceUnavailableException", "Request was denied due to throttling", throttlingMessage, 400, "RemoteConnectorThrottlingException"),
        ("throttlingException", "Too many tokens, please wait before trying again.",
         "Error from remote service: Too many tokens, please wait before trying again.", 500, "MLException"),
        ("validationException", "The model returned the following errors: Input is too long for requested model.",
         "Error from remote service: The model returned the following errors: Input is too long for requested model.",
         400, "OpenSearchStatusException"),
        ("modelStreamErrorException", "Model stream failed", "Error from remote service: Model stream failed", 500, "MLException"),
    ])
    func exceptionsAreClassifiedByTheirMessageLikeMlCommons(
        type: String, message: String, expected: String, status: Int, javaClass: String
    ) throws {
        let result = StreamFeeding.bedrockEvents([try Self.stream(endingWith: Frames.exception(type, message: message))[...]])
        #expect(result.error == InferenceError(message: expected, status: status, javaClass: javaClass))
    }

    @Test func errorFramesUseTheirHeaders() throws {
        let frame = EventStreamMessage(headers: [
            EventStreamHeader(name: ":message-type", value: .string("error")),
            EventStreamHeader(name: ":error-code", value: .string("InternalFailure")),
            EventStreamHeader(name: ":error-message", value: .string("An internal error occurred")),
        ])
        let result = StreamFeeding.bedrockEvents([try Self.stream(endingWith: frame)[...]])
        #expect(result.error?.message == "Error from remote service: An internal error occurred")
    }

    @Test(arguments: [(8, "Prelude checksum failure"), (-5, "Message checksum failure")])
    func corruptFramesFailAfterTheFramesBeforeThem(offsetInLastFrame: Int, cause: String) throws {
        var bytes = try Frames.encoded(Array(Frames.converseStream.prefix(3)))
        let lastStart = bytes.count
        bytes += try Frames.encoded([Frames.converseStream[3]]) + Frames.encoded([Frames.converseStream[4]])
        let frameEnd = lastStart + Int(UInt32(bytes[lastStart]) << 24 | UInt32(bytes[lastStart + 1]) << 16
            | UInt32(bytes[lastStart + 2]) << 8 | UInt32(bytes[lastStart + 3]))
        bytes[offsetInLastFrame >= 0 ? lastStart + offsetInLastFrame : frameEnd + offsetInLastFrame] ^= 0x01
        let expected: [ProviderEvent] = Frames.textDeltas.prefix(2).map(ProviderEvent.text)
        for pieces in StreamFeeding.splits(of: bytes) {
            let result = StreamFeeding.bedrockEvents(pieces)
            let error = InferenceError(message: "Error from remote service: " + cause, javaClass: "MLException")
            #expect(result.events == expected && result.error == error, "split into \(pieces.map(\.count))")
            if result.events != expected || result.error != error { return }
        }
    }

    @Test func messagesAfterAFailureYieldNothing() throws {
        var decoder = BedrockConverseStreamDecoder()
        #expect(throws: InferenceError.self) { try decoder.events(for: Frames.exception("internalServerException", message: "x")) }
        #expect(try decoder.events(for: Frames.converseStream[1]) == [])
        #expect(throws: InferenceError.self) { try decoder.finish() }
    }

    @Test func anUnreadablePayloadFails() throws {
        let frame = EventStreamMessage.event(type: "contentBlockDelta", payload: Array(#"{"delta":"#.utf8))
        let result = StreamFeeding.bedrockEvents([try Self.stream(endingWith: frame)[...]])
        #expect(result.events == Self.textBeforeFailure)
        #expect(result.error?.message.hasPrefix("Error from remote service: Unexpected end-of-input") == true)
    }

    @Test func failuresAfterCompletionAreSilent() throws {
        let bytes = try Frames.encoded(Frames.converseStream + [Frames.exception("throttlingException", message: "Rate exceeded")])
        let result = StreamFeeding.bedrockEvents([bytes[...]])
        #expect(result.events == Frames.textDeltas.map(ProviderEvent.text) + [.completed])
        #expect(result.error == nil)
    }

    @Test func failuresWhileWaitingForTheToolResultAreReported() throws {
        let bytes = try Frames.encoded(Frames.toolUseStream + [Frames.exception("internalServerException", message: "late")])
        let result = StreamFeeding.bedrockEvents([bytes[...]])
        #expect(result.events.count == 2)
        #expect(result.error?.message == "Error from remote service: late")
    }
}

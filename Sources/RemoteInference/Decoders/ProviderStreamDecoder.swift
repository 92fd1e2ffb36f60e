import MLCommonsCore

/// One provider's streamed body turned into ``ProviderEvent``s, and the errors ml-commons reports for that
/// provider's failures. ``StreamingCall`` drives every decoder the same way.
public protocol ProviderStreamDecoder: Sendable {
    /// A decoder at the start of a body, decoding as `profile`'s release does.
    init(profile: VersionProfile)

    /// Decodes the next bytes of the body; throws the error chunk's text for a body ml-commons refuses.
    mutating func feed(_ bytes: some Collection<UInt8>) throws(InferenceError) -> [ProviderEvent]
    /// The body ended: what remains buffered, or the error for a body cut short.
    mutating func finish() throws(InferenceError) -> [ProviderEvent]
    /// The model finished its answer (`[DONE]`, `finish_reason: stop`, `messageStop`).
    var isCompleted: Bool { get }
    /// The answer ended with a tool call and waits for its result.
    var awaitsToolResult: Bool { get }

    /// Checks the answer's status and headers before its body is decoded (reading the body of a refusal).
    static func check(_ response: UpstreamResponse) async throws(InferenceError)
    /// The error for a request that could not be sent or answered.
    static func sendFailure(_ error: any Error) -> InferenceError
    /// The error for a body that failed while it was read.
    static func readFailure(_ error: UpstreamTransportError) -> InferenceError
}

extension ProviderStreamDecoder {
    /// Reads at most this much of a refused answer's body for its error text.
    static var refusalBodyLimit: Int { 1 << 20 }
}

import WireFormats

extension InferenceError {
    /// `REMOTE_SERVICE_ERROR`, the prefix of every upstream failure ml-commons reports.
    static let remoteServicePrefix = "Error from remote service: "

    /// OkHttp could not read the SSE body (network error, wrong content type, body cut inside a field line):
    /// `HttpStreamingHandler.onFailure` with a throwable.
    public static let sseNetworkFailure = InferenceError(
        message: "SSE failure with network error", javaClass: "MLException")

    /// The OpenAI upstream answered a non-2xx status: `HttpStreamingHandler.onFailure` with a response.
    public static func streamingRemoteService(body: String) -> InferenceError {
        InferenceError(message: remoteServicePrefix + body, javaClass: "MLException")
    }

    /// What `BedrockStreamingHandler`'s `onError` reports for an AWS error (`BedrockStreamingHandler.java:105-123`).
    ///
    /// ml-commons classifies by the text of the error, not its type: a message containing `throttling`,
    /// `TooManyRequestsException` or `Rate exceeded` becomes the fixed throttling message; a
    /// `ValidationException` is a 400 `OpenSearchStatusException`; anything else an `MLException`.
    /// - Parameters:
    ///   - exceptionType: the modeled exception (`:exception-type`, e.g. `validationException`), if any.
    ///   - message: the AWS error message (the SDK's `getMessage()` without its
    ///     ` (Service: BedrockRuntime, Status Code: …, Request ID: …)` suffix).
    public static func bedrockStreamFailure(exceptionType: String?, message: String) -> InferenceError {
        let isThrottling = ["throttling", "TooManyRequestsException", "Rate exceeded"].contains { message.contains($0) }
        if isThrottling {
            return InferenceError(
                message: remoteServicePrefix + "The request was denied due to remote server throttling. "
                    + "To change the retry policy and behavior, please update the connector client_config.",
                status: 400, javaClass: "RemoteConnectorThrottlingException")
        }
        if exceptionType?.lowercased() == "validationexception" {
            return InferenceError(message: remoteServicePrefix + message, status: 400)
        }
        return InferenceError(message: remoteServicePrefix + message, javaClass: "MLException")
    }
}

extension InferenceError {
    /// A corrupt Bedrock event stream, reported through the SDK's `onError` with the `REMOTE_SERVICE_ERROR`
    /// prefix. The checksum texts are those of AWS's event-stream decoder, without the two CRC values
    /// (`Prelude checksum failure: expected 0x…, computed 0x…`) that ``EventStreamError`` does not expose.
    static func bedrockFraming(_ error: EventStreamError) -> InferenceError {
        let cause: String
        switch error {
        case .preludeChecksumMismatch: cause = "Prelude checksum failure"
        case .messageChecksumMismatch: cause = "Message checksum failure"
        default: cause = error.description
        }
        return InferenceError(message: remoteServicePrefix + cause, javaClass: "MLException")
    }
}

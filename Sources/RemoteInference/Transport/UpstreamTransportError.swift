/// Why an exchange with a provider failed below HTTP. The live client and the in-process mock both report
/// these, so stream readers decide by kind, never by message text.
public struct UpstreamTransportError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Kind: Sendable, Hashable {
        case connectionRefused(String)
        case connectionClosed
        case readTimedOut
        case failed(String)
    }

    private let kind: Kind

    /// Nothing accepted the connection; `detail` is Netty's wording, e.g. `Connection refused: /127.0.0.1:1`.
    public static func connectionRefused(_ detail: String) -> UpstreamTransportError { .init(kind: .connectionRefused(detail)) }
    /// The provider closed the connection before the body was complete.
    public static let connectionClosed = UpstreamTransportError(kind: .connectionClosed)
    /// The provider sent nothing for longer than the connector's `read_timeout`.
    public static let readTimedOut = UpstreamTransportError(kind: .readTimedOut)
    /// Any other failure of the connection, described by the client.
    public static func failed(_ description: String) -> UpstreamTransportError { .init(kind: .failed(description)) }

    /// The text ml-commons reports after `Error communicating with remote model: `.
    public var description: String {
        switch kind {
        case .connectionRefused(let detail): return detail
        case .connectionClosed: return "Connection closed by remote model before the response completed"
        case .readTimedOut: return "Read timed out"
        case .failed(let description): return description
        }
    }

    /// The error a non-streaming `_predict` answers with (`MLSdkAsyncHttpResponseHandler.onError`).
    public var inferenceError: InferenceError {
        InferenceError(message: "Error communicating with remote model: \(description)", status: 500)
    }
}

/// A call the outbound guards refused before any connection was made: a private address, a host that
/// does not resolve, or a URL outside the trusted endpoints. Stream readers pass it on unchanged
/// rather than reporting it as a network failure.
public struct OutboundRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    /// The error ml-commons reports for this refusal.
    public let inferenceError: InferenceError

    public init(_ inferenceError: InferenceError) { self.inferenceError = inferenceError }

    /// `Remote inference host name has private ip address: <host>` (`MLHttpClientFactory.validateIp`).
    public static func privateAddress(host: String) -> OutboundRefusal {
        OutboundRefusal(InferenceError(
            message: "Remote inference host name has private ip address: \(host)", status: 400,
            javaClass: "IllegalArgumentException"))
    }

    /// `Connector URL is not matching the trusted connector endpoint regex`, checked again at call time.
    public static func untrustedEndpoint() -> OutboundRefusal {
        OutboundRefusal(InferenceError(
            message: "Connector URL is not matching the trusted connector endpoint regex", status: 400,
            javaClass: "IllegalArgumentException"))
    }

    public var description: String { inferenceError.message }
}

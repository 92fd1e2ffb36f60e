/// A call the outbound guards refused before any connection was made: a private address, a host that
/// does not resolve, or a URL outside the trusted endpoints. Stream readers pass it on unchanged
/// rather than reporting it as a network failure.
public struct OutboundRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    /// The error ml-commons reports for this refusal.
    public let inferenceError: InferenceError

    public init(_ inferenceError: InferenceError) { self.inferenceError = inferenceError }

    /// `MLValidatableAsyncHttpClient` rewraps whatever its validation throws in an `IllegalArgumentException`
    /// with the same message, so the original shows again as `caused_by`.
    static func validation(_ message: String, causeClass: String) -> OutboundRefusal {
        OutboundRefusal(InferenceError(
            message: message, status: 400, javaClass: "IllegalArgumentException", cause: (causeClass, message)))
    }

    /// `Remote inference host name has private ip address: <host>` (`MLHttpClientFactory.validateIp`).
    public static func privateAddress(host: String) -> OutboundRefusal {
        validation("Remote inference host name has private ip address: \(host)", causeClass: "IllegalArgumentException")
    }

    /// `InetAddress.getAllByName`'s `UnknownHostException`: `<host>: Name or service not known`.
    public static func unknownHost(_ host: String, reason: String) -> OutboundRefusal {
        validation("\(host): \(reason)", causeClass: "UnknownHostException")
    }

    /// `Protocol is not http or https: <protocol>`.
    public static func unsupportedProtocol(_ scheme: String) -> OutboundRefusal {
        validation("Protocol is not http or https: \(scheme)", causeClass: "IllegalArgumentException")
    }

    /// `Connector URL is not matching the trusted connector endpoint regex`, checked again at call time.
    public static func untrustedEndpoint() -> OutboundRefusal {
        OutboundRefusal(InferenceError(
            message: "Connector URL is not matching the trusted connector endpoint regex", status: 400,
            javaClass: "IllegalArgumentException"))
    }

    public var description: String { inferenceError.message }
}

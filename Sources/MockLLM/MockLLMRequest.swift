/// One HTTP request to the offline LLM, independent of the server that received it.
///
/// The emulator builds it both from requests arriving under its control-plane prefix and from
/// outgoing calls to well-known provider hosts that it answers in-process.
public struct MockLLMRequest: Sendable {
    /// The HTTP method, for example `POST`.
    public var method: String
    /// The host the request was addressed to (used for SigV4 when no `Host` header is present).
    public var host: String
    /// The path exactly as sent (still percent-encoded, no query), for example `/model/a%3A0/converse`.
    public var path: String
    /// The raw query string without the leading `?`, possibly empty.
    public var query: String
    /// Header fields in their original order.
    public var headers: [(name: String, value: String)]
    /// The request body.
    public var body: [UInt8]

    /// Creates a request from its already-separated parts.
    public init(
        method: String = "POST",
        host: String = "",
        path: String,
        query: String = "",
        headers: [(name: String, value: String)] = [],
        body: [UInt8] = []
    ) {
        self.method = method
        self.host = host
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }
}

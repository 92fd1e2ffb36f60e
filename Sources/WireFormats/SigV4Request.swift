/// The parts of an HTTP request that SigV4 signs, as they appear on the wire.
///
/// Used both for outgoing requests (``SigV4Signer``) and received ones (``SigV4Verifier``).
/// SigV4 requires a `Host` header; ``init(method:url:headers:body:)`` adds one from the URL.
public struct SigV4Request: Sendable {
    /// The HTTP method, for example `POST`.
    public var method: String
    /// The path exactly as sent, already percent-encoded, for example `/model/anthropic.claude-3%3A0/converse`.
    public var path: String
    /// The raw query string without the leading `?`, possibly empty.
    public var query: String
    /// Header fields in their original order; repeated names are allowed.
    public var headers: [(name: String, value: String)]
    /// The request body.
    public var body: [UInt8]

    /// Creates a request from its already-separated parts.
    public init(
        method: String,
        path: String,
        query: String = "",
        headers: [(name: String, value: String)] = [],
        body: [UInt8] = []
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// The values of every header called `name` (case-insensitive), in order.
    func headerValues(named name: String) -> [String] {
        headers.compactMap { $0.name.lowercased() == name ? $0.value : nil }
    }

    /// The value of the first header called `name` (case-insensitive).
    func firstHeaderValue(named name: String) -> String? {
        headers.first { $0.name.lowercased() == name }?.value
    }
}

import MLCommonsCore

/// What a REST handler answers.
public struct RESTResponse: Sendable {
    /// The body of a response.
    public enum Body: Sendable {
        case json(JSONValue)
        case text(String, contentType: String)
        case empty
        /// Bytes written as produced, each flushed at once (Server-Sent Events).
        case stream(contentType: String, producer: @Sendable (StreamWriter) async throws -> Void)
    }

    public var status: Int
    public var headers: [(String, String)]
    public var body: Body
    /// Pretty-print unless the request says otherwise (`GET /` does this in OpenSearch).
    public var prettyByDefault = false
    /// An error envelope: rendered whatever `filter_path` asks, as OpenSearch's error builder does.
    public var isError = false

    public init(status: Int = 200, headers: [(String, String)] = [], body: Body, prettyByDefault: Bool = false) {
        self.status = status
        self.headers = headers
        self.body = body
        self.prettyByDefault = prettyByDefault
    }

    /// A JSON document with a status.
    public static func json(_ value: JSONValue, status: Int = 200) -> RESTResponse {
        RESTResponse(status: status, body: .json(value))
    }

    /// The error's OpenSearch envelope.
    public static func error(_ error: OpenSearchError) -> RESTResponse {
        var response = RESTResponse(status: error.status, headers: error.headers.map { ($0.key, $0.value) }, body: .json(error.envelope))
        response.isError = true
        return response
    }
}

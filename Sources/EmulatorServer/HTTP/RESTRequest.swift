import MLCommonsCore

/// A request as the REST handlers see it: decoded path, path parameters, query and the whole body.
public struct RESTRequest: Sendable {
    public let method: String
    /// The decoded path, e.g. `/_plugins/_ml/connectors/abc`.
    public let path: String
    /// The URI as received (path and query), which OpenSearch quotes in some messages.
    public let rawURI: String
    public var pathParameters: [String: String] = [:]
    public let query: [String: String]
    public let headers: [(name: String, value: String)]
    public let body: [UInt8]
    /// The authenticated user in the security mode; nil without it.
    public var user: SecurityUser?
    /// The client's `ip:port`, as the security plugin reports it.
    public var remoteAddress: String?

    public init(
        method: String, path: String, rawURI: String, query: [String: String], headers: [(name: String, value: String)],
        body: [UInt8]
    ) {
        self.method = method
        self.path = path
        self.rawURI = rawURI
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// A path parameter the route pattern guarantees.
    public func parameter(_ name: String) -> String { pathParameters[name] ?? "" }

    /// Whether the body has any non-blank content.
    public var hasBody: Bool { body.contains { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) } }

    /// The body parsed as JSON, or nil when there is none.
    public func jsonBody() throws(OpenSearchError) -> JSONValue? {
        guard hasBody else { return nil }
        do {
            return try JSONParser.parse(body)
        } catch {
            throw OpenSearchError.jsonParse(error)
        }
    }

    /// The body as an object, or the error OpenSearch gives for a missing body.
    public func requiredJSONBody() throws(OpenSearchError) -> JSONValue {
        guard let body = try jsonBody() else {
            throw OpenSearchError("OpenSearchParseException", reason: "request body is required", status: 400)
        }
        return body
    }

    /// A boolean query parameter (`?deploy=true`, or present without value).
    public func flag(_ name: String) -> Bool {
        guard let value = query[name] else { return false }
        return value.isEmpty || value == "true"
    }

    /// A header value, case-insensitive.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}

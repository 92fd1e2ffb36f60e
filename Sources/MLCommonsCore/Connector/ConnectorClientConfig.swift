/// `client_config` of a connector, with the defaults `ConnectorClientConfig` fills in.
public struct ConnectorClientConfig: Sendable, Hashable {
    public var maxConnections = 30
    public var connectionTimeoutMillis = 30_000
    public var readTimeoutMillis = 30_000
    public var retryBackoffMillis = 200
    public var retryTimeoutSeconds = 30
    public var maxRetryTimes = 0
    /// Only written back when the request gave it.
    public var retryBackoffPolicy: String?

    public init() {}

    public init(parsing object: JSONObject) throws(OpenSearchError) {
        let fields = RequestObject(object)
        if let value = try fields.int("max_connection") { maxConnections = value }
        if let value = try fields.int("connection_timeout") { connectionTimeoutMillis = value }
        if let value = try fields.int("read_timeout") { readTimeoutMillis = value }
        if let value = try fields.int("retry_backoff_millis") { retryBackoffMillis = value }
        if let value = try fields.int("retry_timeout_seconds") { retryTimeoutSeconds = value }
        if let value = try fields.int("max_retry_times") { maxRetryTimes = value }
        retryBackoffPolicy = try fields.string("retry_backoff_policy")?.lowercased()
    }

    public var json: JSONValue {
        var object: JSONObject = [
            "max_connection": .number(JSONNumber(maxConnections)),
            "connection_timeout": .number(JSONNumber(connectionTimeoutMillis)),
            "read_timeout": .number(JSONNumber(readTimeoutMillis)),
            "retry_backoff_millis": .number(JSONNumber(retryBackoffMillis)),
            "retry_timeout_seconds": .number(JSONNumber(retryTimeoutSeconds)),
            "max_retry_times": .number(JSONNumber(maxRetryTimes)),
        ]
        if let retryBackoffPolicy { object["retry_backoff_policy"] = .string(retryBackoffPolicy) }
        return .object(object)
    }
}

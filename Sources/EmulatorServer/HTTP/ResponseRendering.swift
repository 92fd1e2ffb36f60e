import MLCommonsCore

/// How OpenSearch's REST channel renders a response, from the request's `pretty`, `human`, `format`
/// and `filter_path` parameters and its `Accept` header (`AbstractRestChannel.newBuilder`).
struct ResponseRendering: Sendable {
    /// The body formats a response can take.
    enum Format: Sendable {
        case json, yaml
    }

    /// nil: not given, the response's own default applies (`GET /` pretty-prints unasked).
    var pretty: Bool?
    var format: Format
    /// The raw `filter_path`; parsed when the response is built, as OpenSearch does.
    var filterPath: String?

    /// No parameters: compact JSON, unfiltered (how a malformed flag's error is rendered).
    static let plain = ResponseRendering(pretty: nil, format: .json, filterPath: nil)

    private init(pretty: Bool?, format: Format, filterPath: String?) {
        self.pretty = pretty
        self.format = format
        self.filterPath = filterPath
    }

    /// The rendering a request asks for; a `pretty` or `human` that is not a boolean fails before
    /// the request is dispatched, as the channel is built.
    init(query: [String: String], headers: [(name: String, value: String)]) throws(OpenSearchError) {
        pretty = try Self.boolean(query, "pretty")
        _ = try Self.boolean(query, "human")  // no ml-commons response has human-readable twins
        format = try Self.format(query: query, headers: headers) ?? .json
        filterPath = query["filter_path"]
    }

    /// The format asked for by `format` (json, yaml) or else a single `Accept` media type; nil when
    /// neither names one (`_cat` then answers its text table). Binary formats are refused.
    static func format(query: [String: String], headers: [(name: String, value: String)]) throws(OpenSearchError) -> Format? {
        if let name = query["format"]?.lowercased() {
            switch name {
            case "json": return .json
            case "yaml": return .yaml
            case "smile", "cbor":
                throw .illegalArgument(
                    "format [\(name)] is not supported by ml-commons-emulator; ask for json or yaml")
            default: break  // an unknown format is ignored, as OpenSearch ignores it
            }
        }
        guard let accept = headers.first(where: { $0.name.lowercased() == "accept" })?.value else { return nil }
        let mediaType = accept.split(separator: ";").first.map { String($0).trimmingWhitespace().lowercased() } ?? ""
        switch mediaType {
        case "application/json", "application/vnd.opensearch+json", "application/x-ndjson", "application/*": return .json
        case "application/yaml": return .yaml
        default: return nil
        }
    }

    /// `RestRequest.paramAsBoolean`: absent or empty-valued flags and `true`/`false` only.
    private static func boolean(_ query: [String: String], _ name: String) throws(OpenSearchError) -> Bool? {
        guard let value = query[name] else { return nil }
        return value.isEmpty ? true : try JavaBoolean.parse(value)
    }

    /// The body `filter_path` leaves of a response (nil: nothing, for a root array); errors are
    /// never filtered.
    func filtered(_ value: JSONValue, isError: Bool) throws(OpenSearchError) -> JSONValue? {
        guard !isError, let filterPath, let filter = try FilterPath(parsing: filterPath) else { return value }
        return filter.apply(to: value)
    }

    /// The bytes and content type of a JSON body in the format asked for.
    func encode(_ value: JSONValue?, prettyByDefault: Bool) -> (bytes: [UInt8], contentType: String) {
        let contentType = format == .yaml ? "application/yaml" : "application/json; charset=UTF-8"
        guard let value else { return ([], contentType) }
        switch format {
        case .yaml:
            return (Array(YAMLWriter().string(value).utf8), contentType)
        case .json:
            let writer = JSONWriter()
            let text = pretty ?? prettyByDefault ? writer.prettyString(value) : writer.string(value)
            return (Array(text.utf8), contentType)
        }
    }
}

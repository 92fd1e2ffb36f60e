/// Renders a connector action's `request_body` into the HTTP payload, as `HttpConnector.createPayload` does.
public struct PayloadRenderer: Sendable {
    /// The suffix that asks for a parameter's value escaped as gson escapes string contents.
    public static let toStringSuffix = ".toString()"

    /// The action's `request_body` template; nil when the action has none.
    public let requestBody: String?

    /// A renderer for one action's template.
    public init(requestBody: String?) {
        self.requestBody = requestBody
    }

    /// The payload for `parameters` (connector parameters merged with the escaped request parameters):
    /// `"${parameters.x:-null}"` nulls, `.toString()` values, substitution, then the JSON check and, for an
    /// OpenAI streaming call, `"stream":true`. Without a template the `http_body` parameter is the payload.
    ///
    /// Throws `IllegalArgumentException("Invalid payload: …")` when the result is not a JSON object or array,
    /// and the substitution's `IllegalStateException` on a reference cycle.
    public func render(parameters: [String: String]) throws(OpenSearchError) -> String? {
        guard let requestBody else { return parameters["http_body"] }
        var payload = Self.fillNullParameters(requestBody, parameters: parameters)
        let parameters = Self.addingToStringParameters(parameters)
        payload = try StringSubstitution.parameters(parameters).replace(payload)
        // Plain JSON (the usual payload) is parsed once, for the check and for the stream flag.
        let plain = JSONEscaping.plainJSON(payload)
        guard plain != nil || JSONEscaping.isJSON(payload) else { throw .illegalArgument("Invalid payload: \(payload)") }
        if Self.needsStreamFlag(parameters) { payload = try Self.addingStreamFlag(to: payload, parsed: plain) }
        return payload
    }

    /// `fillNullParameters`: each `"${parameters.x:-null}"` (quotes included, `x` a word) becomes a bare
    /// `null` when `x` has no value, so an optional field is sent as JSON null rather than `"null"`.
    public static func fillNullParameters(_ payload: String, parameters: [String: String]) -> String {
        PlaceholderScanner.replacingNullDefaults(in: payload) { parameters[$0] == nil }
    }

    /// `StringUtils.parseParameters`: for every `${parameters.X.toString()}` found in a parameter value
    /// (not in the template), adds `X.toString()` = `processTextDoc(value of X)`.
    public static func addingToStringParameters(_ parameters: [String: String]) -> [String: String] {
        var out = parameters
        for value in parameters.values {
            // A prefix seen before already has its escaped value; escaping it again per occurrence is wasted work.
            for prefix in PlaceholderScanner.toStringPrefixes(in: value) where out[prefix + toStringSuffix] == nil {
                if let original = parameters[prefix] {
                    out[prefix + toStringSuffix] = JSONEscaping.processTextDoc(original)
                }
            }
        }
        return out
    }
}

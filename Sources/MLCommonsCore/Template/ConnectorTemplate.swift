/// Substitution of a connector action's URL and headers (`AbstractConnector`).
public enum ConnectorTemplate {
    /// `getActionEndpoint`: `${parameters.*}` from the merged connector and request parameters; with no
    /// parameters at all the URL is returned as written.
    public static func renderURL(_ url: String, parameters: [String: String]) throws(OpenSearchError) -> String {
        guard !parameters.isEmpty else { return url }
        return try StringSubstitution.parameters(parameters).replace(url)
    }

    /// `createDecryptedHeaders`: `${credential.*}` from the decrypted credential first, then
    /// `${parameters.*}` from the connector's own parameters (request parameters never reach headers).
    /// Non-string header values pass through.
    public static func renderHeaders(
        _ headers: JSONObject, credential: [String: String], connectorParameters: [String: String]
    ) throws(OpenSearchError) -> JSONObject {
        let credentialSubstitution = StringSubstitution.credential(credential)
        let parameterSubstitution = StringSubstitution.parameters(connectorParameters)
        var rendered = JSONObject()
        for (name, value) in headers {
            guard case .string(let text) = value else {
                rendered[name] = value
                continue
            }
            var header = try credentialSubstitution.replace(text)
            if !connectorParameters.isEmpty { header = try parameterSubstitution.replace(header) }
            rendered[name] = .string(header)
        }
        return rendered
    }
}

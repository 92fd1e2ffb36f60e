/// A stored connector document (`.plugins-ml-connector`) and the rules that read it.
public enum Connector {
    /// `HttpConnector.toXContent` field order.
    public static let fieldOrder = [
        "name", "version", "description", "protocol", "parameters", "credential", "actions", "backend_roles",
        "owner", "access", "created_time", "last_updated_time", "client_config", "tenant_id",
    ]

    /// `McpConnector.toXContent` field order.
    public static let mcpFieldOrder = [
        "name", "version", "description", "protocol", "credential", "backend_roles", "owner", "access", "created_time",
        "last_updated_time", "client_config", "tenant_id", "url", "headers", "parameters",
    ]

    /// The field order of a stored connector of this protocol.
    public static func fieldOrder(of doc: JSONObject) -> [String] {
        ConnectorProtocol(rawValue: doc["protocol"]?.stringValue ?? "")?.isMCP == true ? mcpFieldOrder : fieldOrder
    }

    /// The document for a new connector; `credential` must already be encrypted. Without the security
    /// plugin a connector has no `owner`, `backend_roles` or `access`.
    public static func document(from input: ConnectorInput, encryptedCredential: JSONObject?, now: Int64) -> JSONObject {
        var doc = JSONObject()
        if let name = input.name { doc["name"] = .string(name) }
        if let version = input.version { doc["version"] = .string(version) }
        if let description = input.description { doc["description"] = .string(description) }
        if let value = input.connectorProtocol { doc["protocol"] = .string(value) }
        if let parameters = input.parameters { doc["parameters"] = .object(parameters) }
        if let encryptedCredential { doc["credential"] = .object(encryptedCredential) }
        if let actions = input.actions { doc["actions"] = .array(actions.map(\.json)) }
        doc["created_time"] = .number(JSONNumber(Int(now)))
        doc["last_updated_time"] = .number(JSONNumber(Int(now)))
        if let config = input.clientConfig { doc["client_config"] = config.json }
        if let tenant = input.tenantID { doc["tenant_id"] = .string(tenant) }
        if ConnectorProtocol(rawValue: input.connectorProtocol ?? "")?.isMCP == true {
            // An MCP connector's credential may be omitted; it is stored empty.
            if doc["credential"] == nil { doc["credential"] = .object(JSONObject()) }
            if let url = input.url { doc["url"] = .string(url) }
            if let headers = input.headers { doc["headers"] = .object(headers) }
            return doc.ordered(by: mcpFieldOrder)
        }
        return doc
    }

    /// Applies a `PUT` update: parameters merged, credential replaced, other given fields replaced.
    public static func applying(
        _ update: ConnectorInput, to stored: JSONObject, encryptedCredential: JSONObject?, now: Int64
    ) -> JSONObject {
        var doc = stored
        if let name = update.name { doc["name"] = .string(name) }
        if let version = update.version { doc["version"] = .string(version) }
        if let description = update.description { doc["description"] = .string(description) }
        if let value = update.connectorProtocol { doc["protocol"] = .string(value) }
        if let parameters = update.parameters {
            var merged = stored["parameters"]?.objectValue ?? JSONObject()
            for (key, value) in parameters { merged[key] = value }
            doc["parameters"] = .object(merged)
        }
        if let encryptedCredential, !encryptedCredential.isEmpty { doc["credential"] = .object(encryptedCredential) }
        if let actions = update.actions { doc["actions"] = .array(actions.map(\.json)) }
        // `HttpConnector.update` applies the access fields with no security-off check.
        if let roles = update.accessControl.backendRoles { doc["backend_roles"] = .array(roles.map(JSONValue.string)) }
        if let mode = update.accessControl.accessMode { doc["access"] = .string(mode) }
        if let config = update.clientConfig { doc["client_config"] = config.json }
        if let url = update.url { doc["url"] = .string(url) }
        if let headers = update.headers { doc["headers"] = .object(headers) }
        doc["last_updated_time"] = .number(JSONNumber(Int(now)))
        return doc.ordered(by: fieldOrder(of: doc))
    }

    /// The connector as GET returns it: never with `credential`.
    public static func withoutCredential(_ doc: JSONObject) -> JSONObject {
        var copy = doc
        copy["credential"] = nil
        return copy
    }

    /// Every action URL with connector parameters substituted, as the trusted-endpoint check sees it.
    public static func actionURLs(of doc: JSONObject) -> [String] {
        let parameters = doc["parameters"]?.objectValue ?? JSONObject()
        return (doc["actions"]?.arrayValue ?? []).compactMap { $0["url"]?.stringValue }.map { url in
            var rendered = url
            for (key, value) in parameters {
                if let text = value.stringValue { rendered = rendered.replacingAll("${parameters.\(key)}", with: text) }
            }
            return rendered
        }
    }
}

extension JSONObject {
    /// The same members with the keys named in `order` first, in that order, then the rest as they were.
    public func ordered(by order: [String]) -> JSONObject {
        var out = JSONObject()
        for key in order { if let value = self[key] { out[key] = value } }
        for (key, value) in self where out[key] == nil { out[key] = value }
        return out
    }
}

extension String {
    /// Replaces every occurrence of a literal substring (no Foundation needed), matching UTF-8 bytes as Java's
    /// `String.replace` matches chars: a match may end inside a combining sequence, and a text without the
    /// target is returned as it is.
    public func replacingAll(_ target: String, with replacement: String) -> String {
        let needle = Array(target.utf8)
        guard let first = needle.first else { return self }
        var haystack = self
        return haystack.withUTF8 { bytes -> String in
            var out: [UInt8] = []
            var copied = 0
            var index = 0
            while index + needle.count <= bytes.count {
                if bytes[index] == first, needle.indices.allSatisfy({ bytes[index + $0] == needle[$0] }) {
                    if out.isEmpty { out.reserveCapacity(bytes.count) }
                    out.append(contentsOf: bytes[copied..<index])
                    out.append(contentsOf: replacement.utf8)
                    index += needle.count
                    copied = index
                } else {
                    index += 1
                }
            }
            guard copied > 0 else { return self }
            out.append(contentsOf: bytes[copied...])
            return String(decoding: out, as: UTF8.self)
        }
    }
}

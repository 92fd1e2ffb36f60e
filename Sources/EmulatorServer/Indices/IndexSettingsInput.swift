import MLCommonsCore

/// The `settings` of a create-index body as OpenSearch stores them: flattened to dotted keys, prefixed
/// with `index.`, values as strings (lists as lists of strings).
enum IndexSettingsInput {
    /// The most dotted parts a setting name may have.
    static let maxKeyParts = 200

    /// Flat, prefixed settings; throws OpenSearch's messages for shard counts it refuses.
    static func normalize(_ settings: JSONValue?) throws(OpenSearchError) -> JSONObject {
        guard let settings else { return JSONObject() }
        guard case .object(let object) = settings else {
            throw OpenSearchError("SettingsException", reason: "Failed to load settings from [\(settings.compactText)]", status: 500)
        }
        var flat = JSONObject()
        flatten(object, prefix: "", into: &flat)
        var out = JSONObject()
        // A `null` resets a setting; dropping them in one pass keeps many resets linear.
        for (key, value) in flat where value != .null {
            // Each dot is a level of the structured view `GET /<index>` renders.
            if key.utf8.lazy.filter({ $0 == UInt8(ascii: ".") }).count >= maxKeyParts {
                throw .illegalArgument("setting [\(key.prefix(200))…] has more than \(maxKeyParts) dotted parts")
            }
            // `normalizePrefix("index.")` as `MetadataCreateIndexService` applies it.
            out[key.hasPrefix("index.") || key.hasPrefix("archived.") ? key : "index." + key] = value
        }
        try checkInt(out, "index.number_of_shards", minimum: 1, maximum: 1024)
        try checkInt(out, "index.number_of_replicas", minimum: 0, maximum: Int(Int32.max))
        return out
    }

    private static func flatten(_ object: JSONObject, prefix: String, into out: inout JSONObject) {
        for (key, value) in object {
            let path = prefix + key
            switch value {
            case .object(let inner): flatten(inner, prefix: path + ".", into: &out)
            case .array(let items): out[path] = .array(items.map { .string(text(of: $0)) })
            case .null: out[path] = .null
            default: out[path] = .string(text(of: value))
            }
        }
    }

    /// A scalar as `XContentParser.text()` reads it.
    private static func text(of value: JSONValue) -> String {
        switch value {
        case .string(let text): return text
        case .number(let number): return number.text
        case .bool(let flag): return flag ? "true" : "false"
        default: return value.compactText
        }
    }

    /// `Setting.parseInt` with its bounds.
    private static func checkInt(_ settings: JSONObject, _ key: String, minimum: Int, maximum: Int) throws(OpenSearchError) {
        guard let text = settings[key]?.stringValue else { return }
        guard let value = Int32(text).map(Int.init) else {
            throw .illegalArgument(
                "Failed to parse value [\(text)] for setting [\(key)]",
                cause: OpenSearchError("NumberFormatException", reason: "For input string: \"\(text)\"", status: 400))
        }
        if value < minimum {
            throw .illegalArgument("Failed to parse value [\(text)] for setting [\(key)] must be >= \(minimum)")
        }
        if value > maximum {
            throw .illegalArgument("Failed to parse value [\(text)] for setting [\(key)] must be <= \(maximum)")
        }
    }
}

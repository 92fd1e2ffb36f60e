import MLCommonsCore

/// How ml-commons turns what an MCP server says into what its agents read: a tool's `input_schema` after the round
/// trip through the Java SDK's `JsonSchema` record and gson, and a tool result's content as text.
public enum MCPToolFormat {
    /// How a release writes a result's content: 3.3 and 3.4 with gson over the SDK records (no `type`, nulls
    /// written, `_meta` as `meta`, roles upper case); 3.5 and later with Jackson (absent fields left out).
    public enum ContentStyle: Sendable {
        case gsonRecords
        case jackson
    }

    /// The schema's `type`, `properties`, `required`, `additionalProperties`, `$defs` (as `defs`, the record's
    /// field name) and `definitions`, in that order, nulls dropped and numbers as doubles; anything else is lost.
    /// Throws where Jackson refuses to read the schema into the record (the connector then offers no tools).
    public static func inputSchema(_ schema: JSONValue?) throws(MCPClientError) -> String {
        guard let schema, schema != .null else { return "null" }
        guard case .object(let object) = schema else { throw unreadable("JsonSchema", schema) }
        if let type = object["type"], type != .null, type.stringValue == nil { throw unreadable("java.lang.String", type) }
        if let extra = object["additionalProperties"], extra != .null, extra.boolValue == nil {
            throw unreadable("java.lang.Boolean", extra)
        }
        if let required = object["required"], required != .null,
            !(required.arrayValue?.allSatisfy { $0.stringValue != nil } ?? false)
        {
            throw unreadable("java.util.List<java.lang.String>", required)
        }
        var record = JSONObject()
        for (field, key) in [
            ("type", "type"), ("properties", "properties"), ("required", "required"), ("additionalProperties", "additionalProperties"),
            ("defs", "$defs"), ("definitions", "definitions"),
        ] {
            guard let value = object[key], value != .null else { continue }
            if ["properties", "$defs", "definitions"].contains(key), value.objectValue == nil { throw unreadable("java.util.Map", value) }
            record[field] = droppingNulls(value).gsonNormalized
        }
        return JSONValue.object(record).gsonText
    }

    /// A tool's description as ml-commons stores it: JSON-escaped (`processTextDoc`), or its default text.
    public static func description(of tool: JSONValue, default text: String) -> String {
        guard let description = tool["description"], description != .null else { return text }
        return JSONEscaping.processTextDoc(description.stringValue ?? description.gsonText)
    }

    /// A `CallToolResult`'s `content` as the tool's output text; `isError` and `structuredContent` are not read.
    public static func output(of result: JSONValue, style: ContentStyle) throws(MCPClientError) -> String {
        var items: [JSONValue] = []
        for content in result["content"]?.arrayValue ?? [] {
            let type = content["type"]?.stringValue ?? "null"
            let fields: [(String, JSONValue?)]
            switch type {
            case "text":
                fields = [("annotations", annotations(content, style)), ("text", content["text"]), meta(content, style)]
            case "image", "audio":
                fields = [("annotations", annotations(content, style)), ("data", content["data"]), ("mimeType", content["mimeType"]), meta(content, style)]
            case "resource":
                fields = [("annotations", annotations(content, style)), ("resource", resource(content["resource"], style)), meta(content, style)]
            case "resource_link":
                fields = [
                    ("name", content["name"]), ("title", content["title"]), ("uri", content["uri"]), ("description", content["description"]),
                    ("mimeType", content["mimeType"]), ("size", content["size"]), ("annotations", annotations(content, style)),
                    meta(content, style),
                ]
            default:
                throw MCPClientError("Could not resolve type id '\(type)' as a subtype of `McpSchema$Content`")
            }
            items.append(record(fields, style))
        }
        return JSONValue.array(items).gsonText
    }

    private static func record(_ fields: [(String, JSONValue?)], _ style: ContentStyle) -> JSONValue {
        var object = JSONObject()
        for (key, value) in fields {
            let value = value ?? .null
            if style == .jackson, value == .null { continue }
            object[key] = value
        }
        return .object(object)
    }

    private static func meta(_ content: JSONValue, _ style: ContentStyle) -> (String, JSONValue?) {
        (style == .jackson ? "_meta" : "meta", content["_meta"])
    }

    private static func resource(_ resource: JSONValue?, _ style: ContentStyle) -> JSONValue? {
        guard let resource, resource != .null else { return nil }
        let body: (String, JSONValue?) = resource["blob"] != nil ? ("blob", resource["blob"]) : ("text", resource["text"])
        return record([("uri", resource["uri"]), ("mimeType", resource["mimeType"]), body, meta(resource, style)], style)
    }

    /// `Annotations(audience, priority)`: gson writes the role constants (`USER`), Jackson their JSON names.
    private static func annotations(_ content: JSONValue, _ style: ContentStyle) -> JSONValue? {
        guard let annotations = content["annotations"], annotations != .null else { return nil }
        let audience = annotations["audience"]?.arrayValue.map { roles in
            JSONValue.array(roles.map { role in
                guard let name = role.stringValue else { return role }
                return .string(style == .jackson ? name : name.uppercased())
            })
        }
        let priority = annotations["priority"].flatMap { $0 == .null ? nil : $0.gsonNormalized }
        return record([("audience", audience), ("priority", priority)], style)
    }

    private static func droppingNulls(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object): return .object(JSONObject(object.compactMap { $0.value == .null ? nil : ($0.key, droppingNulls($0.value)) }))
        case .array(let elements): return .array(elements.map(droppingNulls))
        default: return value
        }
    }

    private static func unreadable(_ type: String, _ value: JSONValue) -> MCPClientError {
        MCPClientError("Cannot deserialize value of type `\(type)` from \(value.xContentToken)")
    }
}

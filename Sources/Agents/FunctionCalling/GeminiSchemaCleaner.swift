import MLCommonsCore

/// Gemini refuses `additionalProperties` in function parameters; ml-commons strips it from every object schema,
/// through `properties` and arrays, before rendering the tool (`input_schema_cleaned`).
enum GeminiSchemaCleaner {
    /// The schema without `additionalProperties` on object schemas, as compact JSON; nil when it is not JSON.
    static func cleaned(_ schema: String) -> String? {
        guard let json = try? JSONParser.parse(schema) else { return nil }
        return clean(json).compactText
    }

    private static func clean(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            let isObjectSchema = object["type"]?.stringValue == "object"
            return .object(JSONObject(object.compactMap { key, member in
                isObjectSchema && key == "additionalProperties" ? nil : (key, clean(member))
            }))
        case .array(let items):
            return .array(items.map(clean))
        default:
            return value
        }
    }
}

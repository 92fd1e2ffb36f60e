/// The request `parameters` of a remote `_predict` (or an agent's LLM call) as ml-commons holds them
/// when it renders a connector template: every value a string, then JSON-escaped.
public enum RequestParameters {
    /// The key whose comma-separated value lists parameters that are never escaped.
    public static let noEscapeParametersKey = "no_escape_params"

    /// The escaped string map of a request body's `parameters` object (`RemoteInferenceMLInput.parse`
    /// then `ConnectorUtils.escapeRemoteInferenceInputData`); a body without an object there has none.
    public static func escaped(fromRequestBody body: JSONObject) -> [String: String] {
        guard case .object(let parameters)? = body["parameters"] else { return [:] }
        return escaped(stringMap(parameters))
    }

    /// `StringUtils.getParameterMap(parser.map())`: strings kept, anything else (including `null`)
    /// written by gson as the Java value `XContentParser.map()` produced.
    public static func stringMap(_ parameters: JSONObject) -> [String: String] {
        var out: [String: String] = [:]
        for (key, value) in parameters {
            out[key] = gsonText(ofParsedValue: value)
        }
        return out
    }

    /// One parameter value as `getParameterMap` stores it: a string as is, otherwise `gson.toJson`
    /// of the `HashMap`/`ArrayList`/`Integer`/`Double` that XContent parsed (`0.0001` → `1.0E-4`).
    public static func gsonText(ofParsedValue value: JSONValue) -> String {
        if case .string(let text) = value { return text }
        return javaHashMapValue(value.javaMapNormalized).gsonText
    }

    /// `ConnectorUtils.escapeRemoteInferenceInputData`: values that are a JSON object or array, and keys
    /// listed in `no_escape_params`, stay raw; every other value goes through `escapeJson`.
    public static func escaped(_ parameters: [String: String]) -> [String: String] {
        let rawKeys = noEscapeKeys(parameters[noEscapeParametersKey])
        var out: [String: String] = [:]
        for (key, value) in parameters {
            let keepRaw = rawKeys.contains(key) || JSONEscaping.isJSON(value)
            out[key] = keepRaw ? value : JSONEscaping.escapeJson(value)
        }
        return out
    }

    /// The trimmed names of a `no_escape_params` value (`String.split(",")` then `trim()`).
    static func noEscapeKeys(_ list: String?) -> Set<String> {
        guard let list, !list.isEmpty else { return [] }
        return Set(list.split(separator: ",", omittingEmptySubsequences: false).map { String($0).javaTrimmed })
    }

    /// Nested objects in the key order of the `HashMap` XContent built them into.
    private static func javaHashMapValue(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            let ordered = JavaHashMapOrder.ordered(object)
            return .object(JSONObject(ordered.map { ($0.key, javaHashMapValue($0.value)) }))
        case .array(let elements):
            return .array(elements.map(javaHashMapValue))
        default:
            return value
        }
    }
}

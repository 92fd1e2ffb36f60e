import MLCommonsCore

/// Reads SSE `data` the way ml-commons does: `gson.fromJson(data, Map.class)`, which turns every number
/// into a `Double` (`HttpStreamingHandler.java:192`).
enum GsonMapReader {
    /// The object, or nil where gson fails or yields `null` (empty text, `null`, arrays, scalars).
    ///
    /// Differences from gson, all on input no OpenAI-compatible server sends: gson's lenient syntax
    /// (single quotes, unquoted names) is rejected here, and a repeated nested key is rejected instead of
    /// keeping the last value.
    static func object(from data: String) -> JSONObject? {
        objectKeepingNumbers(from: data)?.mapValues(\.gsonNormalized)
    }

    /// The object with its numbers as written, for readers that take only strings and lists from it and
    /// normalize what they pass on: ``object(from:)`` copies the whole tree to normalize numbers no one reads.
    static func objectKeepingNumbers(from data: String) -> JSONObject? {
        guard case .object(let object)? = try? JSONParser.parse(data) else { return nil }
        return object
    }

    /// `gson.toJson(value)`; fails like gson on numbers it cannot write (`Infinity`, `NaN`).
    static func text(_ value: JSONValue) throws(JavaRuntimeFault) -> String {
        guard value.hasOnlyFiniteNumbers else { throw .illegalArgument }
        return value.gsonText
    }
}

extension JSONValue {
    /// Whether every number is finite, as gson requires when writing without `serializeSpecialFloatingPointValues`.
    fileprivate var hasOnlyFiniteNumbers: Bool {
        switch self {
        case .number(let number): return number.doubleValue.isFinite
        case .array(let elements): return elements.allSatisfy(\.hasOnlyFiniteNumbers)
        case .object(let object): return object.allSatisfy { $0.value.hasOnlyFiniteNumbers }
        default: return true
        }
    }
}

/// A setting's value as OpenSearch keeps it: a string, or a list of strings.
public enum SettingValue: Sendable, Hashable {
    case string(String)
    case list([String])

    /// The JSON form OpenSearch echoes (`"true"`, `["a","b"]`).
    public var json: JSONValue {
        switch self {
        case .string(let text): return .string(text)
        case .list(let items): return .array(items.map(JSONValue.string))
        }
    }
}

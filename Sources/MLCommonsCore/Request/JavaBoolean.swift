/// OpenSearch's `Booleans.parseBoolean(String)`: the text `true` or `false`, nothing else.
public enum JavaBoolean {
    /// The flag the text names, or the 400 OpenSearch answers for any other text.
    public static func parse(_ text: String) throws(OpenSearchError) -> Bool {
        switch text {
        case "true": return true
        case "false": return false
        default: throw .illegalArgument("Failed to parse value [\(text)] as only [true] or [false] are allowed.")
        }
    }
}

import MLCommonsCore

/// `gson.fromJson(text, List.class)` followed by `toArray(String[])`, as the index tools read their
/// index lists: lenient JSON arrays of strings.
enum GsonStringList {
    /// The strings of a JSON array; nil when gson would not read the text as an array.
    static func parse(_ text: String) throws(OpenSearchError) -> [String]? {
        guard case .array(let items)? = GsonLenientParser.parse(text) else { return nil }
        var names: [String] = []
        for item in items {
            switch item {
            case .string(let name): names.append(name)
            case .null: continue
            // Storing a non-string in a `String[]`.
            case .number: throw arrayStore("java.lang.Double")
            case .bool: throw arrayStore("java.lang.Boolean")
            case .object: throw arrayStore("com.google.gson.internal.LinkedTreeMap")
            case .array: throw arrayStore("java.util.ArrayList")
            }
        }
        return names
    }

    /// gson's error for text that is not an array: the first token's kind and where it starts.
    static func notAnArray(_ text: String) -> OpenSearchError {
        let characters = Array(text)
        let start = characters.firstIndex { !" \t\n\r".contains($0) } ?? characters.count
        let first = start < characters.count ? characters[start] : " "
        var column = start + 1
        let kind: String
        // `peek()` consumes an opening quote or brace; literals are peeked without consuming.
        switch first {
        case "\"", "'": kind = "STRING"; column += 1
        case "{": kind = "BEGIN_OBJECT"; column += 1
        case "-", "0"..."9": kind = "NUMBER"
        default:
            let word = String(characters[start...].prefix { $0 != "," }).lowercased()
            kind = word == "true" || word == "false" ? "BOOLEAN" : "STRING"
        }
        let message = "java.lang.IllegalStateException: Expected BEGIN_ARRAY but was \(kind) at line 1 column \(column) path $"
            + "\nSee https://github.com/google/gson/blob/main/Troubleshooting.md#unexpected-json-structure"
        return OpenSearchError("JsonSyntaxException", reason: message, status: 500)
    }

    private static func arrayStore(_ javaClass: String) -> OpenSearchError {
        OpenSearchError("ArrayStoreException", reason: javaClass, status: 500)
    }
}

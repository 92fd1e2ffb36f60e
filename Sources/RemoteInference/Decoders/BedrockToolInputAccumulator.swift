import MLCommonsCore

/// Joins Bedrock `toolUse.input` fragments and keeps the last prefix that formed one complete JSON object
/// (`BedrockStreamingHandler.accumulateToolInput`, `BedrockStreamingHandler.java:307-363`).
///
/// A later fragment that spoils the text (extra content after the object) does not clear an earlier
/// parse, as in ml-commons. Unlike Jackson's default parser, comments are accepted and a repeated key
/// makes the text count as incomplete; models do not produce either.
struct BedrockToolInputAccumulator: Sendable {
    /// Every fragment so far, joined.
    private(set) var text = ""
    /// The last complete object, as Jackson reads it into a `Map`.
    private(set) var input: JSONValue?

    /// Appends one fragment; a Java `null` fragment is ignored.
    mutating func append(_ fragment: String?) {
        guard let fragment else { return }
        text += fragment
        if let value = try? JSONParser.parse(text), case .object = value {
            input = value.jacksonMapNormalized
        }
    }
}

import Foundation
import MLCommonsCore

/// One answer of the LLM in ReAct prompt mode, read as `AgentUtils.parseLLMOutput` reads it: the JSON (or
/// the quoted fields) of thought, action, action input and final answer, the action matched to a tool, and
/// the whole answer as the final answer when it names no tool.
public struct ReActStep: Sendable, Equatable {
    public var thought: String?
    public var action: String?
    public var actionInput: String?
    public var finalAnswer: String?
    /// The text the step is traced and fed back as (`thought_response`).
    public var thoughtResponse: String

    /// `MODEL_RESPONSE_PATTERNS`: a one-line JSON object of the four fields.
    static let defaultPattern = #"\{\s*("(thought|action|action_input|final_answer)"\s*:\s*".*?"\s*,?\s*)+\}"#

    /// Reads an answer's first tensor `dataAsMap`; `tools` in the order the prompt lists them.
    public init(dataAsMap: JSONObject, tools: [String], patterns: [String]) {
        var fields: [String: String] = [:]
        if dataAsMap.count == 1, let response = dataAsMap["response"] {
            let text = response.stringValue ?? response.gsonNormalized.gsonText
            thoughtResponse = Self.extractJSON(text, patterns: patterns) ?? text
            fields = Self.fields(of: thoughtResponse)
        } else {
            for key in ["thought", "action", "action_input", "final_answer"] {
                if let value = dataAsMap[key] { fields[key] = value.stringValue ?? value.gsonNormalized.gsonText }
            }
            thoughtResponse = JSONValue.object(dataAsMap).gsonNormalized.gsonText
        }
        thought = fields["thought"]
        actionInput = fields["action_input"]
        finalAnswer = fields["final_answer"]
        // The first tool whose name the action contains, any case; an action naming none is dropped.
        if let named = fields["action"] {
            action = tools.first { named.lowercased().contains($0.lowercased()) }
        }
        if action == nil, finalAnswer == nil { finalAnswer = thoughtResponse }
    }

    /// `extractModelResponseJson`: the text of a ```` ```json ```` fence (first to last fence), if JSON; else the
    /// first match of the agent's `llm_response_pattern`s, then of the default pattern; nil when none.
    static func extractJSON(_ text: String, patterns: [String]) -> String? {
        var body = text
        if let open = body.range(of: "```json") {
            body = String(body[open.upperBound...])
            if let close = body.range(of: "```", options: .backwards) { body = String(body[..<close.lowerBound]) }
        }
        let trimmed = body.javaTrimmed
        if JSONEscaping.isJSON(trimmed) { return trimmed }
        for pattern in patterns + [defaultPattern] {
            guard let regex = try? LinearRegex(pattern), let range = try? regex.firstMatch(in: trimmed) else { continue }
            return String(trimmed[range])
        }
        return nil
    }

    /// `parseThoughtResponse`: every member of JSON (non-strings as gson writes them), else the four quoted
    /// fields found by ml-commons' expressions.
    static func fields(of text: String) -> [String: String] {
        if JSONEscaping.isJSON(text), case .object(let object)? = GsonLenientParser.parse(text) {
            var out: [String: String] = [:]
            for (key, value) in object { out[key] = RequestParameters.gsonText(ofParsedValue: value) }
            return out
        }
        var out: [String: String] = [:]
        if text.contains("\"thought\""), let value = thoughtField(text) { out["thought"] = value }
        if text.contains("\"action\""), let value = valueAfter("\"action\"", in: text).map({ rest in actionField(rest) }) {
            out["action"] = value
        }
        if text.contains("\"action_input\""), let rest = valueAfter("\"action_input\"", in: text),
            let last = rest.lastIndex(of: "\"")
        {
            out["action_input"] = String(rest[..<last]).replacingOccurrences(of: "\\\"", with: "\"")
        }
        if text.contains("\"final_answer\""), let rest = valueAfter("\"final_answer\"", in: text), let last = rest.lastIndex(of: "\"") {
            out["final_answer"] = String(rest[..<last])
        }
        return out
    }

    /// The text after `key\s*:\s*"`, or nil when the key is not followed so.
    private static func valueAfter(_ key: String, in text: String) -> Substring? {
        var search = text[...]
        while let found = search.range(of: key) {
            var rest = search[found.upperBound...].drop { $0.isWhitespace }
            if rest.first == ":" {
                rest = rest.dropFirst().drop { $0.isWhitespace }
                if rest.first == "\"" { return rest.dropFirst() }
            }
            search = search[found.upperBound...]
        }
        return nil
    }

    /// `"thought"\s*:\s*"(.*?)"\s*,\s*[…]`: up to the first quote followed by a comma and a quote-like character.
    private static func thoughtField(_ text: String) -> String? {
        guard let rest = valueAfter("\"thought\"", in: text) else { return nil }
        var index = rest.startIndex
        while let quote = rest[index...].firstIndex(of: "\"") {
            var after = rest[rest.index(after: quote)...].drop { $0.isWhitespace }
            if after.first == "," {
                after = after.dropFirst().drop { $0.isWhitespace }
                // The pattern's `["final_answer"|"action"]` is a character class.
                if let next = after.first, "\"finalsw_r|ct o".contains(next) { return String(rest[..<quote]) }
            }
            index = rest.index(after: quote)
        }
        return nil
    }

    /// `"action"\s*:\s*"(.*?)(?:"action_input"|$)`: up to `"action_input"` or the end.
    private static func actionField(_ rest: Substring) -> String {
        if let end = rest.range(of: "\"action_input\"") { return String(rest[..<end.lowerBound]) }
        return String(rest)
    }
}

/// The requests ml-commons makes of a container's LLM to turn a conversation into long-term facts, and how
/// it reads the answers (`MemoryProcessingService`).
public enum MemoryFactExtraction {
    /// Where the answer text is in the LLM's output when nothing says otherwise: Bedrock Converse's.
    public static let defaultResultPath = "$.output.message.content[0].text"

    /// The strategy's system prompt: its type's, or a custom one that asks for a JSON `"facts"` array.
    public static func systemPrompt(for strategy: MemoryStrategy) throws(OpenSearchError) -> String {
        if let custom = strategy.configuration["system_prompt"]?.stringValue, !custom.isJavaBlank {
            guard custom.contains("\"facts\""), custom.contains("JSON") else {
                throw .illegalArgument("Custom prompt must specify JSON response format with 'facts' array")
            }
            return custom
        }
        switch strategy.kind {
        case .userPreference: return AgenticMemoryPrompts.userPreferenceFactsExtraction
        case .summary: return AgenticMemoryPrompts.summaryFactsExtraction
        case .semantic, nil: return AgenticMemoryPrompts.semanticFactsExtraction
        }
    }

    /// The conversation (with the type's format reminder appended as a last user message) as a fenced JSON block.
    public static func userPrompt(messages: [JSONObject], kind: MemoryStrategy.Kind?) -> String {
        let reminder = kind == .userPreference
            ? AgenticMemoryPrompts.userPreferenceJSONEnforcement : AgenticMemoryPrompts.jsonEnforcement
        let all = messages + [["role": "user", "content": [["text": .string(reminder), "type": "text"]]]]
        return AgenticMemoryPrompts.fenced(
            AgenticMemoryPrompts.factExtractionIntroduction, JSONValue.array(all.map(JSONValue.object)).compactText)
    }

    /// The decision request: the similar memories found and every new fact.
    public static func decisionPrompt(oldMemories: [(id: String, text: String, score: Float)], facts: [String]) -> String {
        let old: [JSONValue] = oldMemories.map { memory in
            ["id": .string(memory.id), "text": .string(memory.text), "score": .number(JSONNumber(text: JavaDouble.string(memory.score)))]
        }
        let request: JSONValue = ["old_memory": .array(old), "retrieved_facts": .array(facts.map(JSONValue.string))]
        return AgenticMemoryPrompts.fenced(AgenticMemoryPrompts.decisionIntroduction, request.compactText)
    }

    /// `llm_result_path`: the strategy's, else the container's (request parameters merged in), else Converse's.
    public static func resultPath(strategy: MemoryStrategy, parameters: JSONObject) -> String {
        if let path = strategy.configuration["llm_result_path"], path != .null { return path.stringValue ?? path.compactText }
        if let path = parameters["llm_result_path"], path != .null { return path.stringValue ?? path.compactText }
        return defaultResultPath
    }

    /// The facts of an answer: the JSON object from its first `{` (text after it ignored), its `facts` array.
    public static func facts(from answer: String) throws(OpenSearchError) -> [String] {
        guard case .object(let object) = try firstObject(in: answer) else {
            throw .illegalArgument("Failed to parse facts from LLM response")
        }
        guard let facts = object["facts"] else { return [] }
        guard case .array(let items) = facts else { throw .illegalArgument("Failed to parse facts from LLM response") }
        return items.compactMap { item in
            switch item {
            case .string(let text): return text
            case .number(let number): return number.text
            case .bool(let flag): return flag ? "true" : "false"
            default: return nil
            }
        }
    }

    /// The decisions of an answer's `memory_decision` array.
    public static func decisions(from answer: String) throws(OpenSearchError) -> [MemoryDecision] {
        guard case .object(let object) = try firstObject(in: answer), let items = object["memory_decision"]?.arrayValue else {
            throw .mlException("Failed to parse memory decisions")
        }
        return try items.map { item throws(OpenSearchError) in try MemoryDecision(parsing: item) }
    }

    /// `extract_json` with `extract_type: object`: the first JSON value from the first `{`, or the text itself
    /// parsed when there is none; code fences and preambles around the object are tolerated.
    static func firstObject(in text: String) throws(OpenSearchError) -> JSONValue {
        guard let start = text.firstIndex(of: "{") else {
            do { return try JSONParser.parse(text) } catch { throw .illegalArgument("Failed to parse facts from LLM response") }
        }
        let candidate = text[start...]
        if let end = objectEnd(in: candidate), let value = try? JSONParser.parse(String(candidate[..<end])) {
            return value
        }
        do { return try JSONParser.parse(text) } catch { throw .illegalArgument("Failed to parse facts from LLM response") }
    }

    /// The index after the brace that closes the object `text` starts with, strings and escapes respected.
    private static func objectEnd(in text: Substring) -> String.Index? {
        var depth = 0
        var inString = false
        var escaped = false
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if inString {
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { inString = false }
            } else if character == "\"" {
                inString = true
            } else if character == "{" || character == "[" {
                depth += 1
            } else if character == "}" || character == "]" {
                depth -= 1
                if depth == 0 { return text.index(after: index) }
            }
            index = text.index(after: index)
        }
        return nil
    }
}

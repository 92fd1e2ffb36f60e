import MLCommonsCore

/// The mock's answers to ml-commons' agentic memory prompts, so containers with `infer: true` work offline:
/// facts are the sentences of the user's messages, decisions keep every old memory and add each new fact it
/// does not already hold, and a summary is the first words the user wrote.
enum MockLLMMemoryAnswers {
    /// `{"facts":[…]}`, minified as the extraction prompt asks.
    static func facts(for prompt: String) -> String {
        var facts: [String] = []
        for text in userTexts(in: prompt) {
            for sentence in sentences(of: text) where !facts.contains(sentence) { facts.append(sentence) }
        }
        let answer: JSONValue = ["facts": .array(facts.map(JSONValue.string))]
        return answer.compactText
    }

    /// `{"memory_decision":[…]}`: NONE for each old memory (first occurrence of its id), ADD for new facts.
    static func decisions(for prompt: String) -> String {
        guard let json = AgenticMemoryPrompts.fencedJSON(in: prompt), let request = try? JSONParser.parse(json) else {
            return #"{"memory_decision":[]}"#
        }
        var decisions: [JSONValue] = []
        var seen: Set<String> = []
        var known: Set<String> = []
        for old in request["old_memory"]?.arrayValue ?? [] {
            guard let id = old["id"]?.stringValue, let text = old["text"]?.stringValue, seen.insert(id).inserted else { continue }
            known.insert(normalized(text))
            decisions.append(["id": .string(id), "text": .string(text), "event": "NONE"])
        }
        var added = 0
        for fact in (request["retrieved_facts"]?.arrayValue ?? []).compactMap(\.stringValue) where known.insert(normalized(fact)).inserted {
            decisions.append(["id": .string("fact_\(added)"), "text": .string(fact), "event": "ADD"])
            added += 1
        }
        let answer: JSONValue = ["memory_decision": .array(decisions)]
        return answer.compactText
    }

    /// The first `max` words the user wrote (the session summary prompt names the limit).
    static func summary(for prompt: String) -> String {
        let limit = prompt.split(separator: " ").drop { $0 != "than" }.dropFirst().first.flatMap { Int($0) } ?? 10
        let words = userTexts(in: prompt).joined(separator: " ").split(whereSeparator: \.isWhitespace)
        return words.prefix(limit).joined(separator: " ")
    }

    /// The text contents of the user messages in the prompt's JSON block, without ml-commons' format reminders.
    private static func userTexts(in prompt: String) -> [String] {
        guard let json = AgenticMemoryPrompts.fencedJSON(in: prompt), let messages = (try? JSONParser.parse(json))?.arrayValue else {
            return []
        }
        let reminders: Set<String> = [AgenticMemoryPrompts.jsonEnforcement, AgenticMemoryPrompts.userPreferenceJSONEnforcement]
        return messages.filter { $0["role"]?.stringValue == "user" }.flatMap { message in
            (message["content"]?.arrayValue ?? []).compactMap { $0["text"]?.stringValue }.filter { !reminders.contains($0) }
        }
    }

    /// Sentences ending in `.`, `!` or `?` (or the end of the text), trimmed.
    static func sentences(of text: String) -> [String] {
        var out: [String] = []
        var current = ""
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            current.append(character)
            if ".!?".contains(character), characters.first.map({ $0.isWhitespace }) ?? true {
                appendTrimmed(current, to: &out)
                current = ""
            }
        }
        appendTrimmed(current, to: &out)
        return out
    }

    private static func appendTrimmed(_ text: String, to out: inout [String]) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if !trimmed.isEmpty { out.append(trimmed) }
    }

    private static func normalized(_ text: String) -> String {
        text.lowercased().trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters))
    }
}

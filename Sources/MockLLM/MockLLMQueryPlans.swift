import Foundation
import MLCommonsCore

/// The mock's answers to ml-commons' query planning prompts, so a QueryPlanningTool works offline: a query for the
/// question over the mapping's text fields (`match` for one, `multi_match` for several, `match_all` for none), and
/// for template selection the template whose description shares the most words with the question.
enum MockLLMQueryPlans {
    static let planningMarker = "GIVE THE OUTPUT PART ONLY IN YOUR RESPONSE (a single JSON object)"
    static let selectionMarker = "==== INPUTS ====\nquestion: "

    static func isPlanningPrompt(_ prompt: String) -> Bool { prompt.hasPrefix("Question: ") && prompt.contains(planningMarker) }
    static func isSelectionPrompt(_ prompt: String) -> Bool { prompt.hasPrefix(selectionMarker) }

    /// The query body for a planning prompt.
    static func query(for prompt: String) -> String {
        let question = section(of: prompt, from: "Question: ", to: "\nMapping: ") ?? ""
        let fields = textFields(in: mapping(in: prompt))
        let clause: JSONValue
        switch fields.count {
        case 0: clause = ["match_all": [:]]
        case 1: clause = ["match": [fields[0]: .string(question)]]
        default: clause = ["multi_match": ["query": .string(question), "fields": .array(fields.map(JSONValue.string))]]
        }
        let query: JSONValue = ["size": 10, "query": clause]
        return query.compactText
    }

    /// The id of the template that best matches a selection prompt's question.
    static func templateID(for prompt: String) -> String {
        let question = words(section(of: prompt, from: selectionMarker, to: "\nsearch_templates: ") ?? "")
        let listed = section(of: prompt, from: "\nsearch_templates: ", to: nil) ?? ""
        // The list reaches the prompt gson-quoted: a JSON string holding the JSON array.
        let text = (try? JSONParser.parse(listed))?.stringValue ?? listed
        let templates = GsonLenientParser.parse(text)?.arrayValue ?? []
        let best = templates.max { words($0["template_description"]?.stringValue ?? "").intersection(question).count
            < words($1["template_description"]?.stringValue ?? "").intersection(question).count }
        return best?["template_id"]?.stringValue ?? "null"
    }

    /// The mapping the prompt shows: a JSON string holding `{"_doc":{"properties":…}}` (or the object itself).
    private static func mapping(in prompt: String) -> JSONValue {
        guard let text = section(of: prompt, from: "\nMapping: ", to: "\nQuery Fields: "), let value = try? JSONParser.parse(text) else {
            return .null
        }
        guard let inner = value.stringValue else { return value }
        return (try? JSONParser.parse(inner)) ?? .null
    }

    /// The paths of `text` fields, in mapping order, through objects and the type wrapper.
    private static func textFields(in mapping: JSONValue) -> [String] {
        var fields: [String] = []
        func walk(_ properties: JSONObject, prefix: String) {
            for (name, field) in properties {
                if field["type"]?.stringValue == "text" || field["type"]?.stringValue == "match_only_text" { fields.append(prefix + name) }
                if let nested = field["properties"]?.objectValue { walk(nested, prefix: prefix + name + ".") }
            }
        }
        let root = mapping["_doc"] ?? mapping
        walk(root["properties"]?.objectValue ?? JSONObject(), prefix: "")
        return fields
    }

    private static func words(_ text: String) -> Set<String> {
        Set(text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init))
    }

    private static func section(of text: String, from start: String, to end: String?) -> String? {
        guard let open = text.range(of: start) else { return nil }
        let rest = text[open.upperBound...]
        guard let end else { return String(rest) }
        return String(rest[..<(rest.range(of: end)?.lowerBound ?? rest.endIndex)])
    }
}

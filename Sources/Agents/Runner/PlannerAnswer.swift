import Foundation
import MLCommonsCore

/// A planner's answer as `MLPlanExecuteAndReflectAgentRunner.parseLLMOutput` reads it: the text (a lone `response`,
/// else what `llm_response_filter` selects), as JSON or the JSON inside it, holding `steps` and `result`.
struct PlannerAnswer {
    /// The plan; nil when the answer has no `steps`.
    let steps: [String]?
    /// The final result, when the answer carries a non-empty one.
    let result: String?

    init(dataAsMap: JSONValue, responseFilter: String?) throws(OpenSearchError) {
        let text: JSONValue
        if let map = dataAsMap.objectValue, map.count == 1, let response = map["response"] {
            text = response
        } else {
            guard let responseFilter, !responseFilter.isEmpty else {
                throw .illegalArgument("llm_response_filter not found. Please provide the path to the model output.")
            }
            do {
                text = try JSONPath(responseFilter).read(dataAsMap, model: .jsonSmart)
            } catch {
                throw error.openSearchError
            }
        }
        let answer = try Self.string(text).javaTrimmed
        let json = JSONEscaping.isJSON(answer) ? answer : try Self.jsonFromMarkdown(answer)
        guard let parsed = ResponseFilter.fromJson(json) else { throw .illegalArgument("Unsupported response type") }
        guard parsed["steps"] != nil || parsed["result"] != nil else {
            throw .illegalArgument("Missing required fields 'steps' and 'result' in JSON response")
        }
        switch parsed["steps"] {
        case nil, .null?: steps = nil
        case .array(let elements)?:
            steps = try elements.map { element throws(OpenSearchError) in try Self.string(element) }
        case let other?: throw Self.classCast(other, to: "java.util.List")
        }
        switch parsed["result"] {
        case nil: result = nil
        case .null?:
            throw OpenSearchError(
                "NullPointerException", reason: "Cannot invoke \"String.isEmpty()\" because \"result\" is null", status: 500)
        case let value?:
            let text = try Self.string(value)
            result = text.isEmpty ? nil : text
        }
    }

    /// `extractJsonFromMarkdown`: what follows a ```` ```json ```` fence up to the last fence, else the outermost braces.
    static func jsonFromMarkdown(_ response: String) throws(OpenSearchError) -> String {
        var text = Substring(response.javaTrimmed)
        if let fence = text.range(of: "```json") {
            text = text[fence.upperBound...]
            if let close = text.range(of: "```", options: .backwards) { text = text[..<close.lowerBound] }
        } else if let open = text.firstIndex(of: "{"), let close = text.lastIndex(of: "}"), open <= close {
            text = text[open...close]
        }
        let json = String(text).javaTrimmed
        guard JSONEscaping.isJSON(json) else { throw .illegalState("Failed to parse LLM output due to invalid JSON") }
        return json
    }

    /// A value Java casts to `String`.
    private static func string(_ value: JSONValue) throws(OpenSearchError) -> String {
        guard let text = value.stringValue else { throw classCast(value, to: "java.lang.String") }
        return text
    }

    /// The `ClassCastException` of a gson value cast to a type it is not.
    private static func classCast(_ value: JSONValue, to target: String) -> OpenSearchError {
        let source: String
        switch value {
        case .object: source = "com.google.gson.internal.LinkedTreeMap"
        case .array: source = "java.util.ArrayList"
        case .number: source = "java.lang.Double"
        case .bool: source = "java.lang.Boolean"
        case .string: source = "java.lang.String"
        case .null: source = "null"
        }
        return OpenSearchError("ClassCastException", reason: "class \(source) cannot be cast to class \(target)", status: 500)
    }
}

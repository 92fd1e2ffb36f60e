import MLCommonsCore
import MLStore

/// `QueryPlanningTool` (3.3): asks its model for OpenSearch query DSL for a question about an index, with the index's
/// mapping and one sample document in the prompt, and returns the model's text as it is (the default `match_all`
/// query when the model gives nothing).
public struct QueryPlanningTool: AgentTool {
    public static let type = "QueryPlanningTool"
    public static let defaultDescription = QueryPlanningPrompts.description
    public static let defaultAttributes: [String: String] = ["input_schema": QueryPlanningPrompts.inputSchema, "strict": "false"]
    static let generationTypes = ["llmGenerated", "user_templates"]
    /// Sample values longer than this many code points are cut, with a prefix saying so.
    static let maximumSampleCharacters = 250
    /// Agent parameters the tool does not pass to its model.
    static let agentContextParameters: Set<String> = ["_chat_history", "_tools", "_interactions", "tool_configs"]

    private let context: ToolContext
    private let attributes: [String: String]
    private let modelID: String
    private let generationType: String
    private let searchTemplates: String?

    /// The factory's checks: a model, a known generation type, and for `user_templates` well-formed templates.
    public static func checkSpec(_ spec: ToolSpec) throws(OpenSearchError) {
        try MLModelTool.checkSpec(spec)
        let type = generationType(spec)
        guard generationTypes.contains(type) else {
            throw .illegalArgument("Invalid generation type: \(type). The current supported types are llmGenerated and user_templates.")
        }
        guard type == "user_templates" else { return }
        guard let templates = spec.parameters["search_templates"] else {
            throw .illegalArgument("search_templates field is required when generation_type is 'user_templates'")
        }
        guard case .array(let entries)? = GsonLenientParser.parse(templates) else {
            throw OpenSearchError("JsonSyntaxException", reason: "Expected BEGIN_ARRAY but was \(templates.prefix(40))", status: 500)
        }
        for entry in entries {
            if entry["template_id"]?.stringValue?.isJavaBlank ?? true {
                throw .illegalArgument("search_templates field entries must have a template_id")
            }
            if entry["template_description"]?.stringValue?.isJavaBlank ?? true {
                throw .illegalArgument("search_templates field entries must have a template_description")
            }
        }
    }

    private static func generationType(_ spec: ToolSpec) -> String {
        let type = spec.parameters["generation_type"] ?? ""
        return type.isEmpty ? "llmGenerated" : type
    }

    public init(spec: ToolSpec, context: ToolContext) {
        self.context = context
        self.attributes = Self.attributes(for: spec)
        self.modelID = spec.parameters[MLModelTool.modelIDField] ?? ""
        self.generationType = Self.generationType(spec)
        // gson quotes the templates' text again before it reaches the prompt.
        self.searchTemplates = spec.parameters["search_templates"].map { JSONValue.string($0).gsonText }
    }

    public func validate(_ parameters: [String: String]) -> Bool {
        !parameters.isEmpty && parameters["question"] != nil && parameters["index_name"] != nil
    }

    public func run(_ parameters: [String: String]) async throws -> ToolOutput {
        var parameters = ToolInputParameters.extract(parameters, attributes: attributes)
        for key in Self.agentContextParameters { parameters[key] = nil }
        guard validate(parameters) else {
            throw OpenSearchError.illegalArgument("Validation error: missing or empty required parameters — index_name, question.")
        }
        if generationType == "user_templates" {
            var selection = parameters
            selection["system_prompt"] = parameters["template_selection_system_prompt"] ?? QueryPlanningPrompts.templateSelectionSystemPrompt
            selection["user_prompt"] = parameters["template_selection_user_prompt"] ?? QueryPlanningPrompts.templateSelectionUserPrompt
            selection["search_templates"] = searchTemplates
            let chosen = try await predict(selection)
            guard case .text = chosen else {
                throw OpenSearchError.illegalArgument(
                    "Error processing search template: \(chosen.javaText). Try using response_filter in agent registration if needed.")
            }
            // No stored scripts exist here, so every chosen template falls back to the default one, as a missing script does.
        }
        parameters["template"] = QueryPlanningPrompts.searchTemplate
        return try await planQuery(parameters)
    }

    /// `executeQueryPlanning`: the prompts, the current time, the index's mapping and a sample document, then the model.
    private func planQuery(_ parameters: [String: String]) async throws -> ToolOutput {
        var parameters = parameters
        parameters["system_prompt"] = parameters["query_planner_system_prompt"] ?? QueryPlanningPrompts.systemPrompt
        parameters["user_prompt"] = parameters["query_planner_user_prompt"] ?? QueryPlanningPrompts.userPrompt
        if let fields = parameters["query_fields"] { parameters["query_fields"] = JSONValue.string(fields).gsonText }
        let now = JavaDateFormat(pattern: JavaDateFormat.defaultPattern)?.format(.now()) ?? ""
        parameters["current_time"] = JSONValue.string(now).gsonText
        let indexName = parameters["index_name"] ?? ""
        guard let index = try await context.documents.index(indexName) else {
            throw OpenSearchError.illegalArgument("Index does not exist or is not available", cause: .indexNotFound(indexName))
        }
        // `MappingMetadata.source()`: the mapping under its type name.
        let mapping: JSONValue = ["_doc": .object(index.mappings)]
        parameters["index_mapping"] = JSONValue.string(mapping.compactText).gsonText
        parameters["sample_document"] = JSONValue.string(try await sampleDocument(indexName) ?? "null").gsonText
        let answer = try await predict(parameters)
        guard case .text(let query) = answer else {
            throw OpenSearchError.illegalArgument(
                "Error processing query string: \(answer.javaText). Try using response_filter in agent registration if needed.")
        }
        if query.isJavaBlank || query == "null" {
            return .text(try StringSubstitution.parameters(parameters).replace(QueryPlanningPrompts.defaultQuery))
        }
        return .text(query)
    }

    /// The index's first document (`_doc` order) as a `HashMap` of its top-level fields' `String.valueOf` texts,
    /// long values cut; nil when the index has none.
    private func sampleDocument(_ index: String) async throws -> String? {
        guard let first = try await context.documents.firstDocument(index), !first.source.isEmpty else { return nil }
        var sample = JSONObject()
        for (field, value) in first.source {
            let text = value.stringValue ?? value.javaMapNormalized.javaToString
            let scalars = text.unicodeScalars
            sample[field] = .string(scalars.count > Self.maximumSampleCharacters
                ? "[truncated]" + String(String.UnicodeScalarView(scalars.prefix(Self.maximumSampleCharacters))) : text)
        }
        return JSONValue.object(sample).hashMapOrdered.gsonText
    }

    /// The inner `MLModelTool`'s run: `_predict` on the model, the first tensor's `response`.
    private func predict(_ parameters: [String: String]) async throws -> ToolOutput {
        try MLModelTool.extract(try await context.predict(modelID, parameters), responseField: MLModelTool.defaultResponseField)
    }
}

extension ToolOutput {
    /// The value as Java's `toString` writes it, for error messages.
    fileprivate var javaText: String {
        switch self {
        case .text(let text): return text
        case .json(let value), .modelTensors(let value): return value.javaToString
        }
    }
}

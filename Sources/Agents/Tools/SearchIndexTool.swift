import MLCommonsCore
import MLStore

/// `SearchIndexTool`: runs a query DSL search on one index and returns one gson JSON line per hit
/// (`_index`, `_source`, `_id`, `_score` in `HashMap` order), or the whole response when asked.
public struct SearchIndexTool: AgentTool {
    public static let type = "SearchIndexTool"
    public static let defaultDescription = "Use this tool to search an index by providing two parameters: 'index' for the index name, and 'query' for the OpenSearch DSL formatted query. Only use this tool when both index name and DSL query is available. Returns documents matching the query in the provided index."
    public static let inputSchema = #"{"type":"object","properties":{"index":{"type":"string","description":"OpenSearch index name. for example: index1"},"query":{"type":"object","description":"OpenSearch search index query. You need to get index mapping to write correct search query. It must be a valid OpenSearch query. Valid value:\n{\"query\":{\"match\":{\"population_description\":\"seattle 2023 population\"}},\"size\":2,\"_source\":\"population_description\"}\nInvalid value: \n{\"match\":{\"population_description\":\"seattle 2023 population\"}}\nThe value is invalid because the match not wrapped by \"query\".","additionalProperties":false}},"required":["index","query"],"additionalProperties":false}"#
    public static let strict = false
    public static var defaultAttributes: [String: String] { ["input_schema": inputSchema, "strict": String(strict)] }

    /// The ml indices searched through ml-commons' own search actions, which hide secrets and hidden models.
    static let protectedIndices: [String: (excluded: [String], hidesHiddenModels: Bool)] = [
        ".plugins-ml-connector": (["credential"], false),
        ".plugins-ml-model": (["model_content", "content", "ui_metadata", "connector.credential"], true),
        ".plugins-ml-model-group": ([], false),
    ]

    private let context: ToolContext
    private let attributes: [String: String]
    private let name: String

    public init(spec: ToolSpec, context: ToolContext) {
        self.context = context
        self.attributes = Self.attributes(for: spec)
        self.name = spec.effectiveName
    }

    public func validate(_ parameters: [String: String]) -> Bool {
        guard !parameters.isEmpty else { return false }
        let fromInput = !(parameters["input"] ?? "").isEmpty
        let fromParameters = !(parameters["index"] ?? "").isEmpty && !(parameters["query"] ?? "").isEmpty
        return fromInput || fromParameters
    }

    public func run(_ parameters: [String: String]) async throws -> ToolOutput {
        let parameters = ToolInputParameters.extract(parameters, attributes: attributes)
        var index: String?
        var query: JSONValue?
        if let input = parameters["input"], !input.isEmpty,
            case .object(let object)? = GsonLenientParser.parse(input), let indexValue = object["index"],
            let queryValue = object["query"]
        {
            index = indexValue.stringValue ?? indexValue.numberValue?.text
            query = queryValue
        }
        if index?.isEmpty ?? true { index = parameters["index"] }
        if query == nil, let text = parameters["query"], !text.isEmpty {
            do { query = try JSONParser.parse(text) } catch { throw OpenSearchError.jsonParse(error) }
        }
        guard let index, !index.isEmpty, let query else {
            throw OpenSearchError.illegalArgument(
                "SearchIndexTool's two parameters: index and query are required and should be in valid format")
        }
        let request = try SearchRequest(parsing: query)
        let response = try await search(index, request)
        if parameters["return_raw_response"]?.lowercased() == "true" {
            let tensor: JSONObject = ["name": .string(name), "dataAsMap": response.javaMapNormalized.hashMapOrdered]
            return .json(["inference_results": [["output": [.object(tensor)]]]])
        }
        let hits = response["hits"]?["hits"]?.arrayValue ?? []
        return .text(hits.map { Self.line(for: $0) + "\n" }.joined())
    }

    /// The search response; ml indices go through their search actions (secrets excluded, no 404).
    private func search(_ index: String, _ request: SearchRequest) async throws -> JSONValue {
        let documents = context.documents
        if let protection = Self.protectedIndices[index] {
            guard try await documents.indexExists(index) else { return SearchExecution.emptyResponse }
            let stored = try await documents.documents(index)
            let execution = SearchExecution(request: request, alwaysExcluded: protection.excluded)
            guard protection.hidesHiddenModels else { return try execution.response(index: index, over: stored) }
            return try execution.response(index: index, over: stored) { $0.source["is_hidden"]?.boolValue == true }
        }
        guard let info = try await documents.index(index) else { throw OpenSearchError.indexNotFound(index) }
        return try SearchExecution(request: request, forcesVersions: false)
            .response(index: index, over: try await documents.documents(index), mappings: info.mappings)
    }

    /// `GSON.toJson(processResponse(hit))`: a `HashMap` of the hit, `_source` as parsed into `HashMap`s;
    /// default gson drops nulls and escapes HTML characters.
    static func line(for hit: JSONValue) -> String {
        var document = JSONObject()
        document["_index"] = hit["_index"]
        document["_id"] = hit["_id"]
        // `SearchHit.getScore()` is a float: NaN when sorting by field.
        let score = hit["_score"] ?? .null
        document["_score"] = score.isNull ? .number(JSONNumber(text: "NaN")) : score
        if let source = hit["_source"] { document["_source"] = source.javaMapNormalized }
        let ordered = JSONValue.object(document).hashMapOrdered.droppingNulls
        return JSONWriter(escaping: .gsonHTMLSafe).string(ordered)
    }
}

extension JSONValue {
    /// The value as gson writes it without `serializeNulls`: object members that are null are skipped.
    fileprivate var droppingNulls: JSONValue {
        switch self {
        case .object(let object):
            return .object(JSONObject(object.compactMap { $0.value.isNull ? nil : ($0.key, $0.value.droppingNulls) }))
        case .array(let elements): return .array(elements.map(\.droppingNulls))
        default: return self
        }
    }
}

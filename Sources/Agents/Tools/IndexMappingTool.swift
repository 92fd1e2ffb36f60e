import MLCommonsCore
import MLStore

/// `IndexMappingTool`: each index's mapping entries as Java `Map.toString` text and its settings as
/// `Settings.toDelimitedString('\n')`.
public struct IndexMappingTool: AgentTool {
    public static let type = "IndexMappingTool"
    public static let defaultDescription = [
        "This tool returns index mappings and settings for specified indices.",
        "Required argument: 'index' - comma-delimited list of one or more indices (supports wildcards like 'my-index-*').",
        "Optional argument: 'local' - if true, returns info from local node only instead of cluster manager (default: false).",
        "Response format: For each index, 'mappings' contains field definitions under 'properties' (each field has a 'type'), and 'settings' contains configuration as a flattened key-value map.",
    ].joined(separator: " ")
    public static let inputSchema = #"{"type":"object","properties":{"index":{"type":"array","description":"OpenSearch index name list, separated by comma. for example: [\"index1\", \"index2\"]","items":{"type":"string"}}},"required":["index"],"additionalProperties":false}"#
    public static let strict = true
    public static var defaultAttributes: [String: String] { ["input_schema": inputSchema, "strict": String(strict)] }

    private let context: ToolContext
    private let attributes: [String: String]

    public init(spec: ToolSpec, context: ToolContext) {
        self.context = context
        self.attributes = Self.attributes(for: spec)
    }

    public func validate(_ parameters: [String: String]) -> Bool {
        !parameters.isEmpty && parameters["index"] != nil
    }

    public func run(_ parameters: [String: String]) async throws -> ToolOutput {
        let parameters = ToolInputParameters.extract(parameters, attributes: attributes)
        let empty = ToolOutput.text("There were no results searching the index parameter [\(parameters["index"] ?? "null")].")
        var names: [String] = []
        if let raw = parameters["index"], !raw.isJavaBlank {
            // An LLM may send one bare index name rather than a JSON list.
            names = try GsonStringList.parse(raw) ?? [raw]
        }
        guard !names.isEmpty else { return empty }
        let indices = try IndexNameExpression.resolve(names, in: try await context.documents.indices())
        guard !indices.isEmpty else { return empty }
        return .text(indices.map(Self.describe).joined())
    }

    /// One index's block: name, mapping entries (when it has a mapping), settings.
    static func describe(_ index: IndexInfo) -> String {
        var text = "index: \(index.name)\n\n"
        if !index.mappings.isEmpty {
            text += "mappings:\n"
            for (key, value) in index.mappings { text += "\(key)=\(value.javaToString)\n" }
            text += "\n\n"
        }
        text += "settings:\n"
        for (key, value) in index.flatSettings { text += "\(key)=\(value.javaToString)\n" }
        return text + "\n\n"
    }
}

import MLCommonsCore

/// The tool factories an ml-commons 3.3 node registers (`MachineLearningPlugin.createComponents`),
/// listed by `GET /_plugins/_ml/tools` in the order of the `HashMap` that holds them.
public enum ToolCatalog {
    /// The registered tools in registration order.
    public static let registered: [ToolMetadata] = [
        ToolMetadata(name: MLModelTool.type, description: MLModelTool.defaultDescription),
        ToolMetadata(
            name: "IndexInsightTool",
            description: "Use this tool to get details of one index according to different task type, including STATISTICAL_DATA: the data distribution and index mapping of the index, FIELD_DESCRIPTION: The description of each column, LOG_RELATED_INDEX_CHECK: Whether the index is related to log/trace and whether it contains trace/log fields",
            attributes: ToolMetadata.schemaAttributes(indexInsightSchema, strict: false)),
        ToolMetadata(name: "McpSseTool", description: "A tool from MCP Server"),
        ToolMetadata(name: "McpStreamableHttpTool", description: "A tool from MCP Streamable HTTP Server"),
        ToolMetadata(name: "AgentTool", description: "Use this tool to run any agent."),
        ToolMetadata(
            name: ListIndexTool.type, description: ListIndexTool.defaultDescription,
            attributes: ToolMetadata.schemaAttributes(ListIndexTool.inputSchema, strict: ListIndexTool.strict)),
        ToolMetadata(
            name: IndexMappingTool.type, description: IndexMappingTool.defaultDescription,
            attributes: ToolMetadata.schemaAttributes(IndexMappingTool.inputSchema, strict: IndexMappingTool.strict)),
        ToolMetadata(
            name: SearchIndexTool.type, description: SearchIndexTool.defaultDescription,
            attributes: ToolMetadata.schemaAttributes(SearchIndexTool.inputSchema, strict: SearchIndexTool.strict)),
        ToolMetadata(
            name: "VisualizationTool",
            description: "Searches for saved visualizations by name. Required: 'input' (visualization name, supports partial matches). Returns: list of matching visualizations with their titles and IDs.",
            attributes: ToolMetadata.schemaAttributes(
                #"{"type":"object","properties":{"input":{"type":"string","description":"Visualization name to search for"}},"required":["input"],"additionalProperties":false}"#,
                strict: false)),
        ToolMetadata(
            name: "ConnectorTool",
            description: "Invokes external service. Required: 'connector_id'. Returns: service response."),
        // Its factory does not override `getDefaultAttributes`, so its input schema is not listed.
        ToolMetadata(
            name: "QueryPlanningTool", description: QueryPlanningPrompts.description),
        ToolMetadata(
            name: "WriteToScratchPadTool",
            description: "Save research plans, findings, and progress updates to a persistent scratchpad.", version: "1",
            attributes: ToolMetadata.schemaAttributes(
                #"{"type":"object","properties":{"notes":{"type":"string","description":"The notes to be saved to the scratchpad."}},"required":["notes"]}"#,
                strict: true)),
        ToolMetadata(
            name: "ReadFromScratchPadTool",
            description: "Retrieve previous research work and notes from the persistent scratchpad.", version: "1",
            attributes: ToolMetadata.schemaAttributes(#"{"type":"object","properties":{}}"#, strict: true)),
    ]

    /// The catalog as the list API returns it: `HashMap` order of the tool names.
    public static var listed: [ToolMetadata] {
        let byName = Dictionary(uniqueKeysWithValues: registered.map { ($0.name, $0) })
        return JavaHashMapOrder.ordered(registered.map(\.name)).map { byName[$0]! }
    }

    /// One tool by name, or the get-tool API's 404.
    public static func tool(named name: String) throws(OpenSearchError) -> ToolMetadata {
        guard let tool = registered.first(where: { $0.name == name }) else {
            throw .statusException("Failed to find tool information with the provided tool name: \(name)", status: 404)
        }
        return tool
    }

    /// `IndexInsightTool.DEFAULT_INPUT_SCHEMA`, a text block kept as written (it is not valid JSON).
    static let indexInsightSchema = """
                {
                    "type": "object",
                    "properties": {
                        "index": {
                            "type": "string",
                            "description": "OpenSearch index name"
                        },
                        "question": {
                            "type": "string",
                            "description": "Natural language question to query data from opensearch index"
                        }
                    }
                },
                "strict": false
              }

        """
}

import MLCommonsCore

/// A tool an AG-UI client offers in `RunAgentInput.tools` and runs itself (`AGUIFrontendTool`): the LLM sees it
/// beside the agent's own tools; asking for it ends the run so the client can answer.
public struct AGUIFrontendTool: Sendable, Hashable {
    public var name: String
    public var description: String
    /// The tool's `parameters` as JSON text, or an empty object schema.
    public var inputSchema: String

    /// The tools of an `agui_tools` parameter (`parseFrontendTools`); entries without a name are skipped.
    public static func parse(_ json: String?) -> [AGUIFrontendTool] {
        guard let json, let tools = (try? JSONParser.parse(json))?.arrayValue else { return [] }
        return tools.compactMap { tool in
            guard let name = tool["name"]?.stringValue else { return nil }
            let schema = tool["parameters"].map(\.gsonText) ?? #"{"type":"object","properties":{}}"#
            return AGUIFrontendTool(name: name, description: tool["description"]?.stringValue ?? "", inputSchema: schema)
        }
    }

    /// The tool through the interface's `tool_template`, as the agent's own tools are rendered.
    public func rendered(template: String) throws(OpenSearchError) -> String {
        try ToolSet.render(
            template, name: name, description: description, attributes: ["input_schema": inputSchema, "source": "frontend"])
    }
}

import MLCommonsCore

/// The tools of one agent run, keyed by name and iterated in Java `HashMap` order as ml-commons does.
public struct ToolSet: Sendable {
    public struct Entry: Sendable {
        public let spec: ToolSpec
        public let tool: any RunnableTool
        public let description: String
        public let attributes: [String: String]

        public init(spec: ToolSpec, tool: any RunnableTool, description: String, attributes: [String: String]) {
            self.spec = spec
            self.tool = tool
            self.description = description
            self.attributes = attributes
        }
    }

    /// Tool names in `HashMap` iteration order.
    public let names: [String]
    private let entries: [String: Entry]

    /// Builds the tools from their specs (`AgentUtils.createTools`); `selected` restricts them. `extra` tools (an
    /// MCP server's) come after them and replace a tool of the same name.
    public init(
        specs: [ToolSpec], parameters: [String: String], selected: [String]?,
        make: (ToolSpec) throws -> any AgentTool, extra: [Entry] = []
    ) throws {
        var entries: [String: Entry] = [:]
        var order: [String] = []
        for spec in specs {
            let name = spec.effectiveName
            if let selected, !selected.contains(name) { continue }
            let tool = try make(spec)
            let description = spec.description ?? parameters["\(name).description"] ?? type(of: tool).defaultDescription
            let attributes = type(of: tool).defaultAttributes.merging(spec.attributes) { _, given in given }
            if entries[name] == nil { order.append(name) }
            entries[name] = Entry(spec: spec, tool: tool, description: description, attributes: attributes)
        }
        for entry in extra {
            let name = entry.spec.effectiveName
            let description = parameters["\(name).description"] ?? entry.description
            if entries[name] == nil { order.append(name) }
            entries[name] = Entry(spec: entry.spec, tool: entry.tool, description: description, attributes: entry.attributes)
        }
        self.entries = entries
        self.names = JavaHashMapOrder.ordered(order)
    }

    public subscript(name: String) -> Entry? { entries[name] }

    /// `selected_tools`: the JSON array of names a request restricts the agent's tools to, if it gives a readable one.
    public static func selectedTools(in parameters: [String: String]) -> [String]? {
        parameters["selected_tools"].flatMap { try? JSONParser.parse($0).arrayValue?.compactMap(\.stringValue) }
    }

    /// The tool an LLM action names: exact, else the first whose name contains it, ignoring case.
    public func resolve(_ action: String) -> String? {
        if entries[action] != nil { return action }
        return names.first { $0.lowercased().contains(action.lowercased()) || action.lowercased().contains($0.lowercased()) }
    }

    /// `_tools`: `tool_template` rendered per tool (values inserted as they are), joined by ", ".
    public func renderedForFunctionCalling(template: String) throws(OpenSearchError) -> String {
        var rendered: [String] = []
        for name in names {
            guard let entry = entries[name] else { continue }
            rendered.append(try Self.render(template, name: name, description: entry.description, attributes: entry.attributes))
        }
        return rendered.joined(separator: ", ")
    }

    /// One tool through `tool_template`: `${tool.name}`, `${tool.description}`, `${tool.attributes.*}`, and the
    /// Gemini-cleaned schema as `${tool.attributes.input_schema_cleaned}`.
    static func render(
        _ template: String, name: String, description: String, attributes: [String: String]
    ) throws(OpenSearchError) -> String {
        var values = ["name": name, "description": description]
        for (key, value) in attributes { values["attributes.\(key)"] = value }
        if let schema = attributes["input_schema"] { values["attributes.input_schema_cleaned"] = GeminiSchemaCleaner.cleaned(schema) }
        return try StringSubstitution(prefix: "${tool.", values: values).replace(template)
    }
}

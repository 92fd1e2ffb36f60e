import MLCommonsCore

/// One entry of the tool catalog (`ToolMetadata`): what a tool factory reports about its tool.
public struct ToolMetadata: Sendable, Hashable {
    /// The key the tool is registered under (its type).
    public let name: String
    public let description: String
    /// `Factory.getDefaultType()`: usually the name (the visualization tool is registered as `VisualizationTool`).
    public let type: String
    /// `Factory.getDefaultVersion()`; `undefined` is written when there is none.
    public let version: String?
    /// `Factory.getDefaultAttributes()`: empty unless the factory overrides it.
    public let attributes: JSONObject

    public init(name: String, description: String, type: String? = nil, version: String? = nil, attributes: JSONObject = [:]) {
        self.name = name
        self.description = description
        self.type = type ?? name
        self.version = version
        self.attributes = attributes
    }

    /// `ToolMetadata` as the get-tool API writes it: no attributes, since `RestMLGetToolAction` sets none.
    public var json: JSONValue {
        ["name": .string(name), "description": .string(description), "type": .string(type),
         "version": .string(version ?? "undefined")]
    }

    /// An entry of the list-tools array (`MLToolsListResponse`), attributes included.
    public var listJSON: JSONValue {
        guard case .object(var object) = json else { return json }
        object["attributes"] = .object(attributes)
        return .object(object)
    }

    /// The attributes `input_schema` and `strict`, in that order (`Map.of`'s order varies per JVM).
    public static func schemaAttributes(_ inputSchema: String, strict: Bool) -> JSONObject {
        ["input_schema": .string(inputSchema), "strict": .bool(strict)]
    }
}

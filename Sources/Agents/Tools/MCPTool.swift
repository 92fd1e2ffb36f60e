import MLCommonsCore
import RemoteInference

/// A tool an MCP server offers an agent (`McpSseTool`, `McpStreamableHttpTool`): the LLM's input read as gson reads
/// it (every number a double), sent as `tools/call`, the result's content written as the release writes it.
public struct MCPTool: RunnableTool {
    public static let sseType = "McpSseTool"
    public static let streamableHTTPType = "McpStreamableHttpTool"

    let name: String
    let client: MCPClient
    let style: MCPToolFormat.ContentStyle

    public init(name: String, client: MCPClient, style: MCPToolFormat.ContentStyle) {
        self.name = name
        self.client = client
        self.style = style
    }

    /// The tool type and default description of a connector's transport.
    public static func identity(of transport: MCPConnection.Transport) -> (type: String, description: String) {
        switch transport {
        case .sse: return (sseType, "A tool from MCP Server")
        case .streamableHTTP: return (streamableHTTPType, "A tool from MCP Streamable HTTP Server")
        }
    }

    public func validate(_ parameters: [String: String]) -> Bool { !parameters.isEmpty }

    public func run(_ parameters: [String: String]) async throws -> ToolOutput {
        let input = ToolInputParameters.extract(parameters, attributes: [:])["input"] ?? "null"
        // `StringUtils.fromJson(input, "input")`: an object as it is, an array under `input`, anything else refused.
        let arguments: JSONValue
        switch GsonLenientParser.parse(input) {
        case .object(let object)?: arguments = JSONValue.object(object).gsonNormalized
        case .array(let elements)?: arguments = ["input": JSONValue.array(elements).gsonNormalized]
        default: throw OpenSearchError.illegalArgument("Unsupported response type")
        }
        let result = try await client.callTool(name: name, arguments: arguments)
        return .text(try MCPToolFormat.output(of: result, style: style))
    }
}

/// The tools an agent's MCP connectors offer for one run (`AgentUtils.getMcpToolSpecs`), and the closing of their
/// clients when the run ends.
public struct MCPToolBundle: Sendable {
    public var entries: [ToolSet.Entry]
    public var close: @Sendable () async -> Void

    public init(entries: [ToolSet.Entry] = [], close: @escaping @Sendable () async -> Void = {}) {
        self.entries = entries
        self.close = close
    }

    /// Runs `body` with the tools, closing the servers' clients after it, whether it succeeds or fails.
    public func use<T>(_ body: ([ToolSet.Entry]) async throws -> T) async throws -> T {
        do {
            let result = try await body(entries)
            await close()
            return result
        } catch {
            await close()
            throw error
        }
    }
}

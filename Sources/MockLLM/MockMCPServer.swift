import MLCommonsCore

/// The emulator's own MCP server, so MCP connectors and agents work offline: JSON-RPC as MCP servers answer it
/// (protocol `2025-03-26`, or `2024-11-05` when the client asks for that), with two tools: `echo` returns its text,
/// `add` the sum of two numbers.
public struct MockMCPServer: Sendable {
    public static let protocolVersions = ["2024-11-05", "2025-03-26"]

    public init() {}

    /// The answer to one message: a response to a request, nil for a notification or a response.
    public func handle(_ message: JSONValue) -> JSONValue? {
        guard let id = message["id"], id != .null else { return nil }
        guard let method = message["method"]?.stringValue else {
            return message["result"] != nil || message["error"] != nil ? nil : Self.error(id, -32600, "Invalid Request")
        }
        let params = message["params"] ?? [:]
        switch method {
        case "initialize":
            let asked = params["protocolVersion"]?.stringValue ?? ""
            let version = Self.protocolVersions.contains(asked) ? asked : Self.protocolVersions.last ?? asked
            return Self.result(id, [
                "protocolVersion": .string(version), "capabilities": ["tools": ["listChanged": false]],
                "serverInfo": ["name": "ml-commons-emulator-mcp", "version": "1.0.0"],
            ])
        case "ping":
            return Self.result(id, [:])
        case "tools/list":
            return Self.result(id, ["tools": .array(Self.tools)])
        case "tools/call":
            let name = params["name"]?.stringValue ?? ""
            guard let answer = Self.call(name, params["arguments"] ?? [:]) else {
                return Self.error(id, -32602, "Unknown tool: \(name)")
            }
            return Self.result(id, answer)
        default:
            return Self.error(id, -32601, "Method not found: \(method)")
        }
    }

    static let tools: [JSONValue] = [
        [
            "name": "echo", "description": "Returns the text it is given.",
            "inputSchema": [
                "type": "object", "properties": ["text": ["type": "string", "description": "The text to return."]], "required": ["text"],
            ],
        ],
        [
            "name": "add", "description": "Adds two numbers.",
            "inputSchema": [
                "type": "object",
                "properties": ["a": ["type": "number", "description": "The first number."], "b": ["type": "number", "description": "The second number."]],
                "required": ["a", "b"],
            ],
        ],
    ]

    /// A tool's `CallToolResult`; bad arguments are a result with `isError`, as MCP servers report them.
    static func call(_ name: String, _ arguments: JSONValue) -> JSONValue? {
        switch name {
        case "echo":
            guard let text = arguments["text"]?.stringValue else { return failure("echo needs a string argument 'text'") }
            return ["content": [["type": "text", "text": .string(text)]], "isError": false]
        case "add":
            guard let a = arguments["a"]?.numberValue?.doubleValue, let b = arguments["b"]?.numberValue?.doubleValue else {
                return failure("add needs number arguments 'a' and 'b'")
            }
            let sum = a + b
            let text = sum.rounded() == sum && abs(sum) < 1e15 ? String(Int64(sum)) : String(sum)
            return ["content": [["type": "text", "text": .string(text)]], "isError": false]
        default:
            return nil
        }
    }

    private static func failure(_ message: String) -> JSONValue {
        ["content": [["type": "text", "text": .string(message)]], "isError": true]
    }

    private static func result(_ id: JSONValue, _ result: JSONValue) -> JSONValue {
        ["jsonrpc": "2.0", "id": id, "result": result]
    }

    private static func error(_ id: JSONValue, _ code: Int, _ message: String) -> JSONValue {
        ["jsonrpc": "2.0", "id": id, "error": ["code": .number(JSONNumber(code)), "message": .string(message)]]
    }
}

import Agents
import MLCommonsCore
import RemoteInference

/// The tools of an agent's `mcp_connectors` for one run (`AgentUtils.getMcpToolSpecs`): each connector's server
/// listed through a client of its protocol, kept by `tool_filters`; a connector that cannot be used offers nothing.
struct MCPToolService: Sendable {
    let emulator: Emulator

    func tools(for mcpConnectors: String) async throws -> MCPToolBundle {
        guard case .array(let entries)? = GsonLenientParser.parse(mcpConnectors) else {
            throw OpenSearchError(
                "JsonSyntaxException", reason: "java.lang.IllegalStateException: Expected BEGIN_ARRAY but was \(mcpConnectors.prefix(40))",
                status: 500)
        }
        var tools: [ToolSet.Entry] = []
        var clients: [MCPClient] = []
        for entry in entries {
            guard let connectorID = entry["mcp_connector_id"]?.stringValue,
                let (client, transport) = await client(for: connectorID)
            else { continue }
            clients.append(client)
            do {
                tools += try await listedTools(client, transport: transport, filters: entry["tool_filters"])
            } catch {
                if Task.isCancelled {
                    // The run is over before it began: nothing will close these clients later.
                    for client in clients { await client.close() }
                    throw CancellationError()
                }
                emulator.logger.warning("MCP connector \(connectorID) offers no tools: \(OpenSearchError(reporting: error).reason)")
            }
        }
        let opened = clients
        return MCPToolBundle(entries: tools) {
            // The run's answer does not wait for the servers, and a cancelled run still ends its sessions.
            Task.detached {
                await withTaskGroup(of: Void.self) { group in
                    for client in opened { group.addTask { await client.close() } }
                }
            }
        }
    }

    /// A client for an MCP connector, its credential decrypted into its headers; nil for a missing or non-MCP one.
    private func client(for connectorID: String) async -> (MCPClient, MCPConnection.Transport)? {
        guard let stored = try? await emulator.documents.document(SystemIndex.connector, id: connectorID)?.source,
            let connectorProtocol = ConnectorProtocol(rawValue: stored["protocol"]?.stringValue ?? ""), connectorProtocol.isMCP,
            let url = stored["url"]?.stringValue
        else {
            emulator.logger.warning("Connector with ID \(connectorID) is not of type McpConnector or McpStreamableHttpConnector")
            return nil
        }
        let credential = (try? emulator.cipher.decrypt(stored["credential"]?.objectValue ?? JSONObject())) ?? JSONObject()
        var values: [String: String] = [:]
        for (key, value) in credential { values[key] = value.stringValue ?? value.gsonText }
        let substitution = StringSubstitution(prefix: "${credential.", values: values)
        var headers: [(name: String, value: String)] = []
        for (name, value) in stored["headers"]?.objectValue ?? JSONObject() {
            let text = value.stringValue ?? value.gsonText
            headers.append((name, (try? substitution.replace(text)) ?? text))
        }
        let parameters = stored["parameters"]?.objectValue ?? JSONObject()
        let transport: MCPConnection.Transport = connectorProtocol == .mcpSSE ? .sse : .streamableHTTP
        let endpoint = parameters[transport == .sse ? "sse_endpoint" : "endpoint"]?.stringValue
        let connection = MCPConnection(transport: transport, baseURL: url, endpoint: endpoint, headers: headers)
        return (MCPClient(connection: connection, transport: emulator.directTransport), transport)
    }

    /// The server's tools as agent tools: the MCP name, the escaped description, the rewritten schema; only those a
    /// filter wholly matches when there are filters.
    private func listedTools(_ client: MCPClient, transport: MCPConnection.Transport, filters: JSONValue?) async throws -> [ToolSet.Entry] {
        try await client.initialize()
        let listed = try await client.listTools()
        let style: MCPToolFormat.ContentStyle = emulator.profile.mcpToolOutputWrittenByJackson ? .jackson : .gsonRecords
        return try Self.entries(listed, client: client, transport: transport, filters: filters, style: style)
    }

    /// The listing read whole before any tool is kept (one unreadable schema loses them all), then filtered.
    private static func entries(
        _ listed: [JSONValue], client: MCPClient, transport: MCPConnection.Transport, filters: JSONValue?,
        style: MCPToolFormat.ContentStyle
    ) throws -> [ToolSet.Entry] {
        var patterns: [LinearRegex] = []
        for filter in filters?.arrayValue ?? [] {
            guard let text = filter.stringValue else {
                throw OpenSearchError("ClassCastException", reason: "tool_filters holds a non-string", status: 500)
            }
            patterns.append(try LinearRegex(text))
        }
        let identity = MCPTool.identity(of: transport)
        var entries: [ToolSet.Entry] = []
        for tool in listed {
            let name = tool["name"]?.stringValue ?? tool["name"]?.gsonText ?? "null"
            let schema = try MCPToolFormat.inputSchema(tool["inputSchema"])
            let description = MCPToolFormat.description(of: tool, default: identity.description)
            let spec = ToolSpec(type: identity.type, name: name, description: description, attributes: ["input_schema": schema])
            let entry = ToolSet.Entry(
                spec: spec, tool: MCPTool(name: name, client: client, style: style), description: description, attributes: spec.attributes)
            if patterns.isEmpty { entries.append(entry); continue }
            for pattern in patterns where try pattern.wholeMatch(name) {
                entries.append(entry)
                break
            }
        }
        return entries
    }
}

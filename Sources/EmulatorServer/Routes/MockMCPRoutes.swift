import MLCommonsCore
import MockLLM

/// The emulator's MCP server (`/__emulator/mcp`), for MCP connectors without a network: Streamable HTTP at
/// `/__emulator/mcp` (JSON answers, or an event stream with `?response=sse`) and the legacy HTTP+SSE transport
/// at `/__emulator/mcp/sse`, whose `endpoint` event names `/__emulator/mcp/messages?session_id=…`.
enum MockMCPRoutes {
    static let base = "\(APIPath.controlPlane)/mcp"

    static func register(_ routes: inout RouteTable, _ emulator: Emulator) {
        let server = MockMCPServer()

        routes.add("POST", base, query: ["response"]) { request in
            let message = try mcpMessage(request)
            guard let answer = server.handle(message) else { return RESTResponse(status: 202, body: .empty) }
            guard request.query["response"] == "sse" else { return .json(answer) }
            let event = "event: message\ndata: \(answer.compactText)\n\n"
            return RESTResponse(body: .stream(contentType: "text/event-stream") { writer in try await writer.write(event) })
        }
        // A stateless server has no stream of its own to offer: GET gets the router's 405.

        routes.add("GET", "\(base)/sse") { _ in
            let (session, messages) = emulator.mcpSessions.open()
            return EventStreamResponse.response { writer in
                defer { emulator.mcpSessions.close(session) }
                try await writer.write("event: endpoint\ndata: \(base)/messages?session_id=\(session)\n\n")
                for await message in messages { try await writer.write("event: message\ndata: \(message)\n\n") }
            }
        }
        routes.add("POST", "\(base)/messages", query: ["session_id"]) { request in
            let session = request.query["session_id"] ?? ""
            guard emulator.mcpSessions.isOpen(session) else {
                throw OpenSearchError.statusException("Could not find session \(session)", status: 404)
            }
            if let answer = server.handle(try mcpMessage(request)) { emulator.mcpSessions.send(answer.compactText, to: session) }
            return RESTResponse(status: 202, body: .text("Accepted", contentType: "text/plain; charset=utf-8"))
        }
    }

    /// The JSON-RPC message of a request; an empty or unreadable body is refused as MCP servers refuse it.
    static func mcpMessage(_ request: RESTRequest) throws -> JSONValue {
        guard let message = try? request.jsonBody(), message.objectValue != nil else {
            throw OpenSearchError.illegalArgument("Parse error: the body is not a JSON-RPC message")
        }
        return message
    }
}

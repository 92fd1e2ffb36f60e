import Foundation
import MLCommonsCore
import WireFormats

/// An MCP client that speaks as ml-commons 3.3's (the Java SDK 0.12.1's) does: `initialize` with the Java client's
/// identity and its transport's protocol version, `notifications/initialized`, `tools/list` page by page,
/// `tools/call`; request ids `<8 hex digits>-<n>`; `ping` and `roots/list` from the server answered.
public actor MCPClient {
    private let connection: MCPConnection
    private let transport: any UpstreamTransport
    private let idPrefix: String
    private var nextID = 0
    private var sessionID: String?
    private var offersTools = false
    /// The legacy event stream: its reader, the message endpoint it named, and the requests awaiting answers on it.
    private var streamReader: Task<Void, Never>?
    private var messageEndpoint: String?
    private var endpointWaiters: [CheckedContinuation<String, any Error>] = []
    private var pending: [String: CheckedContinuation<JSONValue, any Error>] = [:]
    private var streamEnd: (any Error)?

    /// The Java SDK's initialization timeout.
    static let initializationTimeout: Duration = .seconds(20)
    /// Requests wait as long as `read_timeout` read as seconds: 30,000 by default, so in effect without limit.
    static let requestTimeoutMillis = Int(Int32.max)
    /// Bounds a hostile server cannot push the client past: pages of one listing, bytes of one answer.
    static let maximumListPages = 1000
    static let maximumTools = 10_000
    static let maximumMessageBytes = 32 << 20

    public init(connection: MCPConnection, transport: any UpstreamTransport) {
        self.connection = connection
        self.transport = transport
        idPrefix = String(UUID().uuidString.lowercased().prefix(8))
    }

    /// `initialize`, checked as the SDK checks it, then `notifications/initialized`.
    public func initialize() async throws {
        let version = connection.protocolVersions.last ?? ""
        let params: JSONValue = [
            "protocolVersion": .string(version), "capabilities": ["roots": ["listChanged": false]],
            "clientInfo": ["name": "Java SDK MCP Client", "version": "1.0.0"],
        ]
        let versions = connection.protocolVersions
        offersTools = try await withTimeout(Self.initializationTimeout) {
            let result = try await self.request("initialize", params: params)
            let answered = result["protocolVersion"]?.stringValue ?? "null"
            guard versions.contains(answered) else { throw MCPClientError("Unsupported protocol version from the server: \(answered)") }
            try await self.send(["jsonrpc": "2.0", "method": "notifications/initialized"], awaiting: nil)
            return (result["capabilities"]?["tools"] ?? .null) != .null
        }
    }

    /// Every tool the server lists, all pages, as the server wrote them.
    public func listTools() async throws -> [JSONValue] {
        try requireTools()
        var tools: [JSONValue] = []
        var cursor: String?
        var pages = 0
        repeat {
            pages += 1
            guard pages <= Self.maximumListPages else {
                throw MCPClientError("The MCP server's tool list goes on past \(Self.maximumListPages) pages")
            }
            let result = try await request("tools/list", params: cursor.map { ["cursor": .string($0)] } ?? [:])
            tools += result["tools"]?.arrayValue ?? []
            guard tools.count <= Self.maximumTools else {
                throw MCPClientError("The MCP server lists more than \(Self.maximumTools) tools")
            }
            cursor = result["nextCursor"]?.stringValue
        } while cursor != nil
        return tools
    }

    /// `tools/call`: the server's `CallToolResult`.
    public func callTool(name: String, arguments: JSONValue) async throws -> JSONValue {
        try requireTools()
        return try await request("tools/call", params: ["name": .string(name), "arguments": arguments])
    }

    /// `closeGracefully`: the event stream closed, or the streamable session deleted.
    public func close() async {
        streamReader?.cancel()
        streamReader = nil
        finishStream(MCPClientError("MCP client closed"))
        guard connection.transport == .streamableHTTP, let sessionID else { return }
        var headers = [("mcp-session-id", sessionID), ("MCP-Protocol-Version", connection.protocolVersions.last ?? "")]
        headers += connection.headers
        if let response = try? await transport.send(UpstreamRequest(
            method: "DELETE", url: connection.url, headers: headers.map { (name: $0.0, value: $0.1) }, body: [], isStreaming: false))
        {
            _ = try? await Self.text(of: response)
        }
    }

    private func requireTools() throws {
        guard offersTools else { throw MCPClientError("Server does not provide tools capability") }
    }

    /// One JSON-RPC request; its result, or the server's error as the failure.
    private func request(_ method: String, params: JSONValue) async throws -> JSONValue {
        let id = "\(idPrefix)-\(nextID)"
        nextID += 1
        let message: JSONValue = ["jsonrpc": "2.0", "method": .string(method), "id": .string(id), "params": params]
        let response = try await send(message, awaiting: id) ?? .null
        if let error = response["error"], error != .null {
            throw MCPClientError(error["message"]?.stringValue ?? error.compactText)
        }
        return response["result"] ?? .null
    }

    /// Sends a message over the connection's transport; with an id, waits for the response that carries it.
    private func send(_ message: JSONValue, awaiting id: String?) async throws -> JSONValue? {
        switch connection.transport {
        case .streamableHTTP: return try await exchange(message, awaiting: id)
        case .sse: return try await sendOnStream(message, awaiting: id)
        }
    }

    // MARK: Streamable HTTP

    private func exchange(_ message: JSONValue, awaiting id: String?) async throws -> JSONValue? {
        var headers = [
            ("Accept", "application/json, text/event-stream"), ("Content-Type", "application/json"), ("Cache-Control", "no-cache"),
            ("MCP-Protocol-Version", connection.protocolVersions.last ?? ""),
        ]
        if let sessionID { headers.append(("mcp-session-id", sessionID)) }
        let response = try await transport.send(UpstreamRequest(
            method: "POST", url: connection.url, headers: (headers + connection.headers.map { ($0.name, $0.value) }).map { (name: $0.0, value: $0.1) },
            body: Array(message.compactText.utf8), isStreaming: true, readTimeoutMillis: Self.requestTimeoutMillis))
        if sessionID == nil, let session = response.header("mcp-session-id") { sessionID = session }
        guard (200..<300).contains(response.status) else {
            let body = try await Self.text(of: response)
            switch response.status {
            case 404: throw MCPClientError("Server Not Found. Status code:404, response-event:\(body)")
            case 400: throw MCPClientError("Bad Request. Status code:400, response-event:\(body)")
            default: throw MCPClientError("Failed to send message: status code \(response.status), \(body)")
            }
        }
        guard let id else {
            for try await _ in response.body {}
            return nil
        }
        let contentType = response.header("content-type")?.lowercased() ?? ""
        if contentType.contains("text/event-stream") {
            var decoder = SSEDecoder()
            var type: String?
            var received = 0
            for try await chunk in response.body {
                received += chunk.count
                guard received <= Self.maximumMessageBytes else { throw Self.tooLong }
                for event in decoder.feed(chunk) {
                    // The SDK keeps an event's type for the next event and reads only `message` events.
                    if let named = event.event { type = named }
                    if type == "message", let answer = try await receive(event.data, awaiting: id) { return answer }
                }
            }
            throw MCPClientError("The MCP server ended its event stream without answering request \(id)")
        }
        guard contentType.contains("application/json") else { throw MCPClientError("Unknown media type returned: \(contentType)") }
        let text = try await Self.text(of: response)
        if let answer = try await receive(text, awaiting: id) { return answer }
        throw MCPClientError("The MCP server answered request \(id) with another message: \(text)")
    }

    /// A message from the server: the response to `id`, or a request of the server's (answered here).
    private func receive(_ text: String, awaiting id: String?) async throws -> JSONValue? {
        guard let message = try? JSONParser.parse(text) else { throw MCPClientError("Invalid JSON-RPC message: \(text)") }
        if let method = message["method"]?.stringValue, let requestID = message["id"], requestID != .null {
            try await answer(method, id: requestID)
            return nil
        }
        if let id, message["id"]?.stringValue == id { return message }
        return nil
    }

    /// `ping` and `roots/list` (the client declares roots); any other server request is an unknown method.
    private func answer(_ method: String, id: JSONValue) async throws {
        var response: JSONObject = ["jsonrpc": "2.0", "id": id]
        switch method {
        case "ping": response["result"] = [:]
        case "roots/list": response["result"] = ["roots": []]
        default: response["error"] = ["code": -32601, "message": .string("Method not found: \(method)")]
        }
        _ = try await send(.object(response), awaiting: nil)
    }

    // MARK: Legacy HTTP with SSE

    private func sendOnStream(_ message: JSONValue, awaiting id: String?) async throws -> JSONValue? {
        let endpoint = try await openStream()
        guard let id else {
            try await post(message, to: endpoint)
            return nil
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                if let streamEnd {
                    continuation.resume(throwing: streamEnd)
                    return
                }
                pending[id] = continuation
                Task { await self.postAwaiting(message, to: endpoint, id: id) }
            }
        } onCancel: {
            Task { await self.fail(id, CancellationError()) }
        }
    }

    private func postAwaiting(_ message: JSONValue, to endpoint: String, id: String) async {
        do {
            try await post(message, to: endpoint)
        } catch {
            fail(id, error)
        }
    }

    private func fail(_ id: String, _ error: any Error) {
        pending.removeValue(forKey: id)?.resume(throwing: error)
    }

    private func post(_ message: JSONValue, to endpoint: String) async throws {
        let headers = [("Content-Type", "application/json"), ("MCP-Protocol-Version", connection.protocolVersions.last ?? "")]
            + connection.headers.map { ($0.name, $0.value) }
        let response = try await transport.send(UpstreamRequest(
            method: "POST", url: endpoint, headers: headers.map { (name: $0.0, value: $0.1) }, body: Array(message.compactText.utf8),
            isStreaming: false))
        let body = try await Self.text(of: response)
        guard [200, 201, 202, 206].contains(response.status) else {
            throw MCPClientError("Sending message failed with a non-OK HTTP code: \(response.status) - \(body)")
        }
    }

    /// The message endpoint, once the event stream has named it (the stream opened on first use).
    private func openStream() async throws -> String {
        if let messageEndpoint { return messageEndpoint }
        if let streamEnd { throw streamEnd }
        if streamReader == nil {
            let headers = [
                ("Accept", "text/event-stream"), ("Cache-Control", "no-cache"), ("MCP-Protocol-Version", connection.protocolVersions.last ?? ""),
            ] + connection.headers.map { ($0.name, $0.value) }
            let response = try await transport.send(UpstreamRequest(
                method: "GET", url: connection.url, headers: headers.map { (name: $0.0, value: $0.1) }, body: [], isStreaming: true,
                readTimeoutMillis: Self.requestTimeoutMillis))
            guard response.status == 200 else {
                let body = try await Self.text(of: response)
                throw MCPClientError("Invalid SSE response. Status code: \(response.status) Line: \(body)")
            }
            streamReader = Task { await self.read(response.body) }
        }
        if let messageEndpoint { return messageEndpoint }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { endpointWaiters.append($0) }
        } onCancel: {
            // A run that stops waiting ends the stream: nothing else would resume the wait.
            Task { await self.finishStream(CancellationError()) }
        }
    }

    private func read(_ body: ByteChunks) async {
        var decoder = SSEDecoder()
        var type: String?
        var pendingBytes = 0
        do {
            for try await chunk in body {
                // What is not yet a whole event is held; a stream that never ends one is cut off.
                pendingBytes += chunk.count
                guard pendingBytes <= Self.maximumMessageBytes else { throw Self.tooLong }
                let events = decoder.feed(chunk)
                if !events.isEmpty { pendingBytes = 0 }
                for event in events {
                    if let named = event.event { type = named }
                    if type == "endpoint" {
                        let endpoint = MCPConnection.resolve(event.data, against: connection.baseURL)
                        messageEndpoint = endpoint
                        for waiter in endpointWaiters { waiter.resume(returning: endpoint) }
                        endpointWaiters = []
                    } else if type == "message", let message = try? JSONParser.parse(event.data) {
                        if let method = message["method"]?.stringValue, let id = message["id"], id != .null {
                            try? await answer(method, id: id)
                        } else if let id = message["id"]?.stringValue {
                            pending.removeValue(forKey: id)?.resume(returning: message)
                        }
                    }
                }
            }
            finishStream(MCPClientError("The MCP server closed its event stream"))
        } catch {
            finishStream(error)
        }
    }

    private func finishStream(_ error: any Error) {
        if streamEnd == nil { streamEnd = error }
        for waiter in endpointWaiters { waiter.resume(throwing: error) }
        endpointWaiters = []
        let waiting = pending
        pending = [:]
        for (_, continuation) in waiting { continuation.resume(throwing: error) }
    }

    // MARK: Helpers

    private static let tooLong = MCPClientError("An MCP message is longer than \(maximumMessageBytes >> 20) MB")

    private static func text(of response: UpstreamResponse) async throws -> String {
        var bytes: [UInt8] = []
        for try await chunk in response.body {
            bytes += chunk
            guard bytes.count <= maximumMessageBytes else { throw tooLong }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private func withTimeout<T: Sendable>(_ limit: Duration, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(for: limit)
                let timeout = MCPClientError("Client failed to initialize by explicit API call")
                // Waits on the event stream end with it, so the group can finish.
                await self.finishStream(timeout)
                throw timeout
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw CancellationError() }
            return first
        }
    }
}

/// A failure of the MCP exchange, with the message ml-commons' client reports.
public struct MCPClientError: Error, Sendable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

extension MCPClientError: OpenSearchErrorConvertible {
    /// The SDK's `McpError`, reported with its message.
    public var openSearchError: OpenSearchError { OpenSearchError("McpError", reason: message, status: 500) }
}

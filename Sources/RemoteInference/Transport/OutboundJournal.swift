import Foundation
import Logging
import MLCommonsCore
import Synchronization

/// The last upstream calls, newest last, so connector authors can see what their templates produced.
public final class OutboundJournal: Sendable {
    /// One recorded call.
    public struct Entry: Sendable {
        public var id: Int
        public var startedAt: InstantTime
        public var method: String
        public var url: String
        public var headers: [(name: String, value: String)]
        public var body: String
        public var streamed: Bool
        public var status: Int?
        public var error: String?
        public var durationMillis: Int?
        /// Milliseconds from the start to the first body bytes (time to first chunk for a stream).
        public var firstChunkMillis: Int?
        public var modelID: String?
    }

    private struct State {
        var entries: [Entry] = []
        var nextID = 1
    }

    private let capacity: Int
    private let state = Mutex(State())
    /// Where each finished call gets its `info` line (host and path, status, duration; never a credential).
    private let logger: Logger?

    public init(capacity: Int = 200, logger: Logger? = nil) {
        self.capacity = capacity
        self.logger = logger
    }

    /// Records a request with credentials redacted; returns its id for ``finish(_:status:error:)``.
    public func begin(_ request: UpstreamRequest, secrets: [String], modelID: String?) -> Int {
        let headers = request.headers.map { ($0.name, Self.redact($0.value, name: $0.name, secrets: secrets)) }
        let body = Self.redact(String(decoding: request.body, as: UTF8.self), name: "", secrets: secrets)
        return state.withLock { state in
            let id = state.nextID
            state.nextID += 1
            state.entries.append(Entry(
                id: id, startedAt: .now(), method: request.method, url: request.url, headers: headers, body: body,
                streamed: request.isStreaming, status: nil, error: nil, durationMillis: nil, firstChunkMillis: nil,
                modelID: modelID))
            if state.entries.count > capacity { state.entries.removeFirst(state.entries.count - capacity) }
            return id
        }
    }

    /// Notes when a recorded call's first body bytes arrived.
    public func firstChunk(_ id: Int) {
        let now = InstantTime.now()
        state.withLock { state in
            guard let index = state.entries.firstIndex(where: { $0.id == id }),
                state.entries[index].firstChunkMillis == nil
            else { return }
            state.entries[index].firstChunkMillis = Int(now.epochMillis - state.entries[index].startedAt.epochMillis)
        }
    }

    /// Completes a recorded call; the first completion counts.
    public func finish(_ id: Int, status: Int?, error: String?) {
        let now = InstantTime.now()
        let finished = state.withLock { state -> Entry? in
            guard let index = state.entries.firstIndex(where: { $0.id == id }),
                state.entries[index].durationMillis == nil
            else { return nil }
            state.entries[index].status = status
            state.entries[index].error = error
            state.entries[index].durationMillis = Int(now.epochMillis - state.entries[index].startedAt.epochMillis)
            return state.entries[index]
        }
        if let finished, let logger { Self.log(finished, to: logger) }
    }

    /// `upstream POST api.openai.com/v1/chat/completions status=200 duration_ms=12 streamed=true`: the URL
    /// without scheme, query or user info, which is where keys travel.
    private static func log(_ entry: Entry, to logger: Logger) {
        var metadata: Logger.Metadata = [
            "status": "\(entry.status.map(String.init) ?? "none")", "duration_ms": "\(entry.durationMillis ?? 0)",
            "streamed": "\(entry.streamed)",
        ]
        if let model = entry.modelID { metadata["model_id"] = "\(model)" }
        if let error = entry.error { metadata["error"] = "\(error)" }
        logger.info("upstream \(entry.method) \(hostAndPath(entry.url))", metadata: metadata)
    }

    static func hostAndPath(_ url: String) -> String {
        guard let components = URLComponents(string: url), let host = components.host else { return "(unparsable URL)" }
        let port = components.port.map { ":\($0)" } ?? ""
        return host + port + components.percentEncodedPath
    }

    public var entries: [Entry] { state.withLock { $0.entries } }

    public func clear() { state.withLock { $0.entries.removeAll() } }

    static let sensitiveHeaders: Set<String> = ["authorization", "x-api-key", "api-key", "x-amz-security-token", "proxy-authorization"]

    static func redact(_ value: String, name: String, secrets: [String]) -> String {
        if sensitiveHeaders.contains(name.lowercased()) {
            // Keep the scheme so "Bearer" vs "AWS4-HMAC-SHA256" stays visible.
            let scheme = value.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
            return value.contains(" ") ? "\(scheme) [REDACTED]" : "[REDACTED]"
        }
        var out = value
        for secret in Set(secrets) where secret.count >= 4 { out = out.replacingAll(secret, with: "[REDACTED]") }
        return out
    }
}

extension OutboundJournal.Entry {
    /// The entry as the control plane shows it.
    public var json: JSONValue {
        var object: JSONObject = [
            "id": .number(JSONNumber(id)), "started_at": .string(startedAt.iso8601), "method": .string(method),
            "url": .string(url),
            "headers": .object(JSONObject(headers.map { ($0.name, JSONValue.string($0.value)) })),
            "body": .string(body), "streamed": .bool(streamed),
        ]
        object["status"] = status.map { .number(JSONNumber($0)) } ?? .null
        object["error"] = error.map(JSONValue.string) ?? .null
        object["duration_ms"] = durationMillis.map { .number(JSONNumber($0)) } ?? .null
        object["first_chunk_ms"] = firstChunkMillis.map { .number(JSONNumber($0)) } ?? .null
        object["model_id"] = modelID.map(JSONValue.string) ?? .null
        return .object(object)
    }
}

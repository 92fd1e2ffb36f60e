import Foundation
import Synchronization

/// The open event streams of the legacy MCP transport, by session id: a posted message's answer goes out on its
/// session's stream.
final class MockMCPSessions: Sendable {
    private let streams = Mutex<[String: AsyncStream<String>.Continuation]>([:])

    /// A new session and the answers to send on its stream.
    func open() -> (id: String, messages: AsyncStream<String>) {
        let id = UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(1024))
        streams.withLock { $0[id] = continuation }
        return (id, stream)
    }

    func isOpen(_ id: String) -> Bool { streams.withLock { $0[id] != nil } }

    func send(_ message: String, to id: String) {
        _ = streams.withLock { $0[id] }?.yield(message)
    }

    func close(_ id: String) {
        streams.withLock { $0.removeValue(forKey: id) }?.finish()
    }
}

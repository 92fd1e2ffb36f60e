extension MockLLMResponse {
    /// The connection was dropped mid-answer, as the script's fault asked.
    public struct ConnectionDropped: Error {}

    /// Serves the body over a connection: each frame after its delay, then the ending. A dropped
    /// connection throws ``ConnectionDropped``; a hang is bounded because a server handler is not
    /// cancelled when its client leaves.
    public func serve(
        hangLimit: Duration = .seconds(600), write: (_ bytes: [UInt8]) async throws -> Void
    ) async throws {
        for frame in frames {
            if frame.delay > .zero { try await Task.sleep(for: frame.delay) }
            try await write(frame.bytes)
        }
        switch ending {
        case .complete: return
        case .dropConnection: throw ConnectionDropped()
        case .hang: try await Task.sleep(for: hangLimit)
        }
    }
}

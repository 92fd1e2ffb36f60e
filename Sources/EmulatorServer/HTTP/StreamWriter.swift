/// The producing end of a streamed response body. A write returns while little is waiting for the connection
/// (``StreamOutlet/bufferLimit``), so a slow client slows the producer (and through it the upstream read) down.
public struct StreamWriter: Sendable {
    /// The client's connection is gone; producers stop quietly on it.
    public struct ClientGone: Error, Sendable {}

    let outlet: StreamOutlet

    /// Hands `bytes` to the connection; throws ``ClientGone`` once the client has left.
    public func write(_ bytes: [UInt8]) async throws {
        guard !outlet.isClosed else { throw ClientGone() }
        await outlet.send(bytes)
        try Task.checkCancellation()
        // A send also returns when the body stopped taking chunks.
        if outlet.isClosed { throw ClientGone() }
    }

    public func write(_ text: String) async throws { try await write(Array(text.utf8)) }
}

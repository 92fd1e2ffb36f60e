/// The producing end of a streamed response body. A write returns at once while the connection is writable and
/// waits while it is not, so a slow client slows the producer (and through it the upstream read) down.
public struct StreamWriter: Sendable {
    /// The client's connection is gone; producers stop quietly on it.
    public struct ClientGone: Error, Sendable {}

    let sink: ResponseBodySink

    /// Hands `bytes` to the connection; throws ``ClientGone`` once the client has left.
    public func write(_ bytes: [UInt8]) async throws { try await sink.write(bytes) }

    public func write(_ text: String) async throws { try await write(Array(text.utf8)) }
}

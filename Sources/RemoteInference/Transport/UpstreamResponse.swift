/// A provider's answer: status and headers at once, the body as it arrives.
public struct UpstreamResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: ByteChunks

    public init(status: Int, headers: [(name: String, value: String)], body: ByteChunks) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}

/// Sends rendered requests to a model provider. The live implementation uses AsyncHTTPClient; the
/// in-process mock answers well-known provider hosts without a network.
public protocol UpstreamTransport: Sendable {
    func send(_ request: UpstreamRequest) async throws -> UpstreamResponse
}

import AsyncHTTPClient
import NIOCore
import NIOHTTP1

/// Real outbound HTTP through AsyncHTTPClient; the body streams as the provider writes it.
public struct HTTPUpstreamTransport: UpstreamTransport {
    private let client: HTTPClient

    public init(client: HTTPClient = .shared) { self.client = client }

    public func send(_ request: UpstreamRequest) async throws -> UpstreamResponse {
        var outbound = HTTPClientRequest(url: request.url)
        outbound.method = HTTPMethod(rawValue: request.method)
        for (name, value) in request.headers { outbound.headers.add(name: name, value: value) }
        if !request.body.isEmpty || request.method == "POST" || request.method == "PUT" {
            outbound.body = .bytes(ByteBuffer(bytes: request.body))
        }
        let response: HTTPClientResponse
        do {
            // This bounds the wait for the response head; body idleness is watched by the reader.
            response = try await client.execute(
                outbound, timeout: .milliseconds(Int64(request.connectTimeoutMillis + request.readTimeoutMillis)))
        } catch {
            throw InferenceError(message: "Error communicating with remote model: \(Self.describe(error))", status: 500)
        }
        return UpstreamResponse(
            status: Int(response.status.code),
            headers: response.headers.map { ($0.name, $0.value) },
            body: ByteChunks(buffers: response.body))
    }

    static func describe(_ error: any Error) -> String {
        if let clientError = error as? HTTPClientError { return String(describing: clientError) }
        return String(describing: error)
    }
}

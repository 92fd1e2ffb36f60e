import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import NIOPosix
#if canImport(Glibc)
import Glibc
#endif

/// Real outbound HTTP through AsyncHTTPClient; the body streams as the provider writes it.
public struct HTTPUpstreamTransport: UpstreamTransport {
    private let client: HTTPClient

    /// A client that reports a refused or failed connection at once, as ml-commons' Netty client does,
    /// instead of retrying it until the request's deadline.
    public static let failFast: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.retryConnectionEstablishment = false
        // AsyncHTTPClient's default of 8 connections a host would queue the ninth concurrent stream behind the
        // others; ml-commons' clients open up to each connector's `max_connection` (30 by default) and beyond.
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 1024
        configuration.timeout.connect = .seconds(30)
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }()

    public init(client: HTTPClient = HTTPUpstreamTransport.failFast) { self.client = client }

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
        } catch let error as CancellationError {
            throw error
        } catch {
            throw Self.transportError(error, request)
        }
        return UpstreamResponse(
            status: Int(response.status.code),
            headers: response.headers.map { ($0.name, $0.value) },
            body: ByteChunks(buffers: response.body) { Self.transportError($0, request) }
                .failingAfterSilence(of: .milliseconds(request.readTimeoutMillis)))
    }

    /// The client's failure as a transport error: a refused connection, a connection closed under a body,
    /// a read that timed out, or another failure by its description.
    static func transportError(_ error: any Error, _ request: UpstreamRequest) -> UpstreamTransportError {
        if let clientError = error as? HTTPClientError {
            if clientError == .remoteConnectionClosed { return .connectionClosed }
            if clientError == .readTimeout || clientError == .deadlineExceeded { return .readTimedOut }
        }
        if let detail = refusal(error, request) { return .connectionRefused(detail) }
        // The body ended before its declared length or last chunk: the peer closed the connection.
        if let parser = error as? HTTPParserError, parser == .invalidEOFState { return .connectionClosed }
        if let io = error as? IOError, io.errnoCode == ECONNRESET || io.errnoCode == EPIPE { return .connectionClosed }
        return .failed(String(describing: error))
    }

    /// A refused connection as Netty words it in ml-commons' message, `Connection refused: localhost/127.0.0.1:9999`
    /// (the host is left out when the URL names an address); nil for any other failure.
    static func refusal(_ error: any Error, _ request: UpstreamRequest) -> String? {
        let refusedAddress: String?
        if let connection = error as? NIOConnectionError {
            refusedAddress = connection.connectionErrors
                .first { ($0.error as? IOError)?.errnoCode == ECONNREFUSED }.map { $0.target.ipAddress ?? "" }
        } else if let io = error as? IOError, io.errnoCode == ECONNREFUSED {
            refusedAddress = request.host
        } else {
            refusedAddress = nil
        }
        guard let refusedAddress else { return nil }
        let host = request.host
        let name = host == refusedAddress || host.contains(":") ? "" : host
        return "Connection refused: \(name)/\(refusedAddress):\(request.port)"
    }
}

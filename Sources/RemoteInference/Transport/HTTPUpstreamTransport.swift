import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Real outbound HTTP through AsyncHTTPClient; the body streams as the provider writes it.
public struct HTTPUpstreamTransport: UpstreamTransport {
    /// The client given at creation; nil picks the shared client for each request's read timeout.
    private let client: HTTPClient?

    /// A client that reports a refused or failed connection at once, as ml-commons' Netty client does,
    /// instead of retrying it until the request's deadline.
    public static let failFast = HTTPClient(eventLoopGroupProvider: .singleton, configuration: failFastConfiguration)

    private static var failFastConfiguration: HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.retryConnectionEstablishment = false
        // AsyncHTTPClient's default of 8 connections a host would queue the ninth concurrent stream behind the
        // others; ml-commons' clients open up to each connector's `max_connection` (30 by default) and beyond.
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 1024
        configuration.timeout.connect = .seconds(30)
        return configuration
    }

    /// Fail-fast clients by read timeout (milliseconds). AsyncHTTPClient watches a connection's silence on its
    /// event loop, but only for a timeout set client-wide; a body watched from the reading task instead paid for
    /// two tasks and a timer per chunk (about a millisecond of a relayed 50-token stream).
    private static let clientsByReadTimeout = Mutex<[Int: HTTPClient]>([:])
    /// Bounds the clients kept; requests with further timeouts are watched from the reading task.
    static let maximumReadTimeoutClients = 32

    /// The shared client whose idle read timeout is `milliseconds`, or nil past ``maximumReadTimeoutClients``.
    static func client(readTimeoutMillis milliseconds: Int) -> HTTPClient? {
        guard milliseconds > 0 else { return nil }
        return clientsByReadTimeout.withLock { clients in
            if let client = clients[milliseconds] { return client }
            guard clients.count < maximumReadTimeoutClients else { return nil }
            var configuration = failFastConfiguration
            configuration.timeout.read = .milliseconds(Int64(milliseconds))
            let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
            clients[milliseconds] = client
            return client
        }
    }

    public init(client: HTTPClient? = nil) { self.client = client }

    public func send(_ request: UpstreamRequest) async throws -> UpstreamResponse {
        var outbound = HTTPClientRequest(url: request.url)
        outbound.method = HTTPMethod(rawValue: request.method)
        for (name, value) in request.headers { outbound.headers.add(name: name, value: value) }
        if !request.body.isEmpty || request.method == "POST" || request.method == "PUT" {
            outbound.body = .bytes(ByteBuffer(bytes: request.body))
        }
        let watched = client == nil ? Self.client(readTimeoutMillis: request.readTimeoutMillis) : nil
        let response: HTTPClientResponse
        do {
            // This bounds the wait for the response head; body idleness is watched by the client's event loop
            // when it has the request's read timeout, and by the reader otherwise.
            response = try await (watched ?? client ?? Self.failFast).execute(
                outbound, timeout: .milliseconds(Int64(request.connectTimeoutMillis + request.readTimeoutMillis)))
        } catch let error as CancellationError {
            throw error
        } catch {
            throw Self.transportError(error, request)
        }
        let body = ByteChunks(buffers: response.body) { Self.transportError($0, request) }
        return UpstreamResponse(
            status: Int(response.status.code),
            headers: response.headers.map { ($0.name, $0.value) },
            body: watched != nil ? body : body.failingAfterSilence(of: .milliseconds(request.readTimeoutMillis)))
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

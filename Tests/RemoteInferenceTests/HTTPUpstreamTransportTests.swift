import Foundation
#if canImport(Glibc)
import Glibc
#endif
@testable import RemoteInference
import Testing

@Suite("HTTP upstream transport")
struct HTTPUpstreamTransportTests {
    @Test func requestsWithTheSameReadTimeoutShareAClient() throws {
        let first = try #require(HTTPUpstreamTransport.client(readTimeoutMillis: 4_321))
        #expect(HTTPUpstreamTransport.client(readTimeoutMillis: 4_321) === first)
        #expect(HTTPUpstreamTransport.client(readTimeoutMillis: 0) == nil)
    }

    /// A body that stops after its first chunk fails with the read timeout, on the client's own watch and on the
    /// reader's (taken when a client is given).
    @Test(arguments: [false, true])
    func aBodyThatFallsSilentFailsWithTheReadTimeout(givenClient: Bool) async throws {
        let server = try SilentAfterFirstChunkServer()
        let transport = givenClient ? HTTPUpstreamTransport(client: HTTPUpstreamTransport.failFast) : HTTPUpstreamTransport()
        let response = try await transport.send(UpstreamRequest(
            method: "POST", url: "http://127.0.0.1:\(server.port)/stream", headers: [], body: Array("{}".utf8),
            isStreaming: true, readTimeoutMillis: 300))
        var iterator = response.body.makeAsyncIterator()
        #expect(try await iterator.next() == Array("data: first\n\n".utf8))
        await #expect(throws: UpstreamTransportError.readTimedOut) { _ = try await iterator.next() }
        server.stop()
    }
}

/// A loopback HTTP server that answers one request with a chunked head and one chunk, then stays silent.
private final class SilentAfterFirstChunkServer: @unchecked Sendable {
    let port: Int
    private let listener: Int32
    private let done = DispatchSemaphore(value: 0)

    init() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.listener = listener
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(listener, socketAddress, length) == 0 && listen(listener, 4) == 0
                    && getsockname(listener, socketAddress, &length) == 0
            }
        }
        guard bound else { throw POSIXError(.EADDRNOTAVAIL) }
        port = Int(UInt16(bigEndian: address.sin_port))
        let done = done
        Thread.detachNewThread {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { return }
            var buffer = [UInt8](repeating: 0, count: 4096)
            _ = read(connection, &buffer, buffer.count)
            let answer = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "d\r\ndata: first\n\n\r\n"
            _ = answer.withCString { write(connection, $0, strlen($0)) }
            done.wait()
            close(connection)
        }
    }

    func stop() {
        done.signal()
        close(listener)
    }
}

#if canImport(Glibc)
import Glibc
#endif
import AsyncHTTPClient
import EmulatorServer
import Foundation
import Testing

@Suite("Connection limits")
struct ConnectionLimitsTests {
    /// A client that opens a connection and never finishes its headers is disconnected after the idle
    /// timeout, and the server keeps serving others.
    @Test func unfinishedHeadersAreClosedAfterTheIdleTimeout() async throws {
        try await EmulatorHarness.withServer(configure: { $0.idleTimeout = .milliseconds(500) }) { client in
            let port = try #require(client.client.port)
            let outcome = await Task.detached { Self.sendPartialHeadersAndWaitForClose(port: port) }.value
            #expect(outcome == "closed")
            // The test client's own idle connection was closed too, so a new one asks.
            let health = try await HTTPClient.shared.execute(
                HTTPClientRequest(url: "http://127.0.0.1:\(port)/__emulator/health"), timeout: .seconds(10))
            #expect(health.status == .ok)
        }
    }

    /// Sends half a request head, then blocks reading until the server closes (or 10 s pass).
    static func sendPartialHeadersAndWaitForClose(port: Int) -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return "no socket" }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return "no connection" }
        var limit = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        let partial = Array("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n".utf8)
        _ = partial.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
        var buffer = [UInt8](repeating: 0, count: 512)
        let read = recv(fd, &buffer, buffer.count, 0)
        return read == 0 ? "closed" : read < 0 ? "timed out waiting" : "answered"
    }
}

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
        guard let socket = try? LoopbackSocket(port: port) else { return "no connection" }
        socket.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        return socket.awaitAnswerOrClose()
    }
}

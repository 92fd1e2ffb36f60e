import AsyncHTTPClient
import Hummingbird
import Logging
import NIOCore

/// The emulator's stack with nothing in between: a Hummingbird route that sends the request's body upstream with
/// AsyncHTTPClient and writes each buffer of the answer's body as it arrives.
struct HummingbirdRelay {
    let upstream: UpstreamEndpoint

    func run(port: Int, onListening: @escaping @Sendable (Int) -> Void) async throws {
        let upstream = upstream
        let router = Router()
        router.post("/**") { request, _ -> Response in
            var outbound = HTTPClientRequest(url: upstream.url)
            outbound.method = .POST
            outbound.headers.add(name: "Content-Type", value: request.headers[.contentType] ?? "application/json")
            outbound.body = .bytes(try await request.body.collect(upTo: 1 << 20))
            let answer = try await HTTPClient.shared.execute(outbound, timeout: .seconds(30))
            var headers = HTTPFields()
            headers[.contentType] = answer.headers.first(name: "Content-Type") ?? "application/octet-stream"
            return Response(status: .init(code: Int(answer.status.code)), headers: headers, body: ResponseBody { writer in
                for try await buffer in answer.body { try await writer.write(buffer) }
                try await writer.finish(nil)
            })
        }
        var logger = Logger(label: "relay-floor")
        logger.logLevel = .warning
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)),
            onServerRunning: { onListening($0.localAddress?.port ?? port) }, logger: logger)
        try await app.runService()
    }
}

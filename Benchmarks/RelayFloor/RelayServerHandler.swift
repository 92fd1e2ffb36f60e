import NIOCore
import NIOHTTP1

/// Collects a request's body, then sends it upstream on a connection of the same event loop; the upstream's
/// handler writes the answer back to this channel.
final class RelayServerHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let pool: UpstreamConnectionPool
    private let target: String
    private var contentType = "application/json"
    private var body = ByteBuffer()

    init(pool: UpstreamConnectionPool, target: String) {
        self.pool = pool
        self.target = target
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            contentType = head.headers.first(name: "Content-Type") ?? "application/json"
            body.clear()
        case .body(var part):
            body.writeBuffer(&part)
        case .end:
            relay(downstream: context.channel)
        }
    }

    private func relay(downstream: any Channel) {
        var headers = HTTPHeaders()
        headers.add(name: "Host", value: "\(pool.upstream.host):\(pool.upstream.port)")
        headers.add(name: "Content-Type", value: contentType)
        headers.add(name: "Content-Length", value: String(body.readableBytes))
        let head = HTTPRequestHead(version: .http1_1, method: .POST, uri: target, headers: headers)
        let body = body
        pool.lease(on: downstream.eventLoop).whenComplete { leased in
            guard case .success(let upstream) = leased else {
                downstream.close(promise: nil)
                return
            }
            do {
                try upstream.pipeline.syncOperations.handler(type: RelayUpstreamHandler.self).downstream = downstream
            } catch {
                upstream.close(promise: nil)
                downstream.close(promise: nil)
                return
            }
            upstream.write(HTTPClientRequestPart.head(head), promise: nil)
            upstream.write(HTTPClientRequestPart.body(.byteBuffer(body)), promise: nil)
            upstream.writeAndFlush(HTTPClientRequestPart.end(nil), promise: nil)
        }
    }
}

import NIOCore
import NIOHTTP1

/// Writes each part of the upstream's answer to the client's channel (on the same event loop) as it arrives,
/// then gives the connection back to its pool.
final class RelayUpstreamHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPClientResponsePart

    private let pool: UpstreamConnectionPool
    /// The client's channel while an answer is being relayed.
    var downstream: (any Channel)?
    /// Whether the upstream keeps the connection open after this answer.
    private var keepsAlive = true

    init(pool: UpstreamConnectionPool) { self.pool = pool }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard let downstream else { return }
        switch unwrapInboundIn(data) {
        case .head(let head):
            keepsAlive = head.isKeepAlive
            var headers = HTTPHeaders()
            headers.add(name: "Content-Type", value: head.headers.first(name: "Content-Type") ?? "application/octet-stream")
            headers.add(name: "Transfer-Encoding", value: "chunked")
            downstream.writeAndFlush(HTTPServerResponsePart.head(.init(version: .http1_1, status: head.status, headers: headers)), promise: nil)
        case .body(let buffer):
            downstream.writeAndFlush(HTTPServerResponsePart.body(.byteBuffer(buffer)), promise: nil)
        case .end:
            downstream.writeAndFlush(HTTPServerResponsePart.end(nil), promise: nil)
            self.downstream = nil
            if keepsAlive { pool.release(context.channel) } else { context.close(promise: nil) }
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        downstream?.close(promise: nil)
        downstream = nil
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        downstream?.close(promise: nil)
        downstream = nil
        context.close(promise: nil)
    }
}

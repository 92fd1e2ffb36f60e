import NIOCore
import NIOPosix

/// The same relay on SwiftNIO alone: the client's connection and its upstream connection share one event loop,
/// and each part of the answer is written from the upstream's channel handler, with no task in between.
struct NIORelay {
    let upstream: UpstreamEndpoint

    func run(port: Int, onListening: @escaping @Sendable (Int) -> Void) async throws {
        let pool = UpstreamConnectionPool(upstream: upstream)
        let target = upstream.target
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.tcpOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(RelayServerHandler(pool: pool, target: target))
                }
            }
            .bind(host: "127.0.0.1", port: port).get()
        onListening(server.localAddress?.port ?? port)
        try await server.closeFuture.get()
    }
}

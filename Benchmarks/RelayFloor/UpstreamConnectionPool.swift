import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix

/// Idle keep-alive connections to the upstream, kept per event loop so a relayed request never leaves its loop.
final class UpstreamConnectionPool: Sendable {
    let upstream: UpstreamEndpoint
    private let idle = NIOLockedValueBox<[ObjectIdentifier: [any Channel]]>([:])

    init(upstream: UpstreamEndpoint) { self.upstream = upstream }

    /// An open connection on `loop`: an idle one, or a new one.
    func lease(on loop: any EventLoop) -> EventLoopFuture<any Channel> {
        let key = ObjectIdentifier(loop)
        let reused = idle.withLockedValue { idle -> (any Channel)? in
            while let channel = idle[key]?.popLast() {
                if channel.isActive { return channel }
            }
            return nil
        }
        if let reused { return loop.makeSucceededFuture(reused) }
        return ClientBootstrap(group: loop)
            .channelOption(.tcpOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    try channel.pipeline.syncOperations.addHandler(RelayUpstreamHandler(pool: self))
                }
            }
            .connect(host: upstream.host, port: upstream.port)
    }

    /// Takes back a connection whose answer has ended.
    func release(_ channel: any Channel) {
        guard channel.isActive else { return }
        idle.withLockedValue { $0[ObjectIdentifier(channel.eventLoop), default: []].append(channel) }
    }
}

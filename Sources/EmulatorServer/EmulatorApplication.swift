import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import NIOCore
import ServiceLifecycle
import Logging

/// Builds the HTTP application for an emulator.
public enum EmulatorApplication {
    /// Every OpenSearch and control-plane route of the emulator.
    public static func routes(_ emulator: Emulator) -> RouteTable {
        var routes = RouteTable()
        InfoRoutes.register(&routes, emulator)
        ClusterSettingsRoutes.register(&routes, emulator)
        ConnectorRoutes.register(&routes, emulator)
        ModelGroupRoutes.register(&routes, emulator)
        ModelRoutes.register(&routes, emulator)
        TaskRoutes.register(&routes, emulator)
        ProfileRoutes.register(&routes, emulator)
        BulkRoutes.register(&routes, emulator)
        AlgorithmRoutes.register(&routes, emulator)
        StatsRoutes.register(&routes, emulator)
        ControllerRoutes.register(&routes, emulator)
        AgentRoutes.register(&routes, emulator)
        AgentExecuteRoutes.register(&routes, emulator)
        MemoryRoutes.register(&routes, emulator)
        MemoryContainerRoutes.register(&routes, emulator)
        AgenticMemoryRoutes.register(&routes, emulator)
        PredictRoutes.register(&routes, emulator)
        PredictStreamRoutes.register(&routes, emulator)
        IndexRoutes.register(&routes, emulator)
        DocumentRoutes.register(&routes, emulator)
        CatIndicesRoutes.register(&routes, emulator)
        ToolRoutes.register(&routes, emulator)
        ControlPlaneRoutes.register(&routes, emulator)
        MockLLMRoutes.register(&routes, emulator)
        MockMCPRoutes.register(&routes, emulator)
        MockSearchEngineRoutes.register(&routes, emulator)
        if emulator.securityGate != nil { SecurityRoutes.register(&routes) }
        ControlPlaneRoutes.registerIndex(&routes, playground: PlaygroundAssets())
        NotEmulatedRoutes.register(&routes, emulator.profile)
        return routes
    }

    /// The Hummingbird application serving `emulator`; `onServerRunning` receives the bound port.
    public static func make(
        _ emulator: Emulator, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws -> some ApplicationProtocol {
        let configuration = emulator.configuration
        let crossSiteGuard = CrossSiteGuard(
            cors: configuration.cors, boundHost: configuration.host,
            controlToken: configuration.controlToken)
        let responder = OpenSearchResponder(
            routes: routes(emulator), maxContentLength: configuration.maxContentLength, crossSiteGuard: crossSiteGuard,
            securityGate: emulator.securityGate, logger: emulator.logger)
        // The server's own notices ("Server started…") stay out of the one startup line unless debugging.
        var serverLogger = emulator.logger
        if serverLogger.logLevel > .debug { serverLogger.logLevel = max(serverLogger.logLevel, .notice) }
        // The idle timeout also bounds a client that opens a connection and never finishes its headers.
        return Application(
            responder: responder,
            server: try server(configuration, tls: emulator.tlsIdentity),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
            logger: serverLogger)
    }

    /// HTTP/1.1, behind TLS in the security mode.
    private static func server(_ configuration: EmulatorConfiguration, tls: TLSIdentity?) throws -> HTTPServerBuilder {
        let http = HTTPServerBuilder.http1(configuration: .init(
            additionalChannelHandlers: [ClientDepartureHandler()], idleTimeout: TimeAmount(configuration.idleTimeout)))
        guard let tls else { return http }
        return try .tls(http, tlsConfiguration: try tls.serverConfiguration())
    }

    /// Runs `app` until SIGTERM or SIGINT; in-flight requests get `gracePeriod` to finish, then they are
    /// cancelled (and with them any upstream call they wait on), so shutdown is bounded.
    public static func run(_ app: some ApplicationProtocol, gracePeriod: Duration, logger: Logger) async throws {
        var configuration = ServiceGroupConfiguration(
            services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        configuration.maximumGracefulShutdownDuration = gracePeriod
        configuration.maximumCancellationDuration = .seconds(2)
        try await ServiceGroup(configuration: configuration).run()
    }

    /// Whether `host` is a loopback address or name.
    public static func isLoopback(_ host: String) -> Bool {
        CrossSiteGuard(cors: CORSSettings(), boundHost: host, controlToken: nil).listensOnLoopbackOnly
    }
}

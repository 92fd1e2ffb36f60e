import Hummingbird
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
        AgentRoutes.register(&routes, emulator)
        AgentExecuteRoutes.register(&routes, emulator)
        MemoryRoutes.register(&routes, emulator)
        PredictRoutes.register(&routes, emulator)
        PredictStreamRoutes.register(&routes, emulator)
        IndexRoutes.register(&routes, emulator)
        ToolRoutes.register(&routes, emulator)
        ControlPlaneRoutes.register(&routes, emulator)
        MockLLMRoutes.register(&routes, emulator)
        return routes
    }

    /// The Hummingbird application serving `emulator`; `onServerRunning` receives the bound port.
    public static func make(
        _ emulator: Emulator, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let configuration = emulator.configuration
        let responder = OpenSearchResponder(
            routes: routes(emulator), maxContentLength: configuration.maxContentLength, logger: emulator.logger)
        return Application(
            responder: responder,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
            logger: emulator.logger)
    }
}

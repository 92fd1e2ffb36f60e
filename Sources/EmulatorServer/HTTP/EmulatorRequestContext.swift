import Hummingbird
import NIOCore

/// Hummingbird's basic context plus the connection, so a streamed answer can notice its client leaving.
struct EmulatorRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The connection the request arrived on; `nil` when a test drives the router without one.
    let channel: (any Channel)?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }

    /// The connection's departure signal, from the handler every connection carries.
    func clientDeparture() async -> ClientDeparture? {
        try? await channel?.pipeline.handler(type: ClientDepartureHandler.self).get().departure
    }
}

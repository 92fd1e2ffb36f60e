import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A relay that does no work of its own, for the benchmark's floor of the stack: each POST's body goes to the
/// upstream URL as it is, and each buffer of the answer's body comes back as it arrives. Its time to first token
/// beside the emulator's shows how much of the emulator's share is its own work and how much the stack's.
@main
struct RelayFloorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relay-floor",
        abstract: "A relay that does no work, built on the emulator's stack or on SwiftNIO alone.")

    /// What the relay is built on.
    enum Stack: String, ExpressibleByArgument, CaseIterable {
        /// Hummingbird's server and AsyncHTTPClient, as the emulator relays a stream.
        case hummingbird
        /// SwiftNIO's HTTP codecs alone: both connections on one event loop, no tasks.
        case nio
    }

    @Option(help: "The upstream endpoint every request is relayed to (http://host:port/path).")
    var upstream: String

    @Option(help: "The loopback port to listen on (0 picks a free one).")
    var port = 0

    @Option(help: "What the relay is built on: \(Stack.allCases.map(\.rawValue).joined(separator: ", ")).")
    var stack = Stack.hummingbird

    func run() async throws {
        guard let endpoint = UpstreamEndpoint(upstream) else {
            throw ValidationError("--upstream must be an http:// URL with a host, like http://127.0.0.1:9200/path")
        }
        // Flushed at once: the benchmark waits for this line on a pipe.
        let announce: @Sendable (Int) -> Void = { port in
            print("listening on http://127.0.0.1:\(port)")
            fflush(nil)
        }
        switch stack {
        case .hummingbird: try await HummingbirdRelay(upstream: endpoint).run(port: port, onListening: announce)
        case .nio: try await NIORelay(upstream: endpoint).run(port: port, onListening: announce)
        }
    }
}

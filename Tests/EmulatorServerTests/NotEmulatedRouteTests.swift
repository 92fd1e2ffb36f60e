import MLCommonsCore
@testable import EmulatorServer
import Testing

/// ml-commons routes without a handler yet answer 501 naming themselves, per impersonated release.
@Suite("Routes not emulated yet")
struct NotEmulatedRouteTests {
    @Test func anUnbuiltAPIAnswers501NamingItself() async throws {
        try await EmulatorHarness.withServer { client in
            let reply = try await client.call(.post, "/_plugins/_ml/models/abc/_batch_predict", "{}")
            #expect(reply.status == 501)
            #expect(reply.body == envelope(
                "emulator_not_implemented_exception",
                "[POST /_plugins/_ml/models/abc/_batch_predict] is an ml-commons 3.3.0 API that the emulator does not implement yet; DIFFERENCES.md lists what is missing",
                status: 501))
        }
    }

    @Test func aRouteOfALaterReleaseIsNoRouteBeforeIt() async throws {
        try await EmulatorHarness.withServer { client in
            let reply = try await client.call(.get, "/_plugins/_ml/context_management")
            #expect(reply.body == #"{"error":"no handler found for uri [/_plugins/_ml/context_management] and method [GET]"}"#)
        }
        try await EmulatorHarness.withServer(configure: { $0.opensearchVersion = .v3_5_0 }) { client in
            let reply = try await client.call(.get, "/_plugins/_ml/context_management")
            #expect(reply.status == 501)
        }
    }

    /// No route of any release looks like a typo or a wrong method, and served routes keep their handlers.
    @Test(arguments: OpenSearchVersion.allCases)
    func everyRouteOfTheReleaseReachesAHandler(version: OpenSearchVersion) async throws {
        let emulator = try await EmulatorHarness.makeEmulator(configure: { $0.opensearchVersion = version })
        let routes = EmulatorApplication.routes(emulator)
        for route in VersionProfile(version).restRoutes {
            let path = route.path.split(separator: "/", omittingEmptySubsequences: false)
                .map { $0.hasPrefix("{") ? "some-id" : String($0) }.joined(separator: "/")
            guard case .success = routes.resolve(method: route.method, path: path, rawURI: path) else {
                Issue.record("\(route.method) \(route.path) reaches no handler on \(version.rawValue)")
                continue
            }
        }
        try await EmulatorHarness.withServer(emulator) { client in
            let reply = try await client.call(.get, "/_plugins/_ml/connectors/nope")
            #expect(reply.status == 404)
        }
    }
}

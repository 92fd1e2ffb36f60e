import AsyncHTTPClient
import EmulatorServer
import MLCommonsCore
import Testing

@Suite("Cross-site requests, Host names and the control-plane token")
struct CrossSiteTests {
    static let foreignOrigin = ["Origin": "http://evil.example"]

    @Test func aForeignOriginCannotResetOrCreate() async throws {
        try await EmulatorHarness.withServer { client in
            let connector = try await client.id(.post, "/_plugins/_ml/connectors/_create", Fixture.openAIConnector, field: "connector_id")
            let reset = try await client.call(.post, "/__emulator/reset", headers: Self.foreignOrigin)
            #expect(reset.status == 403)
            #expect(reset.body == envelope(
                "security_exception",
                "Cross-site request from origin [http://evil.example] refused; start the emulator with --cors-allow-origin to allow a web application to call it",
                status: 403))
            // A text/plain form post is what a page can send without a preflight.
            let created = try await client.call(.post, "/_plugins/_ml/memory", "", contentType: "text/plain", headers: Self.foreignOrigin)
            #expect(created.status == 403)
            #expect(try await client.call(.get, "/_plugins/_ml/connectors/\(connector)").status == 200)
            #expect(try await client.call(.post, "/_plugins/_ml/memory/_search", "{}").json["hits"]?["total"]?["value"] == 0)
            // Reading is not a cross-site write, and the same origin may write.
            #expect(try await client.call(.get, "/", headers: Self.foreignOrigin).status == 200)
            // The test client names the server `localhost`, so that is its own origin.
            let sameOrigin = try await client.call(.post, "/_plugins/_ml/memory", "{}", headers: ["Origin": "http://localhost"])
            #expect(sameOrigin.status == 200)
        }
    }

    @Test func corsAllowsTheConfiguredOrigin() async throws {
        try await EmulatorHarness.withServer(configure: { $0.cors = CORSSettings(allowOrigin: "/https?://localhost(:[0-9]+)?/") }) { client in
            let allowed = try await client.call(.post, "/_plugins/_ml/memory", "{}", headers: ["Origin": "http://localhost:3000"])
            #expect(allowed.status == 200)
            #expect(allowed.headers[.init("Access-Control-Allow-Origin")!] == "http://localhost:3000")
            // With CORS on, an origin it does not allow gets CorsHandler's empty 403, reading included.
            let refused = try await client.call(.post, "/_plugins/_ml/memory", "{}", headers: Self.foreignOrigin)
            #expect(refused.status == 403)
            #expect(refused.body.isEmpty)
            #expect(try await client.call(.get, "/", headers: Self.foreignOrigin).status == 403)
            let preflight = try await client.call(
                .options, "/_plugins/_ml/memory",
                headers: ["Origin": "http://localhost:3000", "Access-Control-Request-Method": "POST"])
            #expect(preflight.status == 200)
            #expect(preflight.headers[.init("Access-Control-Allow-Origin")!] == "http://localhost:3000")
            #expect(preflight.headers[.init("Access-Control-Allow-Methods")!] == "HEAD,DELETE,POST,GET,OPTIONS,PUT")
            #expect(preflight.headers[.init("Access-Control-Allow-Headers")!] == "X-Requested-With,Content-Type,Content-Length")
            #expect(preflight.headers[.init("Access-Control-Max-Age")!] == "1728000")
            let foreignPreflight = try await client.call(
                .options, "/_plugins/_ml/memory", headers: ["Origin": "http://evil.example", "Access-Control-Request-Method": "POST"])
            #expect(foreignPreflight.status == 403)
        }
    }

    @Test func corsSettingsShapeThePreflight() async throws {
        var cors = CORSSettings(allowOrigin: "*")
        cors.allowMethods = ["GET", "POST"]
        cors.allowHeaders = ["Content-Type", "X-Custom"]
        cors.allowCredentials = true
        cors.maxAge = 60
        try await EmulatorHarness.withServer(configure: { $0.cors = cors }) { client in
            let preflight = try await client.call(
                .options, "/_plugins/_ml/agents/a/_execute/stream",
                headers: ["Origin": "http://app.example", "Access-Control-Request-Method": "POST"])
            #expect(preflight.status == 200)
            // With credentials, the origin is echoed rather than `*`.
            #expect(preflight.headers[.init("Access-Control-Allow-Origin")!] == "http://app.example")
            #expect(preflight.headers[.init("Access-Control-Allow-Credentials")!] == "true")
            #expect(preflight.headers[.init("Access-Control-Allow-Methods")!] == "POST,GET")
            #expect(preflight.headers[.init("Access-Control-Allow-Headers")!] == "Content-Type,X-Custom")
            #expect(preflight.headers[.init("Access-Control-Max-Age")!] == "60")
        }
    }

    /// Without CORS, OPTIONS is an ordinary request: a known path answers its methods, as OpenSearch's
    /// `RestController` does, and a browser then refuses to read across origins (no CORS headers).
    @Test func optionsListsThePathsMethods() async throws {
        try await EmulatorHarness.withServer { client in
            let options = try await client.call(
                .options, "/_plugins/_ml/connectors/abc",
                headers: ["Origin": "http://app.example", "Access-Control-Request-Method": "PUT"])
            #expect(options.status == 200)
            #expect(options.headers[.init("Allow")!] == "GET,PUT,DELETE")
            #expect(options.headers[.init("Access-Control-Allow-Origin")!] == nil)
            #expect(options.body.isEmpty)
            #expect(try await client.call(.options, "/nowhere/at/all/here").status == 400)
        }
    }

    @Test func aRebindingHostNameIsRefusedOnLoopback() async throws {
        try await EmulatorHarness.withServer { client in
            let port = try #require(client.client.port)
            func get(host: String) async throws -> (status: UInt, body: String) {
                var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/_plugins/_ml/connectors/_search")
                request.headers.replaceOrAdd(name: "Host", value: host)
                let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
                return (response.status.code, String(buffer: try await response.body.collect(upTo: 1 << 20)))
            }
            let rebound = try await get(host: "attacker.example:\(port)")
            #expect(rebound.status == 403)
            #expect(rebound.body == envelope(
                "security_exception",
                "Host [attacker.example:\(port)] is not a name of this server, which listens on loopback only; use http://127.0.0.1 or http://localhost, or start it with --host to serve other names",
                status: 403))
            #expect(try await get(host: "localhost:\(port)").status == 200)
            #expect(try await get(host: "127.0.0.1:\(port)").status == 200)
            #expect(try await get(host: "[::1]:\(port)").status == 200)
        }
    }

    @Test func theControlPlaneTokenIsRequiredWhenSet() async throws {
        try await EmulatorHarness.withServer(configure: { $0.controlToken = "s3cret" }) { client in
            let refused = try await client.call(.post, "/__emulator/reset")
            #expect(refused.status == 403)
            #expect(refused.body == envelope(
                "security_exception",
                "The control plane needs its token: send it as X-Emulator-Token or Authorization: Bearer", status: 403))
            #expect(try await client.call(.post, "/__emulator/reset", headers: ["X-Emulator-Token": "s3cret"]).status == 200)
            #expect(try await client.call(.post, "/__emulator/reset", headers: ["Authorization": "Bearer s3cret"]).status == 200)
            #expect(try await client.call(.get, "/__emulator/health").status == 200)
        }
    }
}

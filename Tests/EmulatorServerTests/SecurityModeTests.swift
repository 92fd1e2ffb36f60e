import AsyncHTTPClient
import Foundation
import Logging
import MLCommonsCore
import MLStore
import NIOCore
import NIOHTTP1
import NIOSSL
import Testing
import X509
@testable import EmulatorServer

/// The security mode over real TLS: the self-signed certificate pinned by the client, the security plugin's
/// 401 challenge, authinfo and health, permissions by role, and a key that never leaves the data file.
@Suite("Security mode")
struct SecurityModeTests {
    static let adminPassword = "Correct7Horse9Battery"
    /// `alice` (`ml_full_access`) and `reader` (backend role `readall`), shared with the Python client test.
    static let users = (try? String(
        contentsOf: Fixture.directory.deletingLastPathComponent().appendingPathComponent("security/users.yml"), encoding: .utf8)) ?? ""

    /// What the tests read of a response.
    struct Answer {
        let status: Int
        let headers: [(String, String)]
        let body: String
        func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
    }

    /// An HTTPS client that trusts only `certificatePEM` and checks the host name against it.
    final class PinnedClient: Sendable {
        let http: HTTPClient
        let base: String

        init(certificatePEM: String, port: Int) throws {
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(Array(certificatePEM.utf8)))
            tls.certificateVerification = .fullVerification
            var configuration = HTTPClient.Configuration(tlsConfiguration: tls)
            configuration.timeout.connect = .seconds(5)
            http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
            base = "https://127.0.0.1:\(port)"
        }

        func call(_ method: HTTPMethod, _ path: String, user: (String, String)? = nil, body: String? = nil) async throws -> Answer {
            var request = HTTPClientRequest(url: base + path)
            request.method = method
            if let (name, password) = user {
                request.headers.add(name: "Authorization", value: "Basic " + Data("\(name):\(password)".utf8).base64EncodedString())
            }
            if let body {
                request.headers.add(name: "Content-Type", value: "application/json")
                request.body = .bytes(ByteBuffer(string: body))
            }
            let response = try await http.execute(request, timeout: .seconds(10))
            let bytes = try await response.body.collect(upTo: 1 << 20)
            return Answer(status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) }, body: String(buffer: bytes))
        }

        func shutdown() async throws { try await http.shutdown() }
    }

    @discardableResult
    static func withSecureServer<T: Sendable>(
        _ data: StoreLocation = .inMemory, users: String = users, log: AccessLogTests.CapturedLog? = nil,
        version: OpenSearchVersion = .v3_3_0, _ body: @Sendable (PinnedClient, Emulator) async throws -> T
    ) async throws -> T {
        let parsed = try SecurityMode.users(fromFile: users)
        var configuration = EmulatorHarness.configuration(data)
        configuration.opensearchVersion = version
        configuration.security = SecurityMode(adminPassword: adminPassword, users: parsed)
        configuration.logLevel = .trace
        var quiet = Logger(label: "test")
        quiet.logLevel = .error
        let emulator = try await Emulator(configuration: configuration, logger: log?.logger(.text, level: .trace) ?? quiet)
        let identity = try #require(emulator.tlsIdentity)
        return try await EmulatorHarness.withServer(emulator) { plain in
            let client = try PinnedClient(certificatePEM: identity.certificatePEM, port: try #require(plain.client.port))
            let result: T
            do {
                result = try await body(client, emulator)
            } catch {
                try await client.shutdown()
                throw error
            }
            try await client.shutdown()
            return result
        }
    }

    static let admin = ("admin", adminPassword)

    @Test func thePinnedSelfSignedCertificateCompletesTheHandshake() async throws {
        try await Self.withSecureServer { client, emulator in
            let root = try await client.call(.GET, "/", user: Self.admin)
            #expect(root.status == 200)
            let certificate = try Certificate(pemEncoded: try #require(emulator.tlsIdentity).certificatePEM)
            let names = try #require(try certificate.extensions.subjectAlternativeNames)
            #expect(names.contains(.dnsName("localhost")))
            #expect(names.contains(.ipAddress(.init(contentBytes: [127, 0, 0, 1]))))
        }
    }

    @Test func aMissingWrongOrMalformedCredentialGetsTheSameChallenge() async throws {
        try await Self.withSecureServer { client, _ in
            for user in [nil, ("admin", "wrong"), ("nobody", "x"), ("admin", "")] as [(String, String)?] {
                let answer = try await client.call(.GET, "/_plugins/_ml/models/_search", user: user)
                #expect(answer.status == 401)
                #expect(answer.body == "Unauthorized")
                #expect(answer.header("WWW-Authenticate") == #"Basic realm="OpenSearch Security""#)
                #expect(answer.header("Content-Type") == "text/plain; charset=UTF-8")
            }
        }
    }

    @Test func authinfoAndHealthAnswerAsTheSecurityPluginDoes() async throws {
        try await Self.withSecureServer { client, _ in
            let health = try await client.call(.GET, "/_plugins/_security/health")
            #expect(health.status == 200)
            #expect(health.body == #"{"message":null,"mode":"strict","status":"UP","settings":{"plugins.security.cache.ttl_minutes":60}}"#)
            let info = try await client.call(.GET, "/_plugins/_security/authinfo", user: Self.admin)
            let pattern = #"^\{"user":"User \[name=admin, backend_roles=\[admin\], requestedTenant=null\]","user_name":"admin","user_requested_tenant":null,"remote_address":"127\.0\.0\.1:\d+","backend_roles":\["admin"\],"custom_attribute_names":\[\],"roles":\["own_index","all_access"\],"tenants":\{"global_tenant":true,"admin_tenant":true,"admin":true\},"principal":null,"peer_certificates":"0","sso_logout_url":null\}$"#
            #expect(info.body.range(of: pattern, options: .regularExpression) != nil, "\(info.body)")
            let alice = try await client.call(.GET, "/_plugins/_security/authinfo", user: ("alice", "Alice-Secret-42"))
            #expect(alice.body.contains(#""backend_roles":["analyst"],"custom_attribute_names":[],"roles":["ml_full_access","own_index"],"tenants":{"alice":true}"#))
        }
    }

    @Test func permissionsFollowTheRoles() async throws {
        try await Self.withSecureServer { client, _ in
            let alice = ("alice", "Alice-Secret-42"), reader = ("reader", "Reader-Secret-42")
            let created = try await client.call(.POST, "/_plugins/_ml/connectors/_create", user: alice, body: Fixture.openAIConnector)
            #expect(created.status == 200)
            let refused = try await client.call(.POST, "/_plugins/_ml/models/_search", user: reader, body: #"{"query":{"match_all":{}}}"#)
            #expect(refused.status == 403)
            #expect(refused.body == envelope(
                "security_exception",
                "no permissions for [cluster:admin/opensearch/ml/models/search] and User [name=reader, backend_roles=[readall], requestedTenant=null]",
                status: 403))
            #expect(try await client.call(.GET, "/", user: reader).body.contains("no permissions for [cluster:monitor/main]"))
            #expect(try await client.call(.GET, "/", user: alice).status == 200)
            let control = try await client.call(.POST, "/__emulator/reset", user: alice)
            #expect(control.status == 403)
            #expect(try await client.call(.GET, "/__emulator/health").status == 200)
        }
    }

    /// The key stays in the data file: the same certificate after a restart, and no response, config or log line
    /// (at any level) shows it.
    @Test func theGeneratedIdentityIsKeptWithTheDataAndItsKeyNeverShown() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("security-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) } }
        let log = AccessLogTests.CapturedLog()
        let first = try await Self.withSecureServer(.file(file), log: log) { client, emulator in
            let identity = try #require(emulator.tlsIdentity)
            let keyBody = identity.privateKeyPEM.split(separator: "\n").dropFirst().first.map(String.init) ?? "?"
            for path in ["/__emulator/config", "/_plugins/_security/authinfo", "/", "/_cluster/settings?include_defaults=true"] {
                let answer = try await client.call(.GET, path, user: Self.admin)
                #expect(!answer.body.contains(keyBody), "\(path) shows the private key")
                #expect(!answer.body.contains("PRIVATE KEY"))
            }
            #expect(!log.lines.isEmpty)
            #expect(!log.lines.contains { $0.contains(keyBody) || $0.contains("PRIVATE KEY") })
            return identity.certificatePEM
        }
        try await Self.withSecureServer(.file(file)) { _, emulator in
            #expect(emulator.tlsIdentity?.certificatePEM == first)
        }
    }

    @Test func aMissingOrWeakAdminPasswordStopsTheStart() async throws {
        for (password, message) in [
            ("", AdminPasswordPolicy.missingMessage),
            ("admin", AdminPasswordPolicy.refusal(password: "admin", reason: "Password is too short")),
        ] {
            await #expect(throws: EmulatorStartupError.self) {
                _ = try await EmulatorHarness.makeEmulator { $0.security = SecurityMode(adminPassword: password) }
            }
            do {
                _ = try await EmulatorHarness.makeEmulator { $0.security = SecurityMode(adminPassword: password) }
            } catch let error as EmulatorStartupError {
                #expect(error.description == message)
            }
        }
    }

    @Test func theUsersFileIsReadLikeInternalUsersYML() throws {
        let users = try SecurityMode.users(fromFile: Self.users)
        #expect(users.map(\.name) == ["alice", "reader"])
        #expect(users[0].securityRoles == ["ml_full_access"])
        #expect(users[1].backendRoles == ["readall"])
        #expect(throws: EmulatorStartupError.self) {
            try SecurityMode.users(fromFile: "bob:\n  hash: \"$2y$12$abc\"\n")
        }
        #expect(throws: EmulatorStartupError.self) {
            try SecurityMode.users(fromFile: "bob:\n  password: x\n  colour: blue\n")
        }
    }
}

import EmulatorServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import MLCommonsCore
import MLStore
import NIOCore
import Testing

/// A live emulator on a real loopback socket, and a small client speaking to it.
enum EmulatorHarness {
    static func configuration(_ data: StoreLocation) -> EmulatorConfiguration {
        var configuration = EmulatorConfiguration()
        configuration.port = 0
        configuration.data = data
        configuration.masterKey = nil
        // Unpaced unless a test asks: pacing changes timing only, never bytes.
        configuration.mockTokenDelay = .zero
        return configuration
    }

    static func makeEmulator(
        _ data: StoreLocation = .inMemory, configure: (inout EmulatorConfiguration) -> Void = { _ in }
    ) async throws -> Emulator {
        var logger = Logger(label: "test")
        logger.logLevel = .error
        var configuration = configuration(data)
        configure(&configuration)
        return try await Emulator(configuration: configuration, logger: logger)
    }

    /// Runs `body` against a server started with an adjusted configuration.
    static func withServer<T: Sendable>(
        configure: (inout EmulatorConfiguration) -> Void, _ body: @Sendable (EmulatorClient) async throws -> T
    ) async throws -> T {
        try await withServer(try await makeEmulator(configure: configure), body)
    }

    /// Runs `body` against a freshly started server over real HTTP.
    static func withServer<T: Sendable>(
        _ data: StoreLocation = .inMemory, _ body: @Sendable (EmulatorClient) async throws -> T
    ) async throws -> T {
        let emulator = try await makeEmulator(data)
        return try await withServer(emulator, body)
    }

    static func withServer<T: Sendable>(
        _ emulator: Emulator, _ body: @Sendable (EmulatorClient) async throws -> T
    ) async throws -> T {
        let app = try EmulatorApplication.make(emulator)
        return try await app.test(.live) { client in try await body(EmulatorClient(client: client)) }
    }
}

/// A response as the tests read it.
struct Reply: Sendable {
    let status: Int
    let body: String
    let headers: HTTPFields

    /// The body parsed with the project's own ordered parser.
    var json: JSONValue {
        get throws { try JSONParser.parse(body) }
    }
}

struct EmulatorClient: Sendable {
    let client: any TestClientProtocol

    /// Sends a request; a body is sent as `application/json` unless `contentType` says otherwise.
    @discardableResult
    func call(
        _ method: HTTPRequest.Method, _ uri: String, _ body: String? = nil, contentType: String? = "application/json",
        headers extra: [String: String] = [:]
    ) async throws -> Reply {
        var headers = HTTPFields()
        if body != nil, let contentType { headers[.contentType] = contentType }
        for (name, value) in extra { headers[HTTPField.Name(name)!] = value }
        return try await client.execute(
            uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }
        ) { response in
            Reply(status: Int(response.status.code), body: String(buffer: response.body), headers: response.headers)
        }
    }

    /// Sends a request and returns one string field of the JSON answer (e.g. a new id).
    func id(_ method: HTTPRequest.Method, _ uri: String, _ body: String?, field: String) async throws -> String {
        let reply = try await call(method, uri, body)
        #expect(reply.status == 200, "\(uri): \(reply.body)")
        return try #require(try reply.json[field]?.stringValue, "\(uri) answered \(reply.body)")
    }
}

/// The OpenSearch error envelope a test expects, written out in full.
func envelope(_ type: String, _ reason: String, status: Int) -> String {
    let escaped = JSONWriter().escaped(reason)
    return #"{"error":{"root_cause":[{"type":"\#(type)","reason":"\#(escaped)"}],"type":"\#(type)","reason":"\#(escaped)"},"status":\#(status)}"#
}

/// Request bodies from `fixtures/requests/` (taken from the ml-commons documentation).
enum Fixture {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fixtures/requests")

    /// A fixture's text with `${name}` placeholders replaced (placeholders the emulator must see stay).
    static func request(_ name: String, _ substitutions: [String: String] = [:]) -> String {
        let url = directory.appendingPathComponent("\(name).json")
        guard var text = try? String(contentsOf: url, encoding: .utf8) else {
            preconditionFailure("missing fixture \(url.path)")
        }
        for (key, value) in substitutions { text = text.replacingAll("${\(key)}", with: value) }
        return text
    }

    static var openAIConnector: String { request("create-openai-connector") }

    static func remoteModel(connectorID: String) -> String {
        request("register-remote-model", ["connector_id": connectorID])
    }
}

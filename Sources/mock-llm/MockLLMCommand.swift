import ArgumentParser
import Foundation
import HTTPTypes
import Hummingbird
import MockLLM
import NIOCore

/// `mock-llm`: the emulator's offline LLM on its own, for clients and connectors that want a
/// provider-shaped endpoint (OpenAI chat completions, Bedrock Converse/ConverseStream) with no keys.
@main
struct MockLLMCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mock-llm",
        abstract: "Serves the scripted mock LLM over HTTP: POST /v1/chat/completions, /model/{id}/converse, /model/{id}/converse-stream.")

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on; 0 picks a free port.")
    var port = 8089

    @Option(help: "A mock-LLM script (JSON, see fixtures/mock-llm/).")
    var script: String?

    func run() async throws {
        var loaded = MockLLMScript.empty
        if let script {
            guard let data = FileManager.default.contents(atPath: script) else {
                throw ValidationError("cannot read mock LLM script \(script)")
            }
            loaded = try MockLLMScript(bytes: Array(data))
        }
        let mock = MockLLM(script: loaded, awsSecrets: ["AKIDEXAMPLE": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"])
        let host = host
        let app = Application(
            responder: MockLLMResponder(mock: mock),
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in
                print("mock-llm listening on http://\(host):\(channel.localAddress?.port ?? 0)")
                fflush(nil)
            })
        try await app.runService()
    }
}

/// Hands every request to the mock and plays its frames back with their delays.
struct MockLLMResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let mock: MockLLM

    func respond(to request: Request, context: Context) async throws -> Response {
        var body: [UInt8] = []
        for try await buffer in request.body { body.append(contentsOf: buffer.readableBytesView) }
        let uri = request.uri.description.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        var headers = request.headers.map { (name: $0.name.rawName, value: $0.value) }
        if let authority = request.head.authority { headers.insert((name: "Host", value: authority), at: 0) }
        let answer = mock.respond(to: MockLLMRequest(
            method: request.method.rawValue, host: request.head.authority ?? "", path: String(uri.first ?? "/"),
            query: uri.dropFirst().first.map(String.init) ?? "", headers: headers, body: body))
        var fields = HTTPFields()
        for (name, value) in answer.headers where name.lowercased() != "content-length" {
            if let field = HTTPField.Name(name) { fields[field] = value }
        }
        return Response(status: .init(code: answer.status), headers: fields, body: ResponseBody { writer in
            try await answer.serve { try await writer.write(ByteBuffer(bytes: $0)) }
            try await writer.finish(nil)
        })
    }
}

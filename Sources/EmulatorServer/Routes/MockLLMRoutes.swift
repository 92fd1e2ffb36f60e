import MLCommonsCore
import MockLLM

/// The mock LLM over HTTP (`/__emulator/mock-llm/...`), its script, and the outbound journal, so a
/// connector can point at the mock the way ml-commons' own tests point at a local server.
enum MockLLMRoutes {
    static let base = "\(APIPath.controlPlane)/mock-llm"

    static func register(_ routes: inout RouteTable, _ emulator: Emulator) {
        routes.add("GET", "\(base)/script") { _ in .json(emulator.mockLLM.script.effective.json) }
        // Back to the script the emulator started with (the built-in reply unless `--mock-script` gave one).
        routes.add("DELETE", "\(base)/script") { _ in
            emulator.mockLLM.replaceScript(emulator.startScript)
            return .json(["acknowledged": true])
        }
        routes.add("PUT", "\(base)/script") { request in
            let body = try request.requiredJSONBody()
            do {
                emulator.installMockScript(try MockLLMScript(json: body))
            } catch {
                throw OpenSearchError.illegalArgument(String(describing: error))
            }
            return .json(["acknowledged": true])
        }
        routes.add("GET", "\(base)/served") { _ in
            .json(["requests": .array(emulator.mockLLMServed.entries.map(\.json))])
        }
        for method in ["POST", "GET", "PUT"] {
            routes.add(method, "\(base)/{path...}") { request in serve(request, emulator) }
        }

        routes.add("GET", "\(APIPath.controlPlane)/outbound") { _ in
            .json(["calls": .array(emulator.journal.entries.map(\.json))])
        }
        routes.add("DELETE", "\(APIPath.controlPlane)/outbound") { _ in
            emulator.journal.clear()
            return .json(["acknowledged": true])
        }
    }

    /// Answers one provider request, writing each frame after its delay and flushing it at once.
    static func serve(_ request: RESTRequest, _ emulator: Emulator) -> RESTResponse {
        // The raw path as sent, prefix included: it is what a SigV4 signature covers.
        let uriParts = request.rawURI.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let path = uriParts.first.map(String.init) ?? "/"
        let query = uriParts.dropFirst().first.map(String.init) ?? ""
        let response = emulator.mockLLM.respond(to: MockLLMRequest(
            method: request.method, host: request.header("host") ?? "", path: path, query: query,
            headers: request.headers, body: request.body))
        let contentType = response.headerValue(named: "content-type") ?? "application/json"
        let headers = response.headers.filter {
            !["content-type", "content-length", "transfer-encoding", "connection"].contains($0.name.lowercased())
        }.map { ($0.name, $0.value) }
        let log = emulator.mockLLMServed
        let handle = log.start(method: request.method, path: path, status: response.status, at: emulator.nowMillis())
        return RESTResponse(status: response.status, headers: headers, body: .stream(contentType: contentType) { writer in
            do {
                try await response.serve { try await writer.write($0) }
                log.finish(handle, outcome: .completed, at: emulator.nowMillis())
            } catch is StreamWriter.ClientGone {
                log.finish(handle, outcome: .clientLeft, at: emulator.nowMillis())
            } catch is CancellationError {
                log.finish(handle, outcome: .clientLeft, at: emulator.nowMillis())
            } catch {
                log.finish(handle, outcome: .failed, at: emulator.nowMillis())
                throw error
            }
        })
    }
}

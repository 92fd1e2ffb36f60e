import MLCommonsCore

extension OpenAIChatFormat {
    func errorResponse(_ failure: MockLLMFailure) -> MockLLMResponse {
        switch failure {
        case .badRequest(let error):
            return Self.response(400, Self.error(message: error.message, type: "invalid_request_error", param: error.param, code: error.code))
        case .unknownPath(let method, let path):
            return Self.response(404, Self.error(message: "Invalid URL (\(method) \(path))", type: "invalid_request_error"))
        case .wrongMethod(let method, let path):
            return Self.response(405, Self.error(message: "Invalid method for URL (\(method) \(path))", type: "invalid_request_error"))
        case .scripted(let status, let body?):
            return Self.verbatim(status, body)
        case .scripted(let status, nil):
            return Self.response(status, standardError(status: status))
        case .rateLimited:
            return Self.response(429, Self.error(message: rateLimitMessage, type: "requests", code: "rate_limit_exceeded"))
        case .signature(let message, _):
            return Self.response(401, Self.error(message: message, type: "invalid_request_error", code: "invalid_api_key"))
        }
    }

    /// The body OpenAI sends with `status` when it fails on its own.
    private func standardError(status: Int) -> JSONValue {
        switch status {
        case 401:
            Self.error(
                message: "Incorrect API key provided: sk-mock. You can find your API key at https://platform.openai.com/account/api-keys.",
                type: "invalid_request_error", code: "invalid_api_key")
        case 404:
            Self.error(
                message: "The model `\(model)` does not exist or you do not have access to it.",
                type: "invalid_request_error", code: "model_not_found")
        case 429:
            Self.error(message: rateLimitMessage, type: "requests", code: "rate_limit_exceeded")
        case 503:
            Self.error(message: "The engine is currently overloaded, please try again later.", type: "server_error")
        case 400..<500:
            Self.error(message: "Mock request error (status \(status)).", type: "invalid_request_error")
        default:
            Self.error(message: "The server had an error while processing your request. Sorry about that!", type: "server_error")
        }
    }

    static func response(_ status: Int, _ json: JSONValue) -> MockLLMResponse {
        MockLLMResponse(
            status: status, headers: [("Content-Type", "application/json")],
            frames: [MockLLMFrame(bytes: Array(json.compactText.utf8))])
    }

    /// A scripted body as written; labelled JSON only when it is JSON.
    static func verbatim(_ status: Int, _ body: String) -> MockLLMResponse {
        let isJSON = (try? JSONParser.parse(body)) != nil
        return MockLLMResponse(
            status: status, headers: [("Content-Type", isJSON ? "application/json" : "text/plain; charset=utf-8")],
            frames: [MockLLMFrame(bytes: Array(body.utf8))])
    }
}

import MLCommonsCore

extension GeminiGenerateContentFormat {
    static let quotaMessage = "Resource has been exhausted (e.g. check quota)."

    func errorResponse(_ failure: MockLLMFailure) -> MockLLMResponse {
        switch failure {
        case .badRequest(let error):
            return response(400, "INVALID_ARGUMENT", error.message)
        case .unknownPath(let method, let path), .wrongMethod(let method, let path):
            return response(404, "NOT_FOUND", "The requested URL \(path) was not found on this server (\(method)).")
        case .scripted(let status, let body?):
            return OpenAIChatFormat.verbatim(status, body)
        case .scripted(let status, nil):
            let (code, message) = Self.standardError(status: status)
            return response(status, code, message)
        case .rateLimited:
            return response(429, "RESOURCE_EXHAUSTED", Self.quotaMessage)
        case .signature(let message, _):
            return response(403, "PERMISSION_DENIED", message)
        }
    }

    /// The status name and message Gemini sends with `status` when it fails on its own.
    private static func standardError(status: Int) -> (String, String) {
        switch status {
        case 400: ("INVALID_ARGUMENT", "Request contains an invalid argument.")
        case 403: ("PERMISSION_DENIED", "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.")
        case 404: ("NOT_FOUND", "models/mock is not found for API version v1beta, or is not supported for generateContent.")
        case 429: ("RESOURCE_EXHAUSTED", quotaMessage)
        case 503: ("UNAVAILABLE", "The model is overloaded. Please try again later.")
        case 400..<500: ("FAILED_PRECONDITION", "Mock request error (status \(status)).")
        default: ("INTERNAL", "An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting")
        }
    }

    /// `{"error":{"code":…,"message":…,"status":…}}`, the Google API error shape.
    private func response(_ status: Int, _ name: String, _ message: String) -> MockLLMResponse {
        let body: JSONValue = ["error": ["code": .number(JSONNumber(status)), "message": .string(message), "status": .string(name)]]
        return MockLLMResponse(
            status: status, headers: [("Content-Type", "application/json; charset=UTF-8")],
            frames: [MockLLMFrame(bytes: Array(body.compactText.utf8))])
    }
}

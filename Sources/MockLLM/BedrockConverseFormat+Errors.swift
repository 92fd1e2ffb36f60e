import MLCommonsCore

extension BedrockConverseFormat {
    func errorResponse(_ failure: MockLLMFailure) -> MockLLMResponse {
        switch failure {
        case .badRequest(let error):
            return response(400, "ValidationException", error.message)
        case .unknownPath, .wrongMethod:
            return response(404, "UnknownOperationException", "Unknown operation")
        case .scripted(let status, let body?):
            var verbatim = OpenAIChatFormat.verbatim(status, body)
            verbatim.headers.append(("x-amzn-RequestId", identity.requestID))
            return verbatim
        case .scripted(let status, nil):
            let (type, message) = Self.standardError(status: status)
            return response(status, type, message)
        case .rateLimited:
            return response(429, "ThrottlingException", Self.throttlingMessage)
        case .signature(let message, let incomplete):
            return response(403, incomplete ? "IncompleteSignatureException" : "InvalidSignatureException", message)
        }
    }

    /// The error type and message Bedrock sends with `status` when it fails on its own.
    private static func standardError(status: Int) -> (type: String, message: String) {
        switch status {
        case 403: ("AccessDeniedException", "You don't have access to the model with the specified model ID.")
        case 404: ("ResourceNotFoundException", "Could not resolve the foundation model from the provided model identifier.")
        case 408: ("ModelTimeoutException", "Model has timed out in processing the request. Try your request again.")
        case 424: ("ModelErrorException", "The model encountered an error processing the request.")
        case 429: ("ThrottlingException", throttlingMessage)
        case 503: ("ServiceUnavailableException", "Bedrock is unable to process your request.")
        case 400..<500: ("ValidationException", "Mock request error (status \(status)).")
        default: ("InternalServerException", "The system encountered an unexpected error during processing. Try your request again.")
        }
    }

    /// `{"message":…}` with the error type in `x-amzn-ErrorType`, as every Bedrock error is written.
    private func response(_ status: Int, _ type: String, _ message: String) -> MockLLMResponse {
        let body: JSONValue = ["message": .string(message)]
        return MockLLMResponse(
            status: status,
            headers: [("Content-Type", "application/json"), ("x-amzn-ErrorType", type), ("x-amzn-RequestId", identity.requestID)],
            frames: [MockLLMFrame(bytes: Array(body.compactText.utf8))])
    }
}

import MLCommonsCore

extension BedrockConverseStreamDecoder: ProviderStreamDecoder {
    /// A refused ConverseStream call names its exception in `x-amzn-errortype` and says why in `message`.
    public static func check(_ response: UpstreamResponse) async throws(InferenceError) {
        guard !(200...299).contains(response.status) else { return }
        let body = (try? await response.body.collect(upTo: refusalBodyLimit)) ?? []
        let message = (try? JSONParser.parse(body))?["message"]?.stringValue ?? String(decoding: body, as: UTF8.self)
        let type = response.header("x-amzn-errortype")?.split(separator: ":").first.map(String.init)
        throw InferenceError.bedrockStreamFailure(exceptionType: type, message: message)
    }

    public static func sendFailure(_ error: any Error) -> InferenceError {
        let message = (error as? UpstreamTransportError)?.description ?? (error as? InferenceError)?.message ?? String(describing: error)
        return .bedrockStreamFailure(exceptionType: nil, message: message)
    }

    public static func readFailure(_ error: UpstreamTransportError) -> InferenceError {
        .bedrockStreamFailure(exceptionType: nil, message: error.description)
    }
}

/// An error answer, before it is written in a provider's format.
enum MockLLMFailure: Sendable, Hashable {
    /// The body is not what the provider accepts (400).
    case badRequest(MockLLMRequestError)
    /// No operation at this path (404).
    case unknownPath(method: String, path: String)
    /// The operation exists but not for this method.
    case wrongMethod(method: String, path: String)
    /// A scripted `http_error`: the provider's own body for `status` when `body` is nil.
    case scripted(status: Int, body: String?)
    /// A scripted `rate_limit` (429).
    case rateLimited
    /// SigV4 verification failed (403); `incomplete` when the signature could not even be checked.
    case signature(message: String, incomplete: Bool)
}

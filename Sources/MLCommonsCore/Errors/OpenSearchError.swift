/// The one error type that leaves the server. It carries what OpenSearch needs to render any of
/// its error bodies: the Java exception class, the message, the HTTP status and optional cause.
public struct OpenSearchError: Error, Sendable, Hashable, CustomStringConvertible {
    enum Body: Sendable, Hashable {
        /// An exception rendered through `BytesRestResponse` (envelope a).
        case exception
        /// A bare `{"error":"…"}` document written by `RestController` itself.
        case bareMessage(includeStatus: Bool)
    }

    /// The HTTP status.
    public let status: Int
    /// The Java simple class name, e.g. `OpenSearchStatusException`; its snake-case form is the `type`.
    public let javaClass: String
    /// The exception message (`reason`).
    public let reason: String
    /// Extra fields OpenSearch adds beside `type` and `reason` (e.g. `line`, `col`).
    public let metadata: JSONObject
    /// The wrapped cause, rendered as `caused_by`.
    public let causes: [OpenSearchError]
    /// HTTP headers that go with this error (e.g. `Allow` on 405).
    public let headers: [String: String]
    let body: Body

    /// An exception of a given Java class.
    public init(
        _ javaClass: String, reason: String, status: Int, metadata: JSONObject = JSONObject(),
        cause: OpenSearchError? = nil
    ) {
        self.javaClass = javaClass
        self.reason = reason
        self.status = status
        self.metadata = metadata
        self.causes = cause.map { [$0] } ?? []
        self.headers = [:]
        self.body = .exception
    }

    private init(bareMessage: String, status: Int, includeStatus: Bool, headers: [String: String]) {
        self.javaClass = ""
        self.reason = bareMessage
        self.status = status
        self.metadata = JSONObject()
        self.causes = []
        self.headers = headers
        self.body = .bareMessage(includeStatus: includeStatus)
    }

    /// The `type` field: the class name without a leading `OpenSearch`, in snake case
    /// (`OpenSearchStatusException` → `status_exception`, `MLException` → `m_l_exception`).
    public var type: String {
        var name = Substring(javaClass)
        if name.hasPrefix("OpenSearch") { name = name.dropFirst("OpenSearch".count) }
        var out = ""
        for (offset, character) in name.enumerated() {
            if character.isUppercase {
                if offset > 0 { out += "_" }
                out += character.lowercased()
            } else {
                out.append(character)
            }
        }
        return out
    }

    public var description: String { "\(type) (\(status)): \(reason)" }
}

extension OpenSearchError {
    /// `OpenSearchStatusException` with a chosen status (ml-commons' usual "not found" form).
    public static func statusException(_ reason: String, status: Int) -> OpenSearchError {
        OpenSearchError("OpenSearchStatusException", reason: reason, status: status)
    }

    /// `IllegalArgumentException`: 400.
    public static func illegalArgument(_ reason: String, cause: OpenSearchError? = nil) -> OpenSearchError {
        OpenSearchError("IllegalArgumentException", reason: reason, status: 400, cause: cause)
    }

    /// `IllegalStateException`: 500.
    public static func illegalState(_ reason: String) -> OpenSearchError {
        OpenSearchError("IllegalStateException", reason: reason, status: 500)
    }

    /// `ActionRequestValidationException` (400): `Validation Failed: 1: a;2: b;`.
    public static func validationFailed(_ failures: [String]) -> OpenSearchError {
        let numbered = failures.enumerated().map { "\($0.offset + 1): \($0.element);" }.joined()
        return OpenSearchError("ActionRequestValidationException", reason: "Validation Failed: " + numbered, status: 400)
    }

    /// `OpenSearchSecurityException`: 403, the security plugin's refusal (`security_exception`).
    public static func forbidden(_ reason: String) -> OpenSearchError {
        OpenSearchError("OpenSearchSecurityException", reason: reason, status: 403)
    }

    /// `ResourceNotFoundException`: 404.
    public static func resourceNotFound(_ reason: String) -> OpenSearchError {
        OpenSearchError("ResourceNotFoundException", reason: reason, status: 404)
    }

    /// `MLException`: a plain runtime exception, 500.
    public static func mlException(_ reason: String) -> OpenSearchError {
        OpenSearchError("MLException", reason: reason, status: 500)
    }

    /// An ml-commons API of the impersonated release that the emulator does not serve yet: 501, so it is
    /// never mistaken for a typo (`no handler found`) or for ml-commons' own answer.
    public static func notEmulated(method: String, path: String, version: String) -> OpenSearchError {
        OpenSearchError(
            "EmulatorNotImplementedException",
            reason: "[\(method) \(path)] is an ml-commons \(version) API that the emulator does not implement yet; "
                + "DIFFERENCES.md lists what is missing",
            status: 501)
    }

    /// A tool ml-commons registers that the emulator cannot run yet: 501, never ml-commons' `Tool not found`.
    public static func toolNotEmulated(_ type: String) -> OpenSearchError {
        OpenSearchError(
            "EmulatorNotImplementedException",
            reason: "[\(type)] is an ml-commons tool that the emulator does not run yet; DIFFERENCES.md lists what is missing",
            status: 501)
    }

    /// A body that could not be parsed as JSON.
    public static func jsonParse(_ error: JSONParseError) -> OpenSearchError {
        OpenSearchError(error.javaClass, reason: error.description, status: 400)
    }

    /// `RestController`'s answer when no handler matches the path.
    public static func noHandler(uri: String, method: String) -> OpenSearchError {
        OpenSearchError(
            bareMessage: "no handler found for uri [\(uri)] and method [\(method)]", status: 400,
            includeStatus: false, headers: [:])
    }

    /// `RestController`'s answer to a body without a usable `Content-Type`.
    public static func unsupportedContentType(_ contentType: String?) -> OpenSearchError {
        let message = contentType.map { "Content-Type header [\($0)] is not supported" } ?? "Content-Type header is missing"
        return OpenSearchError(bareMessage: message, status: 406, includeStatus: true, headers: [:])
    }

    /// `RestController`'s answer when the path exists under other methods.
    public static func methodNotAllowed(uri: String, method: String, allowed: [String]) -> OpenSearchError {
        OpenSearchError(
            bareMessage: "Incorrect HTTP method for uri [\(uri)] and method [\(method)], allowed: [\(allowed.joined(separator: ", "))]",
            status: 405, includeStatus: true, headers: ["Allow": allowed.joined(separator: ",")])
    }
}

import MLCommonsCore

/// A failure while calling a remote model, carrying the message ml-commons reports and, for
/// non-stream calls, the HTTP status it answers with.
public struct InferenceError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text ml-commons puts in the error (e.g. `Error from remote service: …`).
    public let message: String
    /// The status a non-streaming `_predict` answers with.
    public let status: Int
    /// The Java class ml-commons throws (decides the envelope's `type`).
    public let javaClass: String
    /// The Java class and message of the exception this one wraps, rendered as `caused_by`.
    public let cause: (javaClass: String, message: String)?

    public init(
        message: String, status: Int = 500, javaClass: String = "OpenSearchStatusException",
        cause: (javaClass: String, message: String)? = nil
    ) {
        self.message = message
        self.status = status
        self.javaClass = javaClass
        self.cause = cause
    }

    public static func == (lhs: InferenceError, rhs: InferenceError) -> Bool {
        lhs.message == rhs.message && lhs.status == rhs.status && lhs.javaClass == rhs.javaClass
            && lhs.cause?.javaClass == rhs.cause?.javaClass && lhs.cause?.message == rhs.cause?.message
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(message)
        hasher.combine(status)
        hasher.combine(javaClass)
    }

    /// `Error from remote service: <body>` with the upstream's status (`MLSdkAsyncHttpResponseHandler`).
    public static func remoteService(body: String, status: Int) -> InferenceError {
        InferenceError(message: "Error from remote service: \(body)", status: status)
    }

    public var description: String { message }

    /// The OpenSearch error for a non-streaming answer.
    public var openSearchError: OpenSearchError {
        OpenSearchError(
            javaClass, reason: message, status: status,
            cause: cause.map { OpenSearchError($0.javaClass, reason: $0.message, status: status) })
    }
}

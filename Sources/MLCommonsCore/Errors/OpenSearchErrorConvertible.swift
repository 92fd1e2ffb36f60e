/// An error that knows how OpenSearch reports it: every error that leaves the server as an envelope goes
/// through ``openSearchError``, so there is one conversion per error type and none by message text.
public protocol OpenSearchErrorConvertible: Error {
    var openSearchError: OpenSearchError { get }
}

extension OpenSearchError: OpenSearchErrorConvertible {
    public var openSearchError: OpenSearchError { self }
}

extension JSONPathError: OpenSearchErrorConvertible {}

extension OpenSearchError {
    /// Any error as the server reports it: its own OpenSearch form, or a 500 `Exception` with its description.
    public init(reporting error: any Error) {
        self = (error as? any OpenSearchErrorConvertible)?.openSearchError
            ?? OpenSearchError("Exception", reason: String(describing: error), status: 500)
    }
}

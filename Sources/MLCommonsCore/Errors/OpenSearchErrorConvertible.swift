/// An error that knows how OpenSearch reports it: every error that leaves the server as an envelope goes
/// through ``openSearchError``, so there is one conversion per error type and none by message text.
public protocol OpenSearchErrorConvertible: Error {
    var openSearchError: OpenSearchError { get }
}

extension OpenSearchError: OpenSearchErrorConvertible {
    public var openSearchError: OpenSearchError { self }
}

extension JSONPathError: OpenSearchErrorConvertible {}

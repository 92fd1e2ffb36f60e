import MLCommonsCore

extension InferenceError: OpenSearchErrorConvertible {}

extension UpstreamTransportError: OpenSearchErrorConvertible {
    /// A predict's transport failure, as ml-commons' HTTP executor reports it.
    public var openSearchError: OpenSearchError { inferenceError.openSearchError }
}

extension OutboundRefusal: OpenSearchErrorConvertible {
    public var openSearchError: OpenSearchError { inferenceError.openSearchError }
}

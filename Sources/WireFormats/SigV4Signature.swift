/// The result of signing: headers to attach, plus every intermediate value for inspection.
public struct SigV4Signature: Sendable {
    /// `Authorization`, `X-Amz-Date`, then `X-Amz-Security-Token` and `x-amz-content-sha256` when applicable.
    public let headersToAdd: [(name: String, value: String)]
    /// The complete `Authorization` header value.
    public let authorization: String
    /// The 64-character lowercase hex signature.
    public let signature: String
    /// Lowercased, sorted, `;`-joined names of the signed headers.
    public let signedHeaders: String
    /// The canonical request that was hashed (step 1 of the algorithm).
    public let canonicalRequest: String
    /// The string that was signed (step 2 of the algorithm).
    public let stringToSign: String
}

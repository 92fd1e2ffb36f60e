#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What a successfully verified signature establishes about a request.
public struct SigV4VerifiedRequest: Sendable, Hashable {
    /// The access key ID that signed the request.
    public let accessKeyID: String
    /// The region from the credential scope; callers decide whether it is acceptable.
    public let region: String
    /// The service from the credential scope; callers decide whether it is acceptable.
    public let service: String
    /// The lowercased names of the headers covered by the signature.
    public let signedHeaders: [String]
    /// The signing time from `X-Amz-Date`.
    public let date: Date
}

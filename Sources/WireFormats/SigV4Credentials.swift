/// The AWS credentials a request is signed with.
public struct SigV4Credentials: Sendable, CustomStringConvertible {
    /// The access key ID, for example `AKIDEXAMPLE`; it appears in the `Authorization` header.
    public var accessKeyID: String
    /// The secret access key; it never leaves the process, only signatures derived from it do.
    public var secretAccessKey: String
    /// The temporary session token from STS, sent as `X-Amz-Security-Token` when present.
    public var sessionToken: String?

    /// Creates credentials.
    public init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
    }

    /// Names the access key only, so credentials can be logged without leaking secrets.
    public var description: String {
        "SigV4Credentials(accessKeyID: \(accessKeyID), secretAccessKey: <redacted>, sessionToken: \(sessionToken == nil ? "nil" : "<redacted>"))"
    }
}

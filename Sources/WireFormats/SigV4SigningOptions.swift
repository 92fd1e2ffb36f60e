/// Service-specific variations of the SigV4 canonical request.
public struct SigV4SigningOptions: Sendable, Hashable {
    /// Percent-encode the path as it appears on the wire, so `%3A` is signed as `%253A`.
    ///
    /// Every service except S3 expects this.
    public var doubleEncodesPath: Bool
    /// Remove `.` and `..` segments and repeated slashes before encoding; S3 keys are literal, so S3 does not.
    public var normalizesPath: Bool
    /// Add an `x-amz-content-sha256` header carrying the payload hash; S3 requires it, most services ignore it.
    public var addsContentSHA256Header: Bool

    /// Creates options.
    public init(doubleEncodesPath: Bool, normalizesPath: Bool, addsContentSHA256Header: Bool) {
        self.doubleEncodesPath = doubleEncodesPath
        self.normalizesPath = normalizesPath
        self.addsContentSHA256Header = addsContentSHA256Header
    }

    /// The rules for every service except S3, Bedrock included.
    public static let standard = SigV4SigningOptions(
        doubleEncodesPath: true,
        normalizesPath: true,
        addsContentSHA256Header: false
    )

    /// The rules for S3: single encoding, literal paths, and the content hash header.
    public static let s3 = SigV4SigningOptions(
        doubleEncodesPath: false,
        normalizesPath: false,
        addsContentSHA256Header: true
    )
}

import Foundation
import Testing
import WireFormats

@Suite struct SigV4VerifierTests {
    static let credentials = SigV4Credentials(accessKeyID: "AKIDTEST", secretAccessKey: "test-secret")
    static let signingDate = Date(timeIntervalSince1970: 1_718_000_000)
    static let signer = SigV4Signer(credentials: credentials, region: "us-west-2", service: "bedrock")
    static let verifier = SigV4Verifier { $0 == credentials.accessKeyID ? credentials.secretAccessKey : nil }

    /// A ConverseStream call as an AWS SDK would send it, signed, with the path as received on the wire.
    static func signedBedrockRequest(signer: SigV4Signer = signer) -> SigV4Request {
        var request = SigV4Request(
            method: "POST",
            url: "https://bedrock-runtime.us-west-2.amazonaws.com/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse-stream",
            headers: [("Content-Type", "application/json"), ("User-Agent", "aws-sdk-swift/1.0")],
            body: Array(#"{"messages":[{"role":"user","content":[{"text":"Hi"}]}]}"#.utf8)
        )
        request.headers += signer.sign(request, date: signingDate).headersToAdd
        return request
    }

    @Test func signedRequestVerifies() throws {
        let verified = try Self.verifier.verify(Self.signedBedrockRequest(), now: Self.signingDate)
        #expect(verified.accessKeyID == "AKIDTEST")
        #expect(verified.region == "us-west-2")
        #expect(verified.service == "bedrock")
        #expect(verified.signedHeaders == ["content-type", "host", "x-amz-date"])
        #expect(verified.date == Self.signingDate)
    }

    @Test func headerNameCaseDoesNotMatter() throws {
        var request = Self.signedBedrockRequest()
        request.headers = request.headers.map { (name: $0.name.uppercased(), value: $0.value) }
        _ = try Self.verifier.verify(request, now: Self.signingDate)
    }

    @Test func unsignedHeadersMayChange() throws {
        var request = Self.signedBedrockRequest()
        request.headers = request.headers.map { $0.name == "User-Agent" ? ($0.name, "proxy/2.0") : $0 }
        _ = try Self.verifier.verify(request, now: Self.signingDate)
    }

    @Test func sessionTokenRoundTrip() throws {
        let temporary = SigV4Credentials(accessKeyID: "AKIDTEST", secretAccessKey: "test-secret", sessionToken: "FQoGZXIvYXdzE")
        let signer = SigV4Signer(credentials: temporary, region: "us-west-2", service: "bedrock")
        let verified = try Self.verifier.verify(Self.signedBedrockRequest(signer: signer), now: Self.signingDate)
        #expect(verified.signedHeaders.contains("x-amz-security-token"))
    }

    @Test func s3RoundTripWithContentHash() throws {
        let signer = SigV4Signer(credentials: Self.credentials, region: "us-east-1", service: "s3", options: .s3)
        var request = SigV4Request(method: "PUT", url: "https://bucket.s3.amazonaws.com/a%3Ab/c", body: Array("data".utf8))
        request.headers += signer.sign(request, date: Self.signingDate).headersToAdd
        let verifier = SigV4Verifier(options: .s3) { _ in Self.credentials.secretAccessKey }
        _ = try verifier.verify(request, now: Self.signingDate)

        request.body = Array("DATA".utf8)
        #expect(throws: SigV4VerificationError.payloadHashMismatch) { try verifier.verify(request, now: Self.signingDate) }
    }

    @Test func tamperedBody() {
        var request = Self.signedBedrockRequest()
        request.body += Array(" ".utf8)
        #expect(throws: SigV4VerificationError.signatureMismatch) { try Self.verifier.verify(request, now: Self.signingDate) }
    }

    @Test func tamperedSignedHeader() {
        var request = Self.signedBedrockRequest()
        request.headers = request.headers.map { $0.name == "Content-Type" ? ($0.name, "text/plain") : $0 }
        #expect(throws: SigV4VerificationError.signatureMismatch) { try Self.verifier.verify(request, now: Self.signingDate) }
    }

    @Test func tamperedPathQueryOrMethod() {
        var decodedPath = Self.signedBedrockRequest()
        decodedPath.path = decodedPath.path.replacingOccurrences(of: "%3A", with: ":")
        var query = Self.signedBedrockRequest()
        query.query = "x=1"
        var method = Self.signedBedrockRequest()
        method.method = "PUT"
        for request in [decodedPath, query, method] {
            #expect(throws: SigV4VerificationError.signatureMismatch) { try Self.verifier.verify(request, now: Self.signingDate) }
        }
    }

    @Test func mismatchExplainsExpectedCanonicalRequest() throws {
        var request = Self.signedBedrockRequest()
        request.body = []
        do {
            _ = try Self.verifier.verify(request, now: Self.signingDate)
            Issue.record("expected a signature mismatch")
        } catch {
            #expect(error == .signatureMismatch)
            let canonical = try #require(error.expectedCanonicalRequest)
            #expect(canonical.hasPrefix("POST\n/model/anthropic.claude-3-haiku-20240307-v1%253A0/converse-stream\n\n"))
            #expect(canonical.hasSuffix("\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"))
            #expect(error.expectedStringToSign?.hasPrefix("AWS4-HMAC-SHA256\n20240610T061320Z\n20240610/us-west-2/bedrock/aws4_request\n") == true)
            #expect(error.description.contains(canonical))
        }
    }

    @Test func missingAuthorization() {
        var request = Self.signedBedrockRequest()
        request.headers.removeAll { $0.name == "Authorization" }
        #expect(throws: SigV4VerificationError.missingAuthorization) { try Self.verifier.verify(request, now: Self.signingDate) }
    }

    @Test(arguments: [
        "AWS4-HMAC-SHA1 Credential=AKIDTEST/20240610/us-west-2/bedrock/aws4_request, SignedHeaders=host, Signature=\(String(repeating: "0", count: 64))",
        "AWS4-HMAC-SHA256 Credential=AKIDTEST/20240610/us-west-2/bedrock/aws4_request, SignedHeaders=host",
        "AWS4-HMAC-SHA256 Credential=AKIDTEST/20240610/us-west-2/bedrock, SignedHeaders=host, Signature=\(String(repeating: "0", count: 64))",
        "AWS4-HMAC-SHA256 Credential=AKIDTEST/2024061/us-west-2/bedrock/aws4_request, SignedHeaders=host, Signature=\(String(repeating: "0", count: 64))",
        "AWS4-HMAC-SHA256 Credential=AKIDTEST/20240610/us-west-2/bedrock/aws4_request, SignedHeaders=content-type, Signature=\(String(repeating: "0", count: 64))",
        "AWS4-HMAC-SHA256 Credential=AKIDTEST/20240610/us-west-2/bedrock/aws4_request, SignedHeaders=host;;x-amz-date, Signature=\(String(repeating: "0", count: 64))",
        "AWS4-HMAC-SHA256 Credential=AKIDTEST/20240610/us-west-2/bedrock/aws4_request, SignedHeaders=host, Signature=ABC",
        "AWS4-HMAC-SHA256 garbage",
        // The credential date must be the day of X-Amz-Date.
        "AWS4-HMAC-SHA256 Credential=AKIDTEST/20240611/us-west-2/bedrock/aws4_request, SignedHeaders=host, Signature=\(String(repeating: "0", count: 64))",
    ])
    func malformedAuthorization(value: String) {
        var request = Self.signedBedrockRequest()
        request.headers = request.headers.map { $0.name == "Authorization" ? ($0.name, value) : $0 }
        #expect(throws: SigV4VerificationError.malformedAuthorization) { try Self.verifier.verify(request, now: Self.signingDate) }
    }

    @Test func missingDate() {
        var request = Self.signedBedrockRequest()
        request.headers.removeAll { $0.name == "X-Amz-Date" }
        #expect(throws: SigV4VerificationError.missingDate) { try Self.verifier.verify(request, now: Self.signingDate) }
    }

    @Test(arguments: ["2024-06-10T06:13:20Z", "20240610T061320", "20240230T061320Z", "20240610T250000Z", "2024061OT061320Z"])
    func malformedDate(value: String) {
        var request = Self.signedBedrockRequest()
        request.headers = request.headers.map { $0.name == "X-Amz-Date" ? ($0.name, value) : $0 }
        #expect(throws: SigV4VerificationError.malformedDate) { try Self.verifier.verify(request, now: Self.signingDate) }
    }

    @Test func unknownAccessKey() {
        let verifier = SigV4Verifier { _ in nil }
        #expect(throws: SigV4VerificationError.unknownAccessKey) { try verifier.verify(Self.signedBedrockRequest(), now: Self.signingDate) }
    }

    @Test func clockSkew() throws {
        let verifier = SigV4Verifier(maximumClockSkew: .seconds(300)) { _ in Self.credentials.secretAccessKey }
        let request = Self.signedBedrockRequest()
        _ = try verifier.verify(request, now: Self.signingDate.addingTimeInterval(300))
        _ = try verifier.verify(request, now: Self.signingDate.addingTimeInterval(-300))
        #expect(throws: SigV4VerificationError.requestTimeTooSkewed) {
            try verifier.verify(request, now: Self.signingDate.addingTimeInterval(301))
        }
        #expect(throws: SigV4VerificationError.requestTimeTooSkewed) {
            try verifier.verify(request, now: Self.signingDate.addingTimeInterval(-301))
        }
    }

    @Test func skewIsIgnoredWithoutALimit() throws {
        _ = try Self.verifier.verify(Self.signedBedrockRequest(), now: Self.signingDate.addingTimeInterval(86_400 * 365))
    }
}

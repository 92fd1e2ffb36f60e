import Foundation
import Testing
import WireFormats

/// The published `aws-sig-v4-test-suite` vectors, each step asserted separately.
@Suite struct SigV4TestSuiteTests {
    static let accessKeyID = "AKIDEXAMPLE"
    static let secretAccessKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
    /// 2015-08-30T12:36:00Z
    static let signingDate = Date(timeIntervalSince1970: 1_440_938_160)

    static func signer(sessionToken: String? = nil) -> SigV4Signer {
        SigV4Signer(
            credentials: SigV4Credentials(accessKeyID: accessKeyID, secretAccessKey: secretAccessKey, sessionToken: sessionToken),
            region: "us-east-1",
            service: "service"
        )
    }

    static func request(for suiteCase: SigV4SuiteCase) -> SigV4Request {
        SigV4Request(
            method: suiteCase.method,
            path: suiteCase.path,
            query: suiteCase.query,
            headers: suiteCase.headers,
            body: Array(suiteCase.body.utf8)
        )
    }

    @Test(arguments: SigV4SuiteCase.all)
    func canonicalRequest(_ suiteCase: SigV4SuiteCase) {
        let signature = Self.signer(sessionToken: suiteCase.sessionToken).sign(Self.request(for: suiteCase), date: Self.signingDate)
        #expect(signature.canonicalRequest == suiteCase.canonicalRequest)
    }

    @Test(arguments: SigV4SuiteCase.all)
    func stringToSign(_ suiteCase: SigV4SuiteCase) {
        let signature = Self.signer(sessionToken: suiteCase.sessionToken).sign(Self.request(for: suiteCase), date: Self.signingDate)
        #expect(signature.stringToSign == suiteCase.stringToSign)
    }

    @Test(arguments: SigV4SuiteCase.all)
    func authorization(_ suiteCase: SigV4SuiteCase) {
        let signature = Self.signer(sessionToken: suiteCase.sessionToken).sign(Self.request(for: suiteCase), date: Self.signingDate)
        #expect(signature.authorization == suiteCase.authorization)
        #expect(signature.headersToAdd.first { $0.name == "Authorization" }?.value == suiteCase.authorization)
        #expect(signature.headersToAdd.first { $0.name == "X-Amz-Date" }?.value == "20150830T123600Z")
    }

    /// The verifier is checked against AWS's own signatures, not only against this module's signer.
    @Test(arguments: SigV4SuiteCase.all)
    func publishedSignatureVerifies(_ suiteCase: SigV4SuiteCase) throws {
        var request = Self.request(for: suiteCase)
        request.headers.append((name: "Authorization", value: suiteCase.authorization))
        let verifier = SigV4Verifier { $0 == Self.accessKeyID ? Self.secretAccessKey : nil }
        let verified = try verifier.verify(request, now: Self.signingDate)
        #expect(verified.accessKeyID == Self.accessKeyID)
        #expect(verified.region == "us-east-1")
        #expect(verified.service == "service")
        #expect(verified.date == Self.signingDate)
    }

    /// `post-sts-header-after`: the token is attached after signing, so the signature equals `post-vanilla`'s.
    @Test func sessionTokenAddedAfterSigning() {
        let request = SigV4Request(
            method: "POST",
            path: "/",
            headers: [("Host", "example.amazonaws.com"), ("X-Amz-Date", "20150830T123600Z")]
        )
        let signature = Self.signer().sign(request, date: Self.signingDate)
        #expect(signature.signature == "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b")
    }

    @Test func sessionTokenIsReturnedAsHeader() {
        let token = "session-token"
        let request = SigV4Request(method: "GET", path: "/", headers: [("Host", "example.amazonaws.com")])
        let signature = Self.signer(sessionToken: token).sign(request, date: Self.signingDate)
        #expect(signature.headersToAdd.map(\.name) == ["Authorization", "X-Amz-Date", "X-Amz-Security-Token"])
        #expect(signature.headersToAdd.last?.value == token)
        #expect(signature.signedHeaders == "host;x-amz-date;x-amz-security-token")
    }
}

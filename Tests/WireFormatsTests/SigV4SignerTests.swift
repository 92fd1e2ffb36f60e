import Foundation
import Testing
import WireFormats

@Suite struct SigV4SignerTests {
    static let credentials = SigV4Credentials(
        accessKeyID: "AKIDEXAMPLE",
        secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
    )
    static let signingDate = Date(timeIntervalSince1970: 1_440_938_160)

    /// The worked example from the IAM "Signature Version 4 signing process" documentation.
    @Test func iamListUsersDocumentationExample() {
        let signer = SigV4Signer(credentials: Self.credentials, region: "us-east-1", service: "iam")
        let request = SigV4Request(
            method: "GET",
            url: "https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08",
            headers: [("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")]
        )
        let signature = signer.sign(request, date: Self.signingDate)
        #expect(signature.canonicalRequest == """
            GET
            /
            Action=ListUsers&Version=2010-05-08
            content-type:application/x-www-form-urlencoded; charset=utf-8
            host:iam.amazonaws.com
            x-amz-date:20150830T123600Z

            content-type;host;x-amz-date
            e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
            """)
        #expect(signature.stringToSign == """
            AWS4-HMAC-SHA256
            20150830T123600Z
            20150830/us-east-1/iam/aws4_request
            f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59
            """)
        #expect(signature.signature == "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7")
        #expect(signature.authorization == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7")
    }

    /// Bedrock model IDs contain `:`; the wire path carries `%3A` and the canonical URI encodes that again.
    @Test func bedrockModelPathIsDoubleEncoded() {
        let signer = SigV4Signer(credentials: Self.credentials, region: "us-east-1", service: "bedrock")
        let request = SigV4Request(
            method: "POST",
            url: "https://bedrock-runtime.us-east-1.amazonaws.com/model/anthropic.claude-3-5-sonnet-20240620-v1%3A0/converse",
            headers: [("Content-Type", "application/json")],
            body: Array(#"{"messages":[]}"#.utf8)
        )
        let lines = signer.sign(request, date: Self.signingDate).canonicalRequest.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[1] == "/model/anthropic.claude-3-5-sonnet-20240620-v1%253A0/converse")
        #expect(lines[3] == "content-type:application/json")
        #expect(lines[4] == "host:bedrock-runtime.us-east-1.amazonaws.com")
    }

    @Test func canonicalURIRules() {
        func canonicalURI(_ path: String, options: SigV4SigningOptions = .standard) -> Substring {
            let signer = SigV4Signer(credentials: Self.credentials, region: "us-east-1", service: "svc", options: options)
            let request = SigV4Request(method: "GET", path: path, headers: [("Host", "h")])
            return signer.sign(request, date: Self.signingDate).canonicalRequest.split(separator: "\n")[1]
        }
        #expect(canonicalURI("/model/anthropic.claude-3:0/converse") == "/model/anthropic.claude-3%3A0/converse")
        #expect(canonicalURI("/model/anthropic.claude-3%3A0/converse") == "/model/anthropic.claude-3%253A0/converse")
        #expect(canonicalURI("/a%2Fb/c d/~ok") == "/a%252Fb/c%20d/~ok")
        #expect(canonicalURI("") == "/")
        #expect(canonicalURI("/a/./b/../c//") == "/a/c/")
        // S3 signs the key once and literally: no normalization, existing escapes kept.
        #expect(canonicalURI("/bucket/a%3A0/./x y", options: .s3) == "/bucket/a%3A0/./x%20y")
        #expect(canonicalURI("/bucket/a:0//k", options: .s3) == "/bucket/a%3A0//k")
        #expect(canonicalURI("/bucket/a%2Fb", options: .s3) == "/bucket/a%2Fb")
    }

    @Test func canonicalQueryRules() {
        func canonicalQuery(_ query: String) -> Substring {
            let signer = SigV4Signer(credentials: Self.credentials, region: "us-east-1", service: "svc")
            let request = SigV4Request(method: "GET", path: "/", query: query, headers: [("Host", "h")])
            return signer.sign(request, date: Self.signingDate).canonicalRequest.split(separator: "\n", omittingEmptySubsequences: false)[2]
        }
        #expect(canonicalQuery("b=2&a=1&a=0") == "a=0&a=1&b=2")
        #expect(canonicalQuery("c+d") == "c%2Bd=")
        #expect(canonicalQuery("key&empty=") == "empty=&key=")
        #expect(canonicalQuery("x=%7e%2a&y=a b") == "x=~%2A&y=a%20b")
        #expect(canonicalQuery("B=1&a=1&_=1") == "B=1&_=1&a=1")
        #expect(canonicalQuery("") == "")
    }

    @Test func headerValuesAreTrimmedCollapsedAndCombined() {
        let signer = SigV4Signer(credentials: Self.credentials, region: "us-east-1", service: "svc")
        let request = SigV4Request(
            method: "GET",
            path: "/",
            headers: [("Host", "h"), ("X-Multi", "  b  "), ("x-multi", "a\t\t c"), ("X-Empty", "   ")]
        )
        let canonical = signer.sign(request, date: Self.signingDate).canonicalRequest
        #expect(canonical.contains("\nx-empty:\nx-multi:b,a c\n"))
    }

    @Test func unsignableAndReplacedHeadersAreExcluded() {
        let signer = SigV4Signer(credentials: Self.credentials, region: "us-east-1", service: "svc")
        let request = SigV4Request(
            method: "GET",
            path: "/",
            headers: [
                ("Host", "h"), ("User-Agent", "test"), ("Authorization", "stale"),
                ("X-Amz-Date", "19990101T000000Z"), ("Transfer-Encoding", "chunked"),
            ]
        )
        let signature = signer.sign(request, date: Self.signingDate)
        #expect(signature.signedHeaders == "host;x-amz-date")
        #expect(signature.canonicalRequest.contains("x-amz-date:20150830T123600Z"))
    }

    @Test func s3AddsContentHashHeader() {
        let signer = SigV4Signer(credentials: Self.credentials, region: "us-east-1", service: "s3", options: .s3)
        let request = SigV4Request(method: "PUT", url: "https://bucket.s3.amazonaws.com/key", body: Array("hello".utf8))
        let signature = signer.sign(request, date: Self.signingDate)
        let hash = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"
        #expect(signature.headersToAdd.map(\.name) == ["Authorization", "X-Amz-Date", "x-amz-content-sha256"])
        #expect(signature.headersToAdd.last?.value == hash)
        #expect(signature.signedHeaders == "host;x-amz-content-sha256;x-amz-date")
        #expect(signature.canonicalRequest.hasSuffix("\n" + hash))
    }

    @Test func existingContentHashHeaderIsUsedAsPayloadHash() {
        let signer = SigV4Signer(credentials: Self.credentials, region: "us-east-1", service: "s3", options: .s3)
        let request = SigV4Request(
            method: "PUT",
            url: "https://bucket.s3.amazonaws.com/key",
            headers: [("x-amz-content-sha256", "UNSIGNED-PAYLOAD")],
            body: Array("hello".utf8)
        )
        let signature = signer.sign(request, date: Self.signingDate)
        #expect(signature.headersToAdd.map(\.name) == ["Authorization", "X-Amz-Date"])
        #expect(signature.canonicalRequest.hasSuffix("\nUNSIGNED-PAYLOAD"))
    }

    @Test(arguments: [
        (1_440_938_160.0, "20150830T123600Z"),
        (0.0, "19700101T000000Z"),
        (-0.5, "19691231T235959Z"),
        (951_782_400.0, "20000229T000000Z"),
        (1_709_251_199.999, "20240229T235959Z"),
        (4_102_444_800.0, "21000101T000000Z"),
    ])
    func amzDateFormatting(secondsSince1970: Double, expected: String) {
        let signer = SigV4Signer(credentials: Self.credentials, region: "us-east-1", service: "svc")
        let signature = signer.sign(SigV4Request(method: "GET", path: "/"), date: Date(timeIntervalSince1970: secondsSince1970))
        #expect(signature.headersToAdd.first { $0.name == "X-Amz-Date" }?.value == expected)
        #expect(signature.stringToSign.contains("\n\(expected.prefix(8))/us-east-1/svc/aws4_request\n"))
    }

    @Test func urlParsing() {
        let plain = SigV4Request(method: "GET", url: "https://example.com:443/a%20b?x=1#fragment")
        #expect(plain.path == "/a%20b")
        #expect(plain.query == "x=1")
        #expect(plain.headers.map(\.name) == ["Host"])
        #expect(plain.headers.map(\.value) == ["example.com"])

        let withPort = SigV4Request(method: "GET", url: "http://user@localhost:8080")
        #expect(withPort.path == "/")
        #expect(withPort.query == "")
        #expect(withPort.headers.map(\.value) == ["localhost:8080"])

        let explicitHost = SigV4Request(method: "GET", url: "https://a.example/p", headers: [("host", "b.example")])
        #expect(explicitHost.headers.map(\.value) == ["b.example"])

        let queryOnly = SigV4Request(method: "GET", url: "https://a.example?x=1")
        #expect(queryOnly.path == "/")
        #expect(queryOnly.query == "x=1")
    }

    @Test func credentialsDescriptionHidesSecrets() {
        let credentials = SigV4Credentials(accessKeyID: "AKID", secretAccessKey: "SECRET", sessionToken: "TOKEN")
        #expect(!credentials.description.contains("SECRET"))
        #expect(!credentials.description.contains("TOKEN"))
        #expect(credentials.description.contains("AKID"))
    }
}

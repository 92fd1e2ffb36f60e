import Foundation
import MLCommonsCore
import Testing
import WireFormats

@testable import MockLLM

@Suite struct SigV4Tests {
    static let credentials = SigV4Credentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    static let url = "https://bedrock-runtime.us-east-1.amazonaws.com/model/anthropic.claude-3-sonnet-20240229-v1%3A0/converse"
    static let body = Array(#"{"messages":[{"role":"user","content":[{"text":"Hi"}]}]}"#.utf8)

    /// A request signed as ml-commons' AWS SDK client signs it, at the mock's fixed clock.
    static func signedRequest(credentials: SigV4Credentials = credentials) -> MockLLMRequest {
        let signer = SigV4Signer(credentials: credentials, region: "us-east-1", service: "bedrock")
        var request = SigV4Request(method: "POST", url: url, headers: [("Content-Type", "application/json")], body: body)
        request.headers += signer.sign(request, date: Date(timeIntervalSince1970: TimeInterval(TestSupport.created))).headersToAdd
        return MockLLMRequest(
            method: request.method, host: "bedrock-runtime.us-east-1.amazonaws.com", path: request.path,
            query: request.query, headers: request.headers, body: request.body)
    }

    static let llm = TestSupport.mock(awsSecrets: [credentials.accessKeyID: credentials.secretAccessKey])

    @Test func acceptsAValidSignature() {
        #expect(Self.llm.respond(to: Self.signedRequest()).status == 200)
    }

    @Test func usesTheHostFieldWhenTheHeaderIsMissing() {
        var request = Self.signedRequest()
        request.headers.removeAll { $0.name.lowercased() == "host" }
        #expect(Self.llm.respond(to: request).status == 200)
    }

    @Test func rejectsATamperedBody() {
        var request = Self.signedRequest()
        request.body = Array(#"{"messages":[{"role":"user","content":[{"text":"Bye"}]}]}"#.utf8)
        let response = Self.llm.respond(to: request)
        #expect(response.status == 403)
        #expect(response.headerValue(named: "x-amzn-ErrorType") == "InvalidSignatureException")
        #expect(response.bodyText == #"{"message":"\#(MockLLM.signatureMismatchMessage)"}"#)
    }

    @Test func rejectsAWrongSecret() {
        let forged = SigV4Credentials(accessKeyID: Self.credentials.accessKeyID, secretAccessKey: "not-the-secret")
        #expect(Self.llm.respond(to: Self.signedRequest(credentials: forged)).status == 403)
    }

    @Test func rejectsAMissingDate() {
        var request = Self.signedRequest()
        request.headers.removeAll { $0.name.lowercased() == "x-amz-date" }
        let response = Self.llm.respond(to: request)
        #expect(response.status == 403)
        #expect(response.headerValue(named: "x-amzn-ErrorType") == "IncompleteSignatureException")
    }

    @Test func acceptsUnknownKeysUnchecked() {
        var request = Self.signedRequest(credentials: SigV4Credentials(accessKeyID: "AKIDOTHER", secretAccessKey: "x"))
        request.body = Array(#"{"messages":[]}"#.utf8)
        #expect(Self.llm.respond(to: request).status == 200)
        #expect(TestSupport.mock().respond(to: Self.signedRequest()).status == 200)
    }
}

import Foundation
import MLCommonsCore
import Testing

@testable import MockLLM

/// The mock's Google token endpoint and Vertex AI's check of its tokens; hostile forms get Google's errors.
@Suite("Google OAuth mock")
struct GoogleOAuthMockTests {
    static func base64URL(_ text: String) -> String {
        Data(text.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func token(_ form: String) -> MockLLMResponse {
        TestSupport.mock().respond(to: MockLLMRequest(
            method: "POST", host: "oauth2.googleapis.com", path: "/token",
            headers: [("Content-Type", "application/x-www-form-urlencoded")], body: Array(form.utf8)))
    }

    static func assertion(iat: String, exp: String) -> String {
        let claims = #"{"iss":"a@b.c","scope":"s","aud":"https://oauth2.googleapis.com/token","iat":\#(iat),"exp":\#(exp)}"#
        return base64URL(#"{"alg":"RS256","typ":"JWT"}"#) + "." + base64URL(claims) + ".c2ln"
    }

    @Test func grantsTokensForWellFormedAssertions() throws {
        let now = TestSupport.created
        let answer = Self.token("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=" + Self.assertion(iat: "\(now)", exp: "\(now + 3600)"))
        #expect(answer.status == 200)
        let token = try #require(try JSONParser.parse(answer.bodyText)["access_token"]?.stringValue)
        #expect(token.hasPrefix("ya29.mock-"))

        let vertex = MockLLMRequest(method: "POST", host: "us-central1-aiplatform.googleapis.com",
            path: "/v1/projects/p/locations/l/publishers/google/models/gemini-2.5-flash:generateContent",
            body: Array(#"{"contents":[{"role":"user","parts":[{"text":"hi"}]}]}"#.utf8))
        #expect(TestSupport.mock().respond(to: vertex).status == 401)
        var authorised = vertex
        authorised.headers = [("Authorization", "Bearer " + token)]
        #expect(TestSupport.mock().respond(to: authorised).status == 200)
    }

    @Test(arguments: ["=&a&=", "grant_type=x", "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=a.b"])
    func refusesMalformedForms(form: String) {
        #expect(Self.token(form).status == 400)
    }

    /// Numbers no 64-bit integer holds are refused, not trapped on.
    @Test func refusesHostileTimes() {
        let form = "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=" + Self.assertion(iat: "1e300", exp: "-1e300")
        #expect(Self.token(form).status == 400)
    }
}

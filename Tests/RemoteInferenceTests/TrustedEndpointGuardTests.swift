import MLCommonsCore
import RemoteInference
import Synchronization
import Testing

/// The call-time trusted-endpoint check: each URL is judged against the patterns the setting holds at that call.
@Suite("Trusted endpoint guard")
struct TrustedEndpointGuardTests {
    /// Answers every request with a 200 and counts the requests that reached it.
    final class CountingTransport: UpstreamTransport {
        let sent = Atomic(0)
        func send(_ request: UpstreamRequest) async throws -> UpstreamResponse {
            sent.add(1, ordering: .relaxed)
            return UpstreamResponse(status: 200, headers: [], body: ByteChunks([]))
        }
    }

    static func request(_ url: String) -> UpstreamRequest {
        UpstreamRequest(method: "POST", url: url, headers: [], body: [], isStreaming: true)
    }

    /// Whether the guard let `url` through to its base.
    static func passes(_ guarded: TrustedEndpointGuard, _ url: String) async -> Bool {
        do {
            _ = try await guarded.send(request(url))
            return true
        } catch let refusal as OutboundRefusal {
            #expect(refusal.inferenceError.message == "Connector URL is not matching the trusted connector endpoint regex")
            return false
        } catch {
            Issue.record("unexpected \(error)")
            return false
        }
    }

    @Test func judgesEachURLWholly() async {
        let base = CountingTransport()
        let guarded = TrustedEndpointGuard(base: base) { [#"^https://api\.openai\.com/.*$"#] }
        #expect(await Self.passes(guarded, "https://api.openai.com/v1/chat/completions"))
        #expect(await !Self.passes(guarded, "https://api.openai.com.evil.example/v1"))
        // A verdict given once is given again, either way.
        #expect(await Self.passes(guarded, "https://api.openai.com/v1/chat/completions"))
        #expect(await !Self.passes(guarded, "https://api.openai.com.evil.example/v1"))
        let sent = base.sent.load(ordering: .relaxed)
        #expect(sent == 2)
    }

    @Test func aChangedSettingActsOnTheNextCall() async {
        let patterns = Mutex([#"^http://127\.0\.0\.1:\d+/.*$"#])
        let guarded = TrustedEndpointGuard(base: CountingTransport()) { patterns.withLock { $0 } }
        let url = "http://127.0.0.1:9200/v1/chat/completions"
        #expect(await Self.passes(guarded, url))
        patterns.withLock { $0 = [#"^https://.*$"#] }
        #expect(await !Self.passes(guarded, url))
        patterns.withLock { $0 = [#"^https://.*$"#, #"^http://127\.0\.0\.1:9200/.*$"#] }
        #expect(await Self.passes(guarded, url))
        patterns.withLock { $0 = [] }
        #expect(await !Self.passes(guarded, url))
    }

    @Test func canonicallyEqualURLsAreJudgedApart() async {
        // Patterns match scalar by scalar, so a decomposed `é` is another URL, whichever spelling came first.
        let guarded = TrustedEndpointGuard(base: CountingTransport()) { [#"^https://caf\#u{E9}\.example/.*$"#] }
        #expect(await Self.passes(guarded, "https://caf\u{E9}.example/v1"))
        #expect(await !Self.passes(guarded, "https://cafe\u{301}.example/v1"))
        #expect(await Self.passes(guarded, "https://caf\u{E9}.example/v1"))
    }

    @Test func manyURLsKeepTheirVerdicts() async {
        let guarded = TrustedEndpointGuard(base: CountingTransport()) { [#"^http://host/even/\d*[02468]$"#] }
        for round in 0..<2 {
            for number in 0..<600 {
                let verdict = await Self.passes(guarded, "http://host/even/\(number)")
                #expect(verdict == number.isMultiple(of: 2), "round \(round), \(number)")
            }
        }
    }
}

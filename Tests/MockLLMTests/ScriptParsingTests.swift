import MLCommonsCore
import Testing

@testable import MockLLM

@Suite struct ScriptParsingTests {
    @Test func readsEveryField() throws {
        let script = try MockLLMScript(text: """
            {"description": "d", "_note": "comments are ignored",
             "rules": [{"name": "r", "description": "d",
                        "match": {"model": "gpt-*", "last_user_message": "(?i)hello", "tools_offered": ["A", "B"], "tool_result_present": false},
                        "reply": {"text": "Hi {{ last_user_message }}"},
                        "pacing": {"time_to_first_token_ms": 100, "delay_between_tokens_ms": 20, "tokens_per_chunk": 3},
                        "fault": {"type": "close_mid_stream", "after_chunks": 2}}],
             "default": {"reply": {"tool_call": {"name": "T"}}, "pacing": {"tokens_per_chunk": 2}}}
            """)
        let rule = try #require(script.rules.first)
        #expect(rule.name == "r")
        #expect(rule.match.model == "gpt-*")
        #expect(rule.match.lastUserMessage?.pattern == "(?i)hello")
        #expect(rule.match.toolsOffered == ["A", "B"])
        #expect(rule.match.toolResultPresent == false)
        guard case .text(let template) = rule.behaviour.reply else { Issue.record("expected a text reply"); return }
        #expect(template.segments == [.literal("Hi "), .placeholder(.lastUserMessage)])
        #expect(rule.behaviour.pacing == MockLLMPacing(timeToFirstToken: .milliseconds(100), delayBetweenTokens: .milliseconds(20), tokensPerChunk: 3))
        #expect(rule.behaviour.fault == .closeMidStream(afterChunks: 2))
        #expect(script.fallback.reply == .toolCall(name: "T", arguments: [:]))
        #expect(script.fallback.pacing == MockLLMPacing(tokensPerChunk: 2))
    }

    @Test func readsEveryFaultType() throws {
        func fault(_ json: String) throws -> MockLLMFault? {
            try MockLLMScript(text: #"{"rules":[{"fault":\#(json)}]}"#).rules.first?.behaviour.fault
        }
        #expect(try fault(#"{"type":"http_error"}"#) == .httpError(status: 500, body: nil))
        #expect(try fault(#"{"type":"http_error","status":503,"body":"down"}"#) == .httpError(status: 503, body: "down"))
        #expect(try fault(#"{"type":"http_error","status":400,"body":{"a":1}}"#) == .httpError(status: 400, body: #"{"a":1}"#))
        #expect(try fault(#"{"type":"rate_limit"}"#) == .rateLimit(afterChunks: nil))
        #expect(try fault(#"{"type":"rate_limit","after_chunks":2}"#) == .rateLimit(afterChunks: 2))
        #expect(try fault(#"{"type":"close_mid_stream"}"#) == .closeMidStream(afterChunks: 0))
        #expect(try fault(#"{"type":"malformed_chunk","after_chunks":1}"#) == .malformedChunk(afterChunks: 1))
        #expect(try fault(#"{"type":"no_answer"}"#) == .noAnswer(afterChunks: 0))
    }

    @Test(arguments: [
        (#"{"rulez":[]}"#, "$", #"unknown key "rulez""#),
        (#"{"rules":[{"match":{"modle":"x"}}]}"#, "$.rules[0].match", #"unknown key "modle""#),
        (#"{"rules":[{},{"match":{"last_user_message":"(unclosed"}}]}"#, "$.rules[1].match.last_user_message", "invalid regular expression"),
        (#"{"rules":[{"reply":{"text":"{{nope}}"}}]}"#, "$.rules[0].reply.text", "unknown placeholder {{nope}}"),
        (#"{"rules":[{"reply":{"tool_call":{"name":"T","arguments":{"q":["{{bad}}"]}}}}]}"#, "$.rules[0].reply.tool_call.arguments.q[0]", "unknown placeholder"),
        (#"{"rules":[{"reply":{"text":"a","tool_call":{"name":"T"}}}]}"#, "$.rules[0].reply", "exactly one of"),
        (#"{"rules":[{"reply":{"tool_call":{"arguments":{}}}}]}"#, "$.rules[0].reply.tool_call", #"needs a "name""#),
        (#"{"rules":[{"fault":{"type":"explode"}}]}"#, "$.rules[0].fault.type", #"unknown fault type "explode""#),
        (#"{"rules":[{"fault":{"type":"rate_limit","status":500}}]}"#, "$.rules[0].fault", #"unknown key "status""#),
        (#"{"rules":[{"fault":{"type":"http_error","status":200}}]}"#, "$.rules[0].fault.status", "out of range"),
        (#"{"rules":[{"pacing":{"tokens_per_chunk":0}}]}"#, "$.rules[0].pacing.tokens_per_chunk", "out of range"),
        (#"{"rules":[{"pacing":{"time_to_first_token_ms":"1"}}]}"#, "$.rules[0].pacing.time_to_first_token_ms", "expected a whole number"),
        (#"{"rules":{}}"#, "$.rules", "expected an array, found an object"),
        (#"{"rules":[{"match":{"tool_result_present":"yes"}}]}"#, "$.rules[0].match.tool_result_present", "expected true or false"),
        ("{bad", "$", "not valid JSON"),
    ])
    func rejectsWithLocation(script: String, path: String, message: String) {
        #expect {
            _ = try MockLLMScript(text: script)
        } throws: { error in
            guard let error = error as? MockLLMScriptError else { return false }
            return error.path == path && error.message.contains(message) && error.description.hasPrefix("mock LLM script: \(path): ")
        }
    }

    @Test func jsonRoundTrips() throws {
        let text = """
            {"rules":[{"name":"a","match":{"model":"m*","last_user_message":"x","tools_offered":["T"],"tool_result_present":true},
                       "reply":{"text":"{{tool_result}}"},"pacing":{"time_to_first_token_ms":5,"delay_between_tokens_ms":6,"tokens_per_chunk":7},
                       "fault":{"type":"rate_limit","after_chunks":1}},
                      {"reply":{"tool_call":{"name":"T","arguments":{"k":"{{model}}"}}},"fault":{"type":"http_error","status":502,"body":"x"}},
                      {"fault":{"type":"rate_limit"}}, {"fault":{"type":"no_answer","after_chunks":3}}],
             "default":{"reply":{"text":"d"}}}
            """
        let script = try MockLLMScript(text: text)
        #expect(try MockLLMScript(json: script.json) == script)
        #expect(MockLLMScript.empty.json == ["rules": []])
    }

    @Test func shippedScriptsParse() throws {
        for name in ["example", "chat-agent"] {
            let script = try MockLLMScript(bytes: try TestSupport.fixture(name))
            #expect(!script.rules.isEmpty)
        }
    }

    @Test func templateSegments() throws {
        let template = try MockLLMTemplate("a {{model}}{{tool_result}} b {{ unfinished")
        #expect(template.segments == [.literal("a "), .placeholder(.model), .placeholder(.toolResult), .literal(" b {{ unfinished")])
    }

    @Test func globMatching() {
        #expect(Glob.matches("gpt-4*", "gpt-4o-mini"))
        #expect(!Glob.matches("gpt-4*", "gpt-3.5-turbo"))
        #expect(Glob.matches("*", ""))
        #expect(Glob.matches("*claude*v1:0", "anthropic.claude-3-haiku-v1:0"))
        #expect(!Glob.matches("*claude*v1:0", "anthropic.claude-3-haiku-v1:1"))
        #expect(Glob.matches("a*a", "aa"))
        #expect(!Glob.matches("a*a", "a"))
        #expect(Glob.matches("exact", "exact"))
        #expect(!Glob.matches("exact", "exactly"))
    }

    @Test func tokenizer() {
        #expect(MockLLMTokenizer.tokens("Hello big  world") == ["Hello", " big", "  world"])
        #expect(MockLLMTokenizer.tokens("  lead trail  ") == ["  lead", " trail  "])
        #expect(MockLLMTokenizer.tokens("") == [])
        #expect(MockLLMTokenizer.tokens("   ") == ["   "])
        #expect(MockLLMTokenizer.chunks("a b c d e", tokensPerChunk: 2) == ["a b", " c d", " e"])
        #expect(MockLLMTokenizer.count("There are 9 indices in your cluster.") == 7)
    }
}

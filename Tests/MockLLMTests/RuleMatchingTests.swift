import MLCommonsCore
import Testing

@testable import MockLLM

@Suite struct RuleMatchingTests {
    static let script = """
        {"rules": [
          {"name": "gpt4", "match": {"model": "gpt-4*"}, "reply": {"text": "four"}},
          {"name": "greeting", "match": {"last_user_message": "(?i)^hello\\\\b"}, "reply": {"text": "greeting"}},
          {"name": "both-tools", "match": {"tools_offered": ["A", "B"], "tool_result_present": false}, "reply": {"text": "tools"}},
          {"name": "after-tool", "match": {"tool_result_present": true}, "reply": {"text": "result: {{tool_result}}"}},
          {"name": "no-reply", "match": {"model": "silent"}, "pacing": {"tokens_per_chunk": 5}}
        ],
        "default": {"reply": {"text": "default for {{model}}: {{last_user_message}}"}, "pacing": {"time_to_first_token_ms": 7}}}
        """

    /// Which rule answered and what it said, for an OpenAI request.
    func answer(model: String = "gpt-3.5-turbo", messages: String, tools: [String] = []) throws -> (rule: String, text: String) {
        let llm = try TestSupport.mock(scriptJSON: Self.script)
        let toolsJSON = tools.map { #"{"type":"function","function":{"name":"\#($0)","parameters":{}}}"# }.joined(separator: ",")
        let body = #"{"model":"\#(model)","messages":\#(messages),"tools":[\#(toolsJSON)],"parallel_tool_calls":false}"#
        let response = llm.respond(to: TestSupport.openAI(body))
        let text = try TestSupport.json(response)["choices"]?.arrayValue?.first?["message"]?["content"]?.stringValue
        return (response.headerValue(named: "x-mock-llm-rule") ?? "", text ?? "")
    }

    static let hello = #"[{"role":"user","content":"Hello there"}]"#
    static let question = #"[{"role":"developer","content":"sys"},{"role":"user","content":"How many indices?"}]"#

    @Test func modelGlob() throws {
        #expect(try answer(model: "gpt-4o-mini", messages: Self.hello).rule == "gpt4")
        #expect(try answer(model: "gpt-3.5-turbo", messages: Self.hello).rule == "greeting")
    }

    @Test func regexOnLastUserMessage() throws {
        #expect(try answer(messages: Self.hello) == ("greeting", "greeting"))
        #expect(try answer(messages: #"[{"role":"user","content":"hello"},{"role":"assistant","content":"hi"},{"role":"user","content":"bye"}]"#).rule
            == "default")
        #expect(try answer(messages: #"[{"role":"user","content":"bye"},{"role":"user","content":"HELLO you"}]"#).rule == "greeting")
        #expect(try answer(messages: #"[{"role":"user","content":"helloworld"}]"#).rule == "default")
    }

    @Test func toolsOfferedNeedsEveryName() throws {
        #expect(try answer(messages: Self.question, tools: ["B", "C", "A"]).rule == "both-tools")
        #expect(try answer(messages: Self.question, tools: ["A"]).rule == "default")
    }

    @Test func toolResultPresent() throws {
        let withResult = #"[{"role":"user","content":"q"},{"role":"assistant","content":null,"tool_calls":[{"id":"c","type":"function","function":{"name":"A","arguments":"{}"}}]},{"role":"tool","tool_call_id":"c","content":"42"}]"#
        #expect(try answer(messages: withResult, tools: ["A", "B"]) == ("after-tool", "result: 42"))
        #expect(try answer(messages: Self.question, tools: ["A", "B"]).rule == "both-tools")
    }

    @Test func defaultFillsReplyAndPacing() throws {
        #expect(try answer(messages: Self.question) == ("default", "default for gpt-3.5-turbo: How many indices?"))
        let silent = try answer(model: "silent", messages: Self.question)
        #expect(silent == ("no-reply", "default for silent: How many indices?"))

        let script = try MockLLMScript(text: Self.script)
        let plan = script.plan(for: MockLLMConversation(model: "silent"))
        #expect(plan.pacing == MockLLMPacing(tokensPerChunk: 5))
        #expect(script.plan(for: MockLLMConversation(model: "other")).pacing == MockLLMPacing(timeToFirstToken: .milliseconds(7)))
    }

    @Test func builtInReplyWithoutScript() throws {
        let response = TestSupport.mock().respond(to: TestSupport.openAI(#"{"model":"m","messages":[{"role":"user","content":"Ping?"}]}"#))
        #expect(try TestSupport.json(response)["choices"]?.arrayValue?.first?["message"]?["content"] == "Mock reply to: Ping?")
        #expect(response.headerValue(named: "x-mock-llm-rule") == "default")
    }

    @Test func firstMatchingRuleWins() throws {
        let llm = try TestSupport.mock(scriptJSON: #"{"rules":[{"name":"one","reply":{"text":"1"}},{"name":"two","reply":{"text":"2"}}]}"#)
        let response = llm.respond(to: TestSupport.openAI(#"{"model":"m","messages":[]}"#))
        #expect(response.headerValue(named: "x-mock-llm-rule") == "one")
    }

    @Test func replaceScriptAppliesToLaterRequests() throws {
        let llm = TestSupport.mock()
        let request = TestSupport.openAI(#"{"model":"m","messages":[{"role":"user","content":"x"}]}"#)
        llm.replaceScript(try MockLLMScript(text: #"{"rules":[{"reply":{"text":"replaced"}}]}"#))
        #expect(try TestSupport.json(llm.respond(to: request))["choices"]?.arrayValue?.first?["message"]?["content"] == "replaced")
        llm.script = .empty
        #expect(llm.script == .empty)
        #expect(try TestSupport.json(llm.respond(to: request))["choices"]?.arrayValue?.first?["message"]?["content"] == "Mock reply to: x")
    }

    @Test func toolCallArgumentsGetPlaceholders() throws {
        let llm = try TestSupport.mock(scriptJSON: #"{"rules":[{"reply":{"tool_call":{"name":"search","arguments":{"query":"{{last_user_message}}","n":3}}}}]}"#)
        let json = try TestSupport.json(llm.respond(to: TestSupport.openAI(#"{"model":"m","messages":[{"role":"user","content":"say \"hi\""}]}"#)))
        let arguments = json["choices"]?.arrayValue?.first?["message"]?["tool_calls"]?.arrayValue?.first?["function"]?["arguments"]
        #expect(arguments == #"{"query":"say \"hi\"","n":3}"#)
    }
}

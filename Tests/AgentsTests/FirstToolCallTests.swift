@testable import Agents
import MLCommonsCore
import Testing

/// 3.5's `filterToFirstToolCall` (#4523): a turn with several calls is replayed with only the call that runs.
@Suite("First tool call only")
struct FirstToolCallTests {
    static let bedrockTurn = try! JSONParser.parse(#"""
        {"output":{"message":{"content":[{"text":"Looking."},
          {"toolUse":{"input":{"a":1},"name":"First","toolUseId":"t1"}},
          {"toolUse":{"input":{"b":2},"name":"Second","toolUseId":"t2"}}],"role":"assistant"}},"stopReason":"tool_use"}
        """#)

    static func replayed(_ dataAsMap: JSONValue, _ functionCalling: any FunctionCalling, firstOnly: Bool) -> String? {
        var parameters: [String: String] = [:]
        functionCalling.configure(&parameters)
        return LLMAnswer(dataAsMap: dataAsMap, parameters: parameters, functionCalling: functionCalling, firstToolCallOnly: firstOnly)
            .assistantMessage
    }

    @Test func bedrockKeepsTheTextAndTheFirstCall() throws {
        let before = try #require(Self.replayed(Self.bedrockTurn, BedrockConverseFunctionCalling(), firstOnly: false))
        #expect(before.contains("Second"))
        let after = try #require(Self.replayed(Self.bedrockTurn, BedrockConverseFunctionCalling(), firstOnly: true))
        #expect(after.contains("Looking.") && after.contains("First") && !after.contains("Second"))
    }

    @Test func geminiKeepsTheFirstFunctionCall() throws {
        let turn = try JSONParser.parse(#"""
            {"candidates":[{"content":{"parts":[{"functionCall":{"name":"First","args":{}}},{"functionCall":{"name":"Second","args":{}}}],"role":"model"},"finishReason":"STOP"}]}
            """#)
        let after = try #require(Self.replayed(turn, GeminiGenerateContentFunctionCalling(), firstOnly: true))
        #expect(after.contains("First") && !after.contains("Second"))
        #expect(try #require(Self.replayed(turn, GeminiGenerateContentFunctionCalling(), firstOnly: false)).contains("Second"))
    }

    @Test func oneCallIsLeftAsItIs() {
        let single = Self.bedrockTurn.setting(.array([["toolUse": ["input": [:], "name": "Only", "toolUseId": "t"]]]), at: ["output", "message", "content"])
        #expect(BedrockConverseFunctionCalling().keepingFirstToolCall(single) == single)
    }
}

/// Token sums wrap past Int64 as Java's `long` does, instead of stopping the process.
@Suite("Token usage sums")
struct TokenUsageSumTests {
    @Test func sumsWrapLikeJavaLongs() {
        let huge = TokenUsage(inputTokens: .max, outputTokens: 1)
        let sum = huge.adding(TokenUsage(inputTokens: 1, totalTokens: 5))
        #expect(sum.inputTokens == .min)
        #expect(sum.outputTokens == 1)
        #expect(sum.totalTokens == 5)
        #expect(TokenUsage.long(.number(JSONNumber(text: "9e18"))) == 9_000_000_000_000_000_000)
        #expect(TokenUsage.long(.number(JSONNumber(text: "1e30"))) == nil)
    }
}

@testable import Agents
import MLCommonsCore
import Synchronization
import Testing

@Suite("MLModelTool")
struct MLModelToolTests {
    static let output = try! JSONParser.parse(#"""
        {"inference_results":[{"output":[{"name":"response","dataAsMap":{"response":"Hello","usage":{"total":3},"note":null}}],"status_code":200}]}
        """#)

    @Test func returnsTheResponseFieldOrTheWholeMap() async throws {
        let calls = Mutex<[(String, [String: String])]>([])
        let fixture = try ToolFixture { model, parameters in
            calls.withLock { $0.append((model, parameters)) }
            return Self.output
        }
        let spec = ToolSpec(type: "MLModelTool", parameters: ["model_id": "m1"])
        let tool = try ToolRegistry.make(spec, context: fixture.context)
        #expect(try await tool.run(["prompt": "hi"]) == .text("Hello"))
        #expect(calls.withLock { $0.first?.0 } == "m1")
        #expect(calls.withLock { $0.first?.1 } == ["prompt": "hi"])

        let usage = MLModelTool(spec: ToolSpec(type: "MLModelTool", parameters: ["model_id": "m1", "response_field": "usage"]), context: fixture.context)
        #expect(try await usage.run(["prompt": "hi"]) == .json(["total": 3.0]))
        #expect(try await usage.run(["prompt": "hi"]).text == #"{"total":3.0}"#)

        let whole = MLModelTool(spec: ToolSpec(type: "MLModelTool", parameters: ["model_id": "m1", "response_field": "text"]), context: fixture.context)
        #expect(try await whole.run(["prompt": "hi"]) == .text(#"{"response":"Hello","usage":{"total":3.0},"note":null}"#))
    }

    @Test func emptyTensorsAndMissingModelFail() async throws {
        #expect(throws: OpenSearchError.illegalState("LLM returns wrong or empty tensors")) {
            try MLModelTool.extract(["inference_results": []], responseField: "response")
        }
        #expect(throws: OpenSearchError.illegalArgument("Model ID can't be null or empty")) {
            try ToolRegistry.make(ToolSpec(type: "MLModelTool"), context: try ToolFixture().context)
        }
    }
}

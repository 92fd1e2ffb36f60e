@testable import Agents
import MLCommonsCore
import Testing

@Suite("Tool registry, catalog and input parameters")
struct ToolRegistryTests {
    @Test func unknownTypesAreNotFound() throws {
        let context = try ToolFixture().context
        #expect(throws: OpenSearchError.illegalArgument("Tool not found: PPLTool")) {
            try ToolRegistry.make(ToolSpec(type: "PPLTool"), context: context)
        }
        // ml-commons has it; the emulator cannot run it yet, and says so rather than claim it does not exist.
        #expect(throws: OpenSearchError.toolNotEmulated("VisualizationTool")) {
            try ToolRegistry.make(ToolSpec(type: "VisualizationTool"), context: context)
        }
        #expect(ObjectIdentifier(try ToolRegistry.toolType("IndexMappingTool")) == ObjectIdentifier(IndexMappingTool.self))
        #expect(ToolRegistry.tools.map { $0.type } == ["ListIndexTool", "IndexMappingTool", "SearchIndexTool", "MLModelTool", "AgentTool", "ConnectorTool", "QueryPlanningTool", "WebSearchTool"])
    }

    @Test func catalogListsTheRegisteredFactoriesInHashMapOrder() throws {
        #expect(ToolCatalog.listed.map(\.name) == [
            "ConnectorTool", "IndexInsightTool", "QueryPlanningTool", "ReadFromScratchPadTool", "VisualizationTool",
            "McpSseTool", "MLModelTool", "AgentTool", "WriteToScratchPadTool", "IndexMappingTool",
            "McpStreamableHttpTool", "ListIndexTool", "SearchIndexTool",
        ])
        #expect(throws: OpenSearchError.statusException(
            "Failed to find tool information with the provided tool name: Nope", status: 404)) {
            try ToolCatalog.tool(named: "Nope")
        }
        #expect(ToolCatalog.indexInsightSchema.hasPrefix("        {\n            \"type\": \"object\",\n"))
        #expect(ToolCatalog.indexInsightSchema.hasSuffix("\n        },\n        \"strict\": false\n      }\n"))
    }

    @Test func inputMembersAreMergedAsGsonText() {
        let extracted = ToolInputParameters.extract(
            ["input": #"{"a":1,"b":"x","c":{"d":null},"e":"${parameters.p}"}"#, "p": "v"], attributes: [:])
        #expect(extracted == [
            "input": #"{"a":1,"b":"x","c":{"d":null},"e":"v"}"#, "p": "v", "a": "1.0", "b": "x", "c": #"{"d":null}"#, "e": "v",
        ])
        #expect(ToolInputParameters.extract(["input": "not json", "p": "v"], attributes: [:]) == ["input": "not json", "p": "v"])
        #expect(ToolInputParameters.extract(["p": "v", "q": "w"], attributes: ["required_parameters": #"["q"]"#]) == ["q": "w"])
    }
}

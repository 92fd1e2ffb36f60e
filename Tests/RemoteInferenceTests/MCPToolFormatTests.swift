import MLCommonsCore
import RemoteInference
import Testing

/// What ml-commons makes of an MCP server's tool listing and results (SDK 0.12.1 records through gson, or Jackson).
@Suite("MCP tool format")
struct MCPToolFormatTests {
    /// Only the `JsonSchema` record's fields survive, `$defs` under its Java name, numbers as doubles, nulls dropped.
    @Test func inputSchemasGoThroughTheSchemaRecord() throws {
        let schema = try JSONParser.parse(#"""
            {"title":"X","$schema":"s","type":"object","properties":{"a":{"type":"integer","minimum":1,"default":null},"b":{"enum":[1,2.5]}},
             "required":["a"],"additionalProperties":false,"$defs":{"d":{"maximum":100}}}
            """#)
        #expect(try MCPToolFormat.inputSchema(schema)
            == #"{"type":"object","properties":{"a":{"type":"integer","minimum":1.0},"b":{"enum":[1.0,2.5]}},"required":["a"],"additionalProperties":false,"defs":{"d":{"maximum":100.0}}}"#)
        #expect(try MCPToolFormat.inputSchema(nil) == "null")
    }

    /// Jackson refuses what the record cannot hold; ml-commons then drops the connector's tools.
    @Test(arguments: [
        #"{"type":["object","null"]}"#, #"{"additionalProperties":{"type":"string"}}"#, #"{"required":[1]}"#, #"{"properties":[]}"#,
    ])
    func unreadableSchemasAreRefused(schema: String) throws {
        #expect(throws: MCPClientError.self) { try MCPToolFormat.inputSchema(try JSONParser.parse(schema)) }
    }

    static let result = try! JSONParser.parse(#"""
        {"content":[
          {"type":"text","text":"hi <b>"},
          {"type":"image","data":"AAA=","mimeType":"image/png","annotations":{"audience":["user"],"priority":1}},
          {"type":"resource","resource":{"uri":"file:///a","mimeType":"text/plain","text":"t"},"_meta":{"k":1}},
          {"type":"resource_link","name":"n","uri":"file:///b","size":12}
        ],"isError":true,"structuredContent":{"x":1}}
        """#)

    @Test func resultsAsGsonWritesTheRecords() throws {
        #expect(try MCPToolFormat.output(of: Self.result, style: .gsonRecords) == #"[{"annotations":null,"text":"hi <b>","meta":null},{"annotations":{"audience":["USER"],"priority":1.0},"data":"AAA=","mimeType":"image/png","meta":null},{"annotations":null,"resource":{"uri":"file:///a","mimeType":"text/plain","text":"t","meta":null},"meta":{"k":1}},{"name":"n","title":null,"uri":"file:///b","description":null,"mimeType":null,"size":12,"annotations":null,"meta":null}]"#)
    }

    @Test func resultsAsJacksonWritesThem() throws {
        #expect(try MCPToolFormat.output(of: Self.result, style: .jackson) == #"[{"text":"hi <b>"},{"annotations":{"audience":["user"],"priority":1.0},"data":"AAA=","mimeType":"image/png"},{"resource":{"uri":"file:///a","mimeType":"text/plain","text":"t"},"_meta":{"k":1}},{"name":"n","uri":"file:///b","size":12}]"#)
    }

    @Test func anUnknownContentTypeFails() {
        #expect(throws: MCPClientError.self) { try MCPToolFormat.output(of: ["content": [["type": "video"]]], style: .gsonRecords) }
    }

    /// Endpoints resolve against the connector URL as `URI.resolve` does.
    @Test func endpointsResolveAgainstTheURL() {
        #expect(MCPConnection(transport: .streamableHTTP, baseURL: "http://h:8000/api", endpoint: nil, headers: []).url == "http://h:8000/mcp/")
        #expect(MCPConnection(transport: .sse, baseURL: "http://h:8000", endpoint: nil, headers: []).url == "http://h:8000/sse")
        #expect(MCPConnection(transport: .streamableHTTP, baseURL: "http://h/api/v1", endpoint: "mcp", headers: []).url == "http://h/api/mcp")
    }
}

import MLCommonsCore
import Testing

/// The skills plugin's `WebSearchTool` against the emulator's own search engine (`/__emulator/web`) on loopback.
@Suite("WebSearchTool")
struct WebSearchToolTests {
    static let pages = #"""
        {"pages":[
          {"name":"whales","title":"Whales","text":"Whales are marine mammals.\nThe blue whale is the largest animal & lives in the ocean."},
          {"name":"ships","title":"Ships","text":"Whaling ships sailed the ocean."},
          {"name":"cats","title":"Cats","text":"Cats purr."}]}
        """#

    static func search(_ client: EmulatorClient, port: Int, _ extra: String = "", path: String = "$.results[*].url") async throws -> Reply {
        try await client.call(.post, "/_plugins/_ml/tools/_execute/WebSearchTool", #"""
            {"parameters":{"engine":"custom","endpoint":"http://127.0.0.1:\#(port)/__emulator/web/search","custom_api":"x",
             "custom_res_url_jsonpath":"\#(path)","question":"whales ocean"\#(extra)}}
            """#)
    }

    /// Links from the engine's answer, each page fetched and read as jsoup reads its body (the head's title is not in
    /// it), the next page's offset ten on; gson writes the result with its nulls.
    @Test func searchesAndReadsThePages() async throws {
        try await EmulatorHarness.withServer { client in
            let port = try #require(client.client.port)
            #expect(try await client.call(.put, "/__emulator/web/pages", Self.pages).status == 200)
            let base = "http://127.0.0.1:\(port)/__emulator/web"
            let first = try await Self.search(client, port: port)
            #expect(first.body == ToolExecuteTests.result(
                #"{"next_page":"\#(base)/search?q=whales+ocean&offset=10&limit=10","items":[{"url":"\#(base)/pages/whales","title":"","content":"Whales Whales are marine mammals. The blue whale is the largest animal & lives in the ocean."},{"url":"\#(base)/pages/ships","title":"","content":"Ships Whaling ships sailed the ocean."}]}"#))

            let next = try await Self.search(client, port: port, #","next_page":"\#(base)/search?q=whales+ocean&offset=1&limit=10""#)
            #expect(next.body == ToolExecuteTests.result(
                #"{"next_page":"\#(base)/search?q=whales+ocean&offset=11&limit=10","items":[{"url":"\#(base)/pages/ships","title":"","content":"Ships Whaling ships sailed the ocean."}]}"#))

            // An offset no Java int holds reads as 0, as `NumberUtils.toInt` reads it.
            let huge = try await Self.search(client, port: port, #","next_page":"\#(base)/search?q=whales+ocean&offset=9223372036854775807&limit=10""#)
            #expect(try huge.json["inference_results"]?.arrayValue?.first?["output"]?.arrayValue?.first?["result"]?.stringValue?
                .contains("offset=10&limit=10") == true)

            // A link that cannot be fetched stays in the list as null.
            let broken = try await Self.search(client, port: port, path: "$.results[*].title")
            #expect(broken.body == ToolExecuteTests.result(#"{"next_page":"\#(base)/search?q=whales+ocean&offset=10&limit=10","items":[null,null]}"#))
        }
    }

    /// The skills plugin's checks, its inverted Bing key check and the custom engine's `custom_api` included.
    @Test func validation() async throws {
        try await EmulatorHarness.withServer { client in
            let invalid = ToolExecuteTests.failure(400, "IllegalArgumentException", "Invalid parameters for tool: WebSearchTool")
            for parameters in [
                #"{"engine":"bing","api_key":"k","question":"q"}"#, #"{"engine":"google","api_key":"k","question":"q"}"#,
                #"{"engine":"custom","endpoint":"http://x","custom_res_url_jsonpath":"$","question":"q"}"#, #"{"question":"q"}"#,
                #"{"engine":"duckduckgo"}"#,
            ] {
                let reply = try await client.call(.post, "/_plugins/_ml/tools/_execute/WebSearchTool", #"{"parameters":\#(parameters)}"#)
                #expect(reply.body == invalid, "\(parameters)")
            }
        }
    }
}

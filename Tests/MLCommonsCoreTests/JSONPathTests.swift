import MLCommonsCore
import Testing

@Suite("JSONPath (Jayway subset)")
struct JSONPathTests {
    static let chatCompletion = #"{"id":"chatcmpl-CLl4n","object":"chat.completion","created":1759580469,"model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"message":{"role":"assistant","content":"Hello! How can I help?","refusal":null,"annotations":[]},"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":33,"completion_tokens":9,"total_tokens":42},"service_tier":"default"}"#
    static let toolCall = #"{"id":"chatcmpl-1","object":"chat.completion","created":1759580469,"choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[{"id":"call_abc","type":"function","function":{"name":"RetrieveIndexMetaTool","arguments":"{}"}}],"refusal":null,"annotations":[]},"finish_reason":"tool_calls"}],"usage":{"prompt_tokens":120,"completion_tokens":15,"total_tokens":135}}"#
    static let bedrockConverse = #"{"metrics":{"latencyMs":1234},"output":{"message":{"content":[{"text":"Let me check."},{"toolUse":{"input":{"indices":[]},"name":"RetrieveIndexMetaTool","toolUseId":"tooluse_1"}}],"role":"assistant"}},"stopReason":"tool_use","usage":{"inputTokens":10,"outputTokens":5,"totalTokens":15}}"#
    static let embeddings = #"{"object":"list","data":[{"object":"embedding","index":0,"embedding":[0.1,-0.2]},{"object":"embedding","index":1,"embedding":[0.3,0.4]}],"model":"text-embedding-3-small","usage":{"prompt_tokens":2,"total_tokens":2}}"#
    static let misc = #"{"a.b":"dot","key with space":[10,20,30,40],"a":1,"b":{"a":2,"c":[{"a":3}]}}"#

    private func read(_ document: String, _ path: String) throws -> JSONValue {
        try JSONPath(path).read(try JSONParser.parse(document))
    }

    private func readText(_ document: String, _ path: String) throws -> String {
        try read(document, path).gsonText
    }

    @Test func readsTheAgentPaths() throws {
        #expect(try read(Self.chatCompletion, "$.choices[0].message.content") == "Hello! How can I help?")
        #expect(try readText(Self.toolCall, "$.choices[0].message.tool_calls")
            == #"[{"id":"call_abc","type":"function","function":{"name":"RetrieveIndexMetaTool","arguments":"{}"}}]"#)
        #expect(try read(Self.toolCall, "$.choices[0].finish_reason") == "tool_calls")
        #expect(try read(Self.bedrockConverse, "$.output.message.content[0].text") == "Let me check.")
        #expect(try readText(Self.bedrockConverse, "$.output.message.content[*].toolUse")
            == #"[{"input":{"indices":[]},"name":"RetrieveIndexMetaTool","toolUseId":"tooluse_1"}]"#)
        #expect(try read(Self.bedrockConverse, "$.stopReason") == "tool_use")
        #expect(try readText(Self.embeddings, "$.data[*].embedding") == "[[0.1,-0.2],[0.3,0.4]]")
    }

    @Test func readsAPathWithoutTheRoot() throws {
        let call = try JSONParser.parse(#"{"id":"c1","function":{"name":"T","arguments":"{}"}}"#)
        #expect(try JSONPath("function.name").read(call) == "T")
        #expect(try JSONPath("function.name").description == "$['function']['name']")
    }

    @Test func bracketKeysIndexesSlicesAndWildcards() throws {
        #expect(try read(Self.misc, "$['a.b']") == "dot")
        #expect(try readText(Self.misc, #"$["key with space"][-1]"#) == "40")
        #expect(try readText(Self.misc, "$['key with space'][0,2]") == "[10,30]")
        #expect(try readText(Self.misc, "$['key with space'][1:3]") == "[20,30]")
        #expect(try readText(Self.misc, "$['key with space'][2:]") == "[30,40]")
        #expect(try readText(Self.misc, "$['key with space'][:-3]") == "[10]")
        #expect(try readText(Self.misc, "$.*") == #"["dot",[10,20,30,40],1,{"a":2,"c":[{"a":3}]}]"#)
        #expect(try readText(Self.misc, "$['a','b','zz']") == #"{"a":1,"b":{"a":2,"c":[{"a":3}]}}"#)
        #expect(try readText(Self.misc, "$") == Self.misc)
    }

    @Test func deepScanFindsEveryMatchInDocumentOrder() throws {
        #expect(try readText(Self.misc, "$..a") == "[1,2,3]")
        #expect(try readText(Self.chatCompletion, "$..content") == #"["Hello! How can I help?"]"#)
        #expect(try readText(Self.chatCompletion, "$..nothing") == "[]")
    }

    @Test func indefinitePathSkipsMissingLeaves() throws {
        #expect(try readText(Self.chatCompletion, "$.choices[*].missing") == "[]")
    }

    @Test func definitePathMissesThrowJaywayMessages() throws {
        #expect(throws: JSONPathError.pathNotFound("No results for path: $['choices'][0]['message']['missing']")) {
            try read(Self.chatCompletion, "$.choices[0].message.missing")
        }
        #expect(throws: JSONPathError.pathNotFound("No results for path: $['choices'][5]['message']")) {
            try read(Self.chatCompletion, "$.choices[5].message")
        }
        #expect(throws: JSONPathError.pathNotFound("Missing property in path $['usage']['x']")) {
            try read(Self.chatCompletion, "$.usage.x.y")
        }
        #expect(throws: JSONPathError.pathNotFound("The path $['choices'][0]['logprobs'] is null")) {
            try read(Self.chatCompletion, "$.choices[0].logprobs[0]")
        }
        #expect(throws: JSONPathError.pathNotFound(
            "Expected to find an object with property ['x'] in path $['model'] but found 'java.lang.String'. "
                + "This is not a json object according to the JsonProvider: 'com.jayway.jsonpath.spi.json.JsonSmartJsonProvider'.")
        ) {
            try read(Self.chatCompletion, "$.model.x")
        }
        #expect(throws: JSONPathError.pathNotFound(
            "Filter: [0] can only be applied to arrays. Current context is: {prompt_tokens=33, completion_tokens=9, total_tokens=42}")
        ) {
            try read(Self.chatCompletion, "$.usage[0]")
        }
    }

    @Test func gsonDocumentsNameGsonClasses() throws {
        let dataAsMap = try JSONParser.parse(#"{"choices":[{"index":0}]}"#).gsonNormalized
        #expect(throws: JSONPathError.pathNotFound(
            "Expected to find an object with property ['x'] in path $['choices'] but found 'java.util.ArrayList'. "
                + "This is not a json object according to the JsonProvider: 'com.jayway.jsonpath.spi.json.JsonSmartJsonProvider'.")
        ) {
            try JSONPath("$.choices.x").read(dataAsMap, model: .gson)
        }
    }

    @Test func compilesToJaywayNormalForm() throws {
        #expect(try JSONPath("$.a..b[*]['c','d'][0,1][1:][:2]").description == "$['a']..['b'][*]['c','d'][0,1][1:][:2]")
        #expect(try JSONPath(#"$["k"]"#).description == #"$["k"]"#)
        #expect(try JSONPath("$[1:2:3]").description == "$[1:2]")
        #expect(try JSONPath("$.choices[0].message").isDefinite)
        #expect(try !JSONPath("$.data[*].embedding").isDefinite)
        #expect(try !JSONPath("$..a").isDefinite)
    }

    @Test(arguments: [
        ("$.", "Path must not end with a '.' or '..'"),
        ("$.a b", "Use bracket notion ['my prop'] if your property contains blank characters. position: 2"),
        ("$['a", "Property has not been closed - missing closing '"),
        ("$x", "Illegal character at position 1 expected '.' or '['"),
        ("$['a',]", "Found empty property at index 6"),
        ("$[a]", "Could not parse token starting at position 1. Expected ?, ', 0-9, * "),
        ("$[0 1]", "Failed to parse token in ArrayIndexOperation: 0 1"),
        ("$.a.length(", "Arguments to function: 'length' are not closed properly."),
    ])
    func invalidPathsFailLikeJayway(path: String, message: String) {
        #expect(throws: JSONPathError.invalidPath(message)) { try JSONPath(path) }
    }

    @Test func filtersAndFunctionsAreReportedAsUnsupported() {
        #expect(throws: JSONPathError.unsupported("Filter expressions are not supported: $.a[?(@.b == 1)]")) {
            try JSONPath("$.a[?(@.b == 1)]")
        }
        #expect(throws: JSONPathError.unsupported("Path functions are not supported: length")) {
            try JSONPath("$.data.length()")
        }
    }

    @Test func pathLengthIsBoundedBeforeTheStackIs() throws {
        #expect(throws: JSONPathError.unsupported("Paths of more than 512 steps are not supported")) {
            try JSONPath("$" + String(repeating: "[0]", count: 50_000))
        }
        // The deepest path allowed still evaluates against a document as deep as the parser allows.
        var document: JSONValue = "leaf"
        for _ in 0..<512 { document = [document] }
        #expect(try JSONPath("$" + String(repeating: "[0]", count: 512)).read(document) == "leaf")
    }
}

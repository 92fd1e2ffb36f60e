import MLCommonsCore
import Testing

@Suite("Request parameters as ml-commons holds them")
struct RequestParametersTests {
    @Test func nonStringValuesBecomeGsonText() throws {
        let body = try JSONParser.parse(#"""
            {"parameters":{"n":5,"t":0.7,"small":0.0001,"whole":2.0,"flag":true,"none":null,"text":"hi",
             "message":{"content":"x","role":"user"},
             "list":[1,0.5,"s",{"content":"c","role":"tool","tool_call_id":"t1"}]}}
            """#).objectValue!
        let map = RequestParameters.stringMap(body["parameters"]!.objectValue!)
        #expect(map["n"] == "5")
        #expect(map["t"] == "0.7")
        #expect(map["small"] == "1.0E-4")
        #expect(map["whole"] == "2.0")
        #expect(map["flag"] == "true")
        #expect(map["none"] == "null")
        #expect(map["text"] == "hi")
        // Nested maps are Java HashMaps: role before content, tool_call_id between them.
        #expect(map["message"] == #"{"role":"user","content":"x"}"#)
        #expect(map["list"] == #"[1,0.5,"s",{"role":"tool","tool_call_id":"t1","content":"c"}]"#)
    }

    @Test func escapingKeepsJSONAndNoEscapeKeysRaw() {
        let escaped = RequestParameters.escaped([
            "question": "What is 1/2 of \"é\"?\n",
            "messages": #"[{"role":"user","content":"a/b"}]"#,
            "_chat_history": #"{"role":"user","content":"hi"}, "#,
            "tool_configs": #", "tools": []"#,
            "no_escape_params": "_chat_history, tool_configs",
            "number": "5",
        ])
        #expect(escaped["question"] == #"What is 1\/2 of \"\u00E9\"?\n"#)
        #expect(escaped["messages"] == #"[{"role":"user","content":"a/b"}]"#)
        #expect(escaped["_chat_history"] == #"{"role":"user","content":"hi"}, "#)
        #expect(escaped["tool_configs"] == #", "tools": []"#)
        #expect(escaped["no_escape_params"] == "_chat_history, tool_configs")
        #expect(escaped["number"] == "5")
    }

    @Test func requestBodyIsParsedThenEscaped() throws {
        let body = try JSONParser.parse(#"{"parameters":{"prompt":"a/b","max_tokens":100,"stop":["\n"]}}"#).objectValue!
        let parameters = RequestParameters.escaped(fromRequestBody: body)
        #expect(parameters == ["prompt": #"a\/b"#, "max_tokens": "100", "stop": #"["\n"]"#])
        #expect(RequestParameters.escaped(fromRequestBody: ["parameters": "x"]) == [:])
    }
}

import MLCommonsCore
import Testing

@Suite("Connector template rendering (HttpConnector.createPayload)")
struct ConnectorTemplateTests {
    static let openAITemplate = #"{ "model": "${parameters.model}", "messages": [{"role":"developer","content":"${parameters.system_prompt}"},${parameters._chat_history:-}{"role":"user","content":"${parameters.prompt}"}${parameters._interactions:-}]${parameters.tool_configs:-} }"#
    static let bedrockTemplate = #"{ "system": [{"text": "${parameters.system_prompt}"}], "messages": [${parameters._chat_history:-}{"role":"user","content":[{"text":"${parameters.prompt}"}]}${parameters._interactions:-}]${parameters.tool_configs:-} }"#
    static let listIndexTool = #"{"type": "function", "function": { "name": "RetrieveIndexMetaTool", "description": "Use this tool to get OpenSearch index information.", "parameters": {"type":"object","properties":{"indices":{"type":"array","items": {"type": "string"},"description":"OpenSearch index name list, separated by comma. for example: [\"index1\", \"index2\"], use empty array [] to list all indices in the cluster"}},"additionalProperties":false}, "strict": false } }"#

    /// Agent parameters as the function-calling configuration leaves them, before escaping.
    static func agentParameters(_ extra: [String: String]) -> [String: String] {
        var raw = [
            "system_prompt": "You are a helpful assistant.\nAnswer in <b>one</b> line é.",
            "prompt": "${parameters.question}",
            "question": "How many indices are in my cluster? 1/2",
            "no_escape_params": "_chat_history,_tools,_interactions,tool_configs",
        ]
        raw.merge(extra) { $1 }
        var merged = ["model": "gpt-4o-mini"]  // a connector parameter: never escaped
        merged.merge(RequestParameters.escaped(raw)) { $1 }
        return merged
    }

    @Test func rendersTheDocumentedOpenAITemplate() throws {
        let parameters = Self.agentParameters([
            "_chat_history": #"{"role":"user","content":"hi"}, {"role":"assistant","content":"Hello!"}, "#,
            "tool_configs": #", "tools": [${parameters._tools:-}], "parallel_tool_calls": false"#,
            "_tools": Self.listIndexTool,
        ])
        let payload = try PayloadRenderer(requestBody: Self.openAITemplate).render(parameters: parameters)
        #expect(payload == #"{ "model": "gpt-4o-mini", "messages": [{"role":"developer","content":"You are a helpful assistant.\nAnswer in <b>one<\/b> line \u00E9."},{"role":"user","content":"hi"}, {"role":"assistant","content":"Hello!"}, {"role":"user","content":"How many indices are in my cluster? 1\/2"}], "tools": [{"type": "function", "function": { "name": "RetrieveIndexMetaTool", "description": "Use this tool to get OpenSearch index information.", "parameters": {"type":"object","properties":{"indices":{"type":"array","items": {"type": "string"},"description":"OpenSearch index name list, separated by comma. for example: [\"index1\", \"index2\"], use empty array [] to list all indices in the cluster"}},"additionalProperties":false}, "strict": false } }], "parallel_tool_calls": false }"#)
        try PayloadRenderer.validate(payload!)
    }

    @Test func rendersTheDocumentedOpenAITemplateWithoutOptionalParts() throws {
        let payload = try PayloadRenderer(requestBody: Self.openAITemplate).render(parameters: Self.agentParameters([:]))
        #expect(payload == #"{ "model": "gpt-4o-mini", "messages": [{"role":"developer","content":"You are a helpful assistant.\nAnswer in <b>one<\/b> line \u00E9."},{"role":"user","content":"How many indices are in my cluster? 1\/2"}] }"#)
    }

    @Test func rendersTheDocumentedBedrockTemplate() throws {
        let parameters = Self.agentParameters([
            "_chat_history": #"{"role":"user","content":[{"text":"hi"}]}, {"role":"assistant","content":[{"text":"Hello!"}]}, "#,
            "_interactions": #", {"role":"assistant","content":[{"toolUse":{"input":{},"name":"RetrieveIndexMetaTool","toolUseId":"tooluse_1"}}]}, {"role":"user","content":[{"toolResult":{"toolUseId":"tooluse_1","content":[{"text":"row,health\n1,green\n"}],"status":null}}]}"#,
            "tool_configs": #", "toolConfig": {"tools": [${parameters._tools:-}]}"#,
            "_tools": #"{"toolSpec":{"name":"RetrieveIndexMetaTool","description":"List indices","inputSchema": {"json": {"type":"object","properties":{}} } }}"#,
        ])
        let payload = try PayloadRenderer(requestBody: Self.bedrockTemplate).render(parameters: parameters)
        #expect(payload == #"{ "system": [{"text": "You are a helpful assistant.\nAnswer in <b>one<\/b> line \u00E9."}], "messages": [{"role":"user","content":[{"text":"hi"}]}, {"role":"assistant","content":[{"text":"Hello!"}]}, {"role":"user","content":[{"text":"How many indices are in my cluster? 1\/2"}]}, {"role":"assistant","content":[{"toolUse":{"input":{},"name":"RetrieveIndexMetaTool","toolUseId":"tooluse_1"}}]}, {"role":"user","content":[{"toolResult":{"toolUseId":"tooluse_1","content":[{"text":"row,health\n1,green\n"}],"status":null}}]}], "toolConfig": {"tools": [{"toolSpec":{"name":"RetrieveIndexMetaTool","description":"List indices","inputSchema": {"json": {"type":"object","properties":{}} } }}]} }"#)
    }

    @Test func openAIStreamingCallGetsStreamTrueInCompactGsonForm() throws {
        let parameters = Self.agentParameters([
            "stream": "true", "_llm_interface": "openai/v1/chat/completions",
            "_chat_history": #"{"role":"user","content":"hi"}, {"role":"assistant","content":"Hello!"}, "#,
        ])
        #expect(parameters["_llm_interface"] == #"openai\/v1\/chat\/completions"#)
        #expect(PayloadRenderer.needsStreamFlag(parameters))
        let payload = try PayloadRenderer(requestBody: Self.openAITemplate).render(parameters: parameters)
        #expect(payload == #"{"model":"gpt-4o-mini","messages":[{"role":"developer","content":"You are a helpful assistant.\nAnswer in <b>one</b> line é."},{"role":"user","content":"hi"},{"role":"assistant","content":"Hello!"},{"role":"user","content":"How many indices are in my cluster? 1/2"}],"stream":true}"#)
    }

    @Test func streamFlagKeepsNumbersAndReplacesAnExistingKeyInPlace() throws {
        #expect(try PayloadRenderer.addingStreamFlag(to: #"{"stream": false, "t": 1.50, "n": 1e5, "s": "<a href='x'>&"}"#)
            == #"{"stream":true,"t":1.50,"n":1e5,"s":"<a href='x'>&"}"#)
        #expect(throws: OpenSearchError.illegalState("Not a JSON Object: [1]")) {
            try PayloadRenderer.addingStreamFlag(to: "[1]")
        }
    }

    @Test func streamFlagNeedsStreamAndTheOpenAIInterface() {
        #expect(!PayloadRenderer.needsStreamFlag(["_llm_interface": "openai/v1/chat/completions"]))
        #expect(!PayloadRenderer.needsStreamFlag(["stream": "true", "_llm_interface": "bedrock/converse/claude"]))
        #expect(!PayloadRenderer.needsStreamFlag(["stream": "true", "_llm_interface": "  "]))
        #expect(PayloadRenderer.needsStreamFlag(["stream": "", "_llm_interface": " OpenAI/V1/Chat/Completions "]))
    }

    @Test func missingRawPlaceholderMakesAnInvalidPayload() {
        let template = #"{"model": "m", "messages": ${parameters.messages}}"#
        #expect(throws: OpenSearchError.illegalArgument(#"Invalid payload: {"model": "m", "messages": ${parameters.messages}}"#)) {
            try PayloadRenderer(requestBody: template).render(parameters: [:])
        }
    }

    @Test func unfilledQuotedPlaceholdersAreNamedByValidate() throws {
        let template = #"{"prompt":"${parameters.prompt}","model":"${parameters.model}","n":"${parameters.n:-1}"}"#
        let payload = try PayloadRenderer(requestBody: template).render(parameters: [:])!
        #expect(payload == #"{"prompt":"${parameters.prompt}","model":"${parameters.model}","n":"1"}"#)
        #expect(throws: OpenSearchError.illegalArgument("Some parameter placeholder not filled in payload: prompt, model")) {
            try PayloadRenderer.validate(payload)
        }
        #expect(throws: OpenSearchError("StringIndexOutOfBoundsException", reason: "begin 0, end -2, length 0", status: 500)) {
            try PayloadRenderer.validate(#"{"a":"${parameters}"}"#)
        }
        try PayloadRenderer.validate(#"{"a":"$ {parameters.x}"}"#)
        // Java's `contains` compares code units: a combining mark after the text does not hide it.
        #expect(throws: OpenSearchError("StringIndexOutOfBoundsException", reason: "begin 0, end -2, length 0", status: 500)) {
            try PayloadRenderer.validate("{\"a\":\"${parameters\u{301}\"}")
        }
    }

    @Test func quotedNullDefaultBecomesJSONNullWhenTheParameterIsMissing() throws {
        let template = #"{"a":"${parameters.x:-null}","b":"${parameters.y:-null}","c":"${parameters.x:-null}"}"#
        let payload = try PayloadRenderer(requestBody: template).render(parameters: ["y": "v"])
        #expect(payload == #"{"a":null,"b":"v","c":null}"#)
        #expect(PayloadRenderer.fillNullParameters(#"{"a":${parameters.x:-null}}"#, parameters: [:]) == #"{"a":${parameters.x:-null}}"#)
    }

    @Test func toStringPlaceholdersResolveThroughParameterValues() throws {
        let parameters = ["prompt": "Context: ${parameters.context.toString()}", "context": #"["a","b\nc"]"#]
        let withToString = PayloadRenderer.addingToStringParameters(parameters)
        #expect(withToString["context.toString()"] == #"[\"a\",\"b\\nc\"]"#)
        let payload = try PayloadRenderer(requestBody: #"{"prompt":"${parameters.prompt}"}"#).render(parameters: parameters)
        #expect(payload == #"{"prompt":"Context: [\"a\",\"b\\nc\"]"}"#)
        // Written only in the template, `.toString()` is never prepared.
        let direct = try PayloadRenderer(requestBody: #"{"c":"${parameters.context.toString()}"}"#)
            .render(parameters: ["context": "x"])!
        #expect(throws: OpenSearchError.illegalArgument("Some parameter placeholder not filled in payload: context.toString()")) {
            try PayloadRenderer.validate(direct)
        }
        // The lazy pattern runs across an earlier placeholder on the same line and then finds nothing.
        #expect(PayloadRenderer.addingToStringParameters(["p": "${parameters.a} ${parameters.b.toString()}", "b": "x"])
            .keys.sorted() == ["b", "p"])
    }

    @Test func withoutARequestBodyThePayloadIsHttpBody() throws {
        #expect(try PayloadRenderer(requestBody: nil).render(parameters: ["http_body": "{}"]) == "{}")
        #expect(try PayloadRenderer(requestBody: nil).render(parameters: [:]) == nil)
    }

    @Test func urlUsesMergedParameters() throws {
        let url = "https://${parameters.endpoint}/v1/chat/completions?v=${parameters.version:-1}"
        #expect(try ConnectorTemplate.renderURL(url, parameters: ["endpoint": "api.openai.com"])
            == "https://api.openai.com/v1/chat/completions?v=1")
        #expect(try ConnectorTemplate.renderURL(url, parameters: [:]) == url)
    }

    @Test func headersUseCredentialThenConnectorParametersOnly() throws {
        let headers: JSONObject = [
            "Authorization": "Bearer ${credential.openAI_key}", "x-model": "${parameters.model}",
            "x-request": "${parameters.question}", "x-null": nil,
        ]
        let rendered = try ConnectorTemplate.renderHeaders(
            headers, credential: ["openAI_key": "sk-123"], connectorParameters: ["model": "gpt-4o"])
        #expect(rendered == [
            "Authorization": "Bearer sk-123", "x-model": "gpt-4o", "x-request": "${parameters.question}", "x-null": nil,
        ])
    }
}

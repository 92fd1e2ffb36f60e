import MLCommonsCore
import Testing

@Suite("Settings, errors and search over documents")
struct DomainTests {
    @Test func errorTypesAreOpenSearchSnakeCase() {
        #expect(OpenSearchError.statusException("x", status: 404).type == "status_exception")
        #expect(OpenSearchError.mlException("x").type == "m_l_exception")
        #expect(OpenSearchError("IOException", reason: "x", status: 500).type == "i_o_exception")
        #expect(OpenSearchError("OpenSearchException", reason: "x", status: 500).type == "exception")
        #expect(OpenSearchError("JsonEOFException", reason: "x", status: 400).type == "json_e_o_f_exception")
    }

    @Test func envelopesRenderExactly() {
        let error = OpenSearchError.illegalArgument("bad", cause: .illegalState("inner"))
        #expect(error.envelope.compactText == #"{"error":{"root_cause":[{"type":"illegal_argument_exception","reason":"bad"}],"type":"illegal_argument_exception","reason":"bad","caused_by":{"type":"illegal_state_exception","reason":"inner"}},"status":400}"#)
        #expect(OpenSearchError.statusException("Failed to find agent with the provided agent id: abc", status: 404).executeEnvelope.compactText
            == #"{"status":404,"error":{"type":"OpenSearchStatusException","reason":"System Error","details":"Failed to find agent with the provided agent id: abc"}}"#)
        #expect(OpenSearchError.illegalArgument("x").executeEnvelope.compactText
            == #"{"status":400,"error":{"type":"IllegalArgumentException","reason":"Invalid Request","details":"x"}}"#)
    }

    @Test func settingsApplyAtomicallyAndRenderNested() throws {
        var settings = ClusterSettings()
        _ = try settings.apply([.persistent: [("plugins.ml_commons.stream_enabled", true)]])
        #expect(settings.isEnabled(MLCommonsSettings.streamEnabled))
        #expect(throws: OpenSearchError.self) {
            _ = try settings.apply([.persistent: [("plugins.ml_commons.stream_enabled", false), ("nope", true)]])
        }
        #expect(settings.isEnabled(MLCommonsSettings.streamEnabled))
        let rendered = ClusterSettings.render(
            ["plugins.ml_commons.stream_enabled": .string("true"),
             "plugins.ml_commons.trusted_connector_endpoints_regex": .list(["a"])], flat: false)
        // `Settings.getAsStructuredMap` is a HashMap: trusted… comes before stream_enabled.
        #expect(rendered.compactText == #"{"plugins":{"ml_commons":{"trusted_connector_endpoints_regex":["a"],"stream_enabled":"true"}}}"#)
    }

    @Test func trustedEndpointsMatchTheWholeURL() {
        let trusted = TrustedEndpoints(patterns: MLCommonsSettings.defaultTrustedEndpoints)
        #expect(trusted.isTrusted("https://api.openai.com/v1/chat/completions"))
        #expect(trusted.isTrusted("https://bedrock-runtime.us-east-1.amazonaws.com/model/x/converse"))
        #expect(!trusted.isTrusted("http://api.openai.com/v1/chat/completions"))
        #expect(!trusted.isTrusted("https://api.openai.com.evil.example/v1"))
    }

    @Test func searchQueriesEvaluateOverSources() throws {
        let documents = [
            StoredDocument(index: "i", id: "1", version: 1, seqNo: 0, primaryTerm: 1, source: ["name": "Chat agent", "n": 5, "tags": ["a", "b"]]),
            StoredDocument(index: "i", id: "2", version: 1, seqNo: 1, primaryTerm: 1, source: ["name": "Flow", "n": 7]),
        ]
        func ids(_ body: String) throws -> [String] {
            let search = try SearchRequest(parsing: try JSONParser.parse(body))
            let response = try SearchExecution(request: search).response(index: "i", over: documents)
            return response["hits"]?["hits"]?.arrayValue?.compactMap { $0["_id"]?.stringValue } ?? []
        }
        #expect(try ids(#"{"query":{"match":{"name":"chat"}}}"#) == ["1"])
        #expect(try ids(#"{"query":{"term":{"name.keyword":"Flow"}}}"#) == ["2"])
        #expect(try ids(#"{"query":{"range":{"n":{"gt":5}}}}"#) == ["2"])
        #expect(try ids(#"{"query":{"terms":{"tags":["b","z"]}}}"#) == ["1"])
        #expect(try ids(#"{"query":{"bool":{"must":[{"terms":{"_id":["2","x"]}}]}}}"#) == ["2"])
        #expect(try ids(#"{"query":{"term":{"_id":"1"}}}"#) == ["1"])
        #expect(try ids(#"{"query":{"bool":{"must_not":[{"exists":{"field":"tags"}}]}}}"#) == ["2"])
        #expect(try ids(#"{"sort":[{"n":"desc"}],"size":1}"#) == ["2"])
        // A prefix on a text field matches its lower-cased terms and is not analyzed itself.
        #expect(try ids(#"{"query":{"prefix":{"name":"ch"}},"_source":false}"#) == ["1"])
        #expect(try ids(#"{"query":{"prefix":{"name":"Ch"}},"_source":false}"#) == [])
        #expect(try ids(#"{"query":{"prefix":{"name.keyword":"Ch"}},"_source":false}"#) == ["1"])
        #expect(throws: OpenSearchError.self) { _ = try ids(#"{"query":{"fuzzy":{"name":"x"}}}"#) }
    }
}

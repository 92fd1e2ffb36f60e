import Testing

@Suite("OpenSearch routing and error envelopes")
struct RoutingTests {
    @Test func infoDocumentIsPrettyByDefaultAndNamesVersion() async throws {
        try await EmulatorHarness.withServer { client in
            let reply = try await client.call(.get, "/")
            #expect(reply.status == 200)
            #expect(reply.body.hasPrefix("{\n  \"name\" : \"ml-commons-emulator-node\",\n  \"cluster_name\" : "))
            #expect(reply.body.hasSuffix("  \"tagline\" : \"The OpenSearch Project: https://opensearch.org/\"\n}\n"))
            #expect(try reply.json["version"]?["number"] == "3.3.0")
            #expect(try reply.json["version"]?["distribution"] == "opensearch")
            let compact = try await client.call(.get, "/?pretty=false")
            #expect(!compact.body.contains("\n"))
            let head = try await client.call(.head, "/")
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
        }
    }

    @Test func clusterHealthIsGreen() async throws {
        try await EmulatorHarness.withServer { client in
            let reply = try await client.call(.get, "/_cluster/health")
            #expect(reply.status == 200)
            #expect(reply.body.contains(#""status":"green","timed_out":false,"number_of_nodes":1,"number_of_data_nodes":1,"#))
        }
    }

    @Test func unknownPathAnswersNoHandler() async throws {
        try await EmulatorHarness.withServer { client in
            let reply = try await client.call(.get, "/_plugins/_ml/nope?x=1")
            #expect(reply.status == 400)
            #expect(reply.body == #"{"error":"no handler found for uri [/_plugins/_ml/nope] and method [GET]"}"#)
        }
    }

    @Test func wrongMethodAnswers405WithAllowHeader() async throws {
        try await EmulatorHarness.withServer { client in
            let reply = try await client.call(.put, "/_cluster/health")
            #expect(reply.status == 405)
            #expect(reply.body == #"{"error":"Incorrect HTTP method for uri [/_cluster/health] and method [PUT], allowed: [GET]","status":405}"#)
            #expect(reply.headers[.allow] == "GET")
        }
    }

    @Test func malformedJSONAnswersJacksonMessage() async throws {
        try await EmulatorHarness.withServer { client in
            let reply = try await client.call(.post, "/_plugins/_ml/connectors/_create", "{bad")
            #expect(reply.status == 400)
            #expect(reply.body == envelope(
                "json_parse_exception",
                "Unexpected character ('b' (code 98)): was expecting double-quote to start field name\n at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 2]",
                status: 400))
            let truncated = try await client.call(.post, "/_plugins/_ml/connectors/_create", #"{"name":"#)
            #expect(truncated.body == envelope(
                "json_e_o_f_exception",
                "Unexpected end-of-input within/between Object entries\n at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 9]",
                status: 400))
            let array = try await client.call(.post, "/_plugins/_ml/connectors/_create", "[1,2]")
            #expect(array.body == #"{"error":{"root_cause":[{"type":"parsing_exception","reason":"Failed to parse object: expecting token of type [START_OBJECT] but found [START_ARRAY]","line":1,"col":1}],"type":"parsing_exception","reason":"Failed to parse object: expecting token of type [START_OBJECT] but found [START_ARRAY]","line":1,"col":1},"status":400}"#)
        }
    }

    @Test func bodyWithoutJSONContentTypeIsRejected() async throws {
        try await EmulatorHarness.withServer { client in
            let missing = try await client.call(.post, "/_plugins/_ml/memory", "{}", contentType: nil)
            #expect(missing.status == 406)
            #expect(missing.body == #"{"error":"Content-Type header is missing","status":406}"#)
            let form = try await client.call(.post, "/_plugins/_ml/memory", "{}", contentType: "application/x-www-form-urlencoded")
            #expect(form.body == #"{"error":"Content-Type header [application/x-www-form-urlencoded] is not supported","status":406}"#)
        }
    }

    @Test func unrecognizedQueryParameterIsRejected() async throws {
        try await EmulatorHarness.withServer { client in
            let reply = try await client.call(.get, "/_plugins/_ml/connectors/abc?foo=1&bar=2")
            #expect(reply.status == 400)
            #expect(reply.body == envelope(
                "illegal_argument_exception",
                "request [/_plugins/_ml/connectors/abc] contains unrecognized parameters: [bar], [foo]", status: 400))
            // Near misses of the parameters the route reads (path parameters included) are suggested.
            let typos = try await client.call(.get, "/_plugins/_ml/connectors/abc?prety&connector_i=1&filter_pat=x")
            #expect(typos.body == envelope(
                "illegal_argument_exception",
                "request [/_plugins/_ml/connectors/abc] contains unrecognized parameters: [connector_i] -> did you mean "
                    + "[connector_id]?, [filter_pat] -> did you mean [filter_path]?, [prety] -> did you mean [pretty]?",
                status: 400))
        }
    }

    @Test func serverKeepsServingAfterErrors() async throws {
        try await EmulatorHarness.withServer { client in
            for body in ["{", "nul", "\"x\"", "{\"a\":1,\"a\":2}", String(repeating: "[", count: 2000)] {
                let reply = try await client.call(.post, "/_plugins/_ml/model_groups/_register", body)
                #expect(reply.status == 400, "\(body.prefix(20)) → \(reply.body)")
            }
            #expect(try await client.call(.get, "/").status == 200)
        }
    }
}

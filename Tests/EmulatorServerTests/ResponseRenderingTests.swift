import HTTPTypes
import MLCommonsCore
import Testing

/// `filter_path`, `format`, `pretty` and `human` on live responses, as OpenSearch's REST channel applies them.
@Suite("Response rendering")
struct ResponseRenderingTests {
    @Test func filterPathOnSearchGetSettingsAndErrors() async throws {
        try await EmulatorHarness.withServer { client in
            try await client.call(.put, "/movies/_doc/1", #"{"title":"Dune","year":1965}"#)
            let search = try await client.call(.get, "/movies/_search?filter_path=hits.hits._id,hits.total.value")
            #expect(search.body == #"{"hits":{"total":{"value":1},"hits":[{"_id":"1"}]}}"#)

            let document = try await client.call(.get, "/movies/_doc/1?filter_path=_source.title,-_source.year")
            #expect(document.body == #"{"_source":{"title":"Dune"}}"#)
            // Not an error: a not-found document is filtered, and keeps its 404.
            let missing = try await client.call(.get, "/movies/_doc/2?filter_path=_source")
            #expect(missing.status == 404)
            #expect(missing.body == "{}")

            let settings = try await client.call(.get, "/_cluster/settings?filter_path=persistent")
            #expect(settings.body == #"{"persistent":{}}"#)

            // Errors are rendered whole whatever the filter says.
            let error = try await client.call(.get, "/nothere/_search?filter_path=hits")
            #expect(error.status == 404)
            #expect(error.body == IndexAPITests.notFound("nothere", "index_or_alias"))

            let empty = try await client.call(.get, "/movies/_search?filter_path=-")
            #expect(empty.status == 400)
            #expect(empty.body == envelope("illegal_argument_exception", "filters cannot be null or empty", status: 400))
        }
    }

    @Test func yamlByFormatOrAcceptHeader() async throws {
        try await EmulatorHarness.withServer { client in
            try await client.call(.put, "/movies/_doc/1", #"{"title":"Dune","tags":["a","b"],"no":{}}"#)
            let yaml = try await client.call(.get, "/movies/_doc/1?format=yaml&filter_path=_source")
            #expect(yaml.headers[.contentType] == "application/yaml")
            #expect(yaml.body == "---\n_source:\n  title: \"Dune\"\n  tags:\n  - \"a\"\n  - \"b\"\n  \"no\": {}\n")
            let accepted = try await client.call(
                .get, "/movies/_doc/1?filter_path=found", headers: ["Accept": "application/yaml"])
            #expect(accepted.body == "---\nfound: true\n")
            // An unknown format is ignored, as OpenSearch ignores it.
            let unknown = try await client.call(.get, "/movies/_doc/1?format=xml&filter_path=found")
            #expect(unknown.body == #"{"found":true}"#)
            let cat = try await client.call(.get, "/_cat/indices?format=yaml&filter_path=index")
            #expect(cat.body == "---\n- index: \"movies\"\n")
            let binary = try await client.call(.get, "/movies/_doc/1?format=cbor")
            #expect(binary.status == 400)
        }
    }

    @Test func catRowsFilteredToNothingLeaveAnEmptyBody() async throws {
        try await EmulatorHarness.withServer { client in
            try await client.call(.put, "/movies/_doc/1", #"{"title":"Dune"}"#)
            // A dot in a column name is escaped; unescaped, it would descend into an object.
            let rows = try await client.call(.get, "/_cat/indices?format=json&filter_path=index,docs%5C.count,pri.store")
            #expect(rows.body == #"[{"index":"movies","docs.count":"1"}]"#)
            let none = try await client.call(.get, "/_cat/indices?format=json&filter_path=nothing")
            #expect(none.status == 200)
            #expect(none.body == "")
            // The text table ignores filter_path.
            let text = try await client.call(.get, "/_cat/indices?filter_path=nothing")
            #expect(text.status == 200)
            #expect(text.body.contains(" movies "))
        }
    }

    @Test func flagsMustBeBooleans() async throws {
        try await EmulatorHarness.withServer { client in
            let pretty = try await client.call(.get, "/?pretty=yes&filter_path=name")
            #expect(pretty.status == 400)
            #expect(pretty.body == envelope("illegal_argument_exception", "Failed to parse value [yes] as only [true] or [false] are allowed.", status: 400))
            let human = try await client.call(.get, "/_cluster/settings?human=1")
            #expect(human.status == 400)
            let accepted = try await client.call(.get, "/_cluster/settings?human&pretty=false&filter_path=transient")
            #expect(accepted.body == #"{"transient":{}}"#)
        }
    }
}

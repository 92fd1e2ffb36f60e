import HTTPTypes
import MLCommonsCore
import Testing

@Suite("Index APIs")
struct IndexAPITests {
    /// The index's uuid and creation date, read back through `GET /<index>?flat_settings=true`.
    static func identity(_ client: EmulatorClient, _ index: String) async throws -> (uuid: String, created: String) {
        let settings = try await client.call(.get, "/\(index)?flat_settings=true").json[index]?["settings"]
        return (
            try #require(settings?["index.uuid"]?.stringValue),
            try #require(settings?["index.creation_date"]?.stringValue)
        )
    }

    static func notFound(_ index: String, _ resourceType: String) -> String {
        let cause = #"{"type":"index_not_found_exception","reason":"no such index [\#(index)]","index":"\#(index)","resource.id":"\#(index)","resource.type":"\#(resourceType)","index_uuid":"_na_"}"#
        return #"{"error":{"root_cause":[\#(cause)],\#(cause.dropFirst()),"status":404}"#
    }

    static func invalidName(_ index: String, _ why: String) -> String {
        let escapedIndex = JSONWriter().escaped(index)
        let cause = #"{"type":"invalid_index_name_exception","reason":"\#(JSONWriter().escaped("Invalid index name [\(index)], \(why)"))","index":"\#(escapedIndex)","index_uuid":"_na_"}"#
        return #"{"error":{"root_cause":[\#(cause)],\#(cause.dropFirst()),"status":400}"#
    }

    @Test func createGetMappingAndDelete() async throws {
        try await EmulatorHarness.withServer { client in
            let created = try await client.call(.put, "/movies", #"""
                {"settings":{"number_of_shards":1,"index":{"refresh_interval":"5s"}},
                 "mappings":{"properties":{"year":{"type":"long"},"title":{"fields":{"raw":{"type":"keyword"}},"type":"text"}}}}
                """#)
            #expect(created.status == 200)
            #expect(created.body == #"{"acknowledged":true,"shards_acknowledged":true,"index":"movies"}"#)
            let (uuid, date) = try await Self.identity(client, "movies")
            #expect(uuid.count == 22)

            let mappings = #"{"properties":{"title":{"type":"text","fields":{"raw":{"type":"keyword"}}},"year":{"type":"long"}}}"#
            let index = try await client.call(.get, "/movies")
            #expect(index.status == 200)
            #expect(index.body == #"{"movies":{"aliases":{},"mappings":\#(mappings),"settings":{"index":{"replication":{"type":"DOCUMENT"},"refresh_interval":"5s","number_of_shards":"1","provided_name":"movies","creation_date":"\#(date)","number_of_replicas":"1","uuid":"\#(uuid)","version":{"created":"137247827"}}}}}"#)
            let flat = try await client.call(.get, "/movies?flat_settings=true")
            #expect(flat.body == #"{"movies":{"aliases":{},"mappings":\#(mappings),"settings":{"index.creation_date":"\#(date)","index.number_of_replicas":"1","index.number_of_shards":"1","index.provided_name":"movies","index.refresh_interval":"5s","index.replication.type":"DOCUMENT","index.uuid":"\#(uuid)","index.version.created":"137247827"}}}"#)
            #expect(try await client.call(.get, "/movies/_mapping").body == #"{"movies":{"mappings":\#(mappings)}}"#)
            #expect(try await client.call(.head, "/movies").status == 200)

            let deleted = try await client.call(.delete, "/movies")
            #expect(deleted.status == 200)
            #expect(deleted.body == #"{"acknowledged":true}"#)
            let again = try await client.call(.delete, "/movies")
            #expect(again.status == 404)
            #expect(again.body == Self.notFound("movies", "index_or_alias"))
            #expect(try await client.call(.get, "/movies").body == Self.notFound("movies", "index_or_alias"))
            #expect(try await client.call(.get, "/movies/_mapping").body == Self.notFound("movies", "index_or_alias"))
            #expect(try await client.call(.head, "/movies").status == 404)
        }
    }

    @Test func anIndexWithoutMappingsAndItsDefaults() async throws {
        try await EmulatorHarness.withServer { client in
            #expect(try await client.call(.put, "/plain", #"{"mappings":{"properties":{}}}"#).status == 200)
            let (uuid, date) = try await Self.identity(client, "plain")
            #expect(try await client.call(.get, "/plain").body == #"{"plain":{"aliases":{},"mappings":{},"settings":{"index":{"replication":{"type":"DOCUMENT"},"number_of_shards":"1","provided_name":"plain","creation_date":"\#(date)","number_of_replicas":"1","uuid":"\#(uuid)","version":{"created":"137247827"}}}}}"#)
            #expect(try await client.call(.get, "/plain/_mapping").body == #"{"plain":{"mappings":{}}}"#)
        }
    }

    @Test func createErrors() async throws {
        try await EmulatorHarness.withServer { client in
            _ = try await client.call(.put, "/movies")
            let (uuid, _) = try await Self.identity(client, "movies")
            let exists = try await client.call(.put, "/movies")
            #expect(exists.status == 400)
            let cause = #"{"type":"resource_already_exists_exception","reason":"index [movies/\#(uuid)] already exists","index":"movies","index_uuid":"\#(uuid)"}"#
            #expect(exists.body == #"{"error":{"root_cause":[\#(cause)],\#(cause.dropFirst()),"status":400}"#)

            let characters = #"must not contain the following characters [ , ", *, \, <, |, ,, >, /, ?]"#
            let cases: [(path: String, name: String, why: String)] = [
                ("Movies", "Movies", "must be lowercase"),
                ("_movies", "_movies", "must not start with '_', '-', or '+'"),
                ("-movies", "-movies", "must not start with '_', '-', or '+'"),
                ("+movies", "+movies", "must not start with '_', '-', or '+'"),
                ("a%20b", "a b", characters), ("a,b", "a,b", characters), ("a*b", "a*b", characters),
                ("a%3Fb", "a?b", characters), ("a%22b", "a\"b", characters), ("a%3Cb", "a<b", characters),
                ("a%7Cb", "a|b", characters), ("a%5Cb", "a\\b", characters), ("a%23b", "a#b", "must not contain '#'"),
                ("a:b", "a:b", "must not contain ':'"), ("_A", "_A", "must not start with '_', '-', or '+'"),
                (String(repeating: "x", count: 256), String(repeating: "x", count: 256), "index name is too long, (256 > 255)"),
            ]
            for (path, name, why) in cases {
                let reply = try await client.call(.put, "/\(path)")
                #expect(reply.status == 400, "\(path)")
                #expect(reply.body == Self.invalidName(name, why), "\(path)")
            }

            let shards = try await client.call(.put, "/bad", #"{"settings":{"index":{"number_of_shards":0}}}"#)
            #expect(shards.body == envelope(
                "illegal_argument_exception", "Failed to parse value [0] for setting [index.number_of_shards] must be >= 1",
                status: 400))
            let replicas = try await client.call(.put, "/bad", #"{"settings":{"number_of_replicas":"x"}}"#)
            #expect(replicas.body == #"{"error":{"root_cause":[{"type":"illegal_argument_exception","reason":"Failed to parse value [x] for setting [index.number_of_replicas]"}],"type":"illegal_argument_exception","reason":"Failed to parse value [x] for setting [index.number_of_replicas]","caused_by":{"type":"number_format_exception","reason":"For input string: \"x\""}},"status":400}"#)
            let unknown = try await client.call(.put, "/bad", #"{"setting":{}}"#)
            #expect(unknown.body == envelope("parse_exception", "unknown key [setting] for create index", status: 400))
            #expect(try await client.call(.get, "/bad").status == 404)
        }
    }

    @Test func documentsAutoCreateTheIndexWithDynamicMappings() async throws {
        try await EmulatorHarness.withServer { client in
            let posted = try await client.call(.post, "/library/_doc", #"""
                {"title":"Dune","year":1965,"rating":4.5,"available":true,"published":"1965-08-01",
                 "printed":"1965/08/01","tags":["sf","classic"],"author":{"name":"Herbert","born":1920},"notes":null,
                 "isbn":"0-441-17271-7","a.b":1,"empty":{},"none":[]}
                """#)
            #expect(posted.status == 201)
            let id = try #require(try posted.json["_id"]?.stringValue)
            #expect(id.count == 20)
            #expect(posted.headers[HTTPField.Name("Location")!] == "/library/_doc/\(id)")
            #expect(posted.body == #"{"_index":"library","_id":"\#(id)","_version":1,"result":"created","_shards":{"total":2,"successful":1,"failed":0},"_seq_no":0,"_primary_term":1}"#)

            let text = #"{"type":"text","fields":{"keyword":{"type":"keyword","ignore_above":256}}}"#
            let mapping = try await client.call(.get, "/library/_mapping")
            #expect(mapping.body == #"{"library":{"mappings":{"properties":{"a":{"properties":{"b":{"type":"long"}}},"author":{"properties":{"born":{"type":"long"},"name":\#(text)}},"available":{"type":"boolean"},"empty":{"type":"object"},"isbn":\#(text),"printed":{"type":"date","format":"yyyy/MM/dd HH:mm:ss||yyyy/MM/dd||epoch_millis"},"published":{"type":"date"},"rating":{"type":"float"},"tags":\#(text),"title":\#(text),"year":{"type":"long"}}}}}"#)

            // A later document adds its new fields; `empty` becomes an object with properties.
            _ = try await client.call(.put, "/library/_doc/x", #"{"empty":{"k":"v"},"year":"not a number","pages":412}"#)
            let grown = try await client.call(.get, "/library/_mapping").json["library"]?["mappings"]?["properties"]
            #expect(grown?["empty"] == ["properties": ["k": try JSONParser.parse(text)]])
            #expect(grown?["pages"] == ["type": "long"])
            #expect(grown?["year"] == ["type": "long"])

            let (uuid, date) = try await Self.identity(client, "library")
            #expect(try await client.call(.get, "/library").body.contains(#""settings":{"index":{"replication":{"type":"DOCUMENT"},"number_of_shards":"1","provided_name":"library","creation_date":"\#(date)","number_of_replicas":"1","uuid":"\#(uuid)","version":{"created":"137247827"}}}"#))

            let invalid = try await client.call(.post, "/Library/_doc", "{}")
            #expect(invalid.body == Self.invalidName("Library", "must be lowercase"))
        }
    }

    @Test func strictAndDisabledDynamicMappings() async throws {
        try await EmulatorHarness.withServer { client in
            _ = try await client.call(.put, "/strict", #"{"mappings":{"dynamic":"strict","properties":{"a":{"type":"keyword"},"o":{"dynamic":false,"properties":{}}}}}"#)
            let rejected = try await client.call(.put, "/strict/_doc/1", #"{"a":"x","b":1}"#)
            #expect(rejected.status == 400)
            #expect(rejected.body == envelope(
                "strict_dynamic_mapping_exception",
                "mapping set to strict, dynamic introduction of [b] within [_doc] is not allowed", status: 400))
            #expect(try await client.call(.get, "/strict/_doc/1").status == 404)
            let ignored = try await client.call(.put, "/strict/_doc/1", #"{"a":"x","o":{"free":1}}"#)
            #expect(ignored.status == 201)
            // Written back as the mapper does: an object without properties gets its type, `dynamic` is a word.
            #expect(try await client.call(.get, "/strict/_mapping").body
                == #"{"strict":{"mappings":{"dynamic":"strict","properties":{"a":{"type":"keyword"},"o":{"type":"object","dynamic":"false"}}}}}"#)
        }
    }

    @Test func documentLifecycle() async throws {
        try await EmulatorHarness.withServer { client in
            let created = try await client.call(.put, "/shelf/_doc/1?refresh=true", #"{"title":"Emma","year":1815}"#)
            #expect(created.status == 201)
            #expect(created.headers[HTTPField.Name("Location")!] == "/shelf/_doc/1")
            #expect(created.body == #"{"_index":"shelf","_id":"1","_version":1,"result":"created","forced_refresh":true,"_shards":{"total":2,"successful":1,"failed":0},"_seq_no":0,"_primary_term":1}"#)
            let updated = try await client.call(.post, "/shelf/_doc/1", #"{"title":"Emma","year":1816}"#)
            #expect(updated.status == 200)
            #expect(updated.headers[HTTPField.Name("Location")!] == nil)
            #expect(updated.body == #"{"_index":"shelf","_id":"1","_version":2,"result":"updated","_shards":{"total":2,"successful":1,"failed":0},"_seq_no":1,"_primary_term":1}"#)

            let found = try await client.call(.get, "/shelf/_doc/1")
            #expect(found.status == 200)
            #expect(found.body == #"{"_index":"shelf","_id":"1","_version":2,"_seq_no":1,"_primary_term":1,"found":true,"_source":{"title":"Emma","year":1816}}"#)
            #expect(try await client.call(.get, "/shelf/_doc/1?_source=false").body == #"{"_index":"shelf","_id":"1","_version":2,"_seq_no":1,"_primary_term":1,"found":true}"#)
            let missing = try await client.call(.get, "/shelf/_doc/2")
            #expect(missing.status == 404)
            #expect(missing.body == #"{"_index":"shelf","_id":"2","found":false}"#)

            let deleted = try await client.call(.delete, "/shelf/_doc/1")
            #expect(deleted.status == 200)
            #expect(deleted.body == #"{"_index":"shelf","_id":"1","_version":3,"result":"deleted","_shards":{"total":2,"successful":1,"failed":0},"_seq_no":2,"_primary_term":1}"#)
            let gone = try await client.call(.delete, "/shelf/_doc/1")
            #expect(gone.status == 404)
            #expect(gone.body == #"{"_index":"shelf","_id":"1","_version":1,"result":"not_found","_shards":{"total":2,"successful":1,"failed":0},"_seq_no":3,"_primary_term":1}"#)

            for (method, path) in [(HTTPRequest.Method.get, "/nowhere/_doc/1"), (.delete, "/nowhere/_doc/1")] {
                let reply = try await client.call(method, path)
                #expect(reply.status == 404)
                #expect(reply.body == Self.notFound("nowhere", "index_expression"))
            }
        }
    }

    @Test func searchOnAnIndex() async throws {
        try await EmulatorHarness.withServer { client in
            _ = try await client.call(.put, "/shelf/_doc/1", #"{"title":"Emma","year":1815}"#)
            _ = try await client.call(.put, "/shelf/_doc/2", #"{"title":"Dune","year":1965}"#)
            let all = try await client.call(.post, "/shelf/_search", #"{"query":{"range":{"year":{"gte":1900}}}}"#)
            #expect(all.status == 200)
            #expect(all.body == #"{"took":1,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},"hits":{"total":{"value":1,"relation":"eq"},"max_score":1.0,"hits":[{"_index":"shelf","_id":"2","_score":1.0,"_source":{"title":"Dune","year":1965}}]}}"#)
            let versions = try await client.call(.get, "/shelf/_search?size=1", #"{"version":true,"seq_no_primary_term":true}"#)
            #expect(versions.body == #"{"took":1,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},"hits":{"total":{"value":2,"relation":"eq"},"max_score":1.0,"hits":[{"_index":"shelf","_id":"1","_version":1,"_seq_no":0,"_primary_term":1,"_score":1.0,"_source":{"title":"Emma","year":1815}}]}}"#)
            let missing = try await client.call(.get, "/nowhere/_search")
            #expect(missing.status == 404)
            #expect(missing.body == Self.notFound("nowhere", "index_or_alias"))
        }
    }

    @Test func catIndicesListsUserAndMLIndicesWithLiveCounts() async throws {
        try await EmulatorHarness.withServer { client in
            _ = try await client.call(.put, "/movies/_doc/1", #"{"title":"Dune"}"#)
            _ = try await client.call(.put, "/books", #"{"settings":{"number_of_replicas":0}}"#)
            let agentID = try await client.id(
                .post, "/_plugins/_ml/agents/_register", #"{"name":"a","type":"flow","tools":[]}"#, field: "agent_id")
            let agent = try #require(try await client.call(.get, "/.plugins-ml-agent/_doc/\(agentID)").json["_source"])
            let agentSize = "\(208 + agent.compactText.utf8.count)b"
            let movies = try await Self.identity(client, "movies").uuid
            let books = try await Self.identity(client, "books").uuid
            let agents = try await Self.identity(client, ".plugins-ml-agent").uuid

            // `HashMap` order of the three names: movies, books, .plugins-ml-agent.
            let text = try await client.call(.get, "/_cat/indices")
            #expect(text.status == 200)
            #expect(text.headers[.contentType] == "text/plain; charset=UTF-8")
            #expect(text.body == """
                yellow open movies            \(movies) 1 1 1 0 224b 224b
                green  open books             \(books) 1 0 0 0 208b 208b
                green  open .plugins-ml-agent \(agents) 1 0 1 0 \(agentSize) \(agentSize)

                """)
            let verbose = try await client.call(.get, "/_cat/indices?v")
            #expect(verbose.body == """
                health status index             uuid                   pri rep docs.count docs.deleted store.size pri.store.size
                yellow open   movies            \(movies)   1   1          1            0       224b           224b
                green  open   books             \(books)   1   0          0            0       208b           208b
                green  open   .plugins-ml-agent \(agents)   1   0          1            0       \(agentSize)           \(agentSize)

                """)
            let json = try await client.call(.get, "/_cat/indices/movies?format=json")
            #expect(json.body == #"[{"health":"yellow","status":"open","index":"movies","uuid":"\#(movies)","pri":"1","rep":"1","docs.count":"1","docs.deleted":"0","store.size":"224b","pri.store.size":"224b"}]"#)
            #expect(try await client.call(.get, "/_cat/indices/nope").body == Self.notFound("nope", "index_or_alias"))
        }
    }
}

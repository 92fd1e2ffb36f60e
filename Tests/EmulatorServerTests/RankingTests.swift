import Foundation
import MLCommonsCore
import Testing

/// `_search` ranks as an OpenSearch 3.3 shard does: the corpus and queries of `fixtures/search/bm25/`
/// are indexed and searched over HTTP, and every hit's `_score` must equal, as text, the score
/// `make_expected.py` derived from Lucene's formula apart from this code.
@Suite("Search ranking")
struct RankingTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("fixtures/search/bm25")

    static func load(_ name: String) throws -> JSONValue {
        try JSONParser.parse(try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8))
    }

    /// Indexes the corpus one document at a time, deletes and rewrites as it says (write order matters).
    static func index(_ corpus: JSONValue, into client: EmulatorClient) async throws -> String {
        let index = try #require(corpus["index"]?.stringValue)
        let writer = JSONWriter()
        for document in corpus["documents"]?.arrayValue ?? [] {
            let id = try #require(document["id"]?.stringValue)
            let reply = try await client.call(.put, "/\(index)/_doc/\(id)", writer.string(try #require(document["source"])))
            #expect(reply.status == 201, "\(id): \(reply.body)")
        }
        for deleted in corpus["deleted"]?.arrayValue ?? [] {
            let reply = try await client.call(.delete, "/\(index)/_doc/\(try #require(deleted.stringValue))")
            #expect(reply.status == 200)
        }
        for document in corpus["rewritten"]?.arrayValue ?? [] {
            let id = try #require(document["id"]?.stringValue)
            let reply = try await client.call(.put, "/\(index)/_doc/\(id)", writer.string(try #require(document["source"])))
            #expect(reply.status == 200, "\(id): \(reply.body)")
        }
        return index
    }

    @Test func scoresAndOrderEqualLucenes() async throws {
        let corpus = try Self.load("corpus.json")
        let queries = try #require(try Self.load("queries.json").arrayValue)
        let expected = try #require(try Self.load("expected.json").arrayValue)
        #expect(queries.count >= 20 && queries.count == expected.count)
        try await EmulatorHarness.withServer { client in
            let index = try await Self.index(corpus, into: client)
            for (query, want) in zip(queries, expected) {
                let name = query["name"]?.stringValue ?? "?"
                let reply = try await client.call(.post, "/\(index)/_search", JSONWriter().string(try #require(query["body"])))
                #expect(reply.status == 200, "\(name): \(reply.body)")
                let hits = try reply.json["hits"]
                #expect(hits?["total"]?["value"]?.numberValue?.text == want["total"]?.numberValue?.text, "\(name)")
                #expect(Self.scoreText(hits?["max_score"]) == want["max_score"]?.stringValue, "\(name): max_score")
                let got = (hits?["hits"]?.arrayValue ?? []).map { hit in
                    [hit["_id"]?.stringValue ?? "", Self.scoreText(hit["_score"]) ?? "null"]
                }
                let wanted = (want["hits"]?.arrayValue ?? []).map { pair in (pair.arrayValue ?? []).map { $0.stringValue ?? "" } }
                #expect(got == wanted, "\(name)")
            }
        }
    }

    /// The lookup opensearch-py-ml's `delete_model_group_by_name` makes picks the group with that
    /// exact name among `g`, `g-pub` and `g-pub-2`, whatever order they were registered in.
    @Test func lookupByNamePicksTheRightModelGroup() async throws {
        try await EmulatorHarness.withServer { client in
            var ids: [String: String] = [:]
            for name in ["g-pub-2", "g", "g-pub"] {
                ids[name] = try await client.id(.post, "/_plugins/_ml/model_groups/_register", #"{"name":"\#(name)"}"#, field: "model_group_id")
            }
            for name in ["g", "g-pub", "g-pub-2"] {
                let reply = try await client.call(
                    .post, "/_plugins/_ml/model_groups/_search", #"{"query":{"match":{"name":"\#(name)"}},"size":1}"#)
                let top = try reply.json["hits"]?["hits"]?.arrayValue?.first
                #expect(top?["_id"]?.stringValue == ids[name], "\(name): \(reply.body)")
                #expect(top?["_source"]?["name"]?.stringValue == name)
            }
        }
    }

    /// Queries past Lucene's clause limits fail on the shard, with Lucene's messages, and nothing else breaks.
    @Test func tooManyClausesFailTheShard() async throws {
        try await EmulatorHarness.withServer { client in
            try await client.call(.put, "/words/_doc/1", #"{"text":"w1 w2"}"#)
            func reason(_ body: String) async throws -> String? {
                let reply = try await client.call(.post, "/words/_search", body)
                #expect(reply.status == (reply.body.contains("error") ? 400 : 200))
                return try reply.json["error"]?["failed_shards"]?.arrayValue?.first?["reason"]?["reason"]?.stringValue
            }
            let words = { (count: Int) in (1...count).map { "w\($0)" }.joined(separator: " ") }
            // One Boolean query of 1,025 term clauses.
            #expect(try await reason(#"{"query":{"match":{"text":"\#(words(1025))"}}}"#)
                == "failed to create query: maxClauseCount is set to 1024")
            #expect(try await reason(#"{"query":{"match":{"text":"\#(words(1024))"}}}"#) == nil)
            // Two smaller ones whose leaves add up past the limit.
            let nested = #"{"query":{"bool":{"should":[{"match":{"text":"\#(words(600))"}},{"match":{"text":"\#(words(600))"}}]}}}"#
            #expect(try await reason(nested)
                == "failed to create query: Query contains too many nested clauses; maxClauseCount is set to 1024")
            // A phrase is one leaf, however long.
            #expect(try await reason(#"{"query":{"match_phrase":{"text":"\#(words(3000))"}}}"#) == nil)
        }
    }

    /// The rules the reference derivation does not cover: sort directions, boosts, unindexed fields,
    /// byte-wise terms and malformed parts that fail on the shard.
    @Test func edgesOfTheQueryLanguage() async throws {
        try await EmulatorHarness.withServer { client in
            try await client.call(.put, "/edges", #"{"mappings":{"dynamic":false,"properties":{"name":{"type":"text"},"params":{"type":"flat_object"}}}}"#)
            try await client.call(.put, "/edges/_doc/1", #"{"name":"caf\u00e9 bar bar","params":{"model":"gpt","deep":{"k":"v"}},"extra":"x"}"#)
            try await client.call(.put, "/edges/_doc/2", #"{"name":"cafe\u0301 bar"}"#)
            func ids(_ body: String) async throws -> [String] {
                let reply = try await client.call(.post, "/edges/_search", body)
                return try reply.json["hits"]?["hits"]?.arrayValue?.compactMap { $0["_id"]?.stringValue } ?? []
            }
            // `_score` ascending sorts lowest first.
            #expect(try await ids(#"{"query":{"match":{"name":"bar"}},"sort":[{"_score":"asc"}]}"#) == ["2", "1"])
            #expect(try await ids(#"{"query":{"match":{"name":"bar"}},"sort":["_score"]}"#) == ["1", "2"])
            // Composed and precomposed é are two terms, as Lucene compares bytes.
            #expect(try await ids(#"{"query":{"term":{"name":"caf\u00e9"}}}"#) == ["1"])
            // A field the stored mappings lack was never indexed.
            #expect(try await ids(#"{"query":{"term":{"extra":"x"}}}"#) == [])
            // A flat_object's root holds every leaf value.
            #expect(try await ids(#"{"query":{"term":{"params":"v"}}}"#) == ["1"])
            #expect(try await ids(#"{"query":{"term":{"params.model":"gpt"}}}"#) == ["1"])
            // Conditional minimum_should_match reads the first two parts of `a<b<c`, as Java's split does.
            #expect(try await ids(#"{"query":{"match":{"name":{"query":"bar x y","minimum_should_match":"2<1<5"}}}}"#) == ["1", "2"])

            let negative = try await client.call(.post, "/edges/_search", #"{"query":{"match":{"name":{"query":"bar","boost":-1}}}}"#)
            #expect(negative.status == 400)
            #expect(negative.body.contains("negative [boost] are not allowed in [match]"))
            let infinite = try await client.call(.post, "/edges/_search", #"{"query":{"term":{"name":{"value":"bar","boost":1e39}}}}"#)
            #expect(infinite.body.contains("boost must be a positive float, got Infinity"))
            let noText = try await client.call(.post, "/edges/_search", #"{"query":{"match":{"name":{"operator":"and"}}}}"#)
            #expect(noText.body.contains("No text specified for text query"))
            let badMinimum = try await client.call(.post, "/edges/_search", #"{"query":{"match":{"name":{"query":"a b","minimum_should_match":"x%"}}}}"#)
            #expect(badMinimum.status == 400)
            let failure = try badMinimum.json["error"]?["failed_shards"]?.arrayValue?.first?["reason"]
            #expect(failure?["type"]?.stringValue == "number_format_exception")
            #expect(failure?["reason"]?.stringValue == #"For input string: "x""#)
        }
    }

    private static func scoreText(_ value: JSONValue?) -> String? {
        switch value {
        case .number(let number)?: return number.text
        default: return nil
        }
    }
}

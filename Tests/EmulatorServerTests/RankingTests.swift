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

    /// A query past Lucene's clause limit fails on the shard, with Lucene's message, and nothing else breaks.
    @Test func tooManyClausesFailTheShard() async throws {
        try await EmulatorHarness.withServer { client in
            try await client.call(.put, "/words/_doc/1", #"{"text":"w1 w2"}"#)
            let words = (1...1025).map { "w\($0)" }.joined(separator: " ")
            let reply = try await client.call(.post, "/words/_search", #"{"query":{"match":{"text":"\#(words)"}}}"#)
            #expect(reply.status == 400)
            let error = try reply.json["error"]
            #expect(error?["type"]?.stringValue == "search_phase_execution_exception")
            #expect(error?["failed_shards"]?.arrayValue?.first?["reason"]?["reason"]?.stringValue
                == "failed to create query: Query contains too many nested clauses; maxClauseCount is set to 1024")
            let within = (1...1024).map { "w\($0)" }.joined(separator: " ")
            let accepted = try await client.call(.post, "/words/_search", #"{"query":{"match":{"text":"\#(within)"}}}"#)
            #expect(try accepted.json["hits"]?["total"]?["value"]?.numberValue?.text == "1")
        }
    }

    private static func scoreText(_ value: JSONValue?) -> String? {
        switch value {
        case .number(let number)?: return number.text
        default: return nil
        }
    }
}

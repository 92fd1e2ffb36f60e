@testable import Agents
import MLCommonsCore
import MLStore
import Testing

@Suite("SearchIndexTool")
struct SearchIndexToolTests {
    static func cluster() async throws -> ToolFixture {
        let fixture = try ToolFixture()
        let dune = try JSONParser.parse(#"{"title":"Dune","year":1965,"rating":4.5,"tags":["sf"],"note":null}"#).objectValue!
        _ = try await fixture.documents.put("movies", id: "1", source: dune)
        _ = try await fixture.documents.put("movies", id: "2", source: ["title": "<b>Emma</b> & co", "year": 1815])
        return fixture
    }

    static let dune = #"{"_index":"movies","_source":{"year":1965,"rating":4.5,"title":"Dune","tags":["sf"]},"_id":"1","_score":1.0}"#
    static let emma = #"{"_index":"movies","_source":{"year":1815,"title":"\u003cb\u003eEmma\u003c/b\u003e \u0026 co"},"_id":"2","_score":1.0}"#

    func run(_ fixture: ToolFixture, _ parameters: [String: String], name: String? = nil) async throws -> ToolOutput {
        let tool = SearchIndexTool(spec: ToolSpec(type: "SearchIndexTool", name: name), context: fixture.context)
        return try await tool.run(parameters)
    }

    @Test func oneGsonLinePerHitInHashMapOrder() async throws {
        let fixture = try await Self.cluster()
        let input = #"{"index":"movies","query":{"query":{"match_all":{}}}}"#
        #expect(try await run(fixture, ["input": input]) == .text(Self.dune + "\n" + Self.emma + "\n"))
        let term = try await run(fixture, ["index": "movies", "query": #"{"query":{"term":{"year":1965}}}"#])
        #expect(term == .text(Self.dune + "\n"))
        #expect(try await run(fixture, ["index": "movies", "query": #"{"size":0}"#]) == .text(""))
    }

    @Test func sortingByFieldLeavesTheScoreNaN() async throws {
        let fixture = try await Self.cluster()
        let output = try await run(fixture, ["index": "movies", "query": #"{"sort":[{"year":"asc"}],"size":1}"#])
        #expect(output == .text(#"{"_index":"movies","_source":{"year":1815,"title":"\u003cb\u003eEmma\u003c/b\u003e \u0026 co"},"_id":"2","_score":NaN}"# + "\n"))
    }

    @Test func rawResponseIsAModelTensorOutputNamedAfterTheTool() async throws {
        let fixture = try await Self.cluster()
        let output = try await run(
            fixture, ["index": "movies", "query": #"{"size":1}"#, "return_raw_response": "true"], name: "Finder")
        guard case .json(let document) = output else { Issue.record("expected a structured output"); return }
        let tensor = document["inference_results"]?.arrayValue?.first?["output"]?.arrayValue?.first
        #expect(tensor?["name"] == "Finder")
        #expect(tensor?["dataAsMap"]?.objectValue?.keys == ["_shards", "hits", "took", "timed_out"])
        #expect(tensor?["dataAsMap"]?["hits"]?.objectValue?.keys == ["hits", "total", "max_score"])
    }

    @Test func errorsAsMLCommonsRaisesThem() async throws {
        let fixture = try await Self.cluster()
        await #expect(throws: OpenSearchError.indexNotFound("books")) {
            try await run(fixture, ["index": "books", "query": "{}"])
        }
        await #expect(throws: OpenSearchError.illegalArgument(
            "SearchIndexTool's two parameters: index and query are required and should be in valid format")) {
            try await run(fixture, ["index": "movies"])
        }
    }

    @Test func mlIndicesHideCredentialsAndAreNeverMissing() async throws {
        let fixture = try ToolFixture()
        #expect(try await run(fixture, ["index": ".plugins-ml-connector", "query": "{}"]) == .text(""))
        _ = try await fixture.documents.put(".plugins-ml-connector", id: "c", source: ["name": "x", "credential": ["key": "secret"]])
        #expect(try await run(fixture, ["index": ".plugins-ml-connector", "query": "{}"])
            == .text(#"{"_index":".plugins-ml-connector","_source":{"name":"x"},"_id":"c","_score":1.0}"# + "\n"))
    }

    @Test func validateAcceptsInputOrIndexAndQuery() throws {
        let tool = SearchIndexTool(spec: ToolSpec(type: "SearchIndexTool"), context: try ToolFixture().context)
        #expect(!tool.validate([:]))
        #expect(!tool.validate(["index": "movies"]))
        #expect(!tool.validate(["input": ""]))
        #expect(tool.validate(["input": "{}"]))
        #expect(tool.validate(["index": "movies", "query": "{}"]))
    }
}

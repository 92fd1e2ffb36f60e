@testable import Agents
import MLCommonsCore
import MLStore
import Testing

@Suite("IndexMappingTool")
struct IndexMappingToolTests {
    static func cluster() async throws -> ToolFixture {
        let fixture = try ToolFixture()
        let mappings = try JSONParser.parse(#"""
            {"_meta":{"schema_version":3,"ratio":0.5},"properties":{"title":{"type":"text","fields":{"keyword":{"type":"keyword","ignore_above":256}}},"tags":{"type":"keyword","copy_to":["all","misc"]},"year":{"type":"long"}}}
            """#).objectValue!
        try await fixture.documents.createIndex(
            "movies", mappings: mappings, settings: ["index.number_of_replicas": "2", "index.refresh_interval": "5s"])
        try await fixture.documents.createIndex(".plugins-ml-agent")
        return fixture
    }

    static let movies = """
        index: movies

        mappings:
        _meta={schema_version=3, ratio=0.5}
        properties={title={type=text, fields={keyword={type=keyword, ignore_above=256}}}, tags={type=keyword, copy_to=[all, misc]}, year={type=long}}


        settings:
        index.creation_date=<created>
        index.number_of_replicas=2
        index.number_of_shards=1
        index.provided_name=movies
        index.refresh_interval=5s
        index.replication.type=DOCUMENT
        index.uuid=<uuid:movies>
        index.version.created=137247827



        """

    static let agent = """
        index: .plugins-ml-agent

        settings:
        index.auto_expand_replicas=0-1
        index.creation_date=<created>
        index.number_of_replicas=0
        index.number_of_shards=1
        index.provided_name=.plugins-ml-agent
        index.replication.type=DOCUMENT
        index.uuid=<uuid:.plugins-ml-agent>
        index.version.created=137247827



        """

    func run(_ fixture: ToolFixture, _ parameters: [String: String]) async throws -> String {
        let tool = IndexMappingTool(spec: ToolSpec(type: "IndexMappingTool"), context: fixture.context)
        return try await fixture.redacted(try await tool.run(parameters).text)
    }

    @Test func mappingsAsJavaMapTextAndSortedSettings() async throws {
        let fixture = try await Self.cluster()
        #expect(try await run(fixture, ["index": #"["movies"]"#]) == Self.movies)
        // A bare name is read as a one-index list.
        #expect(try await run(fixture, ["index": "movies"]) == Self.movies)
    }

    @Test func indicesFollowTheRequestAndAnIndexWithoutMappingHasNoMappingsBlock() async throws {
        let fixture = try await Self.cluster()
        #expect(try await run(fixture, ["index": #"[".plugins-ml-agent", "movies"]"#]) == Self.agent + Self.movies)
        #expect(try await run(fixture, ["input": #"{"index":["movies"]}"#]) == Self.movies)
    }

    @Test func emptyAndMissing() async throws {
        let fixture = try await Self.cluster()
        #expect(try await run(fixture, ["index": "[]"]) == "There were no results searching the index parameter [[]].")
        #expect(try await run(fixture, ["index": "  "]) == "There were no results searching the index parameter [  ].")
        #expect(try await run(fixture, ["index": #"["zzz*"]"#]) == #"There were no results searching the index parameter [["zzz*"]]."#)
        await #expect(throws: OpenSearchError.indexNotFound("nope")) { try await run(fixture, ["index": "nope"]) }
    }

    @Test func validateRequiresIndex() throws {
        let tool = IndexMappingTool(spec: ToolSpec(type: "IndexMappingTool"), context: try ToolFixture().context)
        #expect(!tool.validate([:]))
        #expect(!tool.validate(["indices": "[]"]))
        #expect(tool.validate(["index": "movies"]))
    }

    @Test func defaultsAreMLCommonsConstants() {
        #expect(IndexMappingTool.defaultAttributes["strict"] == "true")
        #expect(IndexMappingTool.inputSchema == "{\"type\":\"object\",\"properties\":{\"index\":{\"type\":\"array\",\"description\":\"OpenSearch index name list, separated by comma. for example: [\\\"index1\\\", \\\"index2\\\"]\",\"items\":{\"type\":\"string\"}}},\"required\":[\"index\"],\"additionalProperties\":false}")
        #expect(IndexMappingTool.defaultDescription.hasPrefix("This tool returns index mappings and settings for specified indices. Required argument: 'index'"))
    }
}

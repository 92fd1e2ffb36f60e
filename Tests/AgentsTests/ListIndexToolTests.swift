@testable import Agents
import MLCommonsCore
import MLStore
import Testing

@Suite("ListIndexTool")
struct ListIndexToolTests {
    static let mlIndices = [
        ".plugins-ml-config", ".plugins-ml-connector", ".plugins-ml-model-group", ".plugins-ml-model",
        ".plugins-ml-task", ".plugins-ml-agent", ".plugins-ml-memory-meta", ".plugins-ml-memory-message",
    ]

    /// The ml system indices (one agent document) and a user index `movies` with two live documents
    /// and one deleted.
    static func cluster() async throws -> ToolFixture {
        let fixture = try ToolFixture()
        for name in mlIndices { try await fixture.documents.createIndex(name) }
        try await fixture.documents.createIndex("movies")
        _ = try await fixture.documents.put(".plugins-ml-agent", id: "a", source: ["name": "a"])
        _ = try await fixture.documents.put("movies", id: "1", source: ["title": "Dune"])
        _ = try await fixture.documents.put("movies", id: "2", source: ["text": .string(String(repeating: "x", count: 5000))])
        _ = try await fixture.documents.put("movies", id: "3", source: ["x": 1])
        _ = try await fixture.documents.delete("movies", id: "3")
        return fixture
    }

    static func row(_ number: Int, _ name: String, docs: Int = 0, size: String = "208b") -> String {
        "\(number),green,open,\(name),<uuid:\(name)>,1,0,\(docs),0,\(size),\(size)\n"
    }

    func run(_ fixture: ToolFixture, _ parameters: [String: String]) async throws -> String {
        let tool = ListIndexTool(spec: ToolSpec(type: "ListIndexTool"), context: fixture.context)
        return try await fixture.redacted(try await tool.run(parameters).text)
    }

    @Test func listsEveryIndexInHashMapOrderWithSingleNodeHealth() async throws {
        let fixture = try await Self.cluster()
        let expected = ListIndexTool.header
            + Self.row(1, ".plugins-ml-model-group") + Self.row(2, ".plugins-ml-memory-message")
            + "3,yellow,open,movies,<uuid:movies>,1,1,2,0,5.1kb,5.1kb\n"
            + Self.row(4, ".plugins-ml-memory-meta") + Self.row(5, ".plugins-ml-config") + Self.row(6, ".plugins-ml-model")
            + Self.row(7, ".plugins-ml-agent", docs: 1, size: "220b") + Self.row(8, ".plugins-ml-task")
            + Self.row(9, ".plugins-ml-connector")
        #expect(try await run(fixture, ["question": "How many indices?"]) == expected)
        #expect(try await run(fixture, ["indices": "[]"]) == expected)
    }

    @Test func headerIsTheDocumentedLine() {
        #expect(ListIndexTool.header == "row,health,status,index,uuid,pri(number of primary shards),rep(number of replica shards),docs.count(number of available documents),docs.deleted(number of deleted documents),store.size(store size of primary and replica shards),pri.store.size(store size of primary shards)\n")
    }

    @Test func indicesParameterSelectsAndWildcardsExpand() async throws {
        let fixture = try await Self.cluster()
        #expect(try await run(fixture, ["indices": #"["movies", ".plugins-ml-agent"]"#]) == ListIndexTool.header
            + "1,yellow,open,movies,<uuid:movies>,1,1,2,0,5.1kb,5.1kb\n" + Self.row(2, ".plugins-ml-agent", docs: 1, size: "220b"))
        // An array given through a JSON `input`, as function calling passes it.
        #expect(try await run(fixture, ["input": #"{"indices":["movies"]}"#]) == ListIndexTool.header
            + "1,yellow,open,movies,<uuid:movies>,1,1,2,0,5.1kb,5.1kb\n")
        // A wildcard resolves in name order, which breaks the tie of these two names' shared bucket.
        #expect(try await run(fixture, ["indices": #"[".plugins-ml-m*"]"#]) == ListIndexTool.header
            + Self.row(1, ".plugins-ml-memory-message") + Self.row(2, ".plugins-ml-model-group")
            + Self.row(3, ".plugins-ml-memory-meta") + Self.row(4, ".plugins-ml-model"))
    }

    @Test func emptyResultNamesTheParameter() async throws {
        let fixture = try ToolFixture()
        #expect(try await run(fixture, ["question": "?"]) == "There were no results searching the indices parameter [null].")
        #expect(try await run(fixture, ["indices": "[]"]) == "There were no results searching the indices parameter [[]].")
        #expect(try await run(try await Self.cluster(), ["indices": #"["nothing*"]"#])
            == #"There were no results searching the indices parameter [["nothing*"]]."#)
    }

    @Test func missingIndexAndNonArrayFailAsInMLCommons() async throws {
        let fixture = try await Self.cluster()
        await #expect(throws: OpenSearchError.indexNotFound("nope")) { try await run(fixture, ["indices": #"["nope"]"#]) }
        let error = await #expect(throws: OpenSearchError.self) { try await run(fixture, ["indices": "movies,books"]) }
        #expect(error?.javaClass == "JsonSyntaxException")
        #expect(error?.reason == "java.lang.IllegalStateException: Expected BEGIN_ARRAY but was STRING at line 1 column 1 path $\nSee https://github.com/google/gson/blob/main/Troubleshooting.md#unexpected-json-structure")
    }

    @Test func validateNeedsSomeParameter() throws {
        let tool = ListIndexTool(spec: ToolSpec(type: "ListIndexTool"), context: try ToolFixture().context)
        #expect(!tool.validate([:]))
        #expect(tool.validate(["indices": "[]"]))
    }
}

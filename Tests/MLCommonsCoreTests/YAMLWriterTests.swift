import Foundation
import Testing

@testable import MLCommonsCore

/// `format=yaml` against the bytes Jackson's YAML generator (the one OpenSearch's XContent uses) writes
/// for `fixtures/rendering/response.json`: quoted and reserved keys, escapes, folding of long strings
/// at every depth, nested and empty collections.
@Suite("YAML rendering")
struct YAMLWriterTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("fixtures/rendering")

    @Test func matchesJacksonsOutput() throws {
        let json = try String(contentsOf: Self.directory.appendingPathComponent("response.json"), encoding: .utf8)
        let yaml = try String(contentsOf: Self.directory.appendingPathComponent("response.yaml"), encoding: .utf8)
        #expect(YAMLWriter().string(try JSONParser.parse(json)) == yaml)
    }

    @Test func emptyAndScalarRoots() {
        #expect(YAMLWriter().string(.object(JSONObject())) == "--- {}\n")
        #expect(YAMLWriter().string(.array([])) == "--- []\n")
        #expect(YAMLWriter().string(["a": ["b": [1, [2, ["c": "d"]]]]]) == "---\na:\n  b:\n  - 1\n  - - 2\n    - c: \"d\"\n")
    }
}

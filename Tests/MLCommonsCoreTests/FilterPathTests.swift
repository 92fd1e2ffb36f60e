import Testing

@testable import MLCommonsCore

/// `filter_path` as OpenSearch applies it (each expectation checked against Jackson's filtering
/// generator driven the way OpenSearch drives it).
@Suite("filter_path")
struct FilterPathTests {
    static let response = #"""
        {"took":5,"timed_out":false,"_shards":{"total":1,"successful":1},"hits":{"total":{"value":2,"relation":"eq"},"max_score":1.0,
         "hits":[{"_index":"movies","_id":"1","_score":1.0,"_source":{"title":"Dune","year":1965,"tags":["a","b"]}},
                 {"_index":"movies","_id":"2","_score":1.0,"_source":{"year":2000,"nested":{"a":{"b":1,"c":[{"x":1},{"y":2},[3,{"x":4}]]},"e":{},"f":[]}}}]}}
        """#

    static func filtered(_ filter: String, _ json: String = response) throws -> String? {
        let value = try JSONParser.parse(json)
        guard let path = try FilterPath(parsing: filter) else { return JSONWriter().string(value) }
        return path.apply(to: value).map { JSONWriter().string($0) }
    }

    @Test(arguments: [
        ("hits.hits._id", #"{"hits":{"hits":[{"_id":"1"},{"_id":"2"}]}}"#),
        (" took , _shards.total ", #"{"took":5,"_shards":{"total":1}}"#),
        ("h*s.max*", #"{"hits":{"max_score":1.0}}"#),
        ("*.name", "{}"),
        ("**.title", #"{"hits":{"hits":[{"_source":{"title":"Dune"}}]}}"#),
        ("**.x", #"{"hits":{"hits":[{"_source":{"nested":{"a":{"c":[{"x":1},[{"x":4}]]}}}}]}}"#),
        ("hits.hits._source.tags.x", "{}"),
        ("took,-took", "{}"),
        ("-hits.hits._source.nested.a.c.y", #"{"took":5,"timed_out":false,"_shards":{"total":1,"successful":1},"hits":{"total":{"value":2,"relation":"eq"},"max_score":1.0,"hits":[{"_index":"movies","_id":"1","_score":1.0,"_source":{"title":"Dune","year":1965,"tags":["a","b"]}},{"_index":"movies","_id":"2","_score":1.0,"_source":{"year":2000,"nested":{"a":{"b":1,"c":[{"x":1},[3,{"x":4}]]},"e":{},"f":[]}}}]}}"#),
        ("hits.hits._source.nested.e,hits.hits._source.nested.f", #"{"hits":{"hits":[{"_source":{"nested":{"e":{},"f":[]}}}]}}"#),
        ("hits.total.*,-hits.total.relation", #"{"hits":{"total":{"value":2}}}"#),
        // Under `**` every object is on an exclusion path, so the empty ones go too.
        ("-**.x,hits.hits._source.nested", #"{"hits":{"hits":[{"_source":{"nested":{"a":{"b":1,"c":[{"y":2},[3]]}}}}]}}"#),
    ])
    func filtersAsOpenSearch(_ filter: String, _ expected: String) throws {
        #expect(try Self.filtered(filter) == expected)
    }

    @Test func dotsInNamesAndRootArrays() throws {
        #expect(try Self.filtered(#"a\.b"#, #"{"a.b":1,"a":{"b":2}}"#) == #"{"a.b":1}"#)
        #expect(try Self.filtered("a.b", #"{"a.b":1,"a":{"b":2}}"#) == #"{"a":{"b":2}}"#)
        // `_cat?format=json` rows: filtered one by one, and nothing at all when no row keeps a field.
        #expect(try Self.filtered("index", #"[{"index":"a","uuid":"x"},{"index":"b"}]"#) == #"[{"index":"a"},{"index":"b"}]"#)
        #expect(try Self.filtered("nothing", #"[{"index":"a"}]"#) == nil)
    }

    @Test func emptyFiltersAreRefused() throws {
        #expect(try FilterPath(parsing: " , ") == nil)
        #expect(throws: OpenSearchError.illegalArgument("filters cannot be null or empty")) { _ = try FilterPath(parsing: "-") }
        #expect(try FilterPath(parsing: "-, -took") != nil)
    }
}

extension FilterPathTests {
    /// Chains of `**` keep one copy of each remaining path, so deep documents do not multiply them.
    @Test func doubleWildcardChainsStayLinear() throws {
        var document: JSONValue = ["x": 1]
        for level in 0..<40 { document = ["l\(level)": document] }
        let filter = try #require(try FilterPath(parsing: Array(repeating: "**", count: 30).joined(separator: ".") + ".x"))
        let kept = try #require(filter.apply(to: document))
        #expect(JSONWriter().string(kept) == JSONWriter().string(document))
    }
}

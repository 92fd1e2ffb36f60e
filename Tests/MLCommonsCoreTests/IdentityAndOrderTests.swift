import MLCommonsCore
import Testing

@Suite("Ids, Java HashMap order and instants")
struct IdentityAndOrderTests {
    @Test func idsHaveOpenSearchsLayout() {
        let clock: @Sendable () -> Int64 = { 1_700_000_000_000 }
        let generator = DocumentIDGenerator(nodeAddress: [1, 2, 3, 4, 5, 6], initialSequence: 41, clock: clock)
        let first = generator.next()
        let second = generator.next()
        #expect(first.count == 20)
        #expect(first.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        // Consecutive ids share the timestamp and node bytes in the middle.
        #expect(first.dropFirst(3).prefix(13) == second.dropFirst(3).prefix(13))
        #expect(first != second)
        // Bytes: seq 42, timestamp 1700000000000, node 010203040506 (checked independently with Python).
        #expect(first == "KgDlz4sBAQIDBAUGaAAA")
    }

    @Test func randomUUIDsAre22Characters() {
        #expect(DocumentIDGenerator.randomBase64UUID().count == 22)
    }

    @Test func stringHashCodeMatchesJava() {
        #expect(JavaHashMapOrder.stringHashCode("") == 0)
        #expect(JavaHashMapOrder.stringHashCode("hello") == 99_162_322)
        #expect(JavaHashMapOrder.stringHashCode("RetrieveIndexMetaTool") == 116_753_715)
        #expect(JavaHashMapOrder.stringHashCode("polygenelubricants") == Int32.min)
    }

    @Test func hashMapOrderReproducesDocumentedOrders() {
        // ListIndexTool's row order in the ml-commons documentation sample.
        let created = [
            ".plugins-ml-config", ".plugins-ml-model-group", ".plugins-ml-memory-meta", ".plugins-ml-memory-message",
            ".plugins-ml-model", ".plugins-ml-agent", ".plugins-ml-task", "top_queries-2025.07.14-00000",
            ".plugins-ml-connector",
        ]
        let ordered = JavaHashMapOrder.ordered(created)
        #expect(ordered.first == ".plugins-ml-model-group")
        #expect(ordered.last == ".plugins-ml-connector")
        #expect(JavaHashMapOrder.ordered(["DemoIndexMappingTool", "RetrieveIndexMetaTool"]) == ["RetrieveIndexMetaTool", "DemoIndexMappingTool"])
        #expect(JavaHashMapOrder.ordered(["ListIndexTool", "IndexMappingTool"]) == ["IndexMappingTool", "ListIndexTool"])
    }

    @Test func instantsRenderWithNanosecondsAndRoundTrip() throws {
        let instant = InstantTime(seconds: 1_706_899_403, nanoseconds: 566_994_302)
        #expect(instant.iso8601 == "2024-02-02T18:43:23.566994302Z")
        #expect(InstantTime(seconds: 0, nanoseconds: 500_000_000).iso8601 == "1970-01-01T00:00:00.500Z")
        #expect(InstantTime(iso8601: instant.iso8601) == instant)
        #expect(instant.epochMillis == 1_706_899_403_566)
        #expect(InstantTime(seconds: 1_706_899_403, nanoseconds: 120_000).iso8601 == "2024-02-02T18:43:23.00012Z")
        #expect(InstantTime(seconds: 1_706_899_403, nanoseconds: 0).iso8601 == "2024-02-02T18:43:23.000Z")
        #expect(InstantTime(seconds: -62_198_755_200, nanoseconds: 7_000_000).iso8601 == "-001-01-01T00:00:00.007Z")
        #expect(InstantTime(seconds: 253_402_300_799, nanoseconds: 999_999_999).iso8601 == "9999-12-31T23:59:59.999999999Z")
        #expect(InstantTime(seconds: 253_402_300_800, nanoseconds: 0).iso8601 == "10000-01-01T00:00:00.000Z")
    }
}

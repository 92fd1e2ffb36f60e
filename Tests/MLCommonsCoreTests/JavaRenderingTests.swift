import MLCommonsCore
import Testing

@Suite("Java renderings: ByteSizeValue, Map.toString, HashMap capacity, exception metadata")
struct JavaRenderingTests {
    @Test(arguments: [
        (0, "0b"), (208, "208b"), (1023, "1023b"), (1024, "1kb"), (4096, "4kb"), (4097, "4kb"),
        (17_510, "17kb"), (17_612, "17.1kb"), (17_611, "17.1kb"), (1_047_552, "1023kb"), (1_048_575, "1023.9kb"),
        (1_048_576, "1mb"), (1_887_437, "1.8mb"), (1_992_294, "1.8mb"), (1_073_741_824, "1gb"),
        (5_368_709_120, "5gb"), (1_099_511_627_776, "1tb"), (1_125_899_906_842_624, "1pb"),
        (10_885_165_114_983, "9.9tb"), (10_885_165_114_982, "9.8tb"), (Int64.max, "8192pb"),
    ] as [(Int64, String)])
    func byteSizeValueTruncatesToOneDecimal(bytes: Int64, text: String) {
        #expect(ByteSizeValue(bytes: bytes).description == text)
    }

    @Test func mapsAndListsPrintAsJavaDoes() throws {
        let value = try JSONParser.parse(#"{"a":{"type":"text","boost":1.5,"n":3,"big":1e3},"b":[1,"x",null,true],"c":{}}"#)
        #expect(value.javaToString == "{a={type=text, boost=1.5, n=3, big=1000.0}, b=[1, x, null, true], c={}}")
    }

    @Test func hashMapCapacityFollowsTheInitialCapacity() {
        #expect(JavaHashMapOrder.capacity(for: 1, initialCapacity: 2) == 2)
        #expect(JavaHashMapOrder.capacity(for: 2, initialCapacity: 2) == 4)
        #expect(JavaHashMapOrder.capacity(for: 7, initialCapacity: 2) == 16)
        #expect(JavaHashMapOrder.capacity(for: 13) == 32)
        // `Settings.getAsStructuredMap` on a new index: the order `GET /<index>` prints.
        let keys = ["creation_date", "number_of_replicas", "number_of_shards", "provided_name", "replication", "uuid", "version"]
        #expect(JavaHashMapOrder.ordered(keys, initialCapacity: 2)
            == ["replication", "number_of_shards", "provided_name", "creation_date", "number_of_replicas", "uuid", "version"])
    }

    @Test func indexErrorsCarryTheirMetadataInHashMapOrder() {
        #expect(JSONValue.object(OpenSearchError.indexNotFound("movies").envelope.objectValue!["error"]!.objectValue!).compactText
            == #"{"root_cause":[{"type":"index_not_found_exception","reason":"no such index [movies]","index":"movies","resource.id":"movies","resource.type":"index_or_alias","index_uuid":"_na_"}],"type":"index_not_found_exception","reason":"no such index [movies]","index":"movies","resource.id":"movies","resource.type":"index_or_alias","index_uuid":"_na_"}"#)
        #expect(OpenSearchError.indexAlreadyExists("m", uuid: "U").envelope.compactText
            == #"{"error":{"root_cause":[{"type":"resource_already_exists_exception","reason":"index [m/U] already exists","index":"m","index_uuid":"U"}],"type":"resource_already_exists_exception","reason":"index [m/U] already exists","index":"m","index_uuid":"U"},"status":400}"#)
    }

    @Test func gsonHTMLSafeEscaping() {
        #expect(JSONWriter(escaping: .gsonHTMLSafe).string(["a": "<b>='&'\u{2028}\u{01}"])
            == #"{"a":"\u003cb\u003e\u003d\u0027\u0026\u0027\u2028\u0001"}"#)
    }
}

import RemoteInference
import Testing

@Suite("Stream chunks: exact bytes")
struct StreamChunkTests {
    @Test func predictChunk() {
        #expect(PredictStreamChunk(content: "Sure").text
            == #"data: {"inference_results":[{"output":[{"name":"response","dataAsMap":{"content":"Sure","is_last":false}}]}]}"# + "\n\n")
        #expect(PredictStreamChunk.final.bytes == Array(
            (#"data: {"inference_results":[{"output":[{"name":"response","dataAsMap":{"content":"","is_last":true}}]}]}"# + "\n\n").utf8))
    }

    @Test func predictChunkEscapesContentAsXContentDoes() {
        // Jackson: short escapes, other controls as upper-case \u00XX, nothing else (not `/`, U+2028 or non-ASCII).
        let chunk = PredictStreamChunk(content: "a\"b\\c\nd\te\r\u{01}\u{1F} / \u{2028} caf\u{E9} \u{1F642} </script>&")
        #expect(chunk.text == #"data: {"inference_results":[{"output":[{"name":"response","dataAsMap":{"content":"a\"b\\c\nd\te\r\u0001\u001F / "#
            + "\u{2028} caf\u{E9} \u{1F642} </script>&" + #"","is_last":false}}]}]}"# + "\n\n")
    }

    @Test func executeChunkHasTheThreeTensorsInOrder() {
        let chunk = ExecuteStreamChunk(memoryID: "LvU1iJkBCzHrriq5hXbN", parentInteractionID: "L_U1iJkBCzHrriq5hXbs", content: "There")
        #expect(chunk.text == #"data: {"inference_results":[{"output":[{"name":"memory_id","result":"LvU1iJkBCzHrriq5hXbN"},{"name":"parent_interaction_id","result":"L_U1iJkBCzHrriq5hXbs"},{"name":"response","dataAsMap":{"content":"There","is_last":false}}]}]}"# + "\n\n")
        let final = ExecuteStreamChunk(memoryID: "", parentInteractionID: "", response: .final)
        #expect(final.text == #"data: {"inference_results":[{"output":[{"name":"memory_id","result":""},{"name":"parent_interaction_id","result":""},{"name":"response","dataAsMap":{"content":"","is_last":true}}]}]}"# + "\n\n")
    }

    @Test func engineErrorEscapesOnlyQuotesAndLineFeeds() {
        let body = "{\n  \"error\": {\n    \"message\": \"Incorrect API key provided: sk-a\\b.\",\r\n    \"code\": 401\n  }\n}"
        let chunk = StreamErrorChunk(message: "Error from remote service: " + body)
        #expect(chunk.text == #"data: {"error": "Error from remote service: {\n  \"error\": {\n    \"message\": \"Incorrect API key provided: sk-a\b.\","#
            + "\r" + #"\n    \"code\": 401\n  }\n}"}"# + "\n\n")
    }

    @Test func executeRequestErrorsKeepLineFeeds() {
        let chunk = StreamErrorChunk.executeRequestFailure("bad \"input\"\nsecond line")
        #expect(chunk.text == "data: {\"error\": \"Error processing request: bad \\\"input\\\"\nsecond line\"}\n\n")
        #expect(StreamErrorChunk.executeRequestFailure("Unexpected character", isIOException: true).text
            == "data: {\"error\": \"Failed to parse request: Unexpected character\"}\n\n")
        #expect(StreamErrorChunk.executeRequestFailure(nil).message == "Error processing request: null")
    }

    @Test func blankFailuresBecomeRequestFailed() {
        #expect(StreamErrorChunk.streamFailure(nil).text == "data: {\"error\": \"Request failed\"}\n\n")
        #expect(StreamErrorChunk.streamFailure(" \t\n").message == "Request failed")
        #expect(StreamErrorChunk.streamFailure("SSE failure with network error").text
            == "data: {\"error\": \"SSE failure with network error\"}\n\n")
        #expect(StreamErrorChunk.processingFailed.text == "data: {\"error\": \"Processing failed\"}\n\n")
    }
}

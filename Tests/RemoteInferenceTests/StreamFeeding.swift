import RemoteInference

/// Ways of cutting an upstream body into the chunks a decoder is fed.
enum StreamFeeding {
    /// The whole body, split in two at every byte offset, and one byte at a time.
    static func splits(of bytes: [UInt8]) -> [[ArraySlice<UInt8>]] {
        var result: [[ArraySlice<UInt8>]] = (0...bytes.count).map { [bytes[..<$0], bytes[$0...]] }
        result.append(bytes.indices.map { bytes[$0...$0] })
        return result
    }

    /// Events of an OpenAI body fed in `pieces`, then finished.
    static func openAIEvents(_ pieces: [ArraySlice<UInt8>]) throws -> [ProviderEvent] {
        var decoder = OpenAIChatStreamDecoder()
        var events = pieces.flatMap { decoder.feed($0) }
        events += try decoder.finish()
        return events
    }

    /// Events of a Bedrock body fed in `pieces`, then finished; the error, if any, ends the list.
    static func bedrockEvents(_ pieces: [ArraySlice<UInt8>]) -> (events: [ProviderEvent], error: InferenceError?) {
        var decoder = BedrockConverseStreamDecoder()
        var events: [ProviderEvent] = []
        do {
            for piece in pieces { events += try decoder.feed(piece) }
            events += try decoder.finish()
            return (events, nil)
        } catch {
            return (events, error)
        }
    }
}

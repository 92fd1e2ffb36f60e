#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Testing

@Suite("Upstream fixtures")
struct UpstreamFixtureTests {
    /// The `.bin` fixtures are the encoder's output for ``BedrockFixtureFrames``; set
    /// `REGENERATE_UPSTREAM_FIXTURES=1` to rewrite them after changing the frames.
    @Test(arguments: ["bedrock-converse-stream.bin", "bedrock-tool-use-stream.bin"])
    func bedrockFixtureIsTheEncodedFrames(name: String) throws {
        let frames = name == "bedrock-converse-stream.bin" ? BedrockFixtureFrames.converseStream : BedrockFixtureFrames.toolUseStream
        let generated = try BedrockFixtureFrames.encoded(frames)
        if ProcessInfo.processInfo.environment["REGENERATE_UPSTREAM_FIXTURES"] == "1" {
            try UpstreamFixture.write(generated, to: name)
        }
        #expect(try UpstreamFixture.bytes(name) == generated)
    }
}

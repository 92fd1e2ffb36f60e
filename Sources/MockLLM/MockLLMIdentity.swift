/// Ids and timestamps of one response, derived from the request so equal requests get equal bytes.
struct MockLLMIdentity: Sendable, Hashable {
    /// A stable 64-bit FNV-1a hash of the request's path and body.
    let digest: UInt64
    /// A second, independent hash, so request ids can have 128 bits.
    let secondDigest: UInt64
    /// Unix seconds for OpenAI's `created`.
    let created: Int64

    init(path: String, body: [UInt8], created: Int64) {
        digest = Self.fnv1a(Array(path.utf8) + [0] + body)
        secondDigest = Self.fnv1a(body + [0] + Array(path.utf8))
        self.created = created
    }

    /// `chatcmpl-mock-<16 hex digits>`.
    var completionID: String { "chatcmpl-mock-\(hex(digest))" }
    /// `call_mock_<16 hex digits>`.
    var toolCallID: String { "call_mock_\(hex(digest))" }
    /// `tooluse_mock_<16 hex digits>`.
    var toolUseID: String { "tooluse_mock_\(hex(digest))" }
    /// Gemini's `responseId`.
    var responseID: String { "mock-\(hex(digest))" }
    /// A UUID-shaped id for `x-amzn-RequestId` / `x-request-id`.
    var requestID: String {
        let digits = hex(digest) + hex(secondDigest)
        let cuts = [8, 4, 4, 4, 12]
        var parts: [Substring] = []
        var rest = Substring(digits)
        for cut in cuts {
            parts.append(rest.prefix(cut))
            rest = rest.dropFirst(cut)
        }
        return parts.joined(separator: "-")
    }

    private func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    private static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        bytes.reduce(0xcbf2_9ce4_8422_2325) { hash, byte in (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
    }
}

/// The file names of a ZIP archive, read from its central directory (what ml-commons checks a model zip
/// for: one `.pt` or `.onnx` file and a `tokenizer.json`).
public struct ZipDirectory: Sendable, Hashable {
    public let fileNames: [String]

    /// Nil when the bytes are not a ZIP archive.
    public init?(_ bytes: [UInt8]) {
        guard let end = Self.endOfCentralDirectory(bytes) else { return nil }
        let count = Self.uint16(bytes, end + 10)
        var offset = Self.uint32(bytes, end + 16)
        var names: [String] = []
        for _ in 0..<count {
            guard offset + 46 <= bytes.count, Self.uint32(bytes, offset) == 0x0201_4b50 else { return nil }
            let nameLength = Self.uint16(bytes, offset + 28)
            let extraLength = Self.uint16(bytes, offset + 30)
            let commentLength = Self.uint16(bytes, offset + 32)
            guard offset + 46 + nameLength <= bytes.count else { return nil }
            names.append(String(decoding: bytes[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self))
            offset += 46 + nameLength + extraLength + commentLength
        }
        fileNames = names
    }

    /// The end-of-central-directory record sits in the last 64 KiB + 22 bytes, found by its signature.
    private static func endOfCentralDirectory(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 22 else { return nil }
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        var offset = bytes.count - 22
        while offset >= lowest {
            if uint32(bytes, offset) == 0x0605_4b50 { return offset }
            offset -= 1
        }
        return nil
    }

    private static func uint16(_ bytes: [UInt8], _ offset: Int) -> Int {
        Int(bytes[offset]) | Int(bytes[offset + 1]) << 8
    }

    private static func uint32(_ bytes: [UInt8], _ offset: Int) -> Int {
        uint16(bytes, offset) | uint16(bytes, offset + 2) << 16
    }
}

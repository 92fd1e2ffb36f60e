extension String {
    /// Decodes UTF-8, returning `nil` rather than repairing invalid input; `String(validating:)` needs macOS 15.
    init?(strictUTF8 bytes: some Collection<UInt8>) {
        let decoded = String(decoding: bytes, as: UTF8.self)
        // Valid UTF-8 round-trips exactly; any repair inserts U+FFFD and changes the bytes.
        guard decoded.utf8.elementsEqual(bytes) else { return nil }
        self = decoded
    }
}

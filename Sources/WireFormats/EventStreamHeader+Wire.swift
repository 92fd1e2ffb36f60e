extension EventStreamHeader {
    /// Appends name length, name, type code and value.
    func append(to buffer: inout [UInt8]) throws(EventStreamError) {
        let nameLength = name.utf8.count
        guard (1...EventStreamLimits.maximumHeaderNameLength).contains(nameLength) else {
            throw .headerTooLarge("name of \(nameLength) bytes; allowed 1...\(EventStreamLimits.maximumHeaderNameLength)")
        }
        buffer.append(UInt8(nameLength))
        buffer.append(contentsOf: name.utf8)
        try value.append(to: &buffer)
    }

    /// Parses a complete headers section.
    static func parseSection(_ bytes: ArraySlice<UInt8>) throws(EventStreamError) -> [EventStreamHeader] {
        var reader = ByteReader(bytes)
        var headers: [EventStreamHeader] = []
        while !reader.isAtEnd {
            guard let nameLength: UInt8 = reader.readInteger(), nameLength > 0 else {
                throw .malformedHeader("header name length must be at least 1")
            }
            guard let nameBytes = reader.readBytes(count: Int(nameLength)) else {
                throw .malformedHeader("truncated header name")
            }
            guard let name = String(strictUTF8: nameBytes) else {
                throw .malformedHeader("header name is not valid UTF-8")
            }
            let value = try EventStreamHeaderValue.read(from: &reader)
            headers.append(EventStreamHeader(name: name, value: value))
        }
        return headers
    }
}

import Testing
import WireFormats

@Suite struct CRC32Tests {
    @Test func standardCheckValue() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    }

    @Test func emptyInputIsZero() {
        #expect(CRC32.checksum([UInt8]()) == 0)
        #expect(CRC32().value == 0)
    }

    @Test func knownZlibValue() {
        // zlib.crc32(b"The quick brown fox jumps over the lazy dog")
        #expect(CRC32.checksum(Array("The quick brown fox jumps over the lazy dog".utf8)) == 0x414F_A339)
    }

    @Test func incrementalUpdatesMatchOneShot() {
        let bytes = Array("The quick brown fox jumps over the lazy dog".utf8)
        for split in 0...bytes.count {
            var crc = CRC32()
            crc.update(bytes[..<split])
            crc.update(bytes[split...])
            #expect(crc.value == CRC32.checksum(bytes))
        }
    }

    @Test func nonContiguousSequenceMatchesArray() {
        let bytes = Array("123456789".utf8)
        #expect(CRC32.checksum(bytes.lazy.map { $0 }) == 0xCBF4_3926)
        #expect(CRC32.checksum(AnySequence(bytes)) == 0xCBF4_3926)
    }
}

/// 64-bit FNV-1a over UTF-8 with a salt: the same number on every run and machine, unlike `Hasher`.
enum StableHash {
    static func fnv1a(_ text: String, salt: UInt64) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ (salt &* 0x9E37_79B9_7F4A_7C15)
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        // A final avalanche, so that nearby inputs land on unrelated buckets.
        hash ^= hash >> 33
        hash &*= 0xff51_afd7_ed55_8ccd
        hash ^= hash >> 33
        return hash
    }
}

/// Java's `java.util.SplittableRandom` (SplitMix64), bit for bit: Tribuo seeds its trainers with it, so the
/// same seed shuffles and samples exactly as ml-commons' algorithms do.
public struct SplittableRandom: Sendable {
    static let goldenGamma: UInt64 = 0x9e37_79b9_7f4a_7c15
    private var seed: UInt64
    private let gamma: UInt64

    public init(seed: Int64) { self.init(seed: UInt64(bitPattern: seed), gamma: Self.goldenGamma) }

    private init(seed: UInt64, gamma: UInt64) {
        self.seed = seed
        self.gamma = gamma
    }

    private mutating func nextSeed() -> UInt64 {
        seed &+= gamma
        return seed
    }

    private static func mix64(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    private static func mix32(_ value: UInt64) -> Int32 {
        var z = value
        z = (z ^ (z >> 33)) &* 0x62a9_d9ed_7997_05f5
        return Int32(truncatingIfNeeded: ((z ^ (z >> 28)) &* 0xcb24_d0a5_c88c_35b3) >> 32)
    }

    private static func mixGamma(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 33)) &* 0xff51_afd7_ed55_8ccd
        z = (z ^ (z >> 33)) &* 0xc4ce_b9fe_1a85_ec53
        z = (z ^ (z >> 33)) | 1
        return (z ^ (z >> 1)).nonzeroBitCount < 24 ? z ^ 0xaaaa_aaaa_aaaa_aaaa : z
    }

    public mutating func nextLong() -> Int64 { Int64(bitPattern: Self.mix64(nextSeed())) }

    public mutating func nextInt() -> Int32 { Self.mix32(nextSeed()) }

    /// `nextInt(bound)`: uniform in `0..<bound` by Java's rejection loop.
    public mutating func nextInt(_ bound: Int32) -> Int32 {
        var r = nextInt()
        let m = bound &- 1
        if bound & m == 0 { return r & m }
        var u = Int32(bitPattern: UInt32(bitPattern: r) >> 1)
        while true {
            r = u % bound
            if u &+ m &- r >= 0 { return r }
            u = Int32(bitPattern: UInt32(bitPattern: nextInt()) >> 1)
        }
    }

    /// Uniform in [0, 1) with 53 random bits.
    public mutating func nextDouble() -> Double { Double(UInt64(bitPattern: nextLong()) >> 11) * 0x1.0p-53 }

    /// A new generator seeded from this one (`split()`).
    public mutating func split() -> SplittableRandom {
        let seed = UInt64(bitPattern: nextLong())
        return SplittableRandom(seed: seed, gamma: Self.mixGamma(nextSeed()))
    }
}

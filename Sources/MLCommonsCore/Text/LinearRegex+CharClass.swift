extension LinearRegex {
    /// A compiled scalar set, with ASCII membership precomputed as a bitmap so the common case is one shift.
    struct CharClass: Sendable {
        private let lowASCII: UInt64
        private let highASCII: UInt64
        private let set: ScalarSet

        init(_ set: ScalarSet) {
            var bits: (UInt64, UInt64) = (0, 0)
            for value in UInt8(0)..<128 where set.contains(Unicode.Scalar(value)) {
                if value < 64 { bits.0 |= 1 << value } else { bits.1 |= 1 << (value - 64) }
            }
            (lowASCII, highASCII) = bits
            self.set = set
        }

        /// Whether `scalar` is in the class.
        @inline(__always)
        func contains(_ scalar: Unicode.Scalar) -> Bool {
            let value = scalar.value
            if value < 64 { return lowASCII >> value & 1 != 0 }
            if value < 128 { return highASCII >> (value - 64) & 1 != 0 }
            return set.contains(scalar)
        }
    }
}

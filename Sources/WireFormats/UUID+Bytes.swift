#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension UUID {
    /// Builds a UUID from exactly sixteen bytes in wire order.
    init(uuidBytes bytes: ArraySlice<UInt8>) {
        precondition(bytes.count == 16)
        let b = Array(bytes)
        self.init(uuid: (b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7],
                         b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]))
    }
}

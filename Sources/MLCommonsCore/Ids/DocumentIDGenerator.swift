import Foundation
import Synchronization

/// Generates 20-character ids the way OpenSearch's `TimeBasedUUIDGenerator` does: 15 bytes of
/// sequence number, millisecond timestamp and a per-node address, URL-safe base64 without padding.
public final class DocumentIDGenerator: Sendable {
    private struct State {
        var sequence: UInt32
        var lastTimestamp: Int64
    }

    private let state: Mutex<State>
    private let nodeAddress: [UInt8]
    private let clock: @Sendable () -> Int64

    /// A generator with a random node address and the wall clock.
    public convenience init() {
        var generator = SystemRandomNumberGenerator()
        self.init(
            nodeAddress: (0..<6).map { _ in UInt8.random(in: 0...255, using: &generator) },
            initialSequence: UInt32.random(in: 0...0xFF_FFFF, using: &generator),
            clock: { Int64(Date().timeIntervalSince1970 * 1000) })
    }

    /// A generator with fixed inputs, for reproducible tests.
    public init(nodeAddress: [UInt8], initialSequence: UInt32, clock: @escaping @Sendable () -> Int64) {
        precondition(nodeAddress.count == 6, "a node address is 6 bytes")
        self.nodeAddress = nodeAddress
        self.clock = clock
        self.state = Mutex(State(sequence: initialSequence, lastTimestamp: 0))
    }

    /// The next id.
    public func next() -> String {
        let now = clock()
        let (sequence, timestamp) = state.withLock { state -> (UInt32, Int64) in
            state.sequence = (state.sequence &+ 1) & 0xFF_FFFF
            // Never go backwards; a wrapped sequence moves time on so ids stay unique.
            var timestamp = max(state.lastTimestamp, now)
            if state.sequence == 0 { timestamp += 1 }
            state.lastTimestamp = timestamp
            return (state.sequence, timestamp)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(15)
        bytes.append(UInt8(truncatingIfNeeded: sequence))
        bytes.append(UInt8(truncatingIfNeeded: sequence >> 16))
        for shift in [16, 24, 32, 40] { bytes.append(UInt8(truncatingIfNeeded: timestamp >> Int64(shift))) }
        bytes.append(contentsOf: nodeAddress)
        bytes.append(UInt8(truncatingIfNeeded: timestamp >> 8))
        bytes.append(UInt8(truncatingIfNeeded: sequence >> 8))
        bytes.append(UInt8(truncatingIfNeeded: timestamp))
        return Base64URL.encode(bytes)
    }

    /// A random 22-character id as `UUIDs.randomBase64UUID()` makes for node ids and index uuids.
    public static func randomBase64UUID() -> String {
        var generator = SystemRandomNumberGenerator()
        var bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        bytes[6] = (bytes[6] & 0x0F) | 0x40  // version 4
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // IETF variant
        return Base64URL.encode(bytes)
    }
}

/// Plays a mock response's frames in real time: each `next()` waits the frame's delay, so pacing,
/// dropped connections and hangs reach the reader exactly as from a socket; sleeping honours cancellation.
public struct MockLLMFramePlayback: AsyncSequence, Sendable {
    public typealias Element = [UInt8]

    /// How a playback ends early, as a client reading a socket would see it.
    public enum Interruption: Error, Sendable, Hashable {
        /// The connection closed before the response was complete.
        case connectionDropped
        /// Nothing arrived for longer than the read timeout.
        case readTimedOut
    }

    let frames: [MockLLMFrame]
    let ending: MockLLMEnding
    /// Longest silence tolerated, like a client's read timeout.
    let readTimeout: Duration

    /// Plays `response`, giving up on a silence longer than `readTimeout`.
    public init(_ response: MockLLMResponse, readTimeout: Duration) {
        self.frames = response.frames
        self.ending = response.ending
        self.readTimeout = readTimeout
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        let playback: MockLLMFramePlayback
        var index = 0
        var finished = false

        public mutating func next() async throws -> [UInt8]? {
            guard !finished else { return nil }
            if index < playback.frames.count {
                let frame = playback.frames[index]
                index += 1
                try await wait(frame.delay)
                return frame.bytes
            }
            finished = true
            switch playback.ending {
            case .complete:
                return nil
            case .dropConnection:
                throw Interruption.connectionDropped
            case .hang:
                try await wait(.seconds(365 * 24 * 3600))
                return nil
            }
        }

        private func wait(_ delay: Duration) async throws {
            guard delay > .zero else { return }
            if delay > playback.readTimeout {
                try await Task.sleep(for: playback.readTimeout)
                throw Interruption.readTimedOut
            }
            try await Task.sleep(for: delay)
        }
    }

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(playback: self) }
}

import RemoteInference

/// Plays a mock response's frames in real time: each `next()` waits the frame's delay, so pacing,
/// dropped connections and hangs reach the reader exactly as from a socket; sleeping honours cancellation.
struct MockLLMFramePlayback: AsyncSequence, Sendable {
    typealias Element = [UInt8]

    let frames: [MockLLMFrame]
    let ending: MockLLMEnding
    /// Longest silence tolerated, like a client's read timeout.
    let readTimeout: Duration

    struct AsyncIterator: AsyncIteratorProtocol {
        let playback: MockLLMFramePlayback
        var index = 0
        var finished = false

        mutating func next() async throws -> [UInt8]? {
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
                throw InferenceError(message: "Connection closed by remote model before the response completed")
            case .hang:
                try await wait(.seconds(365 * 24 * 3600))
                return nil
            }
        }

        private func wait(_ delay: Duration) async throws {
            guard delay > .zero else { return }
            if delay > playback.readTimeout {
                try await Task.sleep(for: playback.readTimeout)
                throw InferenceError(message: "Read timed out")
            }
            try await Task.sleep(for: delay)
        }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(playback: self) }
}

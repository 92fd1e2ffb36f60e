@testable import EmulatorServer
import HTTPTypes
import Hummingbird
import NIOCore
import Synchronization
import Testing

@Suite("Streamed response body")
struct StreamedResponseBodyTests {
    /// A body writer that records what reaches it, and fails every write from `failingFrom` on.
    final class RecordingWriter: Sendable {
        let writes = Mutex<[String]>([])
        let finished = Atomic(false)
        let failingFrom: Int
        let finishFails: Bool

        init(failingFrom: Int = .max, finishFails: Bool = false) {
            self.failingFrom = failingFrom
            self.finishFails = finishFails
        }

        struct Closed: Error {}

        var bodyWriter: any ResponseBodyWriter { Writer(recorder: self) }

        struct Writer: ResponseBodyWriter {
            let recorder: RecordingWriter

            mutating func write(_ buffer: ByteBuffer) async throws {
                let count = recorder.writes.withLock { $0.count }
                guard count < recorder.failingFrom else { throw Closed() }
                recorder.writes.withLock { $0.append(String(buffer: buffer)) }
            }

            consuming func finish(_ trailingHeaders: HTTPFields?) async throws {
                guard !recorder.finishFails else { throw Closed() }
                recorder.finished.store(true, ordering: .relaxed)
            }
        }
    }

    static let noDeparture: @Sendable () async -> ClientDeparture? = { nil }

    /// Every chunk reaches the connection as its own write, in order, and the statistics count them.
    @Test func eachChunkIsOneWriteInOrder() async throws {
        let recorder = RecordingWriter()
        let sink = ResponseBodySink(recorder.bodyWriter)
        try await StreamedResponseBody.pump({ writer in
            for index in 0..<100 { try await writer.write("data: \(index)\n\n") }
        }, into: sink, departure: Self.noDeparture)
        try await sink.finish()
        #expect(recorder.writes.withLock { $0 } == (0..<100).map { "data: \($0)\n\n" })
        let finished = recorder.finished.load(ordering: .relaxed)
        #expect(finished)
        #expect(sink.statistics.chunks == 100)
        #expect(sink.statistics.bytes == (0..<100).map { "data: \($0)\n\n".utf8.count }.reduce(0, +))
    }

    /// A failed write means the client left: the producer's later writes throw at once, even when it swallowed
    /// the first failure, and the stream counts as cut.
    @Test func aFailedWriteEndsTheStreamAsClientGone() async throws {
        let recorder = RecordingWriter(failingFrom: 3)
        let sink = ResponseBodySink(recorder.bodyWriter)
        let laterWritesFailed = Atomic(0)
        await #expect(throws: StreamWriter.ClientGone.self) {
            try await StreamedResponseBody.pump({ writer in
                for index in 0..<10 {
                    do { try await writer.write("chunk \(index)") } catch is StreamWriter.ClientGone {
                        laterWritesFailed.add(1, ordering: .relaxed)
                    }
                }
            }, into: sink, departure: Self.noDeparture)
        }
        #expect(recorder.writes.withLock { $0 } == ["chunk 0", "chunk 1", "chunk 2"])
        let failedWrites = laterWritesFailed.load(ordering: .relaxed)
        #expect(failedWrites == 7)
    }

    /// A connection gone by the end counts as a client that left, as a failed write does.
    @Test func aFailedEndIsAClientGone() async throws {
        let recorder = RecordingWriter(finishFails: true)
        let sink = ResponseBodySink(recorder.bodyWriter)
        try await StreamedResponseBody.pump({ writer in try await writer.write("all") }, into: sink, departure: Self.noDeparture)
        await #expect(throws: StreamWriter.ClientGone.self) { try await sink.finish() }
        #expect(sink.isGone)
    }

    /// A client that leaves while the producer waits on a silent upstream cancels the producer at once.
    @Test func leavingDuringSilenceCancelsTheProducer() async throws {
        let recorder = RecordingWriter()
        let sink = ResponseBodySink(recorder.bodyWriter)
        let departure = ClientDeparture()
        let producerSawCancellation = Atomic(false)
        Task {
            while recorder.writes.withLock({ $0.isEmpty }) { await Task.yield() }
            departure.markGone()
        }
        await #expect(throws: StreamWriter.ClientGone.self) {
            try await StreamedResponseBody.pump({ writer in
                try await writer.write("first")
                do {
                    try await Task.sleep(for: .seconds(60))
                } catch {
                    producerSawCancellation.store(true, ordering: .relaxed)
                    throw error
                }
                try await writer.write("never")
            }, into: sink, departure: { departure })
        }
        let cancelled = producerSawCancellation.load(ordering: .relaxed)
        #expect(cancelled)
        #expect(recorder.writes.withLock { $0 } == ["first"])
    }

    /// The producer's own failure is what the pump throws, after what it wrote before it.
    @Test func theProducersFailureIsRethrown() async throws {
        struct UpstreamBroke: Error {}
        let recorder = RecordingWriter()
        let sink = ResponseBodySink(recorder.bodyWriter)
        await #expect(throws: UpstreamBroke.self) {
            try await StreamedResponseBody.pump({ writer in
                try await writer.write("partial")
                throw UpstreamBroke()
            }, into: sink, departure: Self.noDeparture)
        }
        #expect(recorder.writes.withLock { $0 } == ["partial"])
    }

    /// A producer that ends while the departure watch still waits ends the pump; the watch does not hold it.
    @Test func aFinishedProducerStopsTheWatch() async throws {
        let recorder = RecordingWriter()
        let sink = ResponseBodySink(recorder.bodyWriter)
        let departure = ClientDeparture()
        try await StreamedResponseBody.pump({ writer in try await writer.write("all") }, into: sink, departure: { departure })
        #expect(!sink.isGone)
        #expect(recorder.writes.withLock { $0 } == ["all"])
    }
}

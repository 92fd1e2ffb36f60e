@testable import EmulatorServer
import Synchronization
import Testing

@Suite("Stream outlet")
struct StreamOutletTests {
    /// Chunks come out whole and in order, queued ones included, and the end comes after the last of them.
    @Test func chunksArriveInOrderAndTheEndFollowsTheLast() async {
        let outlet = StreamOutlet()
        let producer = Task {
            for index in 0..<200 { await outlet.send(Array("chunk \(index)\n".utf8)) }
            outlet.finish()
        }
        var received: [String] = []
        while let chunk = await outlet.next() { received.append(String(decoding: chunk, as: UTF8.self)) }
        await producer.value
        #expect(received == (0..<200).map { "chunk \($0)\n" })
    }

    /// A producer past the buffer limit waits until the body takes chunks, and a closed outlet releases it.
    @Test func aProducerPastTheLimitWaitsForTheBody() async {
        let outlet = StreamOutlet()
        let sent = Atomic(0)
        let chunk = [UInt8](repeating: 0x61, count: 1024)
        let producer = Task {
            for _ in 0..<64 {
                await outlet.send(chunk)
                sent.add(1, ordering: .relaxed)
            }
        }
        // It queues up to the limit, and the send that passes the limit waits.
        let limitInChunks = StreamOutlet.bufferLimit / chunk.count
        #expect(await Self.eventually { sent.load(ordering: .relaxed) == limitInChunks })
        for _ in 0..<100 { await Task.yield() }
        #expect(sent.load(ordering: .relaxed) == limitInChunks)
        // Taking chunks lets it go on.
        for _ in 0..<8 { _ = await outlet.next() }
        #expect(await Self.eventually { sent.load(ordering: .relaxed) > limitInChunks })
        // Closing releases it for good: every later send returns at once.
        outlet.close()
        await producer.value
        #expect(sent.load(ordering: .relaxed) == 64)
        #expect(await outlet.next() == nil)
    }

    /// Whether `condition` holds within a bounded number of scheduling turns.
    static func eventually(_ condition: () -> Bool) async -> Bool {
        for _ in 0..<100_000 {
            if condition() { return true }
            await Task.yield()
        }
        return condition()
    }

    /// Two producers blocked on a full outlet are both released when it closes.
    @Test func everyBlockedProducerIsReleased() async {
        let outlet = StreamOutlet()
        // Exactly full: this send returns, and any byte more waits.
        await outlet.send([UInt8](repeating: 0x61, count: StreamOutlet.bufferLimit))
        let released = Released()
        let first = Task {
            await outlet.send([0x62])
            released.count.add(1, ordering: .relaxed)
        }
        let second = Task {
            await outlet.send([0x63])
            released.count.add(1, ordering: .relaxed)
        }
        for _ in 0..<100 { await Task.yield() }
        #expect(released.count.load(ordering: .relaxed) == 0)
        outlet.close()
        await first.value
        await second.value
        #expect(released.count.load(ordering: .relaxed) == 2)
    }

    /// A body waiting for a chunk stops waiting when its task is cancelled.
    @Test func aWaitingBodyStopsOnCancellation() async {
        let outlet = StreamOutlet()
        let body = Task { await outlet.next() }
        body.cancel()
        #expect(await body.value == nil)
    }
}

private final class Released: Sendable {
    let count = Atomic(0)
}

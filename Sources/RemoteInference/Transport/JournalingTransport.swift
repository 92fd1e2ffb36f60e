/// Records every call in the ``OutboundJournal``: the request as sent (credentials redacted) when it starts,
/// the status when it answers, when its first body bytes arrive, and the end when its body ends, fails or is no longer read.
public struct JournalingTransport: UpstreamTransport {
    public let base: any UpstreamTransport
    public let journal: OutboundJournal

    public init(base: any UpstreamTransport, journal: OutboundJournal) {
        self.base = base
        self.journal = journal
    }

    public func send(_ request: UpstreamRequest) async throws -> UpstreamResponse {
        let id = journal.begin(request, secrets: request.secrets, modelID: request.modelID)
        var response: UpstreamResponse
        do {
            response = try await base.send(request)
        } catch {
            journal.finish(id, status: nil, error: String(describing: error))
            throw error
        }
        let entry = JournalEntryCompletion(journal: journal, id: id, status: response.status)
        response.body = response.body.observing(onFirstChunk: { journal.firstChunk(id) }, onEnd: { entry.finish(error: $0) })
        return response
    }
}

/// Finishes one journal entry exactly once: at the body's end or failure, or when its reader lets go.
private final class JournalEntryCompletion: Sendable {
    let journal: OutboundJournal
    let id: Int
    let status: Int

    init(journal: OutboundJournal, id: Int, status: Int) {
        self.journal = journal
        self.id = id
        self.status = status
    }

    func finish(error: (any Error)?) {
        journal.finish(id, status: status, error: error.map { String(describing: $0) })
    }

    deinit { journal.finish(id, status: status, error: nil) }
}

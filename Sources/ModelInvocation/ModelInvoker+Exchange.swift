import MLCommonsCore
import RemoteInference

extension ModelInvoker {
    /// One predict exchange with the whole body read (the transport journals and retries it); failures become
    /// ml-commons' errors.
    func exchange(_ request: UpstreamRequest) async throws -> (status: Int, body: [UInt8]) {
        do {
            let response = try await transport.send(request)
            return (response.status, try await response.body.collect(upTo: 64 * 1024 * 1024))
        } catch let error as any OpenSearchErrorConvertible {
            throw error.openSearchError
        }
    }
}

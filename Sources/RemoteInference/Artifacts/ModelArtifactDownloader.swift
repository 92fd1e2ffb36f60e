import AsyncHTTPClient
import Foundation
import MLCommonsCore
import NIOCore

/// Fetches a custom model's zip for a by-URL registration, for real: `file://` from disk, `http(s)://`
/// over AsyncHTTPClient (loopback included: ml-commons applies only its trusted-URL regex to model URLs).
/// Failures carry the message ml-commons records on the task, the root cause without its class name.
public struct ModelArtifactDownloader: Sendable {
    /// The largest file the emulator reads: ml-commons' ceiling is 4 GB, the emulator keeps files in memory.
    public let maximumBytes: Int
    private let client: HTTPClient

    public init(maximumBytes: Int = 1 << 30, client: HTTPClient = HTTPUpstreamTransport.failFast) {
        self.maximumBytes = maximumBytes
        self.client = client
    }

    /// Why a download failed, in the words the task's `error` shows.
    public struct Failure: Error, Sendable, Hashable {
        public let message: String
    }

    public func download(_ url: String) async throws -> [UInt8] {
        if url.hasPrefix("file://") {
            let path = String(url.dropFirst("file://".count))
            guard let file = FileHandle(forReadingAtPath: path) else { throw Failure(message: "\(path) (No such file or directory)") }
            defer { try? file.close() }
            // Read in slices, so a device that never ends (`/dev/zero`) stops at the limit.
            var bytes: [UInt8] = []
            while let slice = try? file.read(upToCount: 1 << 20), !slice.isEmpty {
                bytes.append(contentsOf: slice)
                try checkSize(bytes.count)
            }
            return bytes
        }
        guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
            throw Failure(message: "unknown protocol: \(url.prefix(while: { $0 != ":" }))")
        }
        let response: HTTPClientResponse
        do {
            response = try await client.execute(HTTPClientRequest(url: url), timeout: .seconds(60))
        } catch {
            throw Failure(message: Self.describe(error))
        }
        // Java's URL stream answers a 4xx/5xx with FileNotFoundException / IOException naming the URL.
        guard (200..<300).contains(response.status.code) else {
            throw Failure(message: response.status.code == 404
                ? url : "Server returned HTTP response code: \(response.status.code) for URL: \(url)")
        }
        var bytes: [UInt8] = []
        for try await buffer in response.body {
            bytes.append(contentsOf: buffer.readableBytesView)
            try checkSize(bytes.count)
        }
        return bytes
    }

    private func checkSize(_ count: Int) throws {
        if count > maximumBytes {
            throw Failure(message: "the emulator reads model files of at most \(maximumBytes) bytes; this one is larger")
        }
    }

    private static func describe(_ error: any Error) -> String {
        let text = String(describing: error)
        return text.contains("connectionRefused") || text.contains("Connection refused") ? "Connection refused" : text
    }
}

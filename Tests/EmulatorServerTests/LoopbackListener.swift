#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A loopback listener on a free port that hands each accepted connection to `serve` on its own thread:
/// the upstream that resets before answering, or a plain file server for model downloads.
final class LoopbackListener: @unchecked Sendable {
    let port: Int
    private let fd: Int32
    private let thread: Thread

    init(serve: @escaping @Sendable (Int32) -> Void) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.fd = fd
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound, listen(fd, 16) == 0 else { throw POSIXError(.EADDRINUSE) }
        port = Int(UInt16(bigEndian: address.sin_port))
        thread = Thread {
            while true {
                let connection = accept(fd, nil, nil)
                guard connection >= 0 else { return }
                serve(connection)
                close(connection)
            }
        }
        thread.start()
    }

    /// Reads a little of each request and closes the connection before any answer.
    static func resetting() throws -> LoopbackListener {
        try LoopbackListener { connection in
            var buffer = [UInt8](repeating: 0, count: 1024)
            _ = recv(connection, &buffer, buffer.count, 0)
        }
    }

    /// Answers every request with `200 OK` and these bytes.
    static func serving(_ body: [UInt8]) throws -> LoopbackListener {
        try LoopbackListener { connection in
            var buffer = [UInt8](repeating: 0, count: 4096)
            _ = recv(connection, &buffer, buffer.count, 0)
            let head = Array("HTTP/1.1 200 OK\r\nContent-Type: application/zip\r\nContent-Length: \(body.count)\r\nConnection: close\r\n\r\n".utf8)
            let response = head + body
            var sent = 0
            while sent < response.count {
                let written = response[sent...].withUnsafeBytes { send(connection, $0.baseAddress, $0.count, 0) }
                guard written > 0 else { return }
                sent += written
            }
        }
    }

    func stop() {
        shutdown(fd, Int32(SHUT_RDWR))
        close(fd)
    }
}

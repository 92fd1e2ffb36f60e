#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A blocking TCP client on 127.0.0.1, for tests that need to control exactly when bytes go out and when the
/// connection ends.
final class LoopbackSocket {
    private let fd: Int32
    /// Closing twice could close a descriptor the process has since reused for another socket.
    private var isOpen = true

    /// Connects to `port`; reads give up after `receiveTimeout` seconds.
    init(port: Int, receiveTimeout: Int = 10) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EMFILE) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            Glibc.close(fd)
            throw POSIXError(.ECONNREFUSED)
        }
        var limit = timeval(tv_sec: receiveTimeout, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
    }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, 0) }
    }

    /// Blocks until the server sends something or closes: "closed", "answered" or "timed out waiting".
    func awaitAnswerOrClose() -> String {
        var buffer = [UInt8](repeating: 0, count: 512)
        let read = recv(fd, &buffer, buffer.count, 0)
        return read == 0 ? "closed" : read < 0 ? "timed out waiting" : "answered"
    }

    func close() {
        guard isOpen else { return }
        isOpen = false
        Glibc.close(fd)
    }

    deinit { close() }
}

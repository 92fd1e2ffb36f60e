import Foundation
import NIOCore

/// A reason the emulator cannot start, printed as one line.
public struct EmulatorStartupError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

extension EmulatorStartupError {
    /// A failure to start serving, said the way a person can act on: a taken port is named, with the
    /// way out; anything else as it is.
    public static func describe(_ error: any Error, host: String, port: Int) -> String {
        if let failure = error as? IOError, failure.errnoCode == EADDRINUSE {
            return "port \(port) on \(host) is already in use: stop what listens there, choose another --port, "
                + "or use --port 0 to take a free one"
        }
        return "\(error)"
    }
}

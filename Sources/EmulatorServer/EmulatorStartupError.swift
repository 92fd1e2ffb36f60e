/// A reason the emulator cannot start, printed as one line.
public struct EmulatorStartupError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

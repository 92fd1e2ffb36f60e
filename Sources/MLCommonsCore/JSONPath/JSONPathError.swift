/// Why a Jayway JsonPath expression could not be compiled or read, with Jayway's exception class and message.
public enum JSONPathError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `InvalidPathException`: the expression does not compile.
    case invalidPath(String)
    /// `PathNotFoundException`: a definite path found nothing, or met the wrong kind of value.
    case pathNotFound(String)
    /// A Jayway feature this implementation does not provide (filters `[?(…)]`, functions `.length()`).
    case unsupported(String)

    /// The exception message.
    public var message: String {
        switch self {
        case .invalidPath(let message), .pathNotFound(let message), .unsupported(let message): return message
        }
    }

    /// The Java simple class name of the exception.
    public var javaClass: String {
        switch self {
        case .invalidPath: return "InvalidPathException"
        case .pathNotFound: return "PathNotFoundException"
        case .unsupported: return "UnsupportedOperationException"
        }
    }

    /// The exception as a server error: these are plain runtime exceptions, so 500.
    public var openSearchError: OpenSearchError {
        OpenSearchError(javaClass, reason: message, status: 500)
    }

    public var description: String { "\(javaClass): \(message)" }
}

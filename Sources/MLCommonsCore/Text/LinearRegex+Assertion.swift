extension LinearRegex {
    /// A zero-width test of the text around a position, with Java's definitions of lines and words.
    enum Assertion: Sendable, Hashable {
        /// `\A`, and `^` without MULTILINE.
        case textStart
        /// `\z`.
        case textEnd
        /// `$` and `\Z`: the end, or before a final line terminator; with `multiline`, before any.
        case lineEnd(multiline: Bool, unixLines: Bool)
        /// `^` with MULTILINE: the start, or after a line terminator that is not last in the text.
        case lineStart(unixLines: Bool)
        /// `\b`, or `\B` when `negated`.
        case wordBoundary(negated: Bool)

        /// Whether the assertion holds at the position of `cursor`.
        func holds(at cursor: Cursor) -> Bool {
            switch self {
            case .textStart:
                return cursor.previous == nil
            case .textEnd:
                return cursor.current == nil
            case .lineEnd(let multiline, unixLines: true):
                guard let current = cursor.current else { return true }
                return current == "\n" && (multiline || cursor.next == nil)
            case .lineEnd(multiline: true, unixLines: false):
                guard let current = cursor.current else { return true }
                // `\r\n` is one terminator, so there is no line end between its two halves.
                return Self.isLineTerminator(current) && !(current == "\n" && cursor.previous == "\r")
            case .lineEnd(multiline: false, unixLines: false):
                guard let current = cursor.current else { return true }
                if cursor.next == nil {
                    return Self.isLineTerminator(current) && !(current == "\n" && cursor.previous == "\r")
                }
                return cursor.afterNext == nil && current == "\r" && cursor.next == "\n"
            case .lineStart(unixLines: true):
                // Java's `^` never matches at the very end, even after a final newline.
                guard cursor.current != nil else { return false }
                guard let previous = cursor.previous else { return true }
                return previous == "\n"
            case .lineStart(unixLines: false):
                guard let current = cursor.current else { return false }
                guard let previous = cursor.previous else { return true }
                return Self.isLineTerminator(previous) && !(previous == "\r" && current == "\n")
            case .wordBoundary(let negated):
                return (Self.isWord(cursor.previous) != Self.isWord(cursor.current)) != negated
            }
        }

        /// Java's line terminators: `\n`, `\r`, NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR.
        static func isLineTerminator(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x0A, 0x0D, 0x85, 0x2028, 0x2029: return true
            default: return false
            }
        }

        /// `[a-zA-Z0-9_]`: since JDK 19 `\b` agrees with the ASCII `\w`.
        static func isWord(_ scalar: Unicode.Scalar?) -> Bool {
            guard let value = scalar?.value, value < 0x80 else { return false }
            switch value {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F: return true
            default: return false
            }
        }
    }
}

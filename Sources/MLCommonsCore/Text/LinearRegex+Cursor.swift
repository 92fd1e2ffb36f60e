extension LinearRegex {
    /// The scalars around a text position that assertions look at; `nil` means before the start or past the end.
    struct Cursor: Sendable {
        /// The scalar before the position.
        var previous: Unicode.Scalar?
        /// The scalar at the position.
        var current: Unicode.Scalar?
        /// The scalar after `current`.
        var next: Unicode.Scalar?
        /// The scalar after `next`; Java's `$` must see two scalars ahead to find a final `\r\n`.
        var afterNext: Unicode.Scalar?

        /// The cursor one position further on, where `incoming` is the scalar after `afterNext`.
        func advanced(reading incoming: Unicode.Scalar?) -> Cursor {
            Cursor(previous: current, current: next, next: afterNext, afterNext: incoming)
        }
    }
}

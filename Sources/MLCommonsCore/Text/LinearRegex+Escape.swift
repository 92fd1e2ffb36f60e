extension LinearRegex {
    /// What a backslash escape stands for.
    enum Escape {
        /// One character, such as `\n`, `\x41` or `\.`.
        case scalar(UInt32)
        /// A predefined or property class, such as `\d` or `\p{Lu}`.
        case set(ScalarSet)
        /// An anchor, such as `\b` or `\A` (never inside brackets).
        case assertion(Assertion)
    }
}

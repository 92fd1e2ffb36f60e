extension LinearRegex {
    /// The Java match flags that inline modifiers such as `(?i)` switch on and off.
    struct Flags: OptionSet, Sendable, Hashable {
        let rawValue: UInt8

        /// `i`: ASCII letters match either case (all letters with `u`).
        static let caseInsensitive = Flags(rawValue: 1 << 0)
        /// `m`: `^` and `$` match at line terminators too.
        static let multiline = Flags(rawValue: 1 << 1)
        /// `s`: `.` matches line terminators too.
        static let dotAll = Flags(rawValue: 1 << 2)
        /// `d`: only `\n` is a line terminator.
        static let unixLines = Flags(rawValue: 1 << 3)
        /// `u`: with `i`, case folding covers all of Unicode, not just ASCII.
        static let unicodeCase = Flags(rawValue: 1 << 4)
    }
}

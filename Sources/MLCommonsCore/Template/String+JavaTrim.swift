extension String {
    /// Java's `String.trim()`: strips characters up to U+0020 from both ends.
    public var javaTrimmed: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0.value > 0x20 }),
            let last = scalars.lastIndex(where: { $0.value > 0x20 })
        else { return "" }
        return String(scalars[first...last])
    }
}

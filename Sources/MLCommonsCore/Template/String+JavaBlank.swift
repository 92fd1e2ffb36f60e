extension String {
    /// Commons Lang `StringUtils.isBlank`: empty or only Java whitespace.
    public var isJavaBlank: Bool { allSatisfy(\.isJavaWhitespace) }
}

extension Character {
    /// Java's `Character.isWhitespace` as `String.isBlank` uses it (no-break spaces excluded).
    public var isJavaWhitespace: Bool {
        unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0x09...0x0D, 0x1C...0x1F: return true
            case 0x00A0, 0x2007, 0x202F: return false
            default: return scalar.properties.isWhitespace && scalar.properties.generalCategory != .control
            }
        }
    }
}

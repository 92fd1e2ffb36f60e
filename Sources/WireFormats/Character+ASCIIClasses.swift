extension Character {
    /// `0`–`9` only; `Character.isNumber` would also accept other scripts' digits.
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }

    /// `0`–`9` or `a`–`f`, the alphabet of SigV4 hashes and signatures.
    var isLowercaseHexDigit: Bool { isASCIIDigit || ("a"..."f").contains(self) }
}

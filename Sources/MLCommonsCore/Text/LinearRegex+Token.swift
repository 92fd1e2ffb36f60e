extension LinearRegex {
    /// One character of a pattern after `\Q…\E` quoting has been resolved.
    struct Token: Sendable {
        /// The character.
        let scalar: Unicode.Scalar
        /// Whether the character came from inside `\Q…\E`, which makes it a literal everywhere.
        let quoted: Bool
        /// The position in the pattern, in Unicode scalars, for error messages.
        let offset: Int

        /// Whether this is the unquoted syntax character `character`.
        func isSyntax(_ character: Unicode.Scalar) -> Bool { !quoted && scalar == character }

        /// The characters of `pattern`, with `\Q…\E` quotes removed and their contents marked literal.
        ///
        /// Java resolves quoting before parsing (`RemoveQEQuoting`), so quotes also work inside classes and a
        /// quantifier after `\E` applies to the last quoted character.
        static func tokenize(_ pattern: String) -> [Token] {
            let scalars = Array(pattern.unicodeScalars)
            var tokens: [Token] = []
            tokens.reserveCapacity(scalars.count)
            var index = 0
            var quoting = false
            while index < scalars.count {
                let scalar = scalars[index]
                let following = index + 1 < scalars.count ? scalars[index + 1] : nil
                if quoting {
                    if scalar == "\\", following == "E" {
                        quoting = false
                        index += 2
                    } else {
                        tokens.append(Token(scalar: scalar, quoted: true, offset: index))
                        index += 1
                    }
                } else if scalar == "\\", following == "Q" {
                    quoting = true
                    index += 2
                } else if scalar == "\\", let following {
                    // An escape pair is copied whole, so `\\Q` stays an escaped backslash and a `Q`.
                    tokens.append(Token(scalar: scalar, quoted: false, offset: index))
                    tokens.append(Token(scalar: following, quoted: false, offset: index + 1))
                    index += 2
                } else {
                    tokens.append(Token(scalar: scalar, quoted: false, offset: index))
                    index += 1
                }
            }
            return tokens
        }
    }
}

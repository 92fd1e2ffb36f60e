extension LinearRegex {
    /// A set of Unicode scalars, as a Java character class or predefined class describes it.
    indirect enum ScalarSet: Sendable {
        /// Scalars in any of the sorted, disjoint ranges.
        case ranges([ClosedRange<UInt32>])
        /// Scalars whose general category bit (see ``categoryBit(_:)``) is set in the mask.
        case categories(UInt32)
        /// Scalars with a binary Unicode property.
        case property(Property)
        /// Scalars whose simple case fold is the value (Java `UNICODE_CASE` literals).
        case foldsTo(UInt32)
        /// Scalars in the set, or whose upper case or its lower case is (Java's `CIRangeU`).
        case unicodeCaseless(ScalarSet)
        /// Scalars in any of the sets.
        case union([ScalarSet])
        /// Scalars in all of the sets.
        case intersection([ScalarSet])
        /// Scalars not in the set.
        case complement(ScalarSet)

        /// The binary Unicode properties that are not expressible as categories and ranges.
        enum Property: Sendable {
            /// `Alphabetic`, as Java's `\p{IsAlphabetic}`.
            case alphabetic
            /// `Lowercase`, as Java's `Character.isLowerCase`.
            case lowercase
            /// `Uppercase`, as Java's `Character.isUpperCase`.
            case uppercase
            /// `Ideographic`, as Java's `\p{IsIdeographic}`.
            case ideographic
        }

        /// Whether `scalar` is in the set.
        func contains(_ scalar: Unicode.Scalar) -> Bool {
            switch self {
            case .ranges(let ranges):
                return Self.rangesContain(ranges, scalar.value)
            case .categories(let mask):
                return mask & Self.categoryBit(scalar.properties.generalCategory) != 0
            case .property(let property):
                let properties = scalar.properties
                switch property {
                case .alphabetic: return properties.isAlphabetic
                case .lowercase: return properties.isLowercase
                case .uppercase: return properties.isUppercase
                case .ideographic: return properties.isIdeographic
                }
            case .foldsTo(let folded):
                return scalar.value == folded || Self.fold(scalar).value == folded
            case .unicodeCaseless(let set):
                if set.contains(scalar) { return true }
                let upper = Self.simpleUppercase(scalar)
                return set.contains(upper) || set.contains(Self.simpleLowercase(upper))
            case .union(let sets):
                // Plain loops: nested classes recurse here, and closures would add frames per level.
                for set in sets where set.contains(scalar) { return true }
                return false
            case .intersection(let sets):
                for set in sets where !set.contains(scalar) { return false }
                return true
            case .complement(let set):
                return !set.contains(scalar)
            }
        }

        /// Sorted, merged copies of `ranges`, so membership is a binary search.
        static func normalized(_ ranges: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
            var merged: [ClosedRange<UInt32>] = []
            for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
                if let last = merged.last, range.lowerBound <= last.upperBound &+ 1 {
                    merged[merged.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
                } else {
                    merged.append(range)
                }
            }
            return merged
        }

        /// The scalars in both sorted, disjoint range lists.
        static func intersectingRanges(
            _ lhs: [ClosedRange<UInt32>], _ rhs: [ClosedRange<UInt32>]
        ) -> [ClosedRange<UInt32>] {
            var result: [ClosedRange<UInt32>] = []
            var left = 0
            var right = 0
            while left < lhs.count, right < rhs.count {
                let lower = max(lhs[left].lowerBound, rhs[right].lowerBound)
                let upper = min(lhs[left].upperBound, rhs[right].upperBound)
                if lower <= upper { result.append(lower...upper) }
                if lhs[left].upperBound < rhs[right].upperBound { left += 1 } else { right += 1 }
            }
            return result
        }

        /// The code points (up to U+10FFFF) not in the sorted, disjoint range list.
        static func complementingRanges(_ ranges: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
            var result: [ClosedRange<UInt32>] = []
            var next: UInt32 = 0
            for range in ranges {
                if range.lowerBound > next { result.append(next...(range.lowerBound - 1)) }
                next = range.upperBound + 1
            }
            if next <= 0x10FFFF { result.append(next...0x10FFFF) }
            return result
        }

        private static func rangesContain(_ ranges: [ClosedRange<UInt32>], _ value: UInt32) -> Bool {
            var low = 0
            var high = ranges.count
            while low < high {
                let middle = (low + high) / 2
                if ranges[middle].upperBound < value {
                    low = middle + 1
                } else if ranges[middle].lowerBound > value {
                    high = middle
                } else {
                    return true
                }
            }
            return false
        }

        /// The mask of every general category.
        static let allCategories: UInt32 = (1 << 30) - 1

        /// A distinct bit per general category, for masks such as `\p{L}`.
        static func categoryBit(_ category: Unicode.GeneralCategory) -> UInt32 {
            switch category {
            case .uppercaseLetter: return 1 << 0
            case .lowercaseLetter: return 1 << 1
            case .titlecaseLetter: return 1 << 2
            case .modifierLetter: return 1 << 3
            case .otherLetter: return 1 << 4
            case .nonspacingMark: return 1 << 5
            case .spacingMark: return 1 << 6
            case .enclosingMark: return 1 << 7
            case .decimalNumber: return 1 << 8
            case .letterNumber: return 1 << 9
            case .otherNumber: return 1 << 10
            case .connectorPunctuation: return 1 << 11
            case .dashPunctuation: return 1 << 12
            case .openPunctuation: return 1 << 13
            case .closePunctuation: return 1 << 14
            case .initialPunctuation: return 1 << 15
            case .finalPunctuation: return 1 << 16
            case .otherPunctuation: return 1 << 17
            case .mathSymbol: return 1 << 18
            case .currencySymbol: return 1 << 19
            case .modifierSymbol: return 1 << 20
            case .otherSymbol: return 1 << 21
            case .spaceSeparator: return 1 << 22
            case .lineSeparator: return 1 << 23
            case .paragraphSeparator: return 1 << 24
            case .control: return 1 << 25
            case .format: return 1 << 26
            case .surrogate: return 1 << 27
            case .privateUse: return 1 << 28
            case .unassigned: return 1 << 29
            @unknown default: return 1 << 29
            }
        }

        /// Java's `Character.toUpperCase`; the full mapping stands in for the simple one when it is one scalar.
        static func simpleUppercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
            single(scalar.properties.uppercaseMapping) ?? scalar
        }

        /// Java's `Character.toLowerCase`; the full mapping stands in for the simple one when it is one scalar.
        static func simpleLowercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
            single(scalar.properties.lowercaseMapping) ?? scalar
        }

        /// `toLowerCase(toUpperCase(c))`, the key Java's `UNICODE_CASE` matching compares.
        static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
            simpleLowercase(simpleUppercase(scalar))
        }

        private static func single(_ text: String) -> Unicode.Scalar? {
            var scalars = text.unicodeScalars.makeIterator()
            guard let first = scalars.next(), scalars.next() == nil else { return nil }
            return first
        }
    }
}

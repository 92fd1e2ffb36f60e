extension LinearRegex {
    /// The state of one bracketed class while it is parsed, combined as Java's `Pattern.clazz` combines it:
    /// union binds tighter than `&&`, and Latin-1 characters collect in a shared `BitClass`. Nested classes
    /// arrive finished, and sets of ranges are merged as they combine, so most classes end up as one sorted
    /// list of ranges.
    struct ClassBuilder {
        /// What the parser must read next, recursively, before the class can go on.
        enum Part {
            /// A nested class, whose `[` has been read.
            case nestedClass
            /// An operand of `&&` that is not bracketed, read up to the next `&&` or `]`.
            case intersectionOperand
            /// The closing `]`: the class is complete.
            case finished
        }

        /// A set, or Java's `BitClass`, which is shared by reference: characters added to it after it joined
        /// an intersection still count there, so it is only read when the class is complete.
        private enum Operand {
            case set(ScalarSet)
            case bits
        }

        /// Whether the class began with `^`; the negation covers the whole class (JDK 9 and later).
        private let negated: Bool
        /// Java's `prev`, evaluated left to right: each operand is intersected with, or added to, what precedes.
        private var operations: [(intersect: Bool, operand: Operand)] = []
        /// Java's `curr`: the last operand read.
        private var current: Operand?
        /// Java's `BitClass`: the Latin-1 characters of the class, with their other cases when case-insensitive.
        var bits: [ClosedRange<UInt32>] = []
        private var hasBits = false
        /// While the right side of `&&` is read: where the `&&` was, and the operands so far.
        private var intersection: (offset: Int, right: ScalarSet?)?

        init(negated: Bool) { self.negated = negated }

        /// Whether a `]` now closes the class; before any item it is a literal, as in `[]a]`.
        var canClose: Bool { !operations.isEmpty || hasBits }

        /// Whether the operands after `&&` are being read.
        var isReadingIntersection: Bool { intersection != nil }

        mutating func beginIntersection(at offset: Int) { intersection = (offset, nil) }

        /// Adds a nested class, a range or a predefined class, or records that `bits` grew when `item` is `nil`.
        mutating func add(_ item: ScalarSet?) {
            if let pending = intersection, let item {
                intersection = (pending.offset, pending.right.map { Self.combine($0, item, intersect: false) } ?? item)
                return
            }
            guard let item else {
                current = nil
                hasBits = true
                return
            }
            current = .set(item)
            operations.append((false, .set(item)))
        }

        /// Intersects what came before `&&` with the operands read since (Java's `clazz` after `&&`).
        mutating func endIntersection() throws(LinearRegexError) {
            guard let (offset, right) = intersection else { return }
            intersection = nil
            if hasBits {
                if operations.isEmpty { current = .bits }
                operations.append((false, .bits))
                hasBits = false
            }
            if let right { current = .set(right) }
            guard !operations.isEmpty else {
                guard let right else { throw .syntax("Bad class syntax", at: offset) }
                operations.append((false, .set(right)))
                return
            }
            guard let current else { throw .syntax("Bad intersection syntax", at: offset) }
            operations.append((true, current))
        }

        /// The finished class; call only when ``canClose``.
        func finish() -> ScalarSet {
            var steps = operations
            if steps.isEmpty || hasBits { steps.append((false, .bits)) }
            let bitsSet = ScalarSet.ranges(ScalarSet.normalized(bits))
            var result: ScalarSet?
            for (intersect, operand) in steps {
                let set: ScalarSet
                switch operand {
                case .set(let member): set = member
                case .bits: set = bitsSet
                }
                result = result.map { Self.combine($0, set, intersect: intersect) } ?? set
            }
            let set = result ?? bitsSet
            guard negated else { return set }
            switch set {
            case .ranges(let ranges): return .ranges(ScalarSet.complementingRanges(ranges))
            case .categories(let mask): return .categories(~mask & ScalarSet.allCategories)
            case .complement(let inner): return inner
            default: return .complement(set)
            }
        }

        /// `lhs ∪ rhs` or `lhs ∩ rhs`, merged into one set where both are ranges or categories.
        static func combine(_ lhs: ScalarSet, _ rhs: ScalarSet, intersect: Bool) -> ScalarSet {
            switch (lhs, rhs, intersect) {
            case (.ranges(let left), .ranges(let right), false):
                return .ranges(ScalarSet.normalized(left + right))
            case (.ranges(let left), .ranges(let right), true):
                return .ranges(ScalarSet.intersectingRanges(left, right))
            case (.categories(let left), .categories(let right), _):
                return .categories(intersect ? left & right : left | right)
            case (.union(let sets), _, false):
                return .union(sets + [rhs])
            case (_, _, false):
                return .union([lhs, rhs])
            case (.intersection(let sets), _, true):
                return .intersection(sets + [rhs])
            case (_, _, true):
                return .intersection([lhs, rhs])
            }
        }
    }
}

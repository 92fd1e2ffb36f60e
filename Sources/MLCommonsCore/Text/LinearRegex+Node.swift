extension LinearRegex {
    /// The parsed pattern: a regular expression over Unicode scalars. Composite nodes carry the number of
    /// instructions they compile to, so the program's size is known before anything is expanded.
    indirect enum Node: Sendable {
        /// Matches the empty string.
        case empty
        /// One scalar, compared exactly.
        case scalar(UInt32)
        /// One scalar from the class with this index in the parser's table.
        case set(Int)
        /// Any one scalar (`.` with DOTALL).
        case anyScalar
        /// An empty match at a position where the assertion holds.
        case assertion(Assertion)
        /// The parts in order.
        case concatenation([Node], size: Int)
        /// The first branch that matches, in order of preference.
        case alternation([Node], size: Int)
        /// `min` to `max` copies (`nil` for no upper bound); `greedy` prefers more copies.
        case repetition(Node, min: Int, max: Int?, greedy: Bool, size: Int)

        /// The number of instructions the node compiles to, saturating at `Int.max`.
        var size: Int {
            switch self {
            case .empty: return 0
            case .scalar, .set, .anyScalar, .assertion: return 1
            case .concatenation(_, let size), .alternation(_, let size), .repetition(_, _, _, _, let size): return size
            }
        }

        /// The items in order, or the only item itself.
        static func sequence(_ items: [Node]) -> Node {
            switch items.count {
            case 0: return .empty
            case 1: return items[0]
            default: return .concatenation(items, size: items.reduce(0) { add($0, $1.size) })
            }
        }

        /// The branches in order of preference, or the only branch itself.
        static func choice(_ branches: [Node]) -> Node {
            guard branches.count > 1 else { return branches[0] }
            // Each branch but the last has a split before it and a jump after it.
            let size = branches.reduce(multiply(2, branches.count - 1)) { add($0, $1.size) }
            return .alternation(branches, size: size)
        }

        /// `body` repeated `min` to `max` times; counted repetitions are expanded into copies.
        static func repeated(_ body: Node, min: Int, max: Int?, greedy: Bool) -> Node {
            let size: Int
            if body.size == 0 {
                // A body without instructions only matches the empty string, however often it repeats.
                size = 0
            } else if let max {
                // `min` copies, then one split and one copy for each optional repetition.
                size = add(multiply(min, body.size), multiply(max - min, add(body.size, 1)))
            } else if min == 0 {
                // A split into the body and a loop back.
                size = add(body.size, 2)
            } else {
                // `min` copies, the last one followed by a loop back.
                size = add(multiply(min, body.size), 1)
            }
            return .repetition(body, min: min, max: max, greedy: greedy, size: size)
        }

        private static func add(_ lhs: Int, _ rhs: Int) -> Int {
            let (sum, overflow) = lhs.addingReportingOverflow(rhs)
            return overflow ? Int.max : sum
        }

        private static func multiply(_ lhs: Int, _ rhs: Int) -> Int {
            let (product, overflow) = lhs.multipliedReportingOverflow(by: rhs)
            return overflow ? Int.max : product
        }
    }
}

extension LinearRegex {
    /// The pattern compiled to Pike VM instructions: a Thompson NFA whose `split`s list the preferred
    /// branch first, ending in ``Instruction/match``.
    struct Program: Sendable {
        /// An instruction to append, or a node to lay out where the program has got to.
        private enum Task {
            case instruction(Instruction)
            case node(Node)
        }

        private(set) var instructions: [Instruction] = []
        let classes: [CharClass]
        /// Whether every match starts at the beginning of the text, so a search never restarts later on.
        let anchoredAtStart: Bool

        /// Compiles `root`, whose ``Node/set(_:)`` nodes index `sets`, refusing before expansion when counted
        /// repetitions would make the program too large.
        init(compiling root: Node, sets: [ScalarSet]) throws(LinearRegexError) {
            // The size is known from the tree, so a hostile `(a{1000}){1000}` is refused before it allocates.
            let size = root.size == Int.max ? Int.max : root.size + 1
            guard size <= LinearRegex.maxProgramSize else {
                throw .programTooLarge(size, limit: LinearRegex.maxProgramSize)
            }
            classes = sets.map(CharClass.init)
            anchoredAtStart = Self.isAnchoredAtStart(root)
            instructions.reserveCapacity(size)
            // An explicit work stack instead of recursion, so deeply nested patterns need no call stack.
            var tasks: [Task] = [.node(root)]
            while let task = tasks.popLast() {
                switch task {
                case .instruction(let instruction): instructions.append(instruction)
                case .node(let node): lay(out: node, onto: &tasks)
                }
            }
            instructions.append(.match)
        }

        /// Appends `node`'s leaves, or pushes its parts (in reverse) with the jumps between them, whose
        /// targets follow from the sizes of the parts.
        private mutating func lay(out node: Node, onto tasks: inout [Task]) {
            let start = instructions.count
            var parts: [Task] = []
            switch node {
            case .empty:
                break
            case .scalar(let value):
                instructions.append(.scalar(value))
            case .set(let index):
                instructions.append(.charClass(index))
            case .anyScalar:
                instructions.append(.anyScalar)
            case .assertion(let assertion):
                instructions.append(.assert(assertion))
            case .concatenation(let items, _):
                parts = items.map { .node($0) }
            case .alternation(let branches, let size):
                let end = start + size
                var offset = start
                for branch in branches.dropLast() {
                    let next = offset + 1 + branch.size + 1
                    parts += [.instruction(.split(offset + 1, next)), .node(branch), .instruction(.jump(end))]
                    offset = next
                }
                parts.append(.node(branches[branches.count - 1]))
            case .repetition(let body, let minimum, let maximum, let greedy, let size):
                guard size > 0 else { break }
                parts = Self.repetitionParts(body, minimum: minimum, maximum: maximum, greedy: greedy, start: start)
            }
            tasks.append(contentsOf: parts.reversed())
        }

        /// Counted repetition as copies: `minimum` of them, then optional ones that nest, `x(x(x)?)?`, so each
        /// is only tried after the previous one matched. An unbounded one loops back into its last copy.
        ///
        /// A copy that matches nothing may be followed by one that does, which Java's `Loop` forbids; that only
        /// changes the outcome when the body matches the empty string at some positions but not at others
        /// (through `^`, `$` or `\b`), as in `(\A|a){2}`.
        private static func repetitionParts(
            _ body: Node, minimum: Int, maximum: Int?, greedy: Bool, start: Int
        ) -> [Task] {
            guard let maximum else {
                if minimum == 0 {
                    let exit = start + body.size + 2
                    return [
                        .instruction(split(preferring: start + 1, or: exit, greedy)), .node(body),
                        .instruction(.loop(body: start + 1, exit: exit, greedy: greedy)),
                    ]
                }
                let lastCopy = start + (minimum - 1) * body.size
                let exit = lastCopy + body.size + 1
                return Array(repeating: .node(body), count: minimum)
                    + [.instruction(.loop(body: lastCopy, exit: exit, greedy: greedy))]
            }
            let end = start + minimum * body.size + (maximum - minimum) * (body.size + 1)
            var parts: [Task] = Array(repeating: .node(body), count: minimum)
            var offset = start + minimum * body.size
            for _ in minimum..<maximum {
                parts += [.instruction(split(preferring: offset + 1, or: end, greedy)), .node(body)]
                offset += body.size + 1
            }
            return parts
        }

        /// A split that tries `first` before `second` when greedy, the other way round when lazy.
        private static func split(preferring first: Int, or second: Int, _ greedy: Bool) -> Instruction {
            greedy ? .split(first, second) : .split(second, first)
        }

        /// Whether every branch of `root` begins with `\A` (or `^` without MULTILINE).
        private static func isAnchoredAtStart(_ root: Node) -> Bool {
            var pending = [root]
            while let node = pending.popLast() {
                switch node {
                case .assertion(.textStart): continue
                case .concatenation(let items, _): pending.append(items[0])
                case .alternation(let branches, _): pending += branches
                default: return false
                }
            }
            return true
        }
    }
}

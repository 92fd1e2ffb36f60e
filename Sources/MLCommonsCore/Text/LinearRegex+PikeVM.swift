extension LinearRegex {
    /// Runs a ``Program`` over a text in one pass, keeping at most one thread per instruction (Thompson's
    /// construction simulated as Pike's VM), so the work is O(text × program) whatever the pattern.
    struct PikeVM {
        /// What the caller wants to know.
        enum Mode {
            /// Whether a match spans the whole text.
            case whole
            /// Whether any match exists; the search stops at the first one found.
            case anyMatch
            /// The leftmost match, with alternatives and quantifiers ranked as a backtracking engine would.
            case leftmostFirst
        }

        private let program: Program
        private let budget: Int
        private var steps = 0
        private var stack: [Int] = []

        init(program: Program, budget: Int) {
            self.program = program
            self.budget = budget
        }

        /// The scalar offsets of the match `mode` asks for, or `nil` if there is none.
        mutating func run(on text: String, mode: Mode) throws(LinearRegexError) -> (start: Int, end: Int)? {
            var current = ThreadList(capacity: program.instructions.count)
            var next = ThreadList(capacity: program.instructions.count)
            var scalars = text.unicodeScalars.makeIterator()
            var cursor = Cursor(previous: nil, current: scalars.next(), next: scalars.next(), afterNext: scalars.next())
            var offset = 0
            var found: (start: Int, end: Int)?
            let restarts = mode != .whole && !program.anchoredAtStart
            try addThread(to: &current, pc: 0, start: 0, at: cursor)
            while true {
                let scalar = cursor.current
                let following = scalar == nil ? cursor : cursor.advanced(reading: scalars.next())
                next.removeAll()
                var index = 0
                threads: while index < current.count {
                    let pc = current.pc(at: index)
                    let start = current.start(at: index)
                    index += 1
                    switch program.instructions[pc] {
                    case .match:
                        switch mode {
                        case .whole:
                            if scalar == nil { return (start, offset) }
                        case .anyMatch:
                            return (start, offset)
                        case .leftmostFirst:
                            found = (start, offset)
                            // Threads after this one rank lower, so they could only find less preferred matches.
                            break threads
                        }
                    case .scalar(let value):
                        if let scalar, scalar.value == value {
                            try addThread(to: &next, pc: pc + 1, start: start, at: following)
                        }
                    case .charClass(let set):
                        if let scalar, program.classes[set].contains(scalar) {
                            try addThread(to: &next, pc: pc + 1, start: start, at: following)
                        }
                    case .anyScalar:
                        if scalar != nil { try addThread(to: &next, pc: pc + 1, start: start, at: following) }
                    case .split, .jump, .loop, .assert:
                        // Followed when the thread was added.
                        break
                    }
                }
                guard scalar != nil else { break }
                offset += 1
                cursor = following
                // A new start ranks below every thread already running, which makes the match leftmost.
                if restarts, found == nil { try addThread(to: &next, pc: 0, start: offset, at: cursor) }
                swap(&current, &next)
                if current.count == 0 { break }
            }
            return found
        }

        /// Adds the thread at `pc` and everything reachable from it without consuming a scalar, in priority
        /// order; an explicit stack keeps deep programs off the call stack.
        private mutating func addThread(
            to list: inout ThreadList, pc: Int, start: Int, at cursor: Cursor
        ) throws(LinearRegexError) {
            switch program.instructions[pc] {
            case .scalar, .charClass, .anyScalar, .match:
                // Most transitions land on a consuming instruction, which needs no closure.
                if list.contains(pc) { return }
                try countStep()
                list.insert(pc, start: start)
                return
            case .split, .jump, .loop, .assert:
                break
            }
            stack.append(pc)
            while let pc = stack.popLast() {
                try countStep()
                let instruction = program.instructions[pc]
                if case .loop(let body, let exit, let greedy) = instruction {
                    // Not recorded, so that an empty iteration arriving here later still finds the loop exit.
                    if list.contains(body) {
                        stack.append(exit)
                    } else {
                        stack.append(greedy ? exit : body)
                        stack.append(greedy ? body : exit)
                    }
                    continue
                }
                if list.contains(pc) { continue }
                list.insert(pc, start: start)
                switch instruction {
                case .jump(let target):
                    stack.append(target)
                case .split(let first, let second):
                    stack.append(second)
                    stack.append(first)
                case .assert(let assertion):
                    if assertion.holds(at: cursor) { stack.append(pc + 1) }
                case .scalar, .charClass, .anyScalar, .match, .loop:
                    break
                }
            }
        }

        private mutating func countStep() throws(LinearRegexError) {
            steps += 1
            if steps > budget { throw .budgetExceeded(budget) }
        }
    }
}

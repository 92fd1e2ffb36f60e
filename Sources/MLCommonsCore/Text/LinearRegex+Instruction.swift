extension LinearRegex {
    /// One Pike VM instruction; program counters are indexes into ``Program/instructions``.
    enum Instruction: Sendable {
        /// Consume the scalar with this value.
        case scalar(UInt32)
        /// Consume a scalar in ``Program/classes``[index].
        case charClass(Int)
        /// Consume any scalar.
        case anyScalar
        /// Continue at both targets, preferring the first (this is how alternation and quantifiers rank matches).
        case split(Int, Int)
        /// Continue at the target.
        case jump(Int)
        /// The back edge of an unbounded loop: continue at `body` for another iteration and at `exit`, in the
        /// order `greedy` prefers; only at `exit` if `body` was already reached at this position, since then the
        /// iteration matched nothing and Java leaves a loop after an empty iteration.
        case loop(body: Int, exit: Int, greedy: Bool)
        /// Continue at the next instruction if the assertion holds here.
        case assert(Assertion)
        /// The pattern has matched.
        case match
    }
}

extension LinearRegex {
    /// The Pike VM's threads at one text position: a sparse set of program counters (O(1) insert, lookup
    /// and clear), in priority order, each with the text offset where its match started.
    struct ThreadList {
        private var sparse: [Int]
        private var dense: [Int]
        private var starts: [Int]
        /// The number of threads.
        private(set) var count = 0

        /// An empty list for a program of `capacity` instructions; each counter is added at most once.
        init(capacity: Int) {
            sparse = Array(repeating: 0, count: capacity)
            dense = Array(repeating: 0, count: capacity)
            starts = Array(repeating: 0, count: capacity)
        }

        func contains(_ pc: Int) -> Bool {
            let index = sparse[pc]
            return index < count && dense[index] == pc
        }

        /// Adds `pc`, which must not be in the list yet, at the lowest priority.
        mutating func insert(_ pc: Int, start: Int) {
            sparse[pc] = count
            dense[count] = pc
            starts[count] = start
            count += 1
        }

        mutating func removeAll() { count = 0 }

        func pc(at index: Int) -> Int { dense[index] }

        func start(at index: Int) -> Int { starts[index] }
    }
}

/// The route patterns as a path trie, so a request walks its own segments instead of testing every
/// pattern (a scan of all routes took a fifth of a `GET` by id's time).
///
/// A walk tries a literal child before a parameter and a parameter before a remainder, so the first
/// pattern it reaches is the one ``RoutePattern/isMoreSpecific(than:)`` ranks first.
struct RouteTrie: Sendable {
    /// Indices of the routes that end here, in registration order.
    private var terminal: [Int] = []
    /// Indices of the routes whose `{name...}` segment starts here.
    private var remainder: [Int] = []
    private var literals: [String: RouteTrie] = [:]
    /// The child under a `{name}` segment: zero or one element (an array gives the recursion its storage).
    private var parameter: [RouteTrie] = []

    mutating func insert(_ segments: ArraySlice<RoutePattern.Segment>, route: Int) {
        guard let first = segments.first else {
            terminal.append(route)
            return
        }
        switch first {
        case .literal(let literal):
            literals[literal, default: RouteTrie()].insert(segments.dropFirst(), route: route)
        case .parameter:
            if parameter.isEmpty { parameter.append(RouteTrie()) }
            parameter[0].insert(segments.dropFirst(), route: route)
        case .remainder:
            remainder.append(route)
        }
    }

    /// The routes of the most specific pattern group fitting `components`, in registration order.
    func candidates(_ components: ArraySlice<Substring>) -> [Int]? {
        guard let first = components.first else { return terminal.isEmpty ? nil : terminal }
        let rest = components.dropFirst()
        if let child = literals[String(first)], let found = child.candidates(rest) { return found }
        if let child = parameter.first, let found = child.candidates(rest) { return found }
        return remainder.isEmpty ? nil : remainder
    }
}

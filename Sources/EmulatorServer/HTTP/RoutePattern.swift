/// A path pattern such as `/_plugins/_ml/connectors/{connector_id}`.
struct RoutePattern: Sendable, Hashable {
    enum Segment: Sendable, Hashable {
        case literal(String)
        case parameter(String)
        /// `{name...}`: the rest of the path, one or more segments, joined by `/`.
        case remainder(String)
    }

    let segments: [Segment]
    let text: String

    init(_ text: String) {
        self.text = text
        segments = text.split(separator: "/").map { part in
            guard part.hasPrefix("{") && part.hasSuffix("}") else { return .literal(String(part)) }
            let name = part.dropFirst().dropLast()
            return name.hasSuffix("...") ? .remainder(String(name.dropLast(3))) : .parameter(String(name))
        }
    }

    /// Parameters bound by `components`, or nil when the path does not fit.
    func match(_ components: [String]) -> [String: String]? {
        var parameters: [String: String] = [:]
        for (offset, segment) in segments.enumerated() {
            if case .remainder(let name) = segment {
                guard components.count > offset else { return nil }
                parameters[name] = components[offset...].joined(separator: "/")
                return parameters
            }
            guard offset < components.count else { return nil }
            switch segment {
            case .literal(let literal): if literal != components[offset] { return nil }
            case .parameter(let name): parameters[name] = components[offset]
            case .remainder: break
            }
        }
        return components.count == segments.count ? parameters : nil
    }

    /// Literal segments win over parameters position by position, as in OpenSearch's path trie.
    func isMoreSpecific(than other: RoutePattern) -> Bool {
        for (mine, theirs) in zip(segments, other.segments) {
            switch (mine, theirs) {
            case (.literal, .parameter), (.literal, .remainder), (.parameter, .remainder): return true
            case (.parameter, .literal), (.remainder, .literal), (.remainder, .parameter): return false
            default: continue
            }
        }
        return false
    }
}

/// Reply text with `{{placeholder}}` slots, checked when the script is read.
public struct MockLLMTemplate: Sendable, Hashable, CustomStringConvertible {
    /// A run of literal text or one slot.
    public enum Segment: Sendable, Hashable {
        /// Text copied as is.
        case literal(String)
        /// A value taken from the request.
        case placeholder(MockLLMPlaceholder)
    }

    /// The template as written.
    public let source: String
    /// The parsed pieces, in order.
    public let segments: [Segment]

    /// Parses `source`; `{{ name }}` must name a ``MockLLMPlaceholder``, and text without a closing `}}` stays literal.
    public init(_ source: String) throws(MockLLMScriptError) {
        var segments: [Segment] = []
        var literal = ""
        var rest = Substring(source)
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            literal += rest[..<open.lowerBound]
            let name = Self.trimmingSpaces(rest[open.upperBound..<close.lowerBound])
            guard let placeholder = MockLLMPlaceholder(rawValue: name) else {
                let known = MockLLMPlaceholder.allCases.map { "{{\($0.rawValue)}}" }.joined(separator: ", ")
                throw MockLLMScriptError(path: "$", message: "unknown placeholder {{\(name)}}; known: \(known)")
            }
            if !literal.isEmpty { segments.append(.literal(literal)) }
            literal = ""
            segments.append(.placeholder(placeholder))
            rest = rest[close.upperBound...]
        }
        literal += rest
        if !literal.isEmpty { segments.append(.literal(literal)) }
        self.source = source
        self.segments = segments
    }

    /// A template of literal text followed by one slot.
    public init(literal: String, placeholder: MockLLMPlaceholder) {
        source = literal + "{{\(placeholder.rawValue)}}"
        segments = [.literal(literal), .placeholder(placeholder)]
    }

    /// The template as written.
    public var description: String { source }

    private static func trimmingSpaces(_ text: Substring) -> String {
        String(text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}

/// One part of a unified message (`ContentBlock`, 3.6+): text, or an image, video or document by source.
public struct ContentBlock: Sendable, Hashable {
    /// `ContentType`.
    public enum Kind: String, Sendable, CaseIterable {
        case text = "TEXT"
        case image = "IMAGE"
        case video = "VIDEO"
        case document = "DOCUMENT"

        /// The key a media block keeps its source under, and the prefix of its validation messages.
        var field: String { rawValue.lowercased() }
        var label: String { rawValue.prefix(1) + rawValue.dropFirst().lowercased() }
    }

    /// Where a media block's bytes are (`ImageContent`, `VideoContent`, `DocumentContent`).
    public struct Source: Sendable, Hashable {
        /// `SourceType`: `BASE64` (the data inline) or `URL`.
        public var type: String
        public var format: String
        public var data: String
    }

    public var kind: Kind
    public var text: String?
    public var source: Source?

    public init(text: String) {
        kind = .text
        self.text = text
    }

    public init(kind: Kind, text: String? = nil, source: Source? = nil) {
        self.kind = kind
        self.text = text
        self.source = source
    }
}

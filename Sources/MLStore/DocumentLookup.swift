import MLCommonsCore

/// A document read by id that also tells a missing index from a missing document, which ml-commons
/// answers with different messages, in one read.
public enum DocumentLookup: Sendable {
    case found(StoredDocument)
    case noDocument
    case noIndex
}

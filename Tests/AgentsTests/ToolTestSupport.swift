@testable import Agents
import MLCommonsCore
import MLStore

/// A tool context over a fresh in-memory store, with a scripted `_predict`.
struct ToolFixture {
    let documents: DocumentStore
    let context: ToolContext

    init(predict: @escaping @Sendable (String, [String: String]) async throws -> JSONValue = { _, _ in .null }) throws {
        documents = DocumentStore(database: try MLDatabase(location: .inMemory))
        context = ToolContext(documents: documents, predict: predict)
    }

    /// Replaces each index's uuid with `<uuid:NAME>` and creation dates with `<created>`.
    func redacted(_ text: String) async throws -> String {
        var out = text
        for index in try await documents.indices() {
            out = out.substituting(index.uuid, with: "<uuid:\(index.name)>")
            out = out.substituting(String(index.createdAt), with: "<created>")
        }
        return out
    }
}

extension String {
    /// Every occurrence of `target` replaced.
    func substituting(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            out += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return out + rest
    }
}

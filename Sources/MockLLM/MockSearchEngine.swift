import MLCommonsCore
import Synchronization

/// A web search engine for WebSearchTool to call offline: pages given at run time, searched by the words they share
/// with the query (most shared first, then in the order given), served as HTML.
public final class MockSearchEngine: Sendable {
    /// One page: its path segment, title and text.
    public struct Page: Sendable, Hashable {
        public var name: String
        public var title: String
        public var text: String

        public init(name: String, title: String, text: String) {
            self.name = name
            self.title = title
            self.text = text
        }
    }

    private let pages = Mutex<[Page]>([])

    public init() {}

    public var all: [Page] { pages.withLock { $0 } }

    /// Replaces the pages from `{"pages":[{"name":…,"title":…,"text":…}]}`; names must be unique path segments.
    public func replace(json: JSONValue) throws(OpenSearchError) {
        guard let items = json["pages"]?.arrayValue else { throw .illegalArgument("expected {\"pages\":[{\"name\",\"title\",\"text\"}]}") }
        var parsed: [Page] = []
        for (index, item) in items.enumerated() {
            guard let name = item["name"]?.stringValue, !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }),
                let text = item["text"]?.stringValue
            else {
                throw .illegalArgument("pages[\(index)] needs a name (letters, digits, - and _) and a text")
            }
            guard !parsed.contains(where: { $0.name == name }) else { throw .illegalArgument("pages[\(index)]: the name \(name) is taken") }
            parsed.append(Page(name: name, title: item["title"]?.stringValue ?? name, text: text))
        }
        pages.withLock { $0 = parsed }
    }

    /// The pages sharing words with `query` (`+` and spaces separate its words), best first, from `offset`.
    public func search(_ query: String, offset: Int, limit: Int) -> [Page] {
        let terms = Self.words(query)
        var scored: [(index: Int, page: Page, score: Int)] = []
        for (index, page) in all.enumerated() {
            let score = Self.words(page.title + " " + page.text).intersection(terms).count
            if score > 0 { scored.append((index, page, score)) }
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.index < $1.index }
        return scored.dropFirst(max(offset, 0)).prefix(max(limit, 0)).map { $0.page }
    }

    /// The page as HTML, its title in the head (where jsoup's body text does not see it).
    public func html(_ name: String) -> String? {
        guard let page = all.first(where: { $0.name == name }) else { return nil }
        let title = Self.escaped(page.title)
        let paragraphs = page.text.split(separator: "\n", omittingEmptySubsequences: true).map { "<p>\(Self.escaped(String($0)))</p>" }
        return "<!DOCTYPE html>\n<html><head><title>\(title)</title></head><body><h1>\(title)</h1>\(paragraphs.joined())</body></html>\n"
    }

    private static func words(_ text: String) -> Set<String> {
        Set(text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init))
    }

    private static func escaped(_ text: String) -> String {
        text.replacingAll("&", with: "&amp;").replacingAll("<", with: "&lt;").replacingAll(">", with: "&gt;")
    }
}

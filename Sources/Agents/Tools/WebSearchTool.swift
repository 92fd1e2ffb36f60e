import Foundation
import MLCommonsCore
import RemoteInference

/// The skills plugin's `WebSearchTool` (3.3): asks a search engine (Google's or Bing's API, DuckDuckGo's HTML page,
/// or a custom JSON API) for result links, fetches each page, and answers with their text and the next page's URL.
public struct WebSearchTool: AgentTool {
    public static let type = "WebSearchTool"
    public static let defaultDescription = "This tool performs a web search using the specified query or fetches the next page of a previous search. It accepts one mandatory argument: `query`, which is a search term used to initiate a new search, and one optional argument: `next_page`, which is a link to retrieve the next set of search results from a previous response. The tool returns the raw documents retrieved from the search engine, along with a `next_page` field for pagination."
    public static let inputSchema = #"{"type":"object","properties":{"query":{"type":"string","description":"The search term to query using the configured search engine. This is the primary input used to perform the search."},"next_page":{"type":"string","description":"URL to the next page of search results. If provided, the tool will fetch and return results from this page instead of executing a new search query."}},"required":["query"]}"#
    public static let defaultAttributes: [String: String] = ["input_schema": inputSchema, "strict": "false"]
    static let userAgent = "OpenSearchWebCrawler/1.0"
    /// jsoup reads at most 2 MB of a page (`maxBodySize`) and parses what it got.
    static let maximumPageBytes = 2 << 20
    /// The most result links crawled for one search: an engine answering with thousands would hold the run.
    static let maximumLinks = 50

    private let context: ToolContext
    private let attributes: [String: String]

    public init(spec: ToolSpec, context: ToolContext) {
        self.context = context
        self.attributes = Self.attributes(for: spec)
    }

    static func defaultEndpoint(_ engine: String) throws(OpenSearchError) -> String? {
        switch engine.lowercased() {
        case "google": return "https://customsearch.googleapis.com/customsearch/v1"
        case "bing": return "https://api.bing.microsoft.com/v7.0/search"
        case "duckduckgo": return "https://duckduckgo.com/html"
        case "custom": return nil
        default: throw .illegalArgument("Unsupported search engine: \(engine)")
        }
    }

    /// The skills plugin's checks, its inverted Bing key check and the custom engine's `custom_api` included.
    public func validate(_ parameters: [String: String]) -> Bool {
        guard let engine = parameters["engine"], !engine.isEmpty else { return false }
        guard !(parameters["query"] ?? parameters["question"] ?? "").isEmpty else { return false }
        guard let endpoint = parameters["endpoint"] ?? (try? Self.defaultEndpoint(engine)) ?? nil, !endpoint.isEmpty else { return false }
        switch engine.lowercased() {
        case "google": return !(parameters["engine_id"] ?? "").isEmpty && !(parameters["api_key"] ?? "").isEmpty
        case "duckduckgo": return true
        case "bing": return (parameters["api_key"] ?? "").isEmpty
        case "custom": return !(parameters["custom_api"] ?? "").isEmpty && !(parameters["custom_res_url_jsonpath"] ?? "").isEmpty
        default: return false
        }
    }

    public func run(_ parameters: [String: String]) async throws -> ToolOutput {
        let parameters = ToolInputParameters.extract(parameters, attributes: attributes)
        let engine = parameters["engine"] ?? "google"
        let endpoint: String
        let query: String
        do {
            guard let text = parameters["query"] ?? parameters["question"] else {
                throw OpenSearchError.illegalState(
                    "Cannot invoke \"String.replaceAll(String, String)\" because the return value of \"java.util.Map.getOrDefault(Object, Object)\" is null")
            }
            // Only spaces are replaced; nothing else is encoded.
            query = text.replacingAll(" ", with: "+")
            endpoint = try parameters["endpoint"] ?? Self.defaultEndpoint(engine) ?? "null"
        } catch {
            throw OpenSearchError.illegalState("Web search failed: \(OpenSearchError(reporting: error).reason)")
        }
        let nextPage = parameters["next_page"]
        let apiKey = parameters["api_key"] ?? "null"
        let engineID = parameters["engine_id"] ?? "null"
        let authorization = parameters["Authorization"]
        let queryKey = parameters["query_key"] ?? "q"
        let offsetKey = parameters["offset_key"] ?? "offset"
        let limitKey = parameters["limit_key"] ?? "limit"
        var headers: [(name: String, value: String)] = []
        let url: String
        let following: String
        switch engine.lowercased() {
        case "duckduckgo":
            return .text(try await duckDuckGo(nextPage ?? "\(try Self.defaultEndpoint(engine) ?? "")?q=\(query)"))
        case "google":
            func page(_ start: Int) -> String { "\(endpoint)?q=\(query)&cx=\(engineID)&key=\(apiKey)&start=\(start)" }
            url = nextPage ?? page(0)
            following = page(nextPage.map { Self.offset(in: $0, after: "&start=") } ?? 10)
        case "bing":
            // The skills plugin writes `?q` without `=`.
            func page(_ offset: Int) -> String { "\(endpoint)?q\(query)&textFormat=HTML&count=10&offset=\(offset)" }
            url = nextPage ?? page(0)
            following = page(nextPage.map { Self.offset(in: $0, after: "&offset=") } ?? 10)
            headers.append(("Ocp-Apim-Subscription-Key", apiKey))
        case "custom":
            func page(_ offset: Int) -> String { "\(endpoint)?\(queryKey)=\(query)&\(offsetKey)=\(offset)&\(limitKey)=10" }
            url = nextPage ?? page(0)
            following = page(nextPage.map { Self.offset(in: $0, after: "&\(offsetKey)=") } ?? 10)
            if let authorization { headers.append(("Authorization", authorization)) }
        default:
            throw OpenSearchError.illegalArgument("Unsupported search engine: \(engine)")
        }
        let response = try await fetch(url, headers: headers)
        guard (200...300).contains(response.status) else {
            throw OpenSearchError.statusException("Failed to fetch results from endpoint: \(endpoint)", status: response.status)
        }
        let links = try Self.links(in: response.text, engine: engine.lowercased(), path: parameters["custom_res_url_jsonpath"])
        var items: [JSONValue] = []
        for link in links.prefix(Self.maximumLinks) {
            items.append(await crawl(link, authorization: engine.lowercased() == "custom" ? authorization : nil))
        }
        return .text(Self.results(nextPage: following, items: items))
    }

    /// `{"next_page":…,"items":[…]}` as gson writes the `HashMap` (nulls kept, no HTML escaping).
    static func results(nextPage: String?, items: [JSONValue]) -> String {
        let results: JSONValue = ["next_page": nextPage.map(JSONValue.string) ?? .null, "items": .array(items)]
        return results.gsonText
    }

    /// The next offset: ten past the Java `int` after `marker` in a page URL (up to the next `&`), which is 0 when
    /// there is none or it does not parse (`NumberUtils.toInt`); Java's addition wraps.
    static func offset(in url: String, after marker: String) -> Int {
        guard let range = url.range(of: marker) else { return 10 }
        return Int((Int32(url[range.upperBound...].prefix { $0 != "&" }) ?? 0) &+ 10)
    }

    /// The result links of an engine's answer: Google's `items[*].link`, Bing's `webPages.value[*].url`, or what the
    /// custom JSONPath selects.
    static func links(in body: String, engine: String, path: String?) throws -> [String] {
        let document = try JSONParser.parse(body)
        switch engine {
        case "google":
            guard let items = document["items"]?.arrayValue else {
                throw OpenSearchError("NullPointerException", reason: "the search answer has no items", status: 500)
            }
            return items.compactMap { $0["link"]?.stringValue }
        case "bing":
            return (document["webPages"]?["value"]?.arrayValue ?? []).compactMap { $0["url"]?.stringValue }
        default:
            let selected = try JSONPath(path ?? "$").read(document, model: .jsonSmart)
            return (selected.arrayValue ?? [selected]).compactMap(\.stringValue)
        }
    }

    /// One page's `{url, title, content}`; nil (kept in the list) when it cannot be fetched or asks for a CAPTCHA.
    private func crawl(_ url: String, authorization: String?) async -> JSONValue {
        var headers = [(name: "User-Agent", value: Self.userAgent)]
        if let authorization { headers.append(("Authorization", authorization)) }
        guard let response = try? await fetch(url, headers: headers), (200..<300).contains(response.status) else { return .null }
        let page = HTMLText(html: response.text)
        guard !Self.asksForCAPTCHA(page.lowercasedHTML) else { return .null }
        return ["url": .string(url), "title": .string(page.titleInBody), "content": .string(page.body)]
    }

    /// `isCaptchaOrLoginPage`: CAPTCHA inputs, reCAPTCHA and hCaptcha markers, or "verify you are human".
    static func asksForCAPTCHA(_ html: String) -> Bool {
        ["g-recaptcha", "data-sitekey", "h-captcha", "verify you are human"].contains { html.contains($0) }
            || html.range(of: #"<input[^>]*(name|id)=["'][^"']*captcha"#, options: .regularExpression) != nil
            || html.range(of: #"<img[^>]*src=["'][^"']*captcha"#, options: .regularExpression) != nil
    }

    /// DuckDuckGo's HTML results: each `results_links` element's first link, crawled; the next page from its form.
    private func duckDuckGo(_ url: String) async throws -> String {
        let response = try await fetch(url, headers: [])
        let html = response.text
        guard html.contains("id=\"links\"") else { throw OpenSearchError.illegalState("Failed to fetch duckduckgo results!") }
        var items: [JSONValue] = []
        for block in html.components(separatedBy: "results_links").dropFirst() {
            guard let main = block.range(of: "links_main"), let href = block[main.upperBound...].range(of: "href=\"") else {
                throw OpenSearchError.illegalState("Failed to fetch duckduckgo results as no valid link element found!")
            }
            let link = String(block[href.upperBound...].prefix { $0 != "\"" })
            items.append(await crawl(HTMLText.decodeReferences(link), authorization: nil))
        }
        return Self.results(nextPage: nil, items: items)
    }

    private func fetch(_ url: String, headers: [(name: String, value: String)]) async throws -> (status: Int, text: String) {
        let response = try await context.web.send(UpstreamRequest(
            method: "GET", url: url, headers: headers, body: [], isStreaming: false, connectTimeoutMillis: 10_000,
            readTimeoutMillis: 10_000))
        var bytes: [UInt8] = []
        for try await chunk in response.body {
            bytes += chunk.prefix(Self.maximumPageBytes - bytes.count)
            if bytes.count >= Self.maximumPageBytes { break }
        }
        return (response.status, String(decoding: bytes, as: UTF8.self))
    }
}

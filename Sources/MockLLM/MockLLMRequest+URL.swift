import WireFormats

extension MockLLMRequest {
    /// Creates a request from an absolute URL such as `https://api.openai.com/v1/chat/completions`.
    ///
    /// The URL is split textually, never re-encoded, so a signed path stays byte-for-byte what was signed.
    public init(method: String = "POST", url: String, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        // SigV4Request already splits URLs the way signers see them; reusing it keeps both sides identical.
        let split = SigV4Request(method: method, url: url, headers: headers, body: body)
        let host = split.headers.first { $0.name.lowercased() == "host" }?.value ?? ""
        self.init(method: method, host: host, path: split.path, query: split.query, headers: headers, body: body)
    }

    /// The value of the first header called `name` (case-insensitive).
    public func headerValue(named name: String) -> String? {
        let lowered = name.lowercased()
        return headers.first { $0.name.lowercased() == lowered }?.value
    }
}

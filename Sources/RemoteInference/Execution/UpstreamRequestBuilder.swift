import Foundation
import MLCommonsCore
import WireFormats

/// Renders a connector's PREDICT action into the request ml-commons would send (§2 of the behaviour
/// reference): merged parameters, payload template, URL, headers, and SigV4 for `aws_sigv4`.
public struct UpstreamRequestBuilder: Sendable {
    public let connector: ResolvedConnector
    public let clock: @Sendable () -> Date
    /// The `Authorization` value a `google_cloud` connector adds to every request (`Bearer <access token>`).
    public let authorization: String?

    public init(connector: ResolvedConnector, authorization: String? = nil, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.connector = connector
        self.authorization = authorization
        self.clock = clock
    }

    /// Connector parameters with the (already escaped) request parameters over them.
    public func mergedParameters(_ requestParameters: [String: String]) -> [String: String] {
        connector.parameters.merging(requestParameters) { _, request in request }
    }

    /// The non-streaming request for `_predict`.
    public func predict(requestParameters: [String: String]) throws(OpenSearchError) -> UpstreamRequest {
        try request(for: "PREDICT", requestParameters: requestParameters)
    }

    /// The non-streaming request of one of the connector's actions (`PREDICT`, or `EXECUTE` for ConnectorTool).
    public func request(for actionType: String, requestParameters: [String: String]) throws(OpenSearchError) -> UpstreamRequest {
        guard let action = connector.action(actionType) else {
            throw .illegalArgument("no \(actionType) action found")
        }
        let parameters = mergedParameters(requestParameters)
        let payload = try PayloadRenderer(requestBody: action.requestBody).render(parameters: parameters) ?? ""
        if parameters["skip_validating_missing_parameters"] != "true" { try PayloadRenderer.validate(payload) }
        let url = try renderURL(action.url, parameters)
        var headers = try renderHeaders(action)
        if let authorization { headers.append(("Authorization", authorization)) }
        if !headers.contains(where: { $0.name.lowercased() == "content-type" }) {
            headers.append(("Content-Type", "application/json"))
        }
        let body = Array(payload.utf8)
        if action.method.uppercased() == "POST", body.isEmpty {
            throw .illegalArgument("Content length is 0. Aborting request to remote model")
        }
        var request = UpstreamRequest(
            method: action.method.uppercased(), url: url, headers: headers, body: body, isStreaming: false,
            connectTimeoutMillis: connector.clientConfig.connectionTimeoutMillis,
            readTimeoutMillis: connector.clientConfig.readTimeoutMillis)
        if connector.connectorProtocol == .awsSigV4 { request = try sign(request, parameters: parameters) }
        return request
    }

    /// The streaming request for `_predict/stream` and streaming agents; errors are the stream's error chunk texts.
    public func stream(requestParameters: [String: String]) throws(InferenceError) -> (UpstreamRequest, StreamInterface) {
        var parameters = mergedParameters(requestParameters)
        let interface = try StreamInterface(parameters: parameters, connectorProtocol: connector.connectorProtocol)
        guard let action = connector.action("PREDICT") else { throw InferenceError.streamingFailed }
        parameters["stream"] = parameters["stream"] ?? "true"
        do throws(OpenSearchError) {
            let payload = try PayloadRenderer(requestBody: action.requestBody).render(parameters: parameters) ?? ""
            if parameters["skip_validating_missing_parameters"] != "true" { try PayloadRenderer.validate(payload) }
            let url = try renderURL(action.url, parameters, encodingColons: interface != .geminiGenerateContent)
            switch interface {
            case .openAIChatCompletions, .geminiGenerateContent:
                // One OkHttp request builder serves both: always POST, the SSE headers, the token for Google.
                var headers = try renderHeaders(action).filter {
                    !["accept", "accept-encoding", "cache-control", "content-type"].contains($0.name.lowercased())
                }
                if let authorization { headers.append(("Authorization", authorization)) }
                headers.append(("Content-Type", "application/json; charset=utf-8"))
                headers.append(("Accept", "text/event-stream"))
                headers.append(("Cache-Control", "no-cache"))
                return (
                    UpstreamRequest(
                        method: "POST", url: url, headers: headers, body: Array(payload.utf8), isStreaming: true,
                        connectTimeoutMillis: connector.clientConfig.connectionTimeoutMillis,
                        readTimeoutMillis: connector.clientConfig.readTimeoutMillis),
                    interface)
            case .bedrockConverseClaude:
                let body = try BedrockConverseStreamBody(payload: payload).json.compactText
                let request = UpstreamRequest(
                    method: "POST", url: Self.converseStreamURL(url, modelID: parameters["model"]),
                    headers: [("Content-Type", "application/json"), ("Accept", "application/vnd.amazon.eventstream")],
                    body: Array(body.utf8), isStreaming: true,
                    connectTimeoutMillis: connector.clientConfig.connectionTimeoutMillis,
                    readTimeoutMillis: connector.clientConfig.readTimeoutMillis)
                return (try sign(request, parameters: parameters), interface)
            }
        } catch {
            throw InferenceError(message: error.reason, status: error.status, javaClass: error.javaClass)
        }
    }

    /// The AWS SDK's ConverseStream endpoint: the Bedrock runtime host of the connector URL (or region),
    /// with the model id from the `model` parameter.
    static func converseStreamURL(_ url: String, modelID: String?) -> String {
        if let modelID, let hostEnd = url.range(of: ".amazonaws.com") {
            let base = url[..<hostEnd.upperBound]
            return "\(base)/model/\(percentEncodePathSegment(modelID))/converse-stream"
        }
        if url.hasSuffix("/converse") { return String(url.dropLast("/converse".count)) + "/converse-stream" }
        return url
    }

    /// Encodes a path segment as AWS SDKs do (`:` becomes `%3A`).
    static func percentEncodePathSegment(_ segment: String) -> String {
        var out = ""
        for byte in segment.utf8 {
            let character = Character(Unicode.Scalar(byte))
            if character.isASCII, character.isLetter || character.isNumber || "-._~".contains(character) {
                out.append(character)
            } else {
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }

    /// The action URL with its parameters; colons in its path percent-encoded as the AWS SDK client sends them, unless
    /// the call goes through OkHttp, which leaves them (`encodingColons: false`).
    private func renderURL(_ url: String, _ parameters: [String: String], encodingColons: Bool = true) throws(OpenSearchError) -> String {
        let rendered = try ConnectorTemplate.renderURL(url, parameters: parameters)
        guard rendered.hasPrefix("http://") || rendered.hasPrefix("https://"), !rendered.contains("${"),
            !UpstreamRequest(method: "GET", url: rendered, headers: [], body: [], isStreaming: false).host.isEmpty
        else {
            throw .illegalArgument(
                "Encountered error when trying to create uri from endpoint in ml connector. Please update the endpoint in connection configuration: ")
        }
        return encodingColons ? Self.encodingColonsInModelPath(rendered) : rendered
    }

    /// Bedrock model ids carry `:`; SDKs send it percent-encoded in the path.
    static func encodingColonsInModelPath(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let afterScheme = url[schemeEnd.upperBound...]
        guard let pathStart = afterScheme.firstIndex(of: "/") else { return url }
        let queryStart = afterScheme[pathStart...].firstIndex(of: "?") ?? afterScheme.endIndex
        let path = String(afterScheme[pathStart..<queryStart]).replacingAll(":", with: "%3A")
        return String(url[..<pathStart]) + path + afterScheme[queryStart...]
    }

    private func renderHeaders(_ action: ConnectorAction) throws(OpenSearchError) -> [(name: String, value: String)] {
        let rendered = try ConnectorTemplate.renderHeaders(
            action.headers ?? JSONObject(), credential: connector.credential, connectorParameters: connector.parameters)
        return rendered.compactMap { name, value in value.stringValue.map { (name, $0) } }
    }

    private func sign(_ request: UpstreamRequest, parameters: [String: String]) throws(OpenSearchError) -> UpstreamRequest {
        guard let accessKey = connector.credential["access_key"], let secretKey = connector.credential["secret_key"] else {
            throw .illegalArgument("Missing credential")
        }
        let region = parameters["region"] ?? "us-east-1"
        let service = parameters["service_name"] ?? "bedrock"
        let signer = SigV4Signer(
            credentials: SigV4Credentials(
                accessKeyID: accessKey, secretAccessKey: secretKey, sessionToken: connector.credential["session_token"]),
            region: region, service: service)
        let signature = signer.sign(
            SigV4Request(method: request.method, url: request.url, headers: request.headers, body: request.body),
            date: clock())
        var signed = request
        signed.headers.append(contentsOf: signature.headersToAdd)
        return signed
    }
}

import HTTPTypes
import HummingbirdCore
import Hummingbird
import Logging
import MLCommonsCore
import MLStore
import NIOCore
import WireFormats

/// The Hummingbird responder: turns HTTP into ``RESTRequest``s, dispatches through the
/// ``RouteTable`` and renders every answer, errors included, the way OpenSearch does.
struct OpenSearchResponder: HTTPResponder {
    typealias Context = EmulatorRequestContext

    let routes: RouteTable
    let maxContentLength: Int
    let crossSiteGuard: CrossSiteGuard
    /// Authentication in the security mode.
    let securityGate: SecurityGate?
    let logger: Logger

    func respond(to request: Request, context: Context) async throws -> Response {
        let rawURI = request.uri.description
        let path = Self.decodedPath(request.uri.path)
        let method = request.method.rawValue
        let access = AccessLog(logger: logger, method: method, path: path)
        let query = Self.query(request.uri)
        let headers = Self.headers(of: request)
        let origin = request.headers[.origin]
        let rendering: ResponseRendering
        do {
            rendering = try ResponseRendering(query: query, headers: headers)
        } catch {
            return render(.error(error), method: method, rendering: .plain, context: context, access: access)
        }

        if method == "OPTIONS", request.headers[values: HTTPField.Name("Access-Control-Request-Method")!].first != nil,
            let preflight = crossSiteGuard.preflight(origin: origin)
        {
            return render(preflight, method: method, rendering: rendering, context: context, access: access)
        }
        if crossSiteGuard.corsForbids(headers: headers) {
            return render(RESTResponse(status: 403, body: .empty), method: method, rendering: rendering, context: context, access: access)
        }
        if let refusal = crossSiteGuard.refusal(method: method, path: path, headers: headers) {
            logger.notice("refused request", metadata: ["method": "\(method)", "path": "\(path)", "reason": "\(refusal.reason)"])
            return render(.error(refusal), method: method, rendering: rendering, context: context, access: access)
        }

        // The security plugin authenticates when the headers arrive, before the body is read.
        var user: SecurityUser?
        if let securityGate {
            switch securityGate.authenticate(method: method, path: path, authorization: request.headers[.authorization]) {
            case .open: break
            case .authenticated(let authenticated): user = authenticated
            case .refused(let refusal):
                return render(refusal, method: method, rendering: rendering, context: context, access: access)
            }
        }

        let collected: [UInt8]
        do {
            collected = try await Self.collect(request.body, limit: maxContentLength)
        } catch is BodyTooLarge {
            // Netty's aggregator answers before OpenSearch sees the request: no body at all.
            return render(RESTResponse(status: 413, body: .empty), method: method, rendering: rendering, context: context, access: access)
        }

        let outcome: RESTResponse
        switch routes.resolve(method: method, path: path, rawURI: rawURI) {
        case .failure(let error):
            if method == "OPTIONS", let allowed = routes.methods(path: path) {
                // `RestController.handleOptionsRequest`: the path's methods, an empty text body.
                outcome = RESTResponse(
                    status: 200, headers: [("Allow", allowed.joined(separator: ","))],
                    body: .text("", contentType: "text/plain; charset=UTF-8"))
            } else {
                outcome = .error(error)
            }
        case .success(let (route, parameters)):
            let contentType = request.headers[.contentType]
            if !collected.isEmpty, !Self.isSupported(contentType: contentType) {
                outcome = .error(.unsupportedContentType(contentType))
                break
            }
            let unknown = query.keys.filter {
                !route.queryParameters.contains($0) && !RouteTable.globalQueryParameters.contains($0)
            }.sorted()
            if !unknown.isEmpty {
                // The handler parses the body before OpenSearch checks for unconsumed parameters.
                if !collected.isEmpty, case .failure(let parseError) = Result<JSONValue, JSONParseError>(catching: { () throws(JSONParseError) in try JSONParser.parse(collected) }) {
                    outcome = .error(.jsonParse(parseError))
                } else {
                    let candidates = route.queryParameters.union(RouteTable.globalQueryParameters).union(parameters.keys)
                    outcome = .error(Self.unrecognizedParameters(unknown, path: path, candidates: candidates))
                }
                break
            }
            var restRequest = RESTRequest(
                method: method, path: path, rawURI: rawURI, query: query, headers: headers, body: collected)
            restRequest.pathParameters = parameters
            restRequest.user = user
            restRequest.remoteAddress = Self.remoteAddress(context.channel?.remoteAddress)
            do {
                outcome = try await route.handler(restRequest)
            } catch let error as any OpenSearchErrorConvertible {
                outcome = .error(error.openSearchError)
            } catch let error as StoreError where error.isConstraintViolation {
                // Input the routes did not catch, refused by the schema: the client's mistake, not the server's.
                outcome = .error(.illegalArgument(error.description))
            } catch {
                logger.error("unexpected error", metadata: ["path": "\(path)", "error": "\(error)"])
                outcome = .error(OpenSearchError(reporting: error))
            }
        }
        var answer = outcome
        answer.headers += crossSiteGuard.corsHeaders(origin: origin)
        return render(answer, method: method, rendering: rendering, context: context, access: access)
    }

    /// `NetworkAddress.format`: `127.0.0.1:53522`, `[::1]:53522`.
    static func remoteAddress(_ address: SocketAddress?) -> String? {
        guard let address, let ip = address.ipAddress, let port = address.port else { return nil }
        return ip.utf8.contains(UInt8(ascii: ":")) ? "[\(ip)]:\(port)" : "\(ip):\(port)"
    }

    private func render(
        _ response: RESTResponse, method: String, rendering: ResponseRendering, context: Context, access: AccessLog
    ) -> Response {
        var fields = HTTPFields()
        for (name, value) in response.headers {
            if let field = HTTPField.Name(name) { fields[field] = value }
        }
        var status = HTTPResponse.Status(code: response.status)
        var failure: String?
        let bytes: [UInt8]
        switch response.body {
        case .json(let value):
            let body: JSONValue?
            do {
                body = try rendering.filtered(value, isError: response.isError)
            } catch {
                // A `filter_path` with nothing in it fails once the response is built.
                status = HTTPResponse.Status(code: error.status)
                body = error.envelope
            }
            let rendered = rendering.encode(body, prettyByDefault: response.prettyByDefault)
            bytes = rendered.bytes
            fields[.contentType] = rendered.contentType
            if response.isError || status.code >= 400, let body { failure = AccessLog.errorSummary(body) }
        case .text(let text, let contentType):
            bytes = Array(text.utf8)
            fields[.contentType] = contentType
        case .empty:
            bytes = []
        case .stream(let contentType, let producer):
            fields[.contentType] = contentType
            let code = status.code
            let body = StreamedResponseBody.make(producer, context: context) { stream in
                access.finish(status: code, bytes: stream.bytes, stream: stream)
            }
            return Response(status: status, headers: fields, body: body)
        }
        access.finish(status: status.code, bytes: method == "HEAD" ? 0 : bytes.count, error: failure)
        fields[.contentLength] = String(bytes.count)
        if method == "HEAD" { return Response(status: status, headers: fields, body: ResponseBody()) }
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// The request's headers as received; HTTP/1's `Host` travels as the `:authority` pseudo-header.
    static func headers(of request: Request) -> [(name: String, value: String)] {
        var headers = request.headers.map { (name: $0.name.rawName, value: $0.value) }
        if let authority = request.head.authority { headers.insert((name: "Host", value: authority), at: 0) }
        return headers
    }

    /// `BaseRestHandler.unrecognized`: each name with the parameters the route reads that are more
    /// than half alike (best first, then by name), as "did you mean" suggestions.
    static func unrecognizedParameters(_ names: [String], path: String, candidates: Set<String> = []) -> OpenSearchError {
        let list = names.map { name in name + suggestion(for: name, among: candidates) }.map { "[" + $0 }
        let noun = names.count == 1 ? "parameter" : "parameters"
        return .illegalArgument("request [\(path)] contains unrecognized \(noun): \(list.joined(separator: ", "))")
    }

    /// The `]` that closes a name, with what it might have meant.
    private static func suggestion(for name: String, among candidates: Set<String>) -> String {
        // A length difference over half the longer name already scores 0.5 or less: not computed.
        let near = candidates.filter { 2 * abs($0.utf16.count - name.utf16.count) <= max($0.utf16.count, name.utf16.count) }
        let scored: [(score: Float, name: String)] = near.map { (LevenshteinSimilarity.score(name, $0), $0) }
        let ranked = scored.filter { $0.score > 0.5 }.sorted { lhs, rhs in
            lhs.score != rhs.score ? lhs.score > rhs.score : lhs.name < rhs.name
        }
        let names = ranked.map(\.name)
        switch names.count {
        case 0: return "]"
        case 1: return "] -> did you mean [" + names[0] + "]?"
        default: return "] -> did you mean any of [" + names.joined(separator: ", ") + "]?"
        }
    }

    /// The media types OpenSearch's `XContentType.fromMediaType` accepts.
    static func isSupported(contentType: String?) -> Bool {
        guard let contentType else { return false }
        let mediaType = contentType.split(separator: ";").first.map { String($0).trimmingWhitespace().lowercased() } ?? ""
        return [
            "application/json", "application/x-ndjson", "application/smile", "application/yaml", "application/cbor",
            "application/vnd.opensearch+json", "application/vnd.opensearch+x-ndjson",
        ].contains(mediaType)
    }

    /// The path with `%XX` escapes decoded (`+` stays `+` in a path, as in OpenSearch's `RestUtils`).
    static func decodedPath(_ path: String) -> String {
        // Byte search: `String.contains(String)` goes through Foundation's locale-aware search.
        guard path.utf8.contains(UInt8(ascii: "%")) else { return path }
        return String(validating: SigV4PercentEncoding.decode(path[...]), as: UTF8.self) ?? path
    }

    static func query(_ uri: URI) -> [String: String] {
        var out: [String: String] = [:]
        for (key, value) in uri.queryParameters { out[String(key)] = String(value) }
        return out
    }

    struct BodyTooLarge: Error {}

    static func collect(_ body: RequestBody, limit: Int) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        for try await buffer in body {
            guard bytes.count + buffer.readableBytes <= limit else { throw BodyTooLarge() }
            bytes.append(contentsOf: buffer.readableBytesView)
        }
        return bytes
    }
}

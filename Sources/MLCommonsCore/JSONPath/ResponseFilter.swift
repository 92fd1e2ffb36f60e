/// The `dataAsMap` of the single `response` tensor a remote model call produces when no built-in
/// post-process function applies (`ConnectorUtils.processOutput` then `AbstractConnector.parseResponse`).
public enum ResponseFilter {
    /// The tensor name and the key that wraps non-object results.
    public static let responseKey = "response"

    /// Applies the optional `response_filter` to the upstream body and shapes the result.
    ///
    /// Numbers follow the Java objects each route produces: without a filter (or when the filter yields
    /// a JSON string) gson reads the text and every number becomes a double (`33.0`, `1.759580469E9`);
    /// a filtered object or array comes from json-smart, which keeps integers (`33`).
    public static func dataAsMap(responseBody: String, responseFilter: String?) throws(JSONPathError) -> JSONObject {
        // processOutput: JsonPath.parse(body).read(filter) (json-smart) → parseResponse; no filter: parseResponse(body).
        guard let responseFilter else { return parseResponse(.string(responseBody)) }
        let path = try JSONPath(responseFilter)
        // `JsonPath.parse(body)`: json-smart reads the raw text; text it cannot read is kept as a string.
        let document = GsonLenientParser.parse(responseBody) ?? .string(responseBody)
        let filtered = try path.read(document, model: .jsonSmart)
        return parseResponse(filtered.jsonSmartNormalized)
    }

    /// `AbstractConnector.parseResponse`: a string holding a JSON object or array is read by gson
    /// (`StringUtils.fromJson`, arrays wrapped under `response`); an object is used as it is; anything
    /// else (plain text, number, list, null) is wrapped under `response`.
    public static func parseResponse(_ value: JSONValue) -> JSONObject {
        switch value {
        case .string(let text) where JSONEscaping.isJSON(text):
            return fromJson(text) ?? [responseKey: value]
        case .object(let object):
            return object
        default:
            return [responseKey: value]
        }
    }

    /// `StringUtils.fromJson(text, "response")`: gson's lenient parse with all numbers as doubles; an
    /// array becomes `{"response":[…]}`; nil for anything but an object or array.
    public static func fromJson(_ text: String, defaultKey: String = responseKey) -> JSONObject? {
        switch GsonLenientParser.parse(text)?.gsonNormalized {
        case .object(let object)?: return object
        case .array(let elements)?: return [defaultKey: .array(elements)]
        default: return nil
        }
    }

    /// The error ml-commons reports when output processing fails with anything but an
    /// `IllegalArgumentException` (`MLSdkAsyncHttpResponseHandler`; the text says "aws" for every connector).
    public static func processingFailure(action: String, cause: JSONPathError) -> OpenSearchError {
        OpenSearchError(
            "MLException", reason: "Fail to execute \(action) in aws connector", status: 500, cause: cause.openSearchError)
    }
}

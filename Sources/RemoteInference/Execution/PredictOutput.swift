import MLCommonsCore

/// Turns a provider's non-streaming answer into `_predict`'s `ModelTensorOutput` (§2.4, §3.6).
public enum PredictOutput {
    /// The response document, or the error ml-commons reports for the upstream answer.
    public static func render(
        status: Int, body: [UInt8], parameters: [String: String], action: String = "predict"
    ) throws(OpenSearchError) -> JSONValue {
        let text = String(decoding: body, as: UTF8.self)
        guard (200..<300).contains(status) else {
            if text.isEmpty {
                throw OpenSearchError.statusException("Remote service returned error status \(status) with empty body", status: status)
            }
            throw OpenSearchError.statusException("Error from remote service: \(text)", status: status)
        }
        guard !text.isEmpty else {
            throw OpenSearchError.statusException("Remote service returned empty response body", status: 502)
        }
        let dataAsMap: JSONObject
        do {
            dataAsMap = try ResponseFilter.dataAsMap(responseBody: text, responseFilter: responseFilter(parameters))
        } catch {
            throw ResponseFilter.processingFailure(action: action, cause: error)
        }
        return tensorOutput(dataAsMap: dataAsMap, status: status)
    }

    /// The filter in force: a built-in post-process function's default path unless `response_filter` overrides it.
    static func responseFilter(_ parameters: [String: String]) -> String? {
        if let name = parameters["post_process_function"], let function = PostProcessFunction(rawValue: name) {
            return function.responseFilter(overriddenBy: parameters["response_filter"])
        }
        return parameters["response_filter"]
    }

    /// `{"inference_results":[{"output":[{"name":"response","dataAsMap":{…}}],"status_code":N}]}`.
    public static func tensorOutput(dataAsMap: JSONObject, status: Int) -> JSONValue {
        [
            "inference_results": [
                [
                    "output": [["name": "response", "dataAsMap": .object(dataAsMap)]],
                    "status_code": .number(JSONNumber(status)),
                ]
            ]
        ]
    }
}

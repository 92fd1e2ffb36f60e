/// One action of a connector (`ConnectorAction.java`).
public struct ConnectorAction: Sendable, Hashable {
    /// Action types accepted by ml-commons, in their upper-case wire form.
    public static let types = ["PREDICT", "EXECUTE", "BATCH_PREDICT", "CANCEL_BATCH_PREDICT", "BATCH_PREDICT_STATUS"]

    public var actionType: String
    public var method: String
    public var url: String
    public var headers: JSONObject?
    public var requestBody: String?
    public var preProcessFunction: String?
    public var postProcessFunction: String?

    /// Parses and validates one action as `ConnectorAction.parse` and its constructor do.
    public init(parsing value: JSONValue) throws(OpenSearchError) {
        let fields = try RequestObject(value)
        let type = try fields.string("action_type")
        let method = try fields.string("method")
        let url = try fields.string("url")
        guard let type else { throw .illegalArgument("action type can't be null") }
        guard let url else { throw .illegalArgument("url can't be null") }
        guard let method else { throw .illegalArgument("method can't be null") }
        guard ConnectorAction.types.contains(type.uppercased()) else {
            throw .illegalArgument("Wrong Action Type of \(type)")
        }
        self.actionType = type.uppercased()
        self.method = method
        self.url = url
        self.headers = try fields.stringMap("headers")
        self.requestBody = try fields.string("request_body")
        self.preProcessFunction = try fields.string("pre_process_function")
        self.postProcessFunction = try fields.string("post_process_function")
    }

    /// The stored and returned form, in `ConnectorAction.toXContent` order.
    public var json: JSONValue {
        var object: JSONObject = [
            "action_type": .string(actionType), "method": .string(method), "url": .string(url),
        ]
        if let headers { object["headers"] = .object(headers) }
        if let requestBody { object["request_body"] = .string(requestBody) }
        if let preProcessFunction { object["pre_process_function"] = .string(preProcessFunction) }
        if let postProcessFunction { object["post_process_function"] = .string(postProcessFunction) }
        return .object(object)
    }
}

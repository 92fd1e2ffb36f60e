extension OpenSearchError {
    /// The body OpenSearch's `BytesRestResponse` writes (envelope a), or `RestController`'s bare form.
    public var envelope: JSONValue {
        switch body {
        case .bareMessage(let includeStatus):
            var object: JSONObject = ["error": .string(reason)]
            if includeStatus { object["status"] = .number(JSONNumber(status)) }
            return .object(object)
        case .exception:
            var error = JSONObject()
            error["root_cause"] = .array([.object(rootCause.typeAndReason)])
            for (key, value) in typeAndReason { error[key] = value }
            if let cause = causes.first { error["caused_by"] = .object(cause.causeChain) }
            return .object(["error": .object(error), "status": .number(JSONNumber(status))])
        }
    }

    /// The body the execute APIs write for transport failures (envelope b):
    /// `{"status":N,"error":{"type":"<JavaClass>","reason":"Invalid Request"|"System Error","details":"…"}}`.
    public var executeEnvelope: JSONValue {
        // `ErrorMessageFactory`: the status of the thrown exception, the class and message of its deepest cause
        // (commons-lang's `getRootCause`).
        let root = innermostCause
        let error: JSONObject = [
            "type": .string(root.javaClass),
            "reason": .string(status == 400 ? "Invalid Request" : "System Error"),
            "details": .string(root.reason),
        ]
        return .object(["status": .number(JSONNumber(status)), "error": .object(error)])
    }

    /// The deepest cause: OpenSearch's root cause for wrapper exceptions, this error otherwise.
    public var rootCause: OpenSearchError {
        // Only wrapper exceptions unwrap; an ordinary exception is its own root cause. A search phase failure
        // reports its shards' failures, the innermost exception of its chain.
        switch javaClass {
        case "RemoteTransportException": return causes.first?.rootCause ?? self
        case "SearchPhaseExecutionException": return causes.first?.innermostCause ?? self
        default: return self
        }
    }

    private var innermostCause: OpenSearchError { causes.first?.innermostCause ?? self }

    private var typeAndReason: JSONObject {
        var object: JSONObject = ["type": .string(type), "reason": .string(reason)]
        for (key, value) in metadata { object[key] = value }
        return object
    }

    private var causeChain: JSONObject {
        var object = typeAndReason
        if let cause = causes.first { object["caused_by"] = .object(cause.causeChain) }
        return object
    }
}

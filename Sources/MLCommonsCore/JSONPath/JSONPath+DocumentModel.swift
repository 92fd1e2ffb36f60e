extension JSONPath.DocumentModel {
    /// `model.getClass().getName()` for a value of this model, as Jayway prints it in its messages.
    func className(of value: JSONValue) -> String {
        switch (self, value) {
        case (_, .null): return "null"
        case (_, .string): return "java.lang.String"
        case (_, .bool): return "java.lang.Boolean"
        case (.jsonSmart, .object): return "java.util.LinkedHashMap"
        case (.jsonSmart, .array): return "net.minidev.json.JSONArray"
        case (.jsonSmart, .number(let number)): return JSONSmartNumber.javaClass(of: number)
        case (.gson, .object): return "com.google.gson.internal.LinkedTreeMap"
        case (.gson, .array): return "java.util.ArrayList"
        case (.gson, .number): return "java.lang.Double"
        }
    }

    /// `String.valueOf(value)` for a value of this model: maps as `{k=v, …}`; json-smart arrays print as
    /// JSON, gson's `ArrayList` as `[a, b]`; strings unquoted.
    func javaString(of value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return self == .jsonSmart ? JSONSmartNumber.normalized(number).text : number.text
        case .string(let text): return text
        case .object(let object):
            return "{" + object.map { "\($0.key)=\(javaString(of: $0.value))" }.joined(separator: ", ") + "}"
        case .array(let elements):
            switch self {
            case .jsonSmart: return JSONSmartNumber.jsonText(of: value.jsonSmartNormalized)
            case .gson: return "[" + elements.map(javaString(of:)).joined(separator: ", ") + "]"
            }
        }
    }
}

import MLCommonsCore

/// A value of a script being parsed, with its location so every error can say where it is.
struct MockLLMScriptNode: Sendable {
    let value: JSONValue
    let path: String

    /// The object's members, after checking that every key is known; keys starting with `_` are comments.
    func members(allowing allowedKeys: [String]) throws(MockLLMScriptError) -> [String: MockLLMScriptNode] {
        guard case .object(let object) = value else { throw failure("expected an object, found \(kind)") }
        var members: [String: MockLLMScriptNode] = [:]
        for (key, member) in object where !key.hasPrefix("_") {
            guard allowedKeys.contains(key) else {
                let expected = allowedKeys.map { "\"\($0)\"" }.joined(separator: ", ")
                throw failure("unknown key \"\(key)\"; expected one of \(expected)")
            }
            members[key] = MockLLMScriptNode(value: member, path: "\(path).\(key)")
        }
        return members
    }

    func string() throws(MockLLMScriptError) -> String {
        guard case .string(let text) = value else { throw failure("expected a string, found \(kind)") }
        return text
    }

    func bool() throws(MockLLMScriptError) -> Bool {
        guard case .bool(let flag) = value else { throw failure("expected true or false, found \(kind)") }
        return flag
    }

    /// A whole number within `range` (written as an integer, or a double with no fraction).
    func integer(in range: ClosedRange<Int>) throws(MockLLMScriptError) -> Int {
        guard case .number(let number) = value, let integer = number.intValue else {
            throw failure("expected a whole number, found \(kind)")
        }
        guard range.contains(integer) else {
            throw failure("\(integer) is out of range \(range.lowerBound)…\(range.upperBound)")
        }
        return integer
    }

    func elements() throws(MockLLMScriptError) -> [MockLLMScriptNode] {
        guard case .array(let elements) = value else { throw failure("expected an array, found \(kind)") }
        return elements.enumerated().map { MockLLMScriptNode(value: $0.element, path: "\(path)[\($0.offset)]") }
    }

    func failure(_ message: String) -> MockLLMScriptError {
        MockLLMScriptError(path: path, message: message)
    }

    private var kind: String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// A memory container document (`MLMemoryContainer`) in `.plugins-ml-am-memory-container`.
public enum MemoryContainer {
    public static let index = ".plugins-ml-am-memory-container"

    /// The stored and returned document, in `MLMemoryContainer.toXContent`'s order: no id, unset fields left out.
    public static func document(
        name: String?, description: String?, owner: JSONValue?, createdTime: Int64, lastUpdatedTime: Int64,
        configuration: MemoryContainerConfiguration, backendRoles: [String]?
    ) -> JSONObject {
        var object = JSONObject()
        if let name { object["name"] = .string(name) }
        if let description { object["description"] = .string(description) }
        if let owner { object["owner"] = owner }
        object["created_time"] = .number(JSONNumber(text: String(createdTime)))
        object["last_updated_time"] = .number(JSONNumber(text: String(lastUpdatedTime)))
        object["configuration"] = configuration.json
        if let backendRoles, !backendRoles.isEmpty { object["backend_roles"] = .array(backendRoles.map(JSONValue.string)) }
        return object
    }

    /// The configuration of a stored container, read back as `MLMemoryContainer.parse` does.
    public static func configuration(of source: JSONObject, sessionsOffByDefault: Bool) throws(OpenSearchError) -> MemoryContainerConfiguration {
        try MemoryContainerConfiguration(
            parsing: source["configuration"], sessionsOffByDefault: sessionsOffByDefault, randomHex: { "" })
    }

    /// Whether `user` may use the container (`checkMemoryContainerAccess`): no user (security off) and
    /// admins always; otherwise its owner, or a shared backend role.
    public static func isAccessible(_ source: JSONObject, to user: SecurityUser?) -> Bool {
        guard let user, !user.isAdmin else { return true }
        if source["owner"]?["name"]?.stringValue == user.name { return true }
        let roles = Set((source["backend_roles"]?.arrayValue ?? []).compactMap(\.stringValue)
            + (source["owner"]?["backend_roles"]?.arrayValue ?? []).compactMap(\.stringValue))
        return !roles.isDisjoint(with: user.backendRoles)
    }
}

/// The access-control fields of a model group, model or connector request: `access_mode`,
/// `backend_roles` and `add_all_backend_roles`, read as each ml-commons input class reads them.
public struct AccessControlParameters: Sendable, Hashable {
    /// `AccessMode.from`: `public`, `private` or `restricted`; any other text reads as absent.
    public var accessMode: String?
    public var backendRoles: [String]?
    /// Present (even `false`) when the request names it.
    public var addAllBackendRoles: Bool?

    static let modes: Set<String> = ["public", "private", "restricted"]

    /// - Parameter lowercasingMode: the model-group inputs lower-case `access_mode` first; the
    ///   model-registration and connector inputs do not.
    public init(_ fields: RequestObject, lowercasingMode: Bool) throws(OpenSearchError) {
        let mode = try fields.string("access_mode").map { lowercasingMode ? $0.lowercased() : $0 }
        accessMode = mode.flatMap { Self.modes.contains($0) ? $0 : nil }
        backendRoles = try fields.stringList("backend_roles")
        addAllBackendRoles = try fields.bool("add_all_backend_roles")
    }

    public init() {}

    /// Whether the request sets any of them, as the security-off checks test it: a mode or the flag
    /// given at all, or at least one backend role.
    public var areGiven: Bool { accessMode != nil || addAllBackendRoles != nil || !(backendRoles ?? []).isEmpty }

    /// `validateSecurityDisabledOrModelAccessControlDisabled`: without the security plugin these
    /// fields are refused.
    public func checkModelAccessControlDisabled() throws(OpenSearchError) {
        guard areGiven else { return }
        throw .illegalArgument(
            "You cannot specify model access control parameters because the Security plugin or model access control "
                + "is disabled on your cluster.")
    }

    /// `validateSecurityDisabledOrConnectorAccessControlDisabled`, the connector twin.
    public func checkConnectorAccessControlDisabled() throws(OpenSearchError) {
        guard areGiven else { return }
        throw .illegalArgument(
            "You cannot specify connector access control parameters because the Security plugin or connector access "
                + "control is disabled on your cluster.")
    }
}

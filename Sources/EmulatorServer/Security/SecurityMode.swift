import MLCommonsCore

/// How the security mode runs: the admin's password, the other users, and the certificate to serve.
public struct SecurityMode: Sendable {
    /// `OPENSEARCH_INITIAL_ADMIN_PASSWORD`, checked as the security plugin's demo installer checks it.
    public var adminPassword: String
    /// Users besides `admin`, from the users file.
    public var users: [InternalUser]
    /// PEM files of the certificate chain and its key; nil makes (once) and keeps a self-signed pair.
    public var certificateFiles: (certificate: String, key: String)?

    public init(adminPassword: String, users: [InternalUser] = [], certificateFiles: (certificate: String, key: String)? = nil) {
        self.adminPassword = adminPassword
        self.users = users
        self.certificateFiles = certificateFiles
    }

    /// Reads a users file (the shape of `internal_users.yml`).
    public static func users(fromFile text: String) throws(EmulatorStartupError) -> [InternalUser] {
        try InternalUsersFile.parse(text)
    }

    /// The start refusal the security plugin's installer prints for a missing or weak admin password.
    func adminPasswordRefusal() -> EmulatorStartupError? {
        if adminPassword.isEmpty { return EmulatorStartupError(AdminPasswordPolicy.missingMessage) }
        if let reason = AdminPasswordPolicy.reason(refusing: adminPassword) {
            return EmulatorStartupError(AdminPasswordPolicy.refusal(password: adminPassword, reason: reason))
        }
        return nil
    }

    var directory: UserDirectory { UserDirectory([.admin(password: adminPassword)] + users) }
}

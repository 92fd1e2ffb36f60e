import Foundation
import MLCommonsCore
import Testing

/// The security plugin's credential reading, admin password checks and permission patterns.
@Suite("Security plugin rules")
struct SecurityCoreTests {
    static func header(_ text: String) -> String { "Basic " + Data(text.utf8).base64EncodedString() }

    @Test func basicCredentialsAreReadAsHTTPHelperReadsThem() {
        #expect(BasicCredentials(header: Self.header("admin:pa:ss")) == BasicCredentials(user: "admin", password: "pa:ss"))
        #expect(BasicCredentials(header: "bAsIc " + Data("u:p".utf8).base64EncodedString()) == BasicCredentials(user: "u", password: "p"))
        for refused in ["Bearer x", "Basic", "Basic !!!", Self.header("nocolon"), Self.header(":pw"), Self.header("user:")] {
            #expect(BasicCredentials(header: refused) == nil, "\(refused)")
        }
    }

    @Test func theAdminPasswordIsCheckedAsTheDemoInstallerChecksIt() {
        #expect(AdminPasswordPolicy.reason(refusing: "Sh0rt!") == "Password is too short")
        #expect(AdminPasswordPolicy.reason(refusing: String(repeating: "Aa1!", count: 26)) == "Password is too long")
        #expect(AdminPasswordPolicy.reason(refusing: "alllowercase1!") == "Password does not match validation regex")
        #expect(AdminPasswordPolicy.reason(refusing: "NoDigitsHere!") == "Password does not match validation regex")
        // The regex's doubled escape lets a digit stand in for the special character.
        #expect(AdminPasswordPolicy.reason(refusing: "Correct7Horse9Battery") == nil)
        #expect(AdminPasswordPolicy.reason(refusing: "MyAdmin-Pass42") == "Password is similar to user name")
        #expect(AdminPasswordPolicy.reason(refusing: "x-4dm1n-Pass42") == "Password is similar to user name")
        #expect(AdminPasswordPolicy.refusal(password: "weak", reason: "Password is too short") == "Password weak failed validation: \"Password is too short\". Please re-try with a minimum 8 character password and must contain at least one uppercase letter, one lowercase letter, one digit, and one special character that is strong. Password strength can be tested here: https://lowe.github.io/tryzxcvbn")
    }

    @Test func userDescriptionsAreTheSecurityPlugins() {
        let user = SecurityUser(name: "alice", backendRoles: ["a", "b"], roles: ["own_index"])
        #expect(user.description == "User [name=alice, backend_roles=[a, b], requestedTenant=null]")
        #expect(!user.isAdmin)
    }

    @Test func rolePermissionsMatchWithWildcards() {
        #expect(SecurityRolePermissions.allows(["ml_full_access"], "cluster:admin/opensearch/ml/models/get"))
        #expect(SecurityRolePermissions.allows(["ml_read_access"], "cluster:admin/opensearch/ml/models/search"))
        #expect(!SecurityRolePermissions.allows(["ml_read_access"], "cluster:admin/opensearch/ml/predict"))
        #expect(!SecurityRolePermissions.allows(["own_index", "readall"], "cluster:admin/opensearch/ml/models/get"))
        #expect(!SecurityRolePermissions.allows(["readall"], "cluster:monitor/main"))
        #expect(SecurityRolePermissions.allows(["ml_full_access"], "cluster:monitor/main"))
        #expect(SecurityRolePermissions.allowsOnEveryIndex(["readall"], "indices:data/read/search"))
        #expect(!SecurityRolePermissions.allowsOnEveryIndex(["readall"], "indices:data/write/index"))
    }
}

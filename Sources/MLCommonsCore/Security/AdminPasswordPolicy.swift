/// The checks the security plugin's demo installer makes on `OPENSEARCH_INITIAL_ADMIN_PASSWORD`
/// (`SecuritySettingsConfigurer.updateAdminPassword`, `PasswordValidator.validate`), with its messages.
public enum AdminPasswordPolicy {
    /// Printed when no password is given; the node does not start.
    public static let missingMessage =
        "No custom admin password found. Please provide a password via the environment variable OPENSEARCH_INITIAL_ADMIN_PASSWORD."

    /// The refusal of a weak password, which the installer prints with the password in clear.
    public static func refusal(password: String, reason: String) -> String {
        "Password \(password) failed validation: \"\(reason)\". Please re-try with a minimum 8 character password and must "
            + "contain at least one uppercase letter, one lowercase letter, one digit, and one special character that is "
            + "strong. Password strength can be tested here: https://lowe.github.io/tryzxcvbn"
    }

    /// The reason a password is refused, or nil when it passes.
    ///
    /// The character rule is the plugin's regex `(?=.*[A-Z])(?=.*[^a-zA-Z\\d])(?=.*[0-9])(?=.*[a-z]).{8,}`, whose
    /// doubled escape makes any character but a letter, `\` or `d` count as special (a digit does). zxcvbn's
    /// dictionary score is not computed; "similar to the user name" is its user-input match of `admin`, plain,
    /// reversed or in common l33t spellings.
    public static func reason(refusing password: String) -> String? {
        let characters = Array(password)
        if characters.count < 8 { return "Password is too short" }
        if characters.count > 100 { return "Password is too long" }
        let upper = characters.contains { $0.isASCII && $0.isUppercase }
        let lower = characters.contains { $0.isASCII && $0.isLowercase }
        let digit = characters.contains { $0.isASCII && $0.isNumber }
        let special = characters.contains { character in
            !(character.isASCII && character.isLetter) && character != "\\" && character != "d"
        }
        guard upper, lower, digit, special else { return "Password does not match validation regex" }
        if resemblesUserName(password) { return "Password is similar to user name" }
        return nil
    }

    private static func resemblesUserName(_ password: String) -> Bool {
        let substitutions: [Character: Character] = ["4": "a", "@": "a", "1": "i", "!": "i", "|": "i", "3": "e", "0": "o", "5": "s", "$": "s"]
        let plain = password.lowercased()
        let unleeted = String(plain.map { substitutions[$0] ?? $0 })
        return [plain, unleeted].contains { $0.contains("admin") || String($0.reversed()).contains("admin") }
    }
}

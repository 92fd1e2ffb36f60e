/// An OpenSearch release the emulator can impersonate; `VersionProfile` says what each one changes.
public enum OpenSearchVersion: String, Sendable, CaseIterable, Comparable {
    case v3_3_0 = "3.3.0"
    case v3_4_0 = "3.4.0"
    case v3_5_0 = "3.5.0"
    case v3_6_0 = "3.6.0"
    case v3_7_0 = "3.7.0"
    case v3_8_0 = "3.8.0"
    case v3_9_0 = "3.9.0"

    /// The newest release the emulator knows.
    public static let latest: OpenSearchVersion = .v3_9_0

    /// The release the emulator impersonates unless told otherwise.
    public static let `default`: OpenSearchVersion = .v3_3_0

    /// Parses a command-line value: `3.3.0` … `3.9.0`, the short forms `3.3` … `3.9`, or `latest`.
    public init?(argument: String) {
        let text = argument.lowercased()
        if text == "latest" {
            self = .latest
            return
        }
        guard let match = Self.allCases.first(where: { $0.rawValue == text || $0.shortForm == text }) else {
            return nil
        }
        self = match
    }

    /// The accepted command-line values, for an error message.
    public static var accepted: String {
        (allCases.map(\.rawValue) + ["latest"]).joined(separator: ", ")
    }

    /// The version string `GET /` reports as `version.number`.
    public var number: String { rawValue }

    /// `3.5.0` → `3.5`; every supported release is a `.0`.
    private var shortForm: String { String(rawValue.dropLast(2)) }

    /// Every supported release is 3.x.0, so the minor number orders them.
    private var minor: Int {
        switch self {
        case .v3_3_0: return 3
        case .v3_4_0: return 4
        case .v3_5_0: return 5
        case .v3_6_0: return 6
        case .v3_7_0: return 7
        case .v3_8_0: return 8
        case .v3_9_0: return 9
        }
    }

    public static func < (lhs: OpenSearchVersion, rhs: OpenSearchVersion) -> Bool { lhs.minor < rhs.minor }
}

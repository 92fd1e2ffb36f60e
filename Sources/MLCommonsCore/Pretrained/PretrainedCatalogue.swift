/// The pretrained-model list ml-commons checks a by-name registration against (`ModelHelper.isModelAllowed`:
/// the exact name, the version lower-cased, the format lower-cased), shipped in the binary.
public enum PretrainedCatalogue {
    /// Every entry, in the catalogue's order.
    public static var all: [PretrainedModel] { entries }

    /// The entry a `_register` body names, or nil when the list does not have it.
    public static func model(name: String, version: String?, format: String?) -> PretrainedModel? {
        guard let version, let format else { return nil }
        return entries.first {
            $0.name == name && $0.version == version.lowercased() && $0.format.rawValue == format.uppercased()
        }
    }

}
